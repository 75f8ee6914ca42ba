package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.journal.EntryId;

/**
 * The API's rules, over a SQLite file (and over PostgreSQL in {@link PostgresEndpointsTest}):
 * idempotent writes, named refusals, 400s naming the field, ETags, a log without personal data, and
 * a stop that lets requests in flight finish.
 */
class EndpointsTest {

  static final String SAVINGS = "/api/v1/groups/SHG01/savings";

  @TempDir Path folder;
  TestServer server;

  /** The server under test; a subclass puts it on another database. */
  TestServer open(ReportSource reports) {
    return TestServer.sqlite(folder, reports);
  }

  @BeforeEach
  void start() {
    server = open(TestServer.echo());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  static String save(String id, String member, String amount) {
    return "{\"id\": \"" + id + "\", \"member\": \"" + member + "\", \"amount\": \"" + amount
        + "\", \"date\": \"2024-05-04\"}";
  }

  int entries() {
    return server.books.store().journal().entries(TestServer.SHG01).size();
  }

  @Test
  void theSameSavingAgainReturnsTheFirstAndRecordsNothing() {
    int before = entries();
    HttpResponse<String> first = server.send("POST", SAVINGS, Role.TREASURER, save("S-1", "M02", "150"));
    assertEquals(201, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"repeat\" : false"), first.body());
    HttpResponse<String> again = server.send("POST", SAVINGS, Role.TREASURER, save("S-1", "M02", "150"));
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("\"repeat\" : true"), again.body());
    assertEquals(first.body().replace("\"repeat\" : false", "\"repeat\" : true"), again.body());
    assertEquals(before + 1, entries());
    assertTrue(server.books.store().journal().entry(TestServer.SHG01, EntryId.of("S-1")).isPresent());
    // users, tokens and audit lines sit beside the books, outside their hash chains
    assertTrue(server.books.store().journal().verify(TestServer.SHG01).isOk());
  }

  @Test
  void theSameIdWithOtherContentIsRefusedByName() {
    assertEquals(201, server.send("POST", SAVINGS, Role.TREASURER, save("S-2", "M02", "150")).statusCode());
    int before = entries();
    HttpResponse<String> other = server.send("POST", SAVINGS, Role.TREASURER, save("S-2", "M02", "175"));
    assertEquals(422, other.statusCode(), other.body());
    assertTrue(other.body().contains("\"error\" : \"ENTRY_EXISTS_WITH_DIFFERENT_CONTENT\""), other.body());
    assertEquals(before, entries());
  }

  @Test
  void anOperationTheEngineRefusesIs422WithItsRejectionAndWritesNothing() {
    int before = entries();
    HttpResponse<String> stranger = server.send("POST", SAVINGS, Role.ADMIN, save("S-3", "M77", "100"));
    assertEquals(404, stranger.statusCode(), stranger.body());
    assertTrue(stranger.body().contains("\"error\" : \"MEMBER_NOT_FOUND\""), stranger.body());
    HttpResponse<String> tooEarly = server.send("POST", SAVINGS, Role.ADMIN,
        save("S-4", "M02", "100").replace("2024-05-04", "2020-01-01"));
    assertEquals(422, tooEarly.statusCode(), tooEarly.body());
    assertTrue(tooEarly.body().contains("\"error\" : \"DATE_BEFORE_FORMATION\""), tooEarly.body());
    HttpResponse<String> overpaid = server.send("POST", "/api/v1/groups/SHG01/loans/L1/repayments", Role.ADMIN,
        "{\"id\": \"R-9\", \"amount\": \"90000\", \"date\": \"2024-05-20\"}");
    assertEquals(422, overpaid.statusCode(), overpaid.body());
    assertEquals(before, entries());
  }

  @Test
  void aBadBodyIs400NamingTheField() {
    Map<String, String> cases = Map.of(
        "{\"member\": \"M02\", \"amount\": \"1\", \"date\": \"2024-05-04\"}", "id",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": 100, \"date\": \"2024-05-04\"}", "amount",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": \"-5\", \"date\": \"2024-05-04\"}", "amount",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": \"ten\", \"date\": \"2024-05-04\"}", "amount",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": \"1\", \"date\": \"4 May\"}", "date",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": \"1\", \"date\": \"2024-05-04\", \"kind\": \"gift\"}", "kind",
        "{\"id\": \"X\", \"member\": \"M02\", \"amount\": \"1\", \"date\": \"2024-05-04\", \"memo\": \"hi\"}", "memo",
        "{\"id\": \"bad id with spaces\", \"member\": \"M02\", \"amount\": \"1\", \"date\": \"2024-05-04\"}", "id",
        "[1, 2]", "body",
        "{\"id\": {\"deep\": [[[[[[1]]]]]]}}", "id");
    int before = entries();
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> response = server.send("POST", SAVINGS, Role.ADMIN, bad.getKey());
      assertEquals(400, response.statusCode(), bad.getKey() + " -> " + response.body());
      assertTrue(response.body().contains("\"field\" : \"" + bad.getValue() + "\""), bad.getKey() + " -> " + response.body());
    }
    HttpResponse<String> notJson = server.send("POST", SAVINGS, Role.ADMIN, "{\"id\": \"X\", ");
    assertEquals(400, notJson.statusCode(), notJson.body());
    HttpResponse<String> huge = server.send("POST", SAVINGS, Role.ADMIN, "{\"id\": \"" + "x".repeat(100_000) + "\"}");
    assertEquals(413, huge.statusCode(), huge.body());
    assertTrue(huge.body().contains("\"error\" : \"TOO_LARGE\""), huge.body());
    assertEquals(before, entries());
  }

  @Test
  void anUnknownQueryParameterOrPathIsNamed() {
    HttpResponse<String> unknown = server.send("GET", "/api/v1/groups/SHG01/statement?group=SHG02", Role.ADMIN, null);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("\"field\" : \"group\""), unknown.body());
    HttpResponse<String> nowhere = server.send("GET", "/api/v1/nowhere", Role.ADMIN, null);
    assertEquals(404, nowhere.statusCode());
    assertTrue(nowhere.body().contains("\"error\" : \"NOT_FOUND\""), nowhere.body());
  }

  @Test
  void namesAreForThoseWhoMaySeeThemAndAnAuditorGetsPseudonyms() {
    String statement = "/api/v1/groups/SHG01/statement?names=true";
    HttpResponse<String> treasurer = server.send("GET", statement, Role.TREASURER, null);
    assertEquals(200, treasurer.statusCode());
    assertTrue(treasurer.body().contains("\"names\" : true"), treasurer.body());
    HttpResponse<String> auditor = server.send("GET", statement, Role.AUDITOR, null);
    assertEquals(400, auditor.statusCode());
    assertTrue(auditor.body().contains("\"field\" : \"names\""), auditor.body());
    HttpResponse<String> passbook = server.send("GET", "/api/v1/groups/SHG01/members/M01/passbook", Role.AUDITOR, null);
    assertTrue(passbook.body().contains("\"pseudonyms\" : true"), passbook.body());
  }

  @Test
  void aReportCarriesAnETagAndTheSameIsA304() {
    String path = "/api/v1/groups/SHG01/trial-balance";
    HttpResponse<String> first = server.send("GET", path, Role.COORDINATOR, null);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> same = server.send("GET", path, server.token(Role.COORDINATOR), null, Map.of("If-None-Match", etag));
    assertEquals(304, same.statusCode());
    assertEquals("", same.body());
    HttpResponse<String> other = server.send("GET", path + "?as-of=2024-12-31", server.token(Role.COORDINATOR), null,
        Map.of("If-None-Match", etag));
    assertEquals(200, other.statusCode());
  }

  @Test
  void openApiDescribesEveryRoute() throws IOException {
    HttpResponse<String> openApi = server.send("GET", "/openapi.json", Role.DONOR, null);
    assertEquals(200, openApi.statusCode());
    for (Route route : LedgerServer.routes()) {
      String method = route.method().toLowerCase(java.util.Locale.ROOT);
      int at = openApi.body().indexOf("\"" + route.path() + "\": {");
      assertTrue(at > 0 && openApi.body().substring(at).matches("(?s)[^\\n]*\\n\\s*\"" + method + "\": \\{.*"),
          "docs/openapi.json describes " + route);
    }
    try (InputStream docs = LedgerServer.class.getResourceAsStream("openapi.json")) {
      assertEquals(new String(docs.readAllBytes(), StandardCharsets.UTF_8), openApi.body());
    }
  }

  @Test
  void theAccessLogHoldsRoutesStatusesAndRolesButNoPersonalData() {
    server.send("GET", "/api/v1/groups/SHG01/members/M01/passbook?names=true", Role.COORDINATOR, null);
    server.send("POST", SAVINGS, Role.TREASURER, save("S-LOG", "M03", "100"));
    server.send("GET", "/api/v1/groups", "shg_not-a-token", null, Map.of());
    String log = server.log();
    assertTrue(log.contains("access method=GET route=/api/v1/groups/{group}/members/{member}/passbook status=200 ms="), log);
    assertTrue(log.contains(" role=coordinator\n"), log);
    assertTrue(log.contains("access method=GET route=/api/v1/groups status=401 ms="), log);
    for (String personal : java.util.List.of("M01", "M03", "SHG01", "names=true", "coord.east", "treasurer.shg01",
        "Member ", "shg_", "127.0.0.1:")) {
      assertFalse(log.contains(personal), personal + " in the log:\n" + log);
    }
    for (String token : server.tokens.values()) {
      assertFalse(log.contains(token));
    }
  }

  @Test
  void aStopLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
    server.server.close();
    server.books.close();
    CountDownLatch inReport = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ReportSource slow = (store, query) -> {
      inReport.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return TestServer.echo().json(store, query);
    };
    TestServer running = TestServer.beside(server, slow);
    server = running;
    CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
        () -> running.send("GET", "/api/v1/groups/SHG01/statement", Role.ADMIN, null));
    assertTrue(inReport.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(running.server::close);
    while (!running.log().contains("server draining")) {
      Thread.sleep(5);
    }
    HttpResponse<String> refused = running.send("GET", "/health", (Role) null, null);
    assertEquals(503, refused.statusCode());
    release.countDown();
    assertEquals(200, inFlight.get(30, TimeUnit.SECONDS).statusCode());
    stopping.get(30, TimeUnit.SECONDS);
    assertTrue(running.log().contains("server stopped"));
  }
}
