package org.shgledger.bench;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
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
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/**
 * The server's load generator (issue 16 "Load, faults"; issue 19 goal 4), run by {@code
 * bench/server-load}; results and how to read them: docs/server.md, "Load".
 *
 * <pre>
 * ServerLoad prepare URL [GROUPS MEMBERS LOANS]
 * ServerLoad run URL SHG_JAR CLIENTS [--kill-after K] [--servers K] [--warm-up W] [--jfr FILE] [--log FILE]
 *     [--java-opts "..."] [--groups G]
 * </pre>
 *
 * <p>{@code prepare} writes the books through the engine: GROUPS groups (default 200) of MEMBERS
 * members (20), each of whom saved ₹1,000 in April 2025, and LOANS open loans (5) of ₹3,000 paid
 * out of that cash. {@code run} starts a real {@code java -jar shg.jar serve} over the books, adds
 * an admin with {@code shg user add}, and CLIENTS threads, each with its own keep-alive {@link
 * HttpClient}, take the groups one at a time off a shared queue and send the group's May meeting:
 * a saving for every member and a repayment of every open loan, each with its own entry id. With
 * {@code --kill-after K} the server is killed with SIGKILL once K requests were acknowledged;
 * every request not acknowledged (an I/O failure, a refusal) is then sent again, the same body and
 * entry id, to a new server on the same books. With {@code --servers K} (PostgreSQL) K servers run
 * over the same books and client c sends to server c mod K, as several processes of one
 * programme would: what one process's lock ({@code LedgerServer}'s {@code turn}) costs. With {@code
 * --warm-up W} the W groups after the GROUPS measured (prepared as GROUPS + W) send their meetings
 * first, untimed, so that the timed load meets a server whose JIT has compiled the request path.
 * Afterwards, with the server stopped: every
 * acknowledged entry is in the journal with the amount sent, the books hold exactly as many new
 * entries as there are operations, each group's trial balance moved by the model's sums (cash up
 * by all that was paid in, savings by the savings, loans and interest down by the repayments, no
 * other account), and {@code shg verify} passes. Any failure exits 1.
 *
 * <p>It prints one line of {@code key=value} figures for the script to tabulate: the operations,
 * the load's wall time, requests a second, client latency p50/p95/p99/max, the server's CPU
 * seconds and peak RSS (from /proc), the machine's busy CPU during the load, and the server's own
 * time per request from its access log ({@code ms=}).
 */
public final class ServerLoad {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final LocalDate FORMED = LocalDate.of(2025, 4, 1);
  static final LocalDate MEETING = LocalDate.of(2025, 5, 6);
  static final Money SEED_SAVING = Money.of(INR, 1000);
  static final Money LOAN = Money.of(INR, 3000);
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern ACCESS_MS = Pattern.compile("^access method=POST .* status=(\\d+) ms=(\\d+)");

  private ServerLoad() {}

  /**
   * Runs {@code prepare} or {@code run}.
   *
   * @param args as the class comment says
   * @throws Exception on any failure, which ends the program with a trace
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("prepare")) {
      int groups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
      int members = args.length > 3 ? Integer.parseInt(args[3]) : 20;
      int loans = args.length > 4 ? Integer.parseInt(args[4]) : 5;
      long start = System.nanoTime();
      prepare(args[1], groups, members, loans);
      System.out.printf("prepared %d groups of %d members, %d loans each, in %.1f s%n", groups, members, loans,
          (System.nanoTime() - start) / 1e9);
    } else if (args.length >= 4 && args[0].equals("run")) {
      Options options = Options.parse(Arrays.copyOfRange(args, 4, args.length));
      Result result = run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), options);
      System.out.println(result.line());
      if (!result.failures().isEmpty()) {
        result.failures().forEach(failure -> System.err.println("FAILED: " + failure));
        System.exit(1);
      }
    } else {
      System.err.println("usage: ServerLoad prepare URL [GROUPS MEMBERS LOANS] | "
          + "ServerLoad run URL SHG_JAR CLIENTS [--kill-after K] [--jfr FILE] [--log FILE] [--java-opts OPTS]");
      System.exit(2);
    }
  }

  /** The group code of the n-th group, 1-based. */
  static BookId group(int n) {
    return BookId.of(String.format("LOAD%03d", n));
  }

  /** Writes the books: the groups, their members and savings, the open loans. */
  static void prepare(String url, int groups, int members, int loans) {
    try (LedgerStore store = LedgerStore.open(url)) {
      SavingsGroups engine = store.engine();
      for (int g = 1; g <= groups; g++) {
        BookId code = group(g);
        engine.createGroup(new Group(code, "Load group " + g, INR, FORMED, MeetingFrequency.MONTHLY,
            Money.of(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
            LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
        engine.atomically(code, () -> {
          for (int m = 1; m <= members; m++) {
            MemberId member = member(m);
            engine.addMember(code, Member.joining(member, "Member " + m, MemberCategory.ADULT_WOMAN, FORMED));
            engine.record(code, EntryId.of("SEED-SAVE-" + m), FORMED.plusDays(4),
                new GroupOperation.Save(member, SavingsKind.COMPULSORY, SEED_SAVING, Channel.CASH));
          }
          for (int l = 1; l <= loans; l++) {
            engine.disburseLoan(code, EntryId.of("SEED-LOAN-" + l), LoanId.of("L" + l), member(l),
                OpenLoanTerms.of(LOAN, InterestRate.perMonth(BigDecimal.valueOf(2)), FORMED.plusDays(9)), Channel.CASH);
          }
          return null;
        });
      }
    }
  }

  static MemberId member(int m) {
    return MemberId.of(String.format("M%02d", m));
  }

  /** One request of the load: its path, body, entry id and amount, and whether it is a saving. */
  record Operation(BookId group, String path, String body, EntryId id, Money amount, boolean saving) {}

  /** Every group's May meeting, group by group: a saving per member, a repayment per loan. */
  static List<List<Operation>> meetings(int groups, int members, int loans) {
    return meetings(1, groups, members, loans);
  }

  /** The May meetings of groups {@code first} to {@code last}. */
  static List<List<Operation>> meetings(int first, int last, int members, int loans) {
    List<List<Operation>> meetings = new ArrayList<>();
    for (int g = first; g <= last; g++) {
      BookId code = group(g);
      List<Operation> meeting = new ArrayList<>();
      for (int m = 1; m <= members; m++) {
        Money amount = Money.of(INR, 100 + ((g * 31 + m * 17) % 5) * 50);
        String id = "LOAD-SAVE-" + code.value() + "-" + m;
        meeting.add(new Operation(code, "/api/v1/groups/" + code.value() + "/savings",
            "{\"id\": \"" + id + "\", \"member\": \"" + member(m).value() + "\", \"amount\": \""
                + amount.getAmount().toPlainString() + "\", \"date\": \"" + MEETING + "\"}",
            EntryId.of(id), amount, true));
      }
      for (int l = 1; l <= loans; l++) {
        Money amount = Money.of(INR, 300 + ((g + l) % 4) * 50);
        String id = "LOAD-REPAY-" + code.value() + "-" + l;
        meeting.add(new Operation(code, "/api/v1/groups/" + code.value() + "/loans/L" + l + "/repayments",
            "{\"id\": \"" + id + "\", \"amount\": \"" + amount.getAmount().toPlainString() + "\", \"date\": \""
                + MEETING + "\"}",
            EntryId.of(id), amount, false));
      }
      meetings.add(meeting);
    }
    return meetings;
  }

  /** The options of {@code run}. */
  record Options(int killAfter, Path jfr, Path log, List<String> javaOptions, int groups, int members, int loans,
      int servers, int warmUp) {
    static Options parse(String[] args) {
      int killAfter = 0;
      Path jfr = null;
      Path log = null;
      List<String> java = new ArrayList<>(List.of("-Xmx512m"));
      int groups = 200;
      int members = 20;
      int loans = 5;
      int servers = 1;
      int warmUp = 0;
      for (int i = 0; i < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--kill-after" -> killAfter = Integer.parseInt(value);
          case "--jfr" -> jfr = Path.of(value);
          case "--log" -> log = Path.of(value);
          case "--java-opts" -> java = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
          case "--groups" -> groups = Integer.parseInt(value);
          case "--members" -> members = Integer.parseInt(value);
          case "--loans" -> loans = Integer.parseInt(value);
          case "--servers" -> servers = Integer.parseInt(value);
          case "--warm-up" -> warmUp = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (servers > 1 && killAfter > 0) {
        throw new IllegalArgumentException("--kill-after kills the one server: not with --servers");
      }
      return new Options(killAfter, jfr, log, java, groups, members, loans, servers, warmUp);
    }
  }

  /** What a run measured and what its checks found. */
  record Result(Map<String, String> figures, List<String> failures) {
    String line() {
      StringBuilder line = new StringBuilder();
      figures.forEach((key, value) -> line.append(line.length() == 0 ? "" : " ").append(key).append('=').append(value));
      line.append(" checks=").append(failures.isEmpty() ? "ok" : "FAILED(" + failures.size() + ")");
      return line.toString();
    }
  }

  /** A request's outcome as the client saw it. */
  record Outcome(Operation operation, int status, long nanos) {}

  static Result run(String url, Path jar, int clients, Options options) throws Exception {
    List<String> failures = new ArrayList<>();
    Map<String, String> figures = new LinkedHashMap<>();
    List<List<Operation>> meetings = meetings(options.groups(), options.members(), options.loans());
    int operations = meetings.stream().mapToInt(List::size).sum();
    Map<BookId, Snapshot> before = snapshots(url, options.groups() + options.warmUp());

    String token = token(url, jar);
    Path log = options.log() != null ? options.log() : Files.createTempFile("shg-load", ".log");
    Server server = Server.start(jar, url, options, log, false);
    // more servers over the same books (--servers K, PostgreSQL): the clients are spread over them
    List<Server> others = new ArrayList<>();
    for (int k = 2; k <= options.servers(); k++) {
      others.add(Server.start(jar, url, options, Path.of(log + "." + k), false));
    }
    int[] ports = new int[options.servers()];
    ports[0] = server.port;
    for (int k = 0; k < others.size(); k++) {
      ports[k + 1] = others.get(k).port;
    }
    List<Outcome> outcomes = new ArrayList<>();
    if (options.warmUp() > 0) {
      // groups beyond the measured ones, sent first and not timed: the JIT compiles the request path
      outcomes.addAll(send(ports, token, meetings(options.groups() + 1, options.groups() + options.warmUp(),
          options.members(), options.loans()), clients, 0, () -> { }));
      figures.put("warm_up_requests", Integer.toString(outcomes.size()));
      outcomes.stream().filter(o -> o.status() / 100 != 2)
          .forEach(o -> failures.add("warm-up " + o.operation().id() + " answered " + o.status()));
    }
    // the access log's lines so far (start-up, warm-up) are not the load's
    Map<Path, Integer> logged = new HashMap<>();
    for (int k = 1; k <= options.servers(); k++) {
      Path each = k == 1 ? log : Path.of(log + "." + k);
      logged.put(each, Files.readAllLines(each).size());
    }
    long started = System.nanoTime();
    long cpuBefore = server.cpuTicks() + Server.cpuTicks(others);
    long databaseBefore = databaseCpuTicks(url);
    long[] machineBefore = machineTicks();
    AtomicBoolean killed = new AtomicBoolean();
    List<Outcome> first = send(ports, token, meetings, clients, options.killAfter(), () -> {
      if (killed.compareAndSet(false, true)) {
        // a moment later, at no particular point of a request: some may be committed, not yet answered
        Thread killer = new Thread(() -> {
          try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 20));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          server.kill();
        });
        killer.start();
      }
    });
    long loadNanos = System.nanoTime() - started;
    if (killed.get() && !server.process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server outlived its SIGKILL");
    }
    long[] machineAfter = machineTicks();
    outcomes.addAll(first);
    int acknowledgedFirst = (int) first.stream().filter(o -> o.status() / 100 == 2).count();
    figures.put("clients", Integer.toString(clients));
    figures.put("operations", Integer.toString(operations));
    figures.put("wall_s", String.format("%.2f", loadNanos / 1e9));
    figures.put("req_per_s", String.format("%.0f", first.size() / (loadNanos / 1e9)));
    double[] latency = first.stream().filter(o -> o.status() / 100 == 2).mapToDouble(o -> o.nanos() / 1e6).sorted().toArray();
    figures.put("p50_ms", ms(percentile(latency, 50)));
    figures.put("p95_ms", ms(percentile(latency, 95)));
    figures.put("p99_ms", ms(percentile(latency, 99)));
    figures.put("max_ms", ms(latency.length == 0 ? Double.NaN : latency[latency.length - 1]));
    figures.put("acknowledged", Integer.toString(acknowledgedFirst));
    if (!killed.get()) {
      figures.put("servers", Integer.toString(options.servers()));
      figures.put("server_cpu_s", String.format("%.2f", (server.cpuTicks() + Server.cpuTicks(others) - cpuBefore) / 100.0));
      long rss = server.peakRssKib();
      for (Server other : others) {
        rss = Math.max(rss, other.peakRssKib());
      }
      figures.put("server_rss_mib", Long.toString(rss / 1024));
      figures.put("server_cpu_by_thread", server.cpuByThread());
      figures.put("machine_busy_pct", String.format("%.0f", busyPercent(machineBefore, machineAfter)));
      if (url.startsWith("jdbc:postgresql:")) {
        figures.put("postgres_cpu_s", String.format("%.2f", (databaseCpuTicks(url) - databaseBefore) / 100.0));
      }
    }

    if (killed.get()) {
      // the killed server's unanswered requests, sent again to a new one over the same books
      List<Operation> unacknowledged = first.stream().filter(o -> o.status() / 100 != 2).map(Outcome::operation).toList();
      figures.put("killed_after", Integer.toString(options.killAfter()));
      figures.put("unacknowledged", Integer.toString(unacknowledged.size()));
      Server again = Server.start(jar, url, options, log, true);
      try {
        List<Outcome> replay = send(new int[] {again.port}, token, List.of(unacknowledged), clients, 0, () -> { });
        long repeats = replay.stream().filter(o -> o.status() == 200).count();
        long created = replay.stream().filter(o -> o.status() == 201).count();
        figures.put("replayed_201", Long.toString(created));
        figures.put("replayed_200_repeat", Long.toString(repeats));
        for (Outcome outcome : replay) {
          if (outcome.status() / 100 != 2) {
            failures.add("replay of " + outcome.operation().id() + " answered " + outcome.status());
          }
        }
        outcomes.addAll(replay);
      } finally {
        again.stop();
      }
    } else {
      for (Outcome outcome : first) {
        if (outcome.status() / 100 != 2) {
          failures.add(outcome.operation().id() + " answered " + outcome.status());
        }
      }
      server.stop();
      for (Server other : others) {
        other.stop();
      }
    }
    List<Path> logs = new ArrayList<>(List.of(log));
    for (int k = 2; k <= options.servers(); k++) {
      logs.add(Path.of(log + "." + k));
    }
    figures.putAll(serverTimes(logs, logged));

    check(url, jar, before, outcomes, failures);
    return new Result(figures, failures);
  }

  /**
   * Sends the meetings through {@code clients} threads, each taking the next group's meeting off a
   * shared queue; after {@code killAfter} acknowledgements (0: never) calls {@code kill}.
   */
  static List<Outcome> send(int[] ports, String token, List<List<Operation>> meetings, int clients, int killAfter,
      Runnable kill) throws InterruptedException {
    ConcurrentLinkedQueue<List<Operation>> queue = new ConcurrentLinkedQueue<>(meetings);
    ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    AtomicInteger acknowledged = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int port = ports[c % ports.length];
      Thread thread = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        try {
          for (List<Operation> meeting = queue.poll(); meeting != null; meeting = queue.poll()) {
            for (Operation operation : meeting) {
              HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + operation.path()))
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(operation.body(), StandardCharsets.UTF_8)).build();
              long start = System.nanoTime();
              int status;
              try {
                status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
              } catch (IOException e) {
                status = -1;  // no answer: the server died, or the connection with it
              }
              outcomes.add(new Outcome(operation, status, System.nanoTime() - start));
              if (status / 100 == 2 && acknowledged.incrementAndGet() == killAfter) {
                kill.run();
              }
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }, "load-client-" + c);
      thread.start();
    }
    done.await();
    return new ArrayList<>(outcomes);
  }

  /** A group's entry count and the net of each top-level account, before the load. */
  record Snapshot(int entries, Map<AccountCode, Money> nets, boolean balanced) {}

  static Map<BookId, Snapshot> snapshots(String url, int groups) {
    Map<BookId, Snapshot> snapshots = new HashMap<>();
    try (LedgerStore store = LedgerStore.open(url)) {
      for (int g = 1; g <= groups; g++) {
        BookId code = group(g);
        TrialBalance trial = store.journal().trialBalance(code, LocalDate.of(2099, 12, 31));
        Map<AccountCode, Money> nets = new HashMap<>();
        for (TrialBalance.Line line : trial.lines()) {
          nets.put(line.account().code(), line.net());
        }
        snapshots.put(code, new Snapshot(store.journal().entries(code).size(), nets,
            trial.totalDebit().equals(trial.totalCredit())));
      }
    }
    return snapshots;
  }

  /**
   * The exactly-once checks: each acknowledged operation's entry is there with its amount; each
   * group gained exactly as many entries as it had operations acknowledged; its trial balance moved
   * by the model's sums and no more; {@code shg verify} passes.
   */
  static void check(String url, Path jar, Map<BookId, Snapshot> before, List<Outcome> outcomes, List<String> failures)
      throws IOException, InterruptedException {
    Map<EntryId, Operation> acknowledged = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.status() / 100 == 2) {
        acknowledged.put(outcome.operation().id(), outcome.operation());
      }
    }
    Map<BookId, List<Operation>> byGroup = new HashMap<>();
    acknowledged.values().forEach(op -> byGroup.computeIfAbsent(op.group(), g -> new ArrayList<>()).add(op));
    Map<BookId, Snapshot> after = snapshots(url, before.size());
    try (LedgerStore store = LedgerStore.open(url)) {
      for (Operation operation : acknowledged.values()) {
        JournalEntry entry = store.journal().entry(operation.group(), operation.id()).orElse(null);
        if (entry == null) {
          failures.add("acknowledged " + operation.id() + " is not in the journal");
        } else if (!entry.postings().get(0).amount().equals(operation.amount())) {
          failures.add(operation.id() + " holds " + entry.postings().get(0).amount() + ", not " + operation.amount());
        }
      }
    }
    for (Map.Entry<BookId, Snapshot> group : before.entrySet()) {
      List<Operation> done = byGroup.getOrDefault(group.getKey(), List.of());
      Snapshot was = group.getValue();
      Snapshot is = after.get(group.getKey());
      if (is.entries() != was.entries() + done.size()) {
        failures.add(group.getKey() + ": " + (is.entries() - was.entries()) + " new entries for " + done.size()
            + " acknowledged operations");
      }
      Money saved = Money.zero(INR);
      Money repaid = Money.zero(INR);
      for (Operation op : done) {
        if (op.saving()) {
          saved = saved.plus(op.amount());
        } else {
          repaid = repaid.plus(op.amount());
        }
      }
      Map<AccountCode, Money> expected = new HashMap<>(was.nets());
      expected.merge(Chart.CASH, saved.plus(repaid), Money::plus);
      expected.merge(Chart.COMPULSORY_SAVINGS, saved.negated(), Money::plus);
      // a repayment credits the loan and the interest between them: their sum moves by the repayments
      Money loansAndInterest = is.nets().getOrDefault(Chart.MEMBER_LOANS, Money.zero(INR))
          .plus(is.nets().getOrDefault(Chart.LOAN_INTEREST, Money.zero(INR)));
      Money wasLoansAndInterest = was.nets().getOrDefault(Chart.MEMBER_LOANS, Money.zero(INR))
          .plus(was.nets().getOrDefault(Chart.LOAN_INTEREST, Money.zero(INR)));
      if (!loansAndInterest.equals(wasLoansAndInterest.minus(repaid))) {
        failures.add(group.getKey() + ": loans and interest " + loansAndInterest + ", the model says "
            + wasLoansAndInterest.minus(repaid));
      }
      for (AccountCode code : union(expected, is.nets())) {
        if (code.equals(Chart.MEMBER_LOANS) || code.equals(Chart.LOAN_INTEREST)) {
          continue;
        }
        Money want = expected.getOrDefault(code, Money.zero(INR));
        Money got = is.nets().getOrDefault(code, Money.zero(INR));
        if (!want.equals(got)) {
          failures.add(group.getKey() + ": account " + code + " nets " + got + ", the model says " + want);
        }
      }
      if (!is.balanced()) {
        failures.add(group.getKey() + ": the trial balance does not balance");
      }
    }
    Process verify = new ProcessBuilder(java(), "-jar", jar.toString(), "verify", "--db-url", url)
        .redirectErrorStream(true).start();
    String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (verify.waitFor() != 0) {
      failures.add("shg verify failed: " + out);
    }
  }

  private static List<AccountCode> union(Map<AccountCode, Money> a, Map<AccountCode, Money> b) {
    List<AccountCode> codes = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(code -> !a.containsKey(code)).forEach(codes::add);
    return codes;
  }

  /** An admin's token, from {@code shg user add}'s last word. */
  static String token(String url, Path jar) throws IOException, InterruptedException {
    String name = "load" + System.nanoTime();
    Process add = new ProcessBuilder(java(), "-jar", jar.toString(), "user", "add", name, "--role", "admin",
        "--db-url", url).redirectErrorStream(true).start();
    String out = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (add.waitFor() != 0) {
      throw new IllegalStateException("shg user add failed: " + out);
    }
    String[] words = out.split("\\s+");
    return words[words.length - 1];
  }

  /** The server's own time a request, from its access log's {@code ms=} (POSTs answered 2xx). */
  static Map<String, String> serverTimes(List<Path> logs, Map<Path, Integer> skip) throws IOException {
    List<Double> times = new ArrayList<>();
    for (Path log : logs) {
      List<String> lines = Files.readAllLines(log);
      for (String line : lines.subList(Math.min(lines.size(), skip.getOrDefault(log, 0)), lines.size())) {
        Matcher found = ACCESS_MS.matcher(line);
        if (found.find() && found.group(1).startsWith("2")) {
          times.add(Double.parseDouble(found.group(2)));
        }
      }
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("server_p50_ms", ms(percentile(sorted, 50)));
    figures.put("server_p99_ms", ms(percentile(sorted, 99)));
    figures.put("server_mean_ms", ms(Arrays.stream(sorted).average().orElse(Double.NaN)));
    return figures;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String ms(double value) {
    return String.format("%.1f", value);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The CPU ticks of the PostgreSQL backends serving this database (the server's pool), from
   * /proc: the database's share of the work, on this machine. 0 for SQLite, which works inside the
   * server's own process.
   */
  static long databaseCpuTicks(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      return 0;
    }
    long ticks = 0;
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet pids = statement.executeQuery(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      while (pids.next()) {
        try {
          String stat = Files.readString(Path.of("/proc/" + pids.getInt(1) + "/stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
          // a backend that ended meanwhile
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("reading the database's backends: " + e.getMessage(), e);
    }
    return ticks;
  }

  /** The machine's busy and total CPU ticks, from /proc/stat's first line. */
  static long[] machineTicks() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }

  /** Busy share of all cores between two readings, in percent of one core times the cores. */
  static double busyPercent(long[] before, long[] after) {
    return 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]) * Runtime.getRuntime().availableProcessors();
  }

  /** A {@code shg serve} child process. */
  static final class Server {
    final Process process;
    final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Server start(Path jar, String url, Options options, Path log, boolean append) throws IOException {
      List<String> command = new ArrayList<>(List.of(java()));
      command.addAll(options.javaOptions());
      if (options.jfr() != null && !append) {
        command.add("-XX:StartFlightRecording=filename=" + options.jfr() + ",settings=profile,dumponexit=true");
      }
      command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0", "--db-url", url));
      Process process = new ProcessBuilder(command)
          .redirectError(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()))
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher found = LISTENING.matcher(line);
        if (found.find()) {
          Thread drain = new Thread(() -> {
            try {
              while (out.readLine() != null) {
                // standard output says little more ("stopped"); read so the pipe never fills
              }
            } catch (IOException e) {
              // the process ended
            }
          });
          drain.setDaemon(true);
          drain.start();
          return new Server(process, Integer.parseInt(found.group(1)));
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("shg serve ended before it listened; its log: " + log);
    }

    /** utime + stime of the servers' processes. */
  static long cpuTicks(List<Server> servers) throws IOException {
    long ticks = 0;
    for (Server server : servers) {
      ticks += server.cpuTicks();
    }
    return ticks;
  }

  /** utime + stime of the server's process, in clock ticks (100 a second). */
    long cpuTicks() throws IOException {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    long peakRssKib() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      return -1;
    }

    /**
     * The server's CPU seconds since it started, by kind of thread (from /proc/PID/task): the
     * request threads (Jetty's pool), the JIT compilers, the garbage collector, main (start-up),
     * the rest; as {@code requests:12.3,jit:4.0,...}.
     */
    String cpuByThread() throws IOException {
      Map<String, Long> ticks = new LinkedHashMap<>();
      for (String kind : List.of("requests", "jit", "gc", "main", "other")) {
        ticks.put(kind, 0L);
      }
      try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
        for (Path task : tasks.toList()) {
          try {
            String name = Files.readString(task.resolve("comm")).strip();
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            String kind = name.startsWith("JettyServerThr") ? "requests"
                : name.startsWith("C1 ") || name.startsWith("C2 ") ? "jit"
                : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc"
                : name.equals("java") || name.equals("main") ? "main" : "other";
            ticks.merge(kind, used, Long::sum);
          } catch (IOException e) {
            // a thread that ended meanwhile
          }
        }
      }
      StringBuilder text = new StringBuilder();
      ticks.forEach((kind, used) -> text.append(text.length() == 0 ? "" : ",").append(kind).append(':')
          .append(String.format("%.1f", used / 100.0)));
      return text.toString();
    }

    /** SIGKILL: no shutdown hook runs, nothing is drained or closed. */
    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** SIGTERM, the graceful stop, and waits for it. */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("shg serve did not stop within 60 s of SIGTERM");
      }
    }
  }
}
