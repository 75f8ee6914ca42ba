package org.shgledger.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Fact;
import org.shgledger.journal.BookId;
import org.shgledger.report.AccountLedger;
import org.shgledger.report.LedgerLine;
import org.shgledger.report.MeetingSheet;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.UnitRejection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shgledger.cli.output.HtmlRenderer;
import org.shgledger.cli.output.JsonRenderer;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import org.shgledger.server.LedgerServer;
import org.shgledger.server.ReportSource;
import org.shgledger.server.ServerBooks;
import org.shgledger.store.LedgerStore;
import org.shgledger.unit.UnitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shg serve [--port 8080] [--bind 127.0.0.1] [--db FILE | --db-url URL]}: the books over
 * HTTP (ledger-server, docs/server.md) until SIGTERM or Ctrl-C, which let requests in flight finish
 * and close the books. The reports' JSON is this program's own ({@link Reports}), so the API and
 * {@code --format json} give the same bytes.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the books over HTTP: a JSON API for other programs, with users and roles (docs/server.md).",
      "Binds to 127.0.0.1 unless --bind says otherwise; never let it face the internet without a "
          + "reverse proxy that speaks TLS. Users are added with shg user add.",
      "Runs until stopped (SIGTERM, Ctrl-C): requests in flight finish, then the books close.",
      "Example: shg serve --db-url jdbc:postgresql://db.example.org/shg --port 8080"
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DbOptions db;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "The port to listen on, 1 to 65535 (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "The address to listen on. Default: ${DEFAULT-VALUE}, this computer only.")
  String bind;

  @Option(names = "--plain-http-cookies",
      description = "Let the pages' sign-in cookie travel over plain HTTP (no Secure flag): for trying the "
          + "pages on this computer without TLS. Only with a loopback --bind.")
  boolean plainHttpCookies;

  /** The running server, for {@link #stop()}; null before it starts. */
  private volatile LedgerServer server;

  private final CountDownLatch started = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port is 0 to 65535, not " + port);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return serve(out, err);
    } finally {
      // a start that failed releases whoever waits for it (stop(), port())
      started.countDown();
    }
  }

  private int serve(PrintWriter out, PrintWriter err) throws InterruptedException {
    InetAddress address = address();
    if (plainHttpCookies && !address.isLoopbackAddress()) {
      // a session cookie without Secure would cross a network in the clear: loopback only
      throw new ParameterException(spec.commandLine(), "--plain-http-cookies is for a loopback --bind only, not " + bind);
    }
    // the same checks and messages as every command that needs existing books (exit 5)
    db.openExisting().close();
    try (ServerBooks books = ServerBooks.open(jdbcUrl(), db.dateLimits(), Clock.systemUTC())) {
      LedgerServer running = LedgerServer.start(books, new Reports(), bind, port, System.err, !plainHttpCookies);
      server = running;
      Thread hook = new Thread(running::close, "shg-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      if (!address.isLoopbackAddress()) {
        err.println("shg serve: listening on " + bind + ", beyond this computer: put a reverse proxy "
            + "with TLS in front of it (docs/server.md); never let it face the internet without one");
        err.flush();
      }
      out.println("shg serve: listening on http://" + hostForUrl() + ":" + running.port() + "/ (health: /health)");
      out.flush();
      started.countDown();
      try {
        running.awaitStop();
      } finally {
        removeHook(hook);
      }
    }
    out.println("shg serve: stopped");
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Stops the server as SIGTERM does (for tests and embedding): waits for it to have started.
   *
   * @throws InterruptedException if interrupted while waiting for the start
   */
  void stop() throws InterruptedException {
    started.await();
    if (server != null) {
      server.close();
    }
  }

  /**
   * The port the server listens on, once started.
   *
   * @return the port
   * @throws IllegalStateException if it failed to start
   * @throws InterruptedException if interrupted while waiting for the start
   */
  int port() throws InterruptedException {
    started.await();
    if (server == null) {
      throw new IllegalStateException("the server did not start");
    }
    return server.port();
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: no such address " + bind);
    }
  }

  private String hostForUrl() {
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }

  /** The database as a JDBC URL: --db-url as given, else the SQLite file of --db. */
  private String jdbcUrl() {
    String url = spec.findOption("--db-url").getValue();
    return url != null ? url : "jdbc:sqlite:" + db.file();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is what stopped the server, and runs to its end
    }
  }

  /**
   * The reports' JSON as {@code shg REPORT --format json} writes it: the command's own options are
   * parsed from the query, and its own code builds the report over the server's open books.
   */
  static final class Reports implements ReportSource {

    @Override
    public String json(LedgerStore store, Query query) {
      StringWriter json = new StringWriter();
      try {
        new JsonRenderer().render(report(store, query, "json"), json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);  // a StringWriter does not fail
      }
      return json.toString();
    }

    /** The body of {@code shg REPORT --format html}, for the server's pages to wrap. */
    @Override
    public String html(LedgerStore store, Query query) {
      StringWriter html = new StringWriter();
      try {
        new HtmlRenderer(Lang.of(query.options().getOrDefault("lang", "en"))).renderBody(report(store, query, "html"), html);
      } catch (IOException e) {
        throw new UncheckedIOException(e);  // a StringWriter does not fail
      }
      return html.toString();
    }

    /** The report as the command builds it for the format ({@code json} or {@code html}). */
    private static Report report(LedgerStore store, Query query, String format) {
      return switch (query.kind()) {
        case TRIAL_BALANCE -> build(new TrialBalanceCommand(), store, query, format, List.of(query.subject()), "as-of", "lang");
        case STATEMENT -> build(new StatementCommand(), store, query, format,
            withNames(List.of(query.subject()), query), "from", "to", "lang");
        case PASSBOOK -> build(new PassbookCommand(), store, query, format,
            withNames(List.of(query.subject(), query.member()), query), "from", "to", "lang");
        case LOANS -> build(new LoansCommand(), store, query, format, List.of(query.subject()), "as-of", "from", "lang");
        case INDICATORS -> unitReport(new IndicatorsCommand(), store, query, format, "as-of", "saving-months", "lang");
        case ACCOUNT -> account(store, query, format);
        case UNIT_STATEMENT -> build(new UnitCommand.Statement(), store, query, format, List.of(query.subject()),
            "from", "to", "lang");
        case GRADES -> grades(store, query, format);
        case COMMITMENT -> unitReport(new CommitmentCommand(), store, query, format, "as-of", "saving-months", "lang");
        case INCIDENTS -> unitReport(new IncidentCommands.IncidentsReport(), store, query, format, "from", "to", "lang");
        case INCIDENTS_BY_GROUP -> unitReport(new IncidentCommands.IncidentsReport(), store, query, format,
            "--by-group", "from", "to", "lang");
        case MEETING_SHEET -> meetingSheet(store, query);
      };
    }

    private static List<String> withNames(List<String> arguments, Query query) {
      List<String> all = new ArrayList<>(arguments);
      if (query.names()) {
        all.add("--names");
      } else if (query.pseudonyms() && query.kind() == Kind.PASSBOOK) {
        all.add("--pseudonymize");
      }
      return all;
    }

    /** Parses the report command's arguments as the command line would, and builds its report. */
    private static Report build(ReportCommand command, LedgerStore store, Query query, String format,
        List<String> arguments,
        String... options) {
      List<String> args = new ArrayList<>(arguments);
      args.add("--format=" + format);
      for (String option : options) {
        String value = query.options().get(option);
        if (value != null) {
          args.add("--" + option + "=" + value);
        }
      }
      try {
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        command.checkOptions();
      } catch (ParameterException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return command.report(store, command.output.labels());
    }

    /**
     * {@code shg account GROUP CODE}, one page of it ({@link AccountPage}), with the {@code next}
     * fact that links to the page after it; an auditor's has pseudonyms for members' ids.
     */
    private static Report account(LedgerStore store, Query query, String format) {
      AccountPage page = new AccountPage(query.options().get("cursor"), query.options().get("limit"));
      AccountCommand command = new AccountCommand();
      command.page = page::cut;
      Report report = build(command, store, query, format, List.of(query.subject(), Objects.requireNonNull(query.account(),
          "account")), "from", "to", "lang");
      if (query.pseudonyms()) {
        report = Pseudonymization.apply(report, Pseudonymization.replacer(store, BookId.of(query.subject()), null));
      }
      List<Fact> facts = new ArrayList<>(report.facts());
      facts.add(Fact.of("next", "next", page.next(query.options().get("lang")).map(Cell::text).orElse(Cell.empty())));
      return new Report(report.kind(), report.title(), facts, report.blocks());
    }

    /**
     * A programme report of a unit ({@code shg indicators}, {@code shg commitment}, {@code shg
     * incidents}) with its defaults, so every count under 5 is withheld: its options parsed from the query as the command line
     * would, a word that starts with {@code --} passed as it is.
     */
    private static Report unitReport(StoreReport command, LedgerStore store, Query query, String format, String... options) {
      UnitCode unit = existingUnit(store, query.subject());
      List<String> args = new ArrayList<>(List.of(unit.value(), "--format=" + format));
      for (String option : options) {
        String value = query.options().get(option);
        if (option.startsWith("--")) {
          args.add(option);
        } else if (value != null) {
          args.add("--" + option + "=" + value);
        }
      }
      try {
        Labels labels = Labels.of(Lang.of(query.options().getOrDefault("lang", "en")));
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.report(store, labels);
      } catch (ParameterException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }

    /** {@code shg meeting sheet GROUP --date DATE}; an auditor's has pseudonyms for members' ids. */
    private static Report meetingSheet(LedgerStore store, Query query) {
      LocalDate date;
      Labels labels;
      try {
        date = LocalDate.parse(Objects.requireNonNull(query.options().get("date"), "date"));
        labels = Labels.of(Lang.of(query.options().getOrDefault("lang", "en")));
      } catch (DateTimeParseException | NullPointerException e) {
        throw new IllegalArgumentException("a meeting sheet needs its date as yyyy-mm-dd", e);
      }
      BookId group = BookId.of(query.subject());
      Report report = MeetingSheetCommand.report(MeetingSheet.of(store.engine(), group, date), labels);
      return query.pseudonyms() ? Pseudonymization.apply(report, Pseudonymization.replacer(store, group, null)) : report;
    }

    /** The unit a unit's route names, which must be one: a group's code in its place is a 404. */
    private static UnitCode existingUnit(LedgerStore store, String code) {
      UnitCode unit = UnitCode.of(code);
      if (store.units().registry().unit(unit).isEmpty()) {
        throw new UnitException(UnitRejection.UNIT_NOT_FOUND, "there is no unit " + unit + " in the books");
      }
      return unit;
    }

    /** {@code shg grade UNIT}: a unit's groups only, never one group named in a unit's place. */
    private static Report grades(LedgerStore store, Query query, String format) {
      UnitCode unit = existingUnit(store, query.subject());
      return build(new GradeCommand(), store, query, format, List.of(unit.value()), "from", "to", "lang");
    }

  }

  /**
   * One page of an account's ledger for the API (docs/server.md, "Pages"): at most {@code limit}
   * lines, never splitting an entry's lines between pages, as a ledger of its own: its opening
   * balance is the balance before its first line, its closing balance after its last, its totals
   * its own lines'. The cursor is the number of lines before the page and a mark of the line just
   * before it, so that an entry recorded earlier in the ledger since (a back-dated one), which
   * moves every later line, is found and refused rather than skipped or shown twice.
   */
  static final class AccountPage {

    /** Lines on a page unless {@code limit} says otherwise. */
    static final int DEFAULT_LIMIT = 100;

    /** The most lines on a page. */
    static final int MAX_LIMIT = 1_000;

    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("([0-9]{1,9})-([0-9a-f]{16})");

    private final int start;
    private final String mark;
    private final int limit;
    private AccountLedger cut;
    private int end;
    private String nextMark;

    AccountPage(String cursor, String limit) {
      if (limit == null) {
        this.limit = DEFAULT_LIMIT;
      } else {
        try {
          this.limit = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("limit is a number of lines from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
        }
        if (this.limit < 1 || this.limit > MAX_LIMIT) {
          throw new IllegalArgumentException("limit is a number of lines from 1 to " + MAX_LIMIT + ", not " + limit);
        }
      }
      if (cursor == null) {
        start = 0;
        mark = null;
      } else {
        java.util.regex.Matcher matcher = CURSOR.matcher(cursor);
        if (!matcher.matches()) {
          throw new IllegalArgumentException("cursor is the value of a page's next link, not '" + cursor + "'");
        }
        start = Integer.parseInt(matcher.group(1));
        mark = matcher.group(2);
      }
    }

    /** The page of the ledger. */
    AccountLedger cut(AccountLedger ledger) {
      List<LedgerLine> lines = ledger.lines();
      if (start > lines.size() || (start > 0 && !mark(lines.get(start - 1)).equals(mark))) {
        throw new IllegalArgumentException("cursor: the ledger has changed before this page since the first one "
            + "(an entry dated earlier was recorded or the period differs); start again without cursor");
      }
      int last = Math.min(lines.size(), start + limit);
      while (last < lines.size() && last > start && lines.get(last).entry().equals(lines.get(last - 1).entry())) {
        last++;
      }
      List<LedgerLine> page = lines.subList(start, last);
      Money opening = start == 0 ? ledger.opening() : lines.get(start - 1).balance();
      Money debit = Money.zero(opening.getCurrencyUnit());
      Money credit = debit;
      for (LedgerLine line : page) {
        debit = debit.plus(line.debit());
        credit = credit.plus(line.credit());
      }
      Money closing = page.isEmpty() ? opening : page.get(page.size() - 1).balance();
      end = last;
      cut = new AccountLedger(ledger.group(), ledger.code(), ledger.name(), ledger.type(), ledger.from(),
          ledger.to(), opening, page, debit, credit, closing);
      if (last < lines.size()) {
        nextMark = mark(lines.get(last - 1));
      }
      return cut;
    }

    /**
     * The link to the next page, relative to the page's own address: its period made explicit, so
     * that the pages of one walk cover the same days however the books grow; empty on the last.
     */
    Optional<String> next(String lang) {
      if (cut == null || nextMark == null) {
        return Optional.empty();
      }
      StringBuilder link = new StringBuilder("?from=").append(cut.from()).append("&to=").append(cut.to());
      if (lang != null) {
        link.append("&lang=").append(URLEncoder.encode(lang, StandardCharsets.UTF_8));
      }
      return Optional.of(link.append("&limit=").append(limit).append("&cursor=").append(end).append('-')
          .append(nextMark).toString());
    }

    /** A line's mark: its place in the books, hashed, so that the cursor shows no entry id. */
    private static String mark(LedgerLine line) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((line.date() + "\n" + line.entry() + "\n"
            + line.account() + "\n" + line.balance()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
