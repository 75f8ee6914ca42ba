package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;
import org.shgledger.testing.TestPostgres;

/**
 * SIGKILL and replay (issue 16, "Load, faults"): {@code shg serve} runs as a real child process;
 * four clients record savings and loan repayments into four groups; once some have been
 * acknowledged the server is killed with SIGKILL (no shutdown hook, nothing drained); a new
 * server over the same books is sent every request that had no answer, with the same body and
 * entry id, and, as a client whose answer was lost would, the last acknowledged request of each
 * group again. Nothing is lost and nothing doubled: every operation is in the journal once with
 * its amount, each group gained exactly one entry an operation, its cash and savings moved by the
 * sums sent, and {@code shg verify} passes. The large runs are bench/server-load's, not here.
 *
 * <p>On SQLite always; on PostgreSQL where one answers (skipped otherwise, failed instead under
 * {@code SHG_REQUIRE_POSTGRES=1}), in a schema of its own.
 */
class ServeKillReplayTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final LocalDate FORMED = LocalDate.of(2025, 4, 1);
  private static final int GROUPS = 4;
  private static final int MEMBERS = 8;
  private static final int LOANS = 2;
  private static final int MONTHS = 5;
  private static final int KILL_AFTER = 70;
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path folder;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void onSqliteNothingIsLostOrDoubled() throws Exception {
    killAndReplay("jdbc:sqlite:" + folder.resolve("shg.db"));
  }

  @Test
  void onPostgresqlNothingIsLostOrDoubled() throws Exception {
    TestPostgres.assumeAnswers();
    try (TestPostgres.Schema schema = TestPostgres.createSchema()) {
      killAndReplay(schema.url());
    }
  }

  /** One request: a group's saving or repayment, with its entry id. */
  record Operation(BookId group, String path, String body, EntryId id, Money amount, boolean saving) {}

  private void killAndReplay(String url) throws Exception {
    prepare(url);
    Run add = Run.shg("user", "add", "kill.test", "--role", "admin", "--db-url", url);
    assertEquals(0, add.exitCode(), add.err());
    String[] words = add.out().strip().split("\\s+");
    String token = words[words.length - 1];
    Map<BookId, List<Operation>> meetings = meetings();
    Map<BookId, Integer> entriesBefore = new HashMap<>();
    Map<BookId, Money> cashBefore = new HashMap<>();
    try (LedgerStore store = LedgerStore.open(url)) {
      for (BookId group : meetings.keySet()) {
        entriesBefore.put(group, store.journal().entries(group).size());
        cashBefore.put(group, store.journal().balance(group, Chart.CASH, LocalDate.of(2099, 1, 1)).net());
      }
    }

    // the first server, killed with SIGKILL once KILL_AFTER requests have been answered
    Map<Operation, Integer> answered = new ConcurrentHashMap<>();
    Server first = Server.start(url);
    AtomicInteger acknowledged = new AtomicInteger();
    try {
      sendAll(first.port, token, meetings, operation -> {
        int status = send(first.port, token, operation);
        if (status > 0) {
          answered.put(operation, status);
        }
        if (status / 100 == 2 && acknowledged.incrementAndGet() == KILL_AFTER) {
          first.process.destroyForcibly();  // SIGKILL on Linux: no hook runs, nothing is closed
        }
        return status;
      });
      assertTrue(first.process.waitFor(30, TimeUnit.SECONDS), "killed");
      assertEquals(137, first.process.exitValue(), "ended by SIGKILL (128 + 9)");
    } finally {
      first.process.destroyForcibly();
    }
    answered.values().forEach(status -> assertTrue(status == 201, "before the kill every answer is 201, not " + status));
    int unanswered = meetings.values().stream().mapToInt(List::size).sum() - answered.size();
    assertTrue(answered.size() >= KILL_AFTER && unanswered > 0, answered.size() + " answered, " + unanswered + " not");

    // a new server over the same books: every unanswered request again, and each group's last answered one
    Map<BookId, List<Operation>> replay = new LinkedHashMap<>();
    int lostAnswers = 0;
    for (Map.Entry<BookId, List<Operation>> meeting : meetings.entrySet()) {
      List<Operation> again = new ArrayList<>();
      Operation lastAnswered = null;
      for (Operation operation : meeting.getValue()) {
        if (answered.containsKey(operation)) {
          lastAnswered = operation;
        } else {
          again.add(operation);
        }
      }
      if (lastAnswered != null) {
        again.add(0, lastAnswered);
        lostAnswers++;
      }
      replay.put(meeting.getKey(), again);
    }
    Map<Operation, Integer> replayed = new ConcurrentHashMap<>();
    Server second = Server.start(url);
    try {
      sendAll(second.port, token, replay, operation -> {
        int status = send(second.port, token, operation);
        replayed.put(operation, status);
        return status;
      });
      second.stop();
    } finally {
      second.process.destroyForcibly();
    }
    long repeats = replayed.values().stream().filter(status -> status == 200).count();
    assertTrue(replayed.values().stream().allMatch(status -> status == 200 || status == 201), replayed.toString());
    assertTrue(repeats >= lostAnswers, "each request already recorded is answered 200, recorded nothing: " + replayed);

    // nothing lost, nothing doubled
    try (LedgerStore store = LedgerStore.open(url)) {
      for (Map.Entry<BookId, List<Operation>> meeting : meetings.entrySet()) {
        BookId group = meeting.getKey();
        Money paidIn = Money.zero(INR);
        Money saved = Money.zero(INR);
        for (Operation operation : meeting.getValue()) {
          JournalEntry entry = store.journal().entry(group, operation.id()).orElseThrow(
              () -> new AssertionError(operation.id() + " is lost"));
          assertEquals(operation.amount(), entry.postings().get(0).amount(), operation.id().value());
          paidIn = paidIn.plus(operation.amount());
          saved = operation.saving() ? saved.plus(operation.amount()) : saved;
        }
        assertEquals(entriesBefore.get(group) + meeting.getValue().size(), store.journal().entries(group).size(),
            group + ": one entry an operation");
        assertEquals(cashBefore.get(group).plus(paidIn),
            store.journal().balance(group, Chart.CASH, LocalDate.of(2099, 1, 1)).net(), group + ": cash");
        assertEquals(Money.of(INR, 1000).multipliedBy(MEMBERS).plus(saved),
            store.journal().balance(group, Chart.COMPULSORY_SAVINGS, LocalDate.of(2099, 1, 1)).normalBalance(),
            group + ": savings");
      }
    }
    Run verify = Run.shg("verify", "--db-url", url);
    assertEquals(0, verify.exitCode(), verify.out() + verify.err());
  }

  /** Four groups of eight members who saved ₹1,000 each, and two open loans of ₹3,000. */
  private static void prepare(String url) {
    try (LedgerStore store = LedgerStore.open(url)) {
      SavingsGroups engine = store.engine();
      for (int g = 1; g <= GROUPS; g++) {
        BookId code = BookId.of("KILL" + g);
        engine.createGroup(new Group(code, "Group " + g, INR, FORMED, MeetingFrequency.MONTHLY, Money.of(INR, 100),
            RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
            LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
        for (int m = 1; m <= MEMBERS; m++) {
          MemberId member = MemberId.of("M0" + m);
          engine.addMember(code, Member.joining(member, "Member " + m, MemberCategory.ADULT_WOMAN, FORMED));
          engine.record(code, EntryId.of("SEED-" + m), FORMED.plusDays(4),
              new GroupOperation.Save(member, SavingsKind.COMPULSORY, Money.of(INR, 1000), Channel.CASH));
        }
        for (int l = 1; l <= LOANS; l++) {
          engine.disburseLoan(code, EntryId.of("LOAN-" + l), LoanId.of("L" + l), MemberId.of("M0" + l),
              OpenLoanTerms.of(Money.of(INR, 3000), InterestRate.perMonth(BigDecimal.valueOf(2)), FORMED.plusDays(9)),
              Channel.CASH);
        }
      }
    }
  }

  /** Each group's meetings from May, in date order: every member's saving, then each loan's repayment. */
  private static Map<BookId, List<Operation>> meetings() {
    Map<BookId, List<Operation>> meetings = new LinkedHashMap<>();
    for (int g = 1; g <= GROUPS; g++) {
      BookId code = BookId.of("KILL" + g);
      List<Operation> operations = new ArrayList<>();
      for (int month = 0; month < MONTHS; month++) {
        LocalDate date = LocalDate.of(2025, 5, 6).plusMonths(month);
        for (int m = 1; m <= MEMBERS; m++) {
          Money amount = Money.of(INR, 100 + 10 * ((g + m + month) % 5));
          String id = "SAVE-" + date + "-M0" + m;
          operations.add(new Operation(code, "/api/v1/groups/" + code.value() + "/savings",
              "{\"id\": \"" + id + "\", \"member\": \"M0" + m + "\", \"amount\": \"" + amount.getAmount().toPlainString()
                  + "\", \"date\": \"" + date + "\"}", EntryId.of(id), amount, true));
        }
        for (int l = 1; l <= LOANS; l++) {
          Money amount = Money.of(INR, 300 + 10 * l);
          String id = "REPAY-" + date + "-L" + l;
          operations.add(new Operation(code, "/api/v1/groups/" + code.value() + "/loans/L" + l + "/repayments",
              "{\"id\": \"" + id + "\", \"amount\": \"" + amount.getAmount().toPlainString() + "\", \"date\": \"" + date
                  + "\"}", EntryId.of(id), amount, false));
        }
      }
      meetings.put(code, operations);
    }
    return meetings;
  }

  interface Sender {
    int send(Operation operation) throws InterruptedException;
  }

  /** One client a group, each sending its group's requests in order (a repayment's month follows the last). */
  private static void sendAll(int port, String token, Map<BookId, List<Operation>> meetings, Sender sender)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(meetings.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (List<Operation> operations : meetings.values()) {
        done.add(clients.submit(() -> {
          for (Operation operation : operations) {
            sender.send(operation);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** The request's status, or -1 when no answer came (the server died with it in flight, or before). */
  private int send(int port, String token, Operation operation) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + operation.path()))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(operation.body(), StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(operation.id() + ": " + response.statusCode() + " " + response.body());
      }
      return response.statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** {@code shg serve} as a child process, on a free port; its output read to the end in the background. */
  private record Server(Process process, int port, StringBuffer output) {

    static Server start(String url) throws IOException {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Shg.class.getName(),
          "serve", "--port", "0", "--db-url", url);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuffer output = new StringBuffer();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        Matcher found = LISTENING.matcher(line);
        if (found.find()) {
          Thread reader = new Thread(() -> {
            try {
              for (String rest = lines.readLine(); rest != null; rest = lines.readLine()) {
                output.append(rest).append('\n');
              }
            } catch (IOException e) {
              output.append("(stream closed)\n");
            }
          });
          reader.setDaemon(true);
          reader.start();
          return new Server(process, Integer.parseInt(found.group(1)), output);
        }
      }
      process.destroyForcibly();
      throw new AssertionError("shg serve ended before it listened: " + output);
    }

    /** SIGTERM, the graceful stop. */
    void stop() throws InterruptedException {
      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped: " + output);
    }
  }
}
