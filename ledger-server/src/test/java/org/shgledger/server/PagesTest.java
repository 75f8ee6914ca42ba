package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.MoneyFormats;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.report.MeetingSheet;
import org.shgledger.unit.UnitCode;

/**
 * The coordinators' pages over HTTP (docs/server.md, "The pages"): sign-in, the session's cookie
 * and its flags, CSRF, the lock-out, the role checks, escaping, and the meeting form recording once.
 * The browser's own part (a real Chromium) is ledger-cli's PagesBrowserTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String SQL = "x'); DROP TABLE server_user; --";

  @TempDir static Path folder;
  private TestServer server;
  private final Map<String, String> passwords = new LinkedHashMap<>();

  /** The server under test: over SQLite here, over PostgreSQL in {@link PostgresPagesTest}. */
  TestServer open() {
    return TestServer.sqlite(folder, TestServer.echo());
  }

  @BeforeAll
  void start() {
    server = open();
    for (User user : List.of(
        new User("meena", Role.COORDINATOR, Optional.of(UnitCode.of("EAST")), Optional.empty()),
        new User("donor.pages", Role.DONOR, Optional.of(UnitCode.of("EAST")), Optional.empty()),
        new User("lakshmi", Role.TREASURER, Optional.empty(), Optional.of(TestServer.SHG01)),
        new User("rina", Role.COORDINATOR, Optional.of(UnitCode.of("EAST")), Optional.empty()))) {
      Language language = user.name().equals("rina") ? Language.BN : Language.EN;
      passwords.put(user.name(), server.books.users().add(user, true, language).password());
    }
    for (String[] group : List.of(new String[] {"SHG03", SCRIPT}, new String[] {"SHG04", SQL})) {
      BookId code = BookId.of(group[0]);
      server.books.store().engine().createGroup(new Group(code, group[1], TestServer.INR, TestServer.FORMED,
          MeetingFrequency.MONTHLY, Money.of(TestServer.INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
          Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 10)));
      server.books.store().units().addGroup(UnitCode.of("EAST-1"), code);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private PageClient client() {
    return new PageClient(server.server.port());
  }

  @Test
  void aPageWithoutASessionGoesToSignInAndTheApiStays401() {
    PageClient anonymous = client();
    for (String path : List.of("/", "/groups/SHG01", "/groups/SHG01/meetings/new", "/units/EAST")) {
      HttpResponse<String> response = anonymous.get(path);
      assertEquals(303, response.statusCode(), path);
      assertEquals("/sign-in", response.headers().firstValue("Location").orElseThrow(), path);
    }
    assertEquals(401, server.send("GET", "/api/v1/groups", null, null).statusCode());
    // a session cookie is no bearer token: the API still wants the token
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    assertEquals(401, server.send("GET", "/api/v1/groups", null, null,
        Map.of("Cookie", Pages.SESSION_COOKIE + "=" + meena.cookies.get(Pages.SESSION_COOKIE))).statusCode());
    assertEquals(200, server.send("GET", "/api/v1/groups", Role.COORDINATOR, null).statusCode());
  }

  @Test
  void signingInSetsASecureHttpOnlyStrictCookieWhoseIdIsStoredOnlyAsItsHash() throws SQLException {
    PageClient meena = client();
    HttpResponse<String> answer = meena.signIn("meena", passwords.get("meena"));
    assertEquals(303, answer.statusCode(), answer.body());
    assertEquals("/", answer.headers().firstValue("Location").orElseThrow());
    String set = answer.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith(Pages.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    for (String flag : List.of("; HttpOnly", "; SameSite=Strict", "; Secure", "; Path=/", "; Max-Age=28800")) {
      assertTrue(set.contains(flag), set);
    }
    String id = meena.cookies.get(Pages.SESSION_COOKIE);
    List<String> stored = column("SELECT session_sha256 FROM server_session");
    assertFalse(stored.contains(id));
    assertTrue(stored.contains(Secrets.tokenHash(id)));

    HttpResponse<String> home = meena.get("/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("href=\"/groups/SHG01\""), home.body());
    assertFalse(home.body().contains("href=\"/groups/SHG02\""), "SHG02 is in WEST, not under her EAST");
    assertTrue(home.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
    assertEquals("no-store", home.headers().firstValue("Cache-Control").orElseThrow());
    assertFalse(home.body().contains("<script"), "the pages have no script");
  }

  @Test
  void aSessionOpenedOnOneServerIsGoodOnAnotherAndSigningOutEndsItOnBoth() {
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    try (TestServer second = TestServer.beside(server, TestServer.echo())) {
      PageClient there = new PageClient(second.server.port());
      there.cookies.putAll(meena.cookies);
      assertEquals(200, there.get("/groups/SHG01").statusCode());
      assertEquals(303, there.post("/sign-out", Map.of("csrf", there.csrf())).statusCode());
      assertEquals(303, meena.get("/").statusCode(), "signed out on the other server, so here too");
    }
  }

  @Test
  void everyPostOfAPageNeedsTheSessionsCsrfToken() {
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    assertEquals(403, meena.post("/sign-out", Map.of()).statusCode());
    assertEquals(403, meena.post("/sign-out", Map.of("csrf", "guessed")).statusCode());
    assertEquals(403, meena.post("/groups/SHG01/meetings", Map.of("date", "2024-06-05", "key", "k-no-csrf")).statusCode());
    assertEquals(200, meena.get("/").statusCode(), "still signed in");
    // the sign-in form has its own token, in a cookie and in the form: another site cannot post it
    PageClient other = client();
    HttpResponse<String> forged = other.post("/sign-in", Map.of("form", "x", "name", "meena",
        "password", passwords.get("meena")));
    assertEquals(403, forged.statusCode());
    assertFalse(other.cookies.containsKey(Pages.SESSION_COOKIE));
  }

  @Test
  void fiveWrongPasswordsLockTheNameForAWhileAndTheAnswerNeverSaysWhetherItExists() {
    PageClient lakshmi = client();
    HttpResponse<String> wrong = lakshmi.signIn("lakshmi", "not-her-password");
    assertEquals(401, wrong.statusCode());
    String message = message(wrong.body());
    assertEquals(message, message(client().signIn("no-such-user", "whatever").body()),
        "an unknown name gets the same answer as a wrong password");
    for (int attempt = 2; attempt < Sessions.MAX_FAILURES; attempt++) {
      assertEquals(401, lakshmi.signIn("lakshmi", "wrong-" + attempt).statusCode());
    }
    HttpResponse<String> locked = lakshmi.signIn("lakshmi", "wrong-again");
    assertEquals(429, locked.statusCode());
    assertTrue(message(locked.body()).contains("15 minutes"), locked.body());
    HttpResponse<String> right = lakshmi.signIn("lakshmi", passwords.get("lakshmi"));
    assertEquals(429, right.statusCode(), "locked: even the right password waits");
    assertTrue(server.books.users().auditLines(1000).stream().anyMatch(line -> line.contains("\tlakshmi\ttreasurer\tPOST\t"
        + "/sign-in\t-\tlocked for 15 minutes after 5 failed sign-ins")), String.join("\n", server.books.users().auditLines(1000)));
    // a name that is no user's locks the same way, so a lock says nothing either
    for (int attempt = 1; attempt < Sessions.MAX_FAILURES; attempt++) {
      assertEquals(401, client().signIn("ghost", "x" + attempt).statusCode());
    }
    assertEquals(429, client().signIn("ghost", "x").statusCode());
    // the lock is in the database: another server holds it too
    try (TestServer second = TestServer.beside(server, TestServer.echo())) {
      assertEquals(429, new PageClient(second.server.port()).signIn("lakshmi", passwords.get("lakshmi")).statusCode());
    }
  }

  @Test
  void aCoordinatorOpeningAnotherUnitsGroupGets403AndAnAuditLine() {
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    HttpResponse<String> other = meena.get("/groups/SHG02");
    assertEquals(403, other.statusCode());
    assertTrue(other.body().contains("Your role does not allow this page."), other.body());
    assertEquals(403, meena.get("/groups/SHG02/meetings/new").statusCode());
    assertEquals(403, meena.get("/units/WEST").statusCode());
    assertTrue(server.books.users().auditLines(1000).stream().anyMatch(line -> line.contains(
        "\tmeena\tcoordinator\tGET\t/groups/{group}\tgroup SHG02\t")));
  }

  @Test
  void namesThatLookLikeHtmlOrSqlAreShownAsText() {
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    String home = meena.get("/").body();
    assertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), home);
    assertFalse(home.contains(SCRIPT));
    assertTrue(home.contains("x&#39;); DROP TABLE server_user; --") || home.contains("x'); DROP TABLE server_user; --"), home);
    assertEquals(200, meena.get("/groups/SHG04").statusCode(), "the users' table is still there");
    HttpResponse<String> name = meena.signIn(SCRIPT, SQL);
    assertEquals(401, name.statusCode());
    // in an attribute jte escapes what could end it or start a tag: & < " (and ' )
    assertTrue(name.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), name.body());
  }

  @Test
  void aDonorSeesTheUnitsIndicatorsOnlyAndNoGroup() {
    PageClient donor = client().signedIn("donor.pages", passwords.get("donor.pages"));
    String home = donor.get("/").body();
    assertFalse(home.contains("/groups/"), home);
    assertTrue(home.contains("href=\"/units/EAST\""), home);
    HttpResponse<String> unit = donor.get("/units/EAST");
    assertEquals(200, unit.statusCode());
    assertFalse(unit.body().contains("SHG01"), unit.body());
    assertFalse(unit.body().contains("id=\"grades\""), unit.body());
    assertEquals(403, donor.get("/groups/SHG01").statusCode());
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    assertTrue(meena.get("/units/EAST").body().contains("id=\"grades\""));
  }

  @Test
  void thePagesSpeakTheUsersLanguage() {
    PageClient rina = client().signedIn("rina", passwords.get("rina"));
    String home = rina.get("/").body();
    assertTrue(home.contains("<html lang=\"bn\">"), home);
    assertTrue(home.contains("আমার দলগুলি"), home);
    assertTrue(server.log().contains("access method=GET route=/ status=200"), "the access log has the pages too");
  }

  @Test
  void theMeetingFormStartsFromTheMeetingSheet() {
    // a group of its own, so that the meeting recorded here meets no other test's
    BookId code = BookId.of("SHG05");
    var engine = server.books.store().engine();
    engine.createGroup(new Group(code, "Sheet group", TestServer.INR, TestServer.FORMED, MeetingFrequency.MONTHLY,
        Money.of(TestServer.INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    server.books.store().units().addGroup(UnitCode.of("EAST-1"), code);
    for (String member : List.of("M01", "M02", "M03")) {
      engine.addMember(code, Member.joining(MemberId.of(member), "Member " + member, MemberCategory.ADULT_WOMAN,
          TestServer.FORMED));
    }
    engine.record(code, EntryId.of("SEED-SAVE"), TestServer.FORMED.plusDays(3), new GroupOperation.Save(
        MemberId.of("M01"), SavingsKind.COMPULSORY, Money.of(TestServer.INR, 1000), Channel.CASH));
    engine.disburseLoan(code, EntryId.of("SEED-LOAN"), LoanId.of("L1"), MemberId.of("M01"),
        OpenLoanTerms.of(Money.of(TestServer.INR, 500), InterestRate.perMonth(BigDecimal.valueOf(2)),
            TestServer.FORMED.plusDays(10)), Channel.CASH);
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    String form = meena.get("/groups/SHG05/meetings/new?date=2024-06-25").body();
    MeetingSheet sheet = MeetingSheet.of(server.books.store().engine(), code, LocalDate.of(2024, 6, 25));
    int loansDue = 0;
    for (MeetingSheet.Line line : sheet.lines()) {
      String member = line.member().value();
      assertTrue(form.contains("name=\"savings." + member + "\" value=\"" + MoneyFormats.plain(line.savingsDue()) + "\""),
          member + "'s savings due in\n" + form);
      for (MeetingSheet.LoanDue loan : line.loans()) {
        if (loan.payment().isPositive()) {
          loansDue++;
          assertTrue(form.contains("name=\"repaid." + member + "." + loan.loan().value() + "\" value=\""
              + MoneyFormats.plain(loan.payment()) + "\""), member + "'s payment due in\n" + form);
          break;
        }
      }
    }
    assertTrue(loansDue > 0, "the books have a loan payment due on the day");
    assertTrue(form.contains("href=\"/groups/SHG05/meetings/2024-06-25/sheet\""), "the form links to its sheet");
    // the sheet's own page, in the pages' layout
    HttpResponse<String> page = meena.get("/groups/SHG05/meetings/2024-06-25/sheet");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("MEETING_SHEET") || page.body().contains("Meeting sheet"), page.body());
    assertEquals(400, meena.get("/groups/SHG05/meetings/2024-13-05/sheet").statusCode());
    // sent unchanged, the form records what the sheet expects; drawn again, it is blank, since the
    // sheet's amounts sent again would clash with a meeting that differed from them
    Map<String, String> fields = new LinkedHashMap<>(Map.of("csrf", PageClient.hidden(form, "csrf"),
        "key", PageClient.hidden(form, "key"), "date", "2024-06-25"));
    for (MeetingSheet.Line line : sheet.lines()) {
      String member = line.member().value();
      fields.put("present." + member, "Y");
      fields.put("savings." + member, MoneyFormats.plain(line.savingsDue()));
      line.loans().stream().filter(loan -> loan.payment().isPositive()).findFirst().ifPresent(loan ->
          fields.put("repaid." + member + "." + loan.loan().value(), MoneyFormats.plain(loan.payment())));
    }
    assertEquals(303, meena.post("/groups/SHG05/meetings", fields).statusCode());
    for (MeetingSheet.Line line : sheet.lines()) {
      for (MeetingSheet.LoanDue loan : line.loans()) {
        assertTrue(server.books.store().engine().loanState(code, loan.loan(), LocalDate.of(2024, 6, 25))
            .totalDue().isZero() || !line.loans().get(0).equals(loan), loan.loan() + " paid as the sheet expected");
      }
    }
    String again = meena.get("/groups/SHG05/meetings/new?date=2024-06-25").body();
    assertTrue(again.contains("name=\"savings.M01\" value=\"\""), again);
  }

  @Test
  void theMeetingFormRecordsTheMeetingOnceAndARefusalRecordsNothing() throws SQLException {
    PageClient meena = client().signedIn("meena", passwords.get("meena"));
    HttpResponse<String> form = meena.get("/groups/SHG01/meetings/new?date=2024-06-05");
    assertEquals(200, form.statusCode());
    for (String field : List.of("present.M01", "savings.M02", "fine.M03", "repaid.M01.L1")) {
      assertTrue(form.body().contains("name=\"" + field + "\""), field + " in\n" + form.body());
    }
    String key = PageClient.hidden(form.body(), "key");
    String csrf = PageClient.hidden(form.body(), "csrf");
    int before = entries();
    Map<String, String> fields = new LinkedHashMap<>(Map.of("csrf", csrf, "key", key, "date", "2024-06-05",
        "present.M01", "Y", "present.M02", "Y", "savings.M01", "100", "savings.M02", "100", "savings.M03", "",
        "repaid.M01.L1", "60", "fine.M03", "10"));
    HttpResponse<String> recorded = meena.post("/groups/SHG01/meetings", fields);
    assertEquals(303, recorded.statusCode(), recorded.body());
    assertEquals("/groups/SHG01?recorded=" + key, recorded.headers().firstValue("Location").orElseThrow());
    int after = entries();
    assertTrue(after > before, "recorded");
    assertTrue(server.books.store().journal().entry(TestServer.SHG01, EntryId.of("MTG:2024-06-05:M02:SAVE")).isPresent()
        || after - before >= 4, "the register's entry ids");
    String statement = meena.get("/groups/SHG01?recorded=" + key).body();
    assertTrue(statement.contains("The meeting of 2024-06-05 was recorded"), statement);
    assertFalse(meena.get("/groups/SHG03?recorded=" + key).body().contains("was recorded"),
        "a form's key answers on its own group's page only");
    assertEquals(400, meena.get("/groups/SHG01?from=2024-01-01").statusCode(), "a page takes the parameters it names");

    HttpResponse<String> again = meena.post("/groups/SHG01/meetings", fields);
    assertEquals(303, again.statusCode());
    assertTrue(again.headers().firstValue("Location").orElseThrow().endsWith("&repeat=true"));
    assertEquals(after, entries(), "a double submit records once");

    // the same meeting from a new form: the register's own ids find it, and nothing is added
    String key2 = PageClient.hidden(meena.get("/groups/SHG01/meetings/new?date=2024-06-05").body(), "key");
    assertNotEquals(key, key2);
    fields.put("key", key2);
    assertEquals(303, meena.post("/groups/SHG01/meetings", fields).statusCode());
    assertEquals(after, entries());

    // a refusal: nothing of the meeting is kept, and the form says why, with what was typed
    Map<String, String> bad = new LinkedHashMap<>(fields);
    bad.put("key", "refused-1");
    bad.put("date", "2024-07-05");
    bad.put("savings.M02", "abc");
    HttpResponse<String> refused = meena.post("/groups/SHG01/meetings", bad);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("M02, savings: "), refused.body());
    assertTrue(refused.body().contains("value=\"abc\""), "what was typed stays");
    assertEquals(after, entries());

    HttpResponse<String> engine = meena.post("/groups/SHG01/meetings", Map.of("csrf", csrf, "key", "refused-3",
        "date", "2024-07-05", "repaid.M01.L1", "99999"));
    assertEquals(422, engine.statusCode(), engine.body());
    assertTrue(engine.body().contains("(REPAYMENT_EXCEEDS_DEBT); nothing was recorded"), engine.body());
    assertEquals(after, entries(), "nothing of a refused meeting is kept");
  }

  private int entries() throws SQLException {
    return Integer.parseInt(column("SELECT COUNT(*) FROM journal_entry").get(0));
  }

  private List<String> column(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static String message(String html) {
    int start = html.indexOf("id=\"message\">");
    return html.substring(start, html.indexOf("</p>", start));
  }
}
