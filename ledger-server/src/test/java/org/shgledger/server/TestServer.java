package org.shgledger.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Channel;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.Units;

/**
 * A server over test books, and a client: units NGO &gt; EAST &gt; EAST-1 and NGO &gt; WEST; group
 * SHG01 (in EAST-1) and SHG02 (in WEST), each with members M01 to M03 and an open loan L1 to M01;
 * one user of each role ({@link #token}), a coordinator of EAST, a treasurer of SHG01, a donor of EAST.
 */
final class TestServer implements AutoCloseable {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final BookId SHG01 = BookId.of("SHG01");
  static final BookId SHG02 = BookId.of("SHG02");

  final ServerBooks books;
  final LedgerServer server;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final Map<String, String> tokens = new HashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();

  final String url;

  private TestServer(String url, ReportSource reports, boolean fill, Map<String, String> tokens) {
    this.url = url;
    this.books = open(url);
    this.tokens.putAll(tokens);
    if (fill) {
      fill(books);
      for (User user : users()) {
        this.tokens.put(user.role().word(), books.users().add(user, false).token());
      }
    }
    this.server = LedgerServer.start(books, reports, "127.0.0.1", 0,
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  /** A server over a new SQLite file in the folder, with the test books and users. */
  static TestServer sqlite(Path folder, ReportSource reports) {
    return over("jdbc:sqlite:" + folder.resolve("shg.db"), reports);
  }

  /** A server over the empty database of a URL, with the test books and users. */
  static TestServer over(String url, ReportSource reports) {
    return new TestServer(url, reports, true, Map.of());
  }

  /** Another server over the same database as {@code first} (stopped or not), with its users' tokens. */
  static TestServer beside(TestServer first, ReportSource reports) {
    return new TestServer(first.url, reports, false, first.tokens);
  }

  static ServerBooks open(String url) {
    return ServerBooks.open(url, DateLimits.standard(), Clock.systemUTC());
  }

  /** A report source that answers with the query, so that tests see what the server asked. */
  static ReportSource echo() {
    return (store, query) -> Bodies.object("shg.echo/1", json -> {
      json.writeStringField("kind", query.kind().name());
      json.writeStringField("subject", query.subject());
      json.writeStringField("member", query.member());
      json.writeBooleanField("names", query.names());
      json.writeBooleanField("pseudonyms", query.pseudonyms());
      json.writeStringField("options", new java.util.TreeMap<>(query.options()).toString());
    });
  }

  static java.util.List<User> users() {
    return java.util.List.of(
        new User("asha.admin", Role.ADMIN, Optional.empty(), Optional.empty()),
        new User("coord.east", Role.COORDINATOR, Optional.of(UnitCode.of("EAST")), Optional.empty()),
        new User("treasurer.shg01", Role.TREASURER, Optional.empty(), Optional.of(SHG01)),
        new User("auditor", Role.AUDITOR, Optional.empty(), Optional.empty()),
        new User("donor.east", Role.DONOR, Optional.of(UnitCode.of("EAST")), Optional.empty()));
  }

  private static void fill(ServerBooks books) {
    SavingsGroups engine = books.store().engine();
    Units units = books.store().units();
    units.createUnit(Unit.top(UnitCode.of("NGO"), "The NGO"));
    units.createUnit(Unit.under(UnitCode.of("EAST"), "East", UnitCode.of("NGO")));
    units.createUnit(Unit.under(UnitCode.of("EAST-1"), "East one", UnitCode.of("EAST")));
    units.createUnit(Unit.under(UnitCode.of("WEST"), "West", UnitCode.of("NGO")));
    for (BookId code : java.util.List.of(SHG01, SHG02)) {
      engine.createGroup(new Group(code, "Group " + code, INR, FORMED, MeetingFrequency.MONTHLY,
          Money.of(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
          LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
      for (String member : java.util.List.of("M01", "M02", "M03")) {
        engine.addMember(code, Member.joining(MemberId.of(member), "Member " + member, MemberCategory.ADULT_WOMAN, FORMED));
      }
      engine.record(code, EntryId.of("SEED-SAVE"), FORMED.plusDays(3),
          new org.shgledger.group.GroupOperation.Save(MemberId.of("M01"), org.shgledger.group.SavingsKind.COMPULSORY,
              Money.of(INR, 1000), Channel.CASH));
      engine.disburseLoan(code, EntryId.of("SEED-LOAN"), LoanId.of("L1"), MemberId.of("M01"),
          OpenLoanTerms.of(Money.of(INR, 500), InterestRate.perMonth(BigDecimal.valueOf(2)), FORMED.plusDays(10)),
          Channel.CASH);
    }
    units.addGroup(UnitCode.of("EAST-1"), SHG01);
    units.addGroup(UnitCode.of("WEST"), SHG02);
  }

  String token(Role role) {
    return tokens.get(role.word());
  }

  /**
   * Sends the {@code i}-th saving of writer {@code w} as the admin, as the concurrency tests do:
   * member M01 to M03 in turn, ₹(10 + i), dated 2024-06-(1 + w), under the given entry id.
   *
   * @return the server's answer
   */
  HttpResponse<String> saving(BookId group, String id, int w, int i) {
    String body = "{\"id\": \"" + id + "\", \"member\": \"M0" + (1 + i % 3) + "\", \"amount\": \"" + (10 + i)
        + "\", \"date\": \"2024-06-0" + (1 + w) + "\"}";
    return send("POST", "/api/v1/groups/" + group.value() + "/savings", Role.ADMIN, body);
  }

  /** A request with the role's token, or none for a null role. */
  HttpResponse<String> send(String method, String path, Role role, String body) {
    return send(method, path, role == null ? null : token(role), body, Map.of());
  }

  HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      books.close();
    }
  }
}
