package org.shgledger.cli;

import java.io.IOException;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shgledger.cli.output.HtmlRenderer;
import org.shgledger.cli.output.JsonRenderer;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import org.shgledger.programme.IndicatorReport;
import org.shgledger.programme.Programme;
import org.shgledger.programme.ProgrammeIndicators;
import org.shgledger.programme.SmallCells;
import org.shgledger.programme.Targets;
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
        case INDICATORS -> indicators(store, query);
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

    /** {@code shg indicators UNIT} with its defaults: small cells withheld, no targets. */
    private static Report indicators(LedgerStore store, Query query) {
      Map<String, String> options = query.options();
      LocalDate day;
      int months;
      Labels labels;
      try {
        day = options.containsKey("as-of") ? LocalDate.parse(options.get("as-of")) : LocalDate.now();
        months = Integer.parseInt(options.getOrDefault("saving-months", "" + ProgrammeIndicators.DEFAULT_SAVING_MONTHS));
        labels = Labels.of(Lang.of(options.getOrDefault("lang", "en")));
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      if (months < 1 || months > ProgrammeIndicators.MAX_SAVING_MONTHS) {
        throw new IllegalArgumentException("saving-months must be 1 to " + ProgrammeIndicators.MAX_SAVING_MONTHS);
      }
      Programme programme = new Programme(store.engine(), store.programme());
      IndicatorReport report = new ProgrammeIndicators(programme)
          .compute(store.units().groupsUnder(UnitCode.of(query.subject())), day, months);
      return IndicatorsCommand.report(SmallCells.protect(report.withTargets(Targets.none()),
          SmallCells.DEFAULT_THRESHOLD), labels);
    }
  }
}
