package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.server.ReportSource;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine;

/**
 * {@code shg serve}: the API's reports are the command line's JSON, byte for byte; a revoked
 * token stops working; SIGTERM stops the process cleanly and leaves the books whole.
 */
class ServeCommandTest {

  @TempDir Path folder;
  private String db;
  private String token;
  private ServeCommand serve;
  private Thread running;
  private final StringWriter out = new StringWriter();
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void serve() throws InterruptedException {
    Path file = folder.resolve("shg.db");
    ReportBooks.record(file);
    db = file.toString();
    Run add = Run.shg("user", "add", "asha", "--role", "admin", "--db", db);
    String[] words = add.out().strip().split("\\s+");
    token = words[words.length - 1];
    serve = new ServeCommand();
    CommandLine commandLine = new CommandLine(serve);
    commandLine.setOut(new PrintWriter(out, true));
    running = new Thread(() -> commandLine.execute("--port", "0", "--db", db));
    running.start();
    serve.port();
  }

  @AfterEach
  void stop() throws InterruptedException {
    serve.stop();
    running.join(60_000);
  }

  @Test
  void theApisReportsAreTheCommandLinesJson() throws Exception {
    assertSame("/api/v1/groups/SHG01/trial-balance", "trial-balance", "SHG01");
    assertSame("/api/v1/groups/SHG01/trial-balance?as-of=2025-04-30&lang=hi",
        "trial-balance", "SHG01", "--as-of", "2025-04-30", "--lang", "hi");
    assertSame("/api/v1/groups/SHG01/statement?from=2025-04-01&to=2025-06-30",
        "statement", "SHG01", "--from", "2025-04-01", "--to", "2025-06-30");
    assertSame("/api/v1/groups/SHG01/statement?names=true", "statement", "SHG01", "--names");
    assertSame("/api/v1/groups/SHG01/members/M01/passbook", "passbook", "SHG01", "M01");
    assertSame("/api/v1/groups/SHG01/loans?as-of=2025-06-30", "loans", "SHG01", "--as-of", "2025-06-30");
    assertTrue(out.toString().startsWith("shg serve: listening on http://127.0.0.1:"), out.toString());
  }

  @Test
  void thePagesReportsAreTheCommandLinesHtmlBody() {
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(db))) {
      ServeCommand.Reports reports = new ServeCommand.Reports();
      assertHtmlSame(reports, store, new ReportSource.Query(ReportSource.Kind.STATEMENT, "SHG01", null,
          Map.of("lang", "en"), false, false), "statement", "SHG01");
      assertHtmlSame(reports, store, new ReportSource.Query(ReportSource.Kind.STATEMENT, "SHG01", null,
          Map.of("lang", "hi"), false, false), "statement", "SHG01", "--lang", "hi");
      assertHtmlSame(reports, store, new ReportSource.Query(ReportSource.Kind.PASSBOOK, "SHG01", "M01",
          Map.of("lang", "en"), false, true), "passbook", "SHG01", "M01", "--pseudonymize");
      assertHtmlSame(reports, store, new ReportSource.Query(ReportSource.Kind.LOANS, "SHG01", null,
          Map.of("lang", "bn"), false, false), "loans", "SHG01", "--lang", "bn");
      // the meeting sheet's page (issue 17) is shg meeting sheet's HTML
      assertHtmlSame(reports, store, new ReportSource.Query(ReportSource.Kind.MEETING_SHEET, "SHG01", null,
          Map.of("lang", "hi", "date", "2025-05-10"), false, false),
          "meeting", "sheet", "SHG01", "--date", "2025-05-10", "--lang", "hi");
    }
  }

  private void assertHtmlSame(ReportSource reports, LedgerStore store, ReportSource.Query query, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--format", "html", "--db", db));
    String file = Run.shg(args.toArray(String[]::new)).out();
    String body = file.substring(file.indexOf('>', file.indexOf("<body")) + 2, file.indexOf("</body>"));
    assertEquals(body, reports.html(store, query), String.join(" ", command));
  }

  @Test
  void shgServeServesThePagesWithSecureCookies() throws Exception {
    HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/"))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(303, home.statusCode());
    assertEquals("/sign-in", home.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port()
        + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, signIn.statusCode());
    String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.endsWith("; HttpOnly; SameSite=Strict; Secure"), cookie);
  }

  @Test
  void plainHttpCookiesAreForLoopbackOnly() {
    Run refused = Run.shg("serve", "--plain-http-cookies", "--bind", "0.0.0.0", "--port", "0", "--db", db);
    assertEquals(ExitCodes.USAGE, refused.exitCode());
    assertTrue(refused.err().contains("--plain-http-cookies is for a loopback --bind only"), refused.err());
  }

  @Test
  void aUnitsStatementAndGradesAreTheCommandLinesJson() throws Exception {
    assertEquals(0, Run.shg("unit", "create", "NGO", "--name", "The NGO", "--db", db).exitCode());
    assertEquals(0, Run.shg("unit", "add-group", "NGO", "SHG01", "--db", db).exitCode());
    assertSame("/api/v1/units/NGO/statement?from=2025-04-01&to=2025-06-30",
        "unit", "statement", "NGO", "--from", "2025-04-01", "--to", "2025-06-30");
    assertSame("/api/v1/units/NGO/grades?from=2024-07-01&to=2025-06-30&lang=hi",
        "grade", "NGO", "--from", "2024-07-01", "--to", "2025-06-30", "--lang", "hi");
    // the route is a unit's: a group's code in its place is no unit, though shg grade takes either
    HttpResponse<String> group = get("/api/v1/units/SHG01/grades", token);
    assertEquals(404, group.statusCode(), group.body());
    assertTrue(group.body().contains("\"error\" : \"UNIT_NOT_FOUND\""), group.body());
  }

  @Test
  void theDonorsPageAndTheIncidentCountsAreTheCommandLinesAndPerGroupCountsAreForCoordinators() throws Exception {
    assertEquals(0, Run.shg("unit", "create", "NGO", "--name", "The NGO", "--db", db).exitCode());
    assertEquals(0, Run.shg("unit", "add-group", "NGO", "SHG01", "--db", db).exitCode());
    for (int day = 1; day <= 7; day++) {
      Run recorded = Run.shg("incident", "record", "SHG01", "--date", "2025-04-0" + day, "--type",
          day <= 5 ? "trafficking" : "physical-assault", "--status", "referred", "--referred-to", "police", "--db", db);
      assertEquals(0, recorded.exitCode(), recorded.err());
    }
    assertSame("/api/v1/units/NGO/indicators?as-of=2025-06-30&saving-months=2&lang=bn",
        "indicators", "NGO", "--as-of", "2025-06-30", "--saving-months", "2", "--lang", "bn");
    assertSame("/api/v1/units/NGO/commitment?as-of=2025-06-30", "commitment", "NGO", "--as-of", "2025-06-30");
    assertSame("/api/v1/units/NGO/incidents?from=2025-04-01&to=2025-06-30&lang=hi",
        "incidents", "NGO", "--from", "2025-04-01", "--to", "2025-06-30", "--lang", "hi");
    assertSame("/api/v1/units/NGO/incidents/by-group?from=2025-04-01&to=2025-06-30",
        "incidents", "NGO", "--from", "2025-04-01", "--to", "2025-06-30", "--by-group");

    Run add = Run.shg("user", "add", "dina", "--role", "donor", "--unit", "NGO", "--db", db);
    String[] words = add.out().strip().split("\\s+");
    String donor = words[words.length - 1];
    HttpResponse<String> totals = get("/api/v1/units/NGO/incidents?from=2025-04-01&to=2025-06-30", donor);
    assertEquals(200, totals.statusCode(), totals.body());
    assertEquals(get("/api/v1/units/NGO/incidents?from=2025-04-01&to=2025-06-30", token).body(), totals.body(),
        "a donor gets the unit's totals, as an admin does");
    assertNotEquals(get("/api/v1/units/NGO/incidents/by-group?from=2025-04-01&to=2025-06-30", token).body(),
        totals.body());
    HttpResponse<String> byGroup = get("/api/v1/units/NGO/incidents/by-group", donor);
    assertEquals(403, byGroup.statusCode(), byGroup.body());
    HttpResponse<String> page = get("/api/v1/units/NGO/commitment?as-of=2025-06-30", donor);
    assertEquals(200, page.statusCode(), page.body());
    assertFalse(page.body().contains("M01"), "no member id on the donor's page");
  }

  @Test
  void anAccountsLedgerIsTheCommandLinesWithALinkToTheNextPage() throws Exception {
    Run run = Run.shg("account", "SHG01", "1000", "--from", "2025-03-01", "--to", "2025-06-30", "--format", "json",
        "--db", db);
    assertEquals(0, run.exitCode(), run.err());
    HttpResponse<String> whole = get("/api/v1/groups/SHG01/accounts/1000?from=2025-03-01&to=2025-06-30", token);
    assertEquals(200, whole.statusCode(), whole.body());
    assertTrue(whole.headers().firstValue("ETag").isPresent());
    // one page holds it all: the command line's JSON and a next link that is null
    assertEquals(run.out().replaceFirst("(\"closing_balance\" : [^\n]*)\n", "$1,\n    \"next\" : null\n"),
        whole.body());

    List<String> lines = entries(run.out());
    assertTrue(lines.size() > 5, run.out());
    List<String> walked = new ArrayList<>();
    String path = "/api/v1/groups/SHG01/accounts/1000?from=2025-03-01&to=2025-06-30&limit=2";
    String closing = null;
    int pages = 0;
    while (path != null) {
      HttpResponse<String> page = get(path, token);
      assertEquals(200, page.statusCode(), page.body());
      pages++;
      walked.addAll(entries(page.body()));
      String opening = fact(page.body(), "opening_balance");
      if (closing != null) {
        assertEquals(closing, opening, "a page opens where the one before it closed");
      }
      closing = fact(page.body(), "closing_balance");
      String next = fact(page.body(), "next");
      path = next == null ? null : "/api/v1/groups/SHG01/accounts/1000" + next;
    }
    assertEquals(lines, walked, "the pages hold every line once, in order");
    assertTrue(pages >= lines.size() / 2, "pages of at most two lines (or one entry's): " + pages);
    assertEquals(fact(run.out(), "closing_balance"), closing);

    HttpResponse<String> forged = get("/api/v1/groups/SHG01/accounts/1000?limit=2&cursor=2-0000000000000000", token);
    assertEquals(400, forged.statusCode(), forged.body());
    HttpResponse<String> tooMany = get("/api/v1/groups/SHG01/accounts/1000?limit=100000", token);
    assertEquals(400, tooMany.statusCode(), tooMany.body());
    HttpResponse<String> noAccount = get("/api/v1/groups/SHG01/accounts/7777", token);
    assertEquals(404, noAccount.statusCode(), noAccount.body());
  }

  @Test
  void anAuditorsLedgerPageShowsPseudonymsForMembers() throws Exception {
    Run add = Run.shg("user", "add", "audrey", "--role", "auditor", "--db", db);
    String[] words = add.out().strip().split("\\s+");
    String auditor = words[words.length - 1];
    HttpResponse<String> admin = get("/api/v1/groups/SHG01/accounts/2000?from=2025-03-01&to=2025-06-30", token);
    assertTrue(admin.body().contains("\"member\" : \"M01\""), admin.body());
    HttpResponse<String> page = get("/api/v1/groups/SHG01/accounts/2000?from=2025-03-01&to=2025-06-30", auditor);
    assertEquals(200, page.statusCode(), page.body());
    assertFalse(page.body().contains("\"member\" : \"M01\""), page.body());
    assertTrue(page.body().contains("\"member\" : \"P-"), page.body());
  }

  /** The entry ids of a ledger's rows, in order. */
  private static List<String> entries(String json) {
    List<String> ids = new ArrayList<>();
    Matcher entry = Pattern.compile("\"entry\" : \"([^\"]*)\"").matcher(json);
    while (entry.find()) {
      ids.add(entry.group(1));
    }
    return ids;
  }

  /** A fact's value, or null for a JSON null. */
  private static String fact(String json, String key) {
    Matcher fact = Pattern.compile("\"" + key + "\" : (null|\"([^\"]*)\")").matcher(json);
    assertTrue(fact.find(), key + " in " + json);
    return fact.group(2);
  }

  @Test
  void aBadOptionIsA400AndAnUnknownGroupA404() throws Exception {
    HttpResponse<String> bad = get("/api/v1/groups/SHG01/statement?from=yesterday", token);
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"field\" : \"query\""), bad.body());
    HttpResponse<String> lang = get("/api/v1/groups/SHG01/statement?lang=xx", token);
    assertEquals(400, lang.statusCode(), lang.body());
    HttpResponse<String> unknown = get("/api/v1/groups/SHG99/statement", token);
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("\"error\" : \"BOOK_NOT_FOUND\"")
        || unknown.body().contains("\"error\" : \"GROUP_NOT_FOUND\""), unknown.body());
  }

  @Test
  void aRevokedTokenIsRefusedAtOnce() throws Exception {
    assertEquals(200, get("/api/v1/groups", token).statusCode());
    assertEquals(0, Run.shg("user", "revoke", "asha", "--db", db).exitCode());
    assertEquals(401, get("/api/v1/groups", token).statusCode());
  }

  @Test
  void sigtermFinishesAndClosesTheBooks() throws Exception {
    Path other = folder.resolve("other.db");
    ReportBooks.record(other);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Shg.class.getName(),
        "serve", "--port", "0", "--db", other.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      // the server's own log line ("server started") comes on the merged stream before it
      Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
      String port = null;
      StringBuilder before = new StringBuilder();
      while (port == null) {
        String line = lines.readLine();
        assertTrue(line != null, "the process ended before it listened: " + before);
        Matcher found = listening.matcher(line);
        if (found.find()) {
          port = found.group(1);
        } else {
          before.append(line).append('\n');
        }
      }

      // read the rest as it comes, to the end
      StringBuffer rest = new StringBuffer();
      Thread reader = new Thread(() -> {
        try {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            rest.append(line).append('\n');
          }
        } catch (IOException e) {
          rest.append("(stream closed)\n");
        }
      });
      reader.start();
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());

      // SIGTERM, as a service manager sends it (Process.destroy would also close the streams we read)
      assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped");
      reader.join(10_000);
      assertTrue(rest.toString().contains("server stopped"), rest.toString());
      assertTrue(rest.toString().contains("access method=GET route=/health status=200"), rest.toString());
      Run verify = Run.shg("verify", "SHG01", "--db", other.toString());
      assertEquals(0, verify.exitCode(), verify.out() + verify.err());
      assertTrue(Files.exists(other));
    } finally {
      // never leave a server behind when an assertion fails
      process.destroyForcibly();
    }
  }

  private void assertSame(String path, String... cli) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(cli));
    args.addAll(List.of("--format", "json", "--db", db));
    Run run = Run.shg(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    HttpResponse<String> response = get(path, token);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(run.out(), response.body(), path);
    assertTrue(response.headers().firstValue("ETag").isPresent());
  }

  private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path))
        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
