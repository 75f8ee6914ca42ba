package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/groups/{group}/imports/meetings} and {@code /imports/passbook}: the body is
 * the CSV as {@code shg import} reads it; one atomic import; a bad line is a 400 with its line and
 * column and nothing written; the same file again records nothing; each route has its own body
 * limit (docs/server.md, "Imports").
 */
class ImportsTest {

  static final String MEETINGS = "/api/v1/groups/SHG01/imports/meetings";
  static final String PASSBOOK = "/api/v1/groups/SHG01/imports/passbook";

  static final String REGISTER = """
      date,member,present,savings,fine
      2024-05-04,M01,Y,100,
      2024-05-04,M02,Y,100,5
      2024-05-04,M03,N,100,
      """;

  static final String STATEMENT = """
      Date,Narration,Withdrawal,Deposit,Balance
      05/05/2024,CASH DEPOSIT BY SELF,,500.00,500.00
      20/05/2024,INTEREST CREDIT,,2.00,502.00
      """;

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

  int entries() {
    return server.books.store().journal().entries(TestServer.SHG01).size();
  }

  HttpResponse<String> post(String path, String csv) {
    return server.send("POST", path, server.token(Role.TREASURER), csv, Map.of("Content-Type", "text/csv"));
  }

  @Test
  void aMeetingRegisterIsRecordedOnceAndAgainRecordsNothing() {
    int before = entries();
    HttpResponse<String> first = post(MEETINGS, REGISTER);
    assertEquals(201, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"recorded\" : "), first.body());
    int after = entries();
    assertEquals(before + 4, after, "three savings and a fine");
    assertTrue(server.books.store().engine().registry().meeting(TestServer.SHG01, LocalDate.of(2024, 5, 4)).isPresent());
    HttpResponse<String> again = post(MEETINGS, REGISTER);
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("\"recorded\" : 0"), again.body());
    assertEquals(after, entries());
    assertTrue(server.books.store().journal().verify(TestServer.SHG01).isOk());
  }

  @Test
  void aBadLineIsA400WithItsLineAndColumnAndNothingIsRecorded() {
    int before = entries();
    HttpResponse<String> bad = post(MEETINGS, REGISTER.replace("M03,N,100", "M03,N,ten"));
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"line\" : 4"), bad.body());
    assertTrue(bad.body().contains("\"column\" : 4"), bad.body());
    assertTrue(bad.body().contains("\"message\" : \"4:4: "), bad.body());
    assertEquals(before, entries(), "the good lines before it are not recorded either");
    assertTrue(server.books.store().engine().registry().meeting(TestServer.SHG01, LocalDate.of(2024, 5, 4)).isEmpty());
    HttpResponse<String> stranger = post(MEETINGS, REGISTER.replace("M03,N", "M77,N"));
    assertEquals(400, stranger.statusCode(), stranger.body());
    assertEquals(before, entries());
  }

  @Test
  void aPassbookIsRecordedOnceAndADryRunRecordsNothing() {
    int before = entries();
    HttpResponse<String> dry = server.send("POST", PASSBOOK + "?dry-run=true&profile=generic",
        server.token(Role.TREASURER), STATEMENT, Map.of("Content-Type", "text/csv"));
    assertEquals(200, dry.statusCode(), dry.body());
    assertTrue(dry.body().contains("\"dry_run\" : true"), dry.body());
    assertEquals(before, entries());
    HttpResponse<String> first = post(PASSBOOK, STATEMENT);
    assertEquals(201, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"recorded\" : 2"), first.body());
    assertEquals(before + 2, entries());
    HttpResponse<String> again = post(PASSBOOK, STATEMENT);
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(again.body().contains("\"already_recorded\" : 2"), again.body());
    assertEquals(before + 2, entries());
    HttpResponse<String> profile = server.send("POST", PASSBOOK + "?profile=nobank", server.token(Role.TREASURER),
        STATEMENT, Map.of());
    assertEquals(400, profile.statusCode(), profile.body());
    assertTrue(profile.body().contains("\"field\" : \"profile\""), profile.body());
    HttpResponse<String> broken = post(PASSBOOK, STATEMENT.replace("502.00", "999.00"));
    assertEquals(400, broken.statusCode(), broken.body());
    assertTrue(broken.body().contains("\"line\" : 3"), broken.body());
    assertEquals(before + 2, entries());
  }

  @Test
  void aPassbookWithTheNgosRulesComesAsAFormOfTwoParts() throws Exception {
    int before = entries();
    // the NGO books this bank's interest as other income (4300), where the built-in rules say 4200
    String rules = "^CASH DEPOSIT BY SELF$ -> 1000\nINTEREST -> 4300\n";
    HttpResponse<String> ruled = form(PASSBOOK + "?profile=generic", Map.of("statement", STATEMENT, "rules", rules));
    assertEquals(201, ruled.statusCode(), ruled.body());
    assertTrue(ruled.body().contains("\"suspense\" : 0"), "every line matched a rule: " + ruled.body());
    assertEquals(before + 2, entries());
    assertTrue(server.books.store().journal().entries(TestServer.SHG01).stream()
        .anyMatch(entry -> entry.postings().stream().anyMatch(p -> p.account().value().equals("4300"))), "the rules were used");
    HttpResponse<String> badRule = form(PASSBOOK, Map.of("statement", STATEMENT.replace("05/05", "06/05"),
        "rules", "INTEREST -> 4200\nno arrow on this line\n"));
    assertEquals(400, badRule.statusCode(), badRule.body());
    assertTrue(badRule.body().contains("\"file\" : \"rules\"") && badRule.body().contains("\"line\" : 2"), badRule.body());
    HttpResponse<String> unknown = form(PASSBOOK, Map.of("statement", STATEMENT, "notes", "hi"));
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("\"field\" : \"notes\""), unknown.body());
    HttpResponse<String> none = form(PASSBOOK, Map.of("rules", rules));
    assertEquals(400, none.statusCode(), none.body());
    assertTrue(none.body().contains("\"field\" : \"statement\""), none.body());
    assertEquals(before + 2, entries());
  }

  /** A multipart/form-data request: each part a file part, as curl -F name=@file sends it. */
  private HttpResponse<String> form(String path, Map<String, String> parts) throws Exception {
    String boundary = "shg-test-boundary-7f3a";
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> part : parts.entrySet()) {
      body.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(part.getKey()).append("\"; filename=\"")
          .append(part.getKey()).append(".txt\"\r\nContent-Type: text/plain\r\n\r\n")
          .append(part.getValue()).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return server.send("POST", path, server.token(Role.TREASURER), body.toString(),
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  @Test
  void eachRouteHasItsOwnBodyLimit() throws IOException {
    int before = entries();
    // a register of 200 KiB is within the import's limit (its rows are then checked: 400, not 413)
    String big = "date,member,present,savings\n" + "2024-05-04,M09,Y,100\n".repeat(10_000);
    HttpResponse<String> register = post(MEETINGS, big);
    assertEquals(400, register.statusCode(), register.body().substring(0, Math.min(400, register.body().length())));
    // past a write's limit (16 KiB): read, so that the client gets the answer, and refused
    HttpResponse<String> json = server.send("POST", OperationsTest.OPERATIONS, Role.TREASURER,
        "{\"operation\": \"fine\", \"reason\": \"" + "x".repeat(200_000) + "\"}");
    assertEquals(413, json.statusCode(), json.body());
    assertTrue(json.body().contains("\"error\" : \"TOO_LARGE\"") && json.body().contains("16384 bytes"), json.body());
    // past an import's (4 MiB), the largest: refused by the declared length, before the body is read
    String csv = declaring(MEETINGS, Imports.MAX_BODY_BYTES + 1, "text/csv");
    assertTrue(csv.startsWith("HTTP/1.1 413 "), csv);
    assertTrue(csv.contains(Imports.MAX_BODY_BYTES + " bytes"), csv);
    assertEquals(before, entries());
  }

  /**
   * Sends a request that declares a body of {@code length} bytes and sends only its first bytes,
   * and reads the answer: a server that waited for the body would time out here instead.
   */
  private String declaring(String path, int length, String type) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.token(Role.TREASURER)
          + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\n\r\n{\"operation\": ").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = new byte[4096];
      int read = 0;
      try {
        for (int n; read < answer.length && (n = socket.getInputStream().read(answer, read, answer.length - read)) > 0; ) {
          read += n;
          if (new String(answer, 0, read, StandardCharsets.UTF_8).contains("}\n")) {
            break;
          }
        }
      } catch (SocketException e) {
        // the server closes the connection after its answer; what came is read
      }
      return new String(answer, 0, read, StandardCharsets.UTF_8);
    }
  }
}
