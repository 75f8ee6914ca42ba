package org.shgledger.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code shg}: the command-line program over the ledger library. Each task is a subcommand; this
 * class holds only what all of them share (help, version, {@code --verbose}, the commands' common
 * options taken before the command's name, see {@link GlobalOptions}) and the wiring of errors to
 * exit codes (see {@link ExitCodes} and {@link ErrorHandler}) and of values to words (see {@link
 * ValueConverters}).
 */
@Command(
    name = "shg",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Double-entry books for Self Help Groups.",
    exitCodeListHeading = "%nExit codes (see docs/cli.md):%n",
    exitCodeList = {
      ExitCodes.OK + ":success",
      ExitCodes.CHECK_FAILED + ":a check found a problem",
      ExitCodes.USAGE + ":the command line is wrong",
      ExitCodes.REJECTED + ":the ledger refused the request (a rule is broken)",
      ExitCodes.NOT_FOUND + ":no such book, account or entry",
      ExitCodes.IO_ERROR + ":a file could not be read or written",
      ExitCodes.INTERNAL_ERROR + ":internal error (a bug)"
    })
public final class Shg implements Callable<Integer> {

  /**
   * A command's name, as its {@code @Command} annotation gives it, beside its class's name: a run
   * finds the command it names here and loads that one class, without loading every command's
   * class and reading its annotations (which loads their subcommands' classes and an annotation
   * proxy for each). {@code ShgTest} checks that each name is its annotation's.
   *
   * @param name the name typed after {@code shg}, not null
   * @param className the command's class's binary name, not null
   */
  record Named(String name, String className) {

    /** The command's class, loaded now. */
    Class<?> command() {
      try {
        return Class.forName(className, false, Shg.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("no command class " + className + ": a build fault", e);
      }
    }
  }

  private static final String PACKAGE = "org.shgledger.cli.";

  /**
   * Every subcommand with its name, in the order {@code shg --help} lists them. They are added in
   * code rather than in the annotation so that {@link #commandLine(String...)} can build only the
   * one a run names: building the model of every command is most of {@code shg}'s start-up time.
   */
  static final List<Named> NAMED =
      List.of(
          new Named("demo", PACKAGE + "DemoCommand"),
          new Named("group", PACKAGE + "GroupCommand"),
          new Named("member", PACKAGE + "MemberCommand"),
          new Named("bearer", PACKAGE + "BearerCommand"),
          new Named("meeting", PACKAGE + "MeetingCommand"),
          new Named("save", PACKAGE + "EverydayCommands$Save"),
          new Named("withdraw", PACKAGE + "EverydayCommands$Withdraw"),
          new Named("fine", PACKAGE + "EverydayCommands$Fine"),
          new Named("loan", PACKAGE + "LoanCommand"),
          new Named("bank", PACKAGE + "BankCommand"),
          new Named("bank-loan", PACKAGE + "BorrowingCommands$BankLoan"),
          new Named("federation-loan", PACKAGE + "BorrowingCommands$FederationLoan"),
          new Named("grant", PACKAGE + "EverydayCommands$Grant"),
          new Named("expense", PACKAGE + "EverydayCommands$Expense"),
          new Named("income", PACKAGE + "EverydayCommands$Income"),
          new Named("reverse", PACKAGE + "ReverseCommand"),
          new Named("year-end", PACKAGE + "ClosingCommands$YearEnd"),
          new Named("distribute-surplus", PACKAGE + "ClosingCommands$DistributeSurplus"),
          new Named("share-out", PACKAGE + "ClosingCommands$ShareOut"),
          new Named("loan-schedule", PACKAGE + "LoanScheduleCommand"),
          new Named("verify", PACKAGE + "VerifyCommand"),
          new Named("import", PACKAGE + "ImportCommand"),
          new Named("statement", PACKAGE + "StatementCommand"),
          new Named("passbook", PACKAGE + "PassbookCommand"),
          new Named("account", PACKAGE + "AccountCommand"),
          new Named("loans", PACKAGE + "LoansCommand"),
          new Named("trial-balance", PACKAGE + "TrialBalanceCommand"),
          new Named("export", PACKAGE + "ExportCommand"),
          new Named("child", PACKAGE + "ProgrammeCommands$ChildCommand"),
          new Named("training", PACKAGE + "ProgrammeCommands$TrainingCommand"),
          new Named("indicators", PACKAGE + "IndicatorsCommand"),
          new Named("commitment", PACKAGE + "CommitmentCommand"),
          new Named("incident", PACKAGE + "IncidentCommands$IncidentGroup"),
          new Named("incidents", PACKAGE + "IncidentCommands$IncidentsReport"),
          new Named("livelihood", PACKAGE + "LivelihoodCommands$LivelihoodGroup"),
          new Named("outreach", PACKAGE + "LivelihoodCommands$OutreachGroup"),
          new Named("unit", PACKAGE + "UnitCommand"),
          new Named("grade", PACKAGE + "GradeCommand"),
          new Named("generate", PACKAGE + "GenerateCommand"),
          new Named("serve", PACKAGE + "ServeCommand"),
          new Named("user", PACKAGE + "UserCommand"),
          new Named("sync", PACKAGE + "SyncCommand"),
          new Named("completion", PACKAGE + "CompletionCommand"),
          new Named("help", "picocli.CommandLine$HelpCommand"));

  /**
   * Every subcommand, in the order {@code shg --help} lists them; loaded only by a run that needs
   * them all.
   *
   * @return the commands' classes, not null
   */
  static List<Class<?>> commands() {
    List<Class<?>> commands = new ArrayList<>();
    for (Named command : NAMED) {
      commands.add(command.command());
    }
    return List.copyOf(commands);
  }

  /** The option name that asks for stack traces; {@link ErrorHandler} looks for it. */
  static final String VERBOSE_OPTION = "--verbose";

  @Spec private CommandSpec spec;

  // Inherited, so that both "shg --verbose demo" and "shg demo --verbose" work.
  @Option(
      names = VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace as well as the message.")
  private boolean verbose;

  // The options below are the commands' own, also taken before the command's name (hledger's and
  // git's habit): GlobalOptions moves each after the command, whose own option reads it. Strings
  // here, so that no converter runs twice; they keep a value only when no command follows.

  @Option(names = {"-f", "--db"}, preprocessor = GlobalOptions.class, paramLabel = "PATH",
      description = "The SQLite database file, for a command that reads or writes books.")
  private String db;

  @Option(names = "--db-url", preprocessor = GlobalOptions.class, paramLabel = "JDBC_URL",
      description = "A PostgreSQL database instead of a file, for a command that reads or writes books.")
  private String dbUrl;

  @Option(names = "--future-days", preprocessor = GlobalOptions.class, paramLabel = "N",
      description = "How far after today a new record may be dated, for a command that records.")
  private String futureDays;

  @Option(names = {"-O", "--format"}, preprocessor = GlobalOptions.class, paramLabel = "FORMAT",
      description = "The output format, for a report, a listing or an export.")
  private String format;

  @Option(names = {"-o", "--output"}, preprocessor = GlobalOptions.class, paramLabel = "FILE",
      description = "Write to FILE instead of standard output, for a report or an export.")
  private String output;

  @Option(names = "--lang", preprocessor = GlobalOptions.class, paramLabel = "LANG",
      description = "The language of a report's words (default: from LC_ALL, LC_MESSAGES or LANG, else en).")
  private String lang;

  /** Creates the top command; {@link #commandLine(String...)} is the way to run it. */
  public Shg() {}

  /**
   * Runs {@code shg} and exits the process with its exit code.
   *
   * @param args the command-line arguments, not null
   */
  public static void main(String[] args) {
    StartupTrace.mark("main");
    // sqlite-jdbc logs through SLF4J, which shg.jar carries: its loader's noise is switched off in
    // simplelogger.properties (NativeLibraryLogTest), so java.util.logging is not started at all
    NativeLibraryCache.use();
    StartupTrace.mark("native library found");
    CommandLine commandLine = commandLine(args);
    StartupTrace.mark("command line built");
    int status = commandLine.execute(args);
    StartupTrace.mark("command done");
    StartupTrace.print();
    System.exit(status);
  }

  /**
   * The fully configured command line, ready to {@code execute}: error handling, exit codes and
   * UTF-8 output on the process's standard streams. Tests replace the streams with {@code
   * setOut}/{@code setErr}.
   *
   * @return a new command line, not null
   */
  public static CommandLine commandLine() {
    return configure(withCommands(new CommandLine(new Shg()), commands()));
  }

  /**
   * The command line for one run: only the command that {@code args} names, when it names one
   * (its own subcommands included), so that a run does not pay for building the other fifty;
   * every command when the run asks for help, for completion, for no command or for one that does
   * not exist, so that listings and "did you mean" suggestions see them all.
   *
   * @param args the run's arguments, not null
   * @return a new command line, ready to {@code execute(args)}, not null
   */
  public static CommandLine commandLine(String... args) {
    CommandLine top = new CommandLine(new Shg());
    int index = GlobalOptions.commandIndex(top.getCommandSpec(), args);
    Optional<String> named = index < args.length ? Optional.of(args[index]) : Optional.empty();
    if (named.isPresent()) {
      for (Named command : NAMED) {
        boolean listsOthers = command.name().equals("help") || command.name().equals("completion");
        if (!listsOthers && command.name().equals(named.get())) {
          return configure(withCommands(top, List.of(command.command())));
        }
      }
    } else if (Arrays.stream(args).anyMatch(arg -> arg.equals("-V") || arg.equals("--version"))
        && Arrays.stream(args).noneMatch(arg -> arg.equals("-h") || arg.equals("--help"))) {
      return configure(top); // "shg --version" needs no command at all
    }
    return commandLine();
  }

  private static CommandLine withCommands(CommandLine commandLine, List<Class<?>> commands) {
    for (Class<?> command : commands) {
      commandLine.addSubcommand(command);
    }
    return commandLine;
  }

  private static CommandLine configure(CommandLine commandLine) {
    return ValueConverters.registerOn(commandLine)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler(Shg::usageError)
        // Account and group names may be in any script, and reports use ₹ and −; write UTF-8
        // whatever the platform default is.
        .setOut(utf8(System.out))
        .setErr(utf8(System.err));
  }

  /** Without a subcommand there is nothing to do: show what there is, as a usage error. */
  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    commandLine.getErr().println("shg: a command is needed");
    commandLine.usage(commandLine.getErr());
    return ExitCodes.USAGE;
  }

  /**
   * A wrong command line: the reason on one line, in words (no Java class names), with "did you
   * mean" for a mistyped option or command, and where to read more — not the whole help page,
   * which would bury the reason.
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("shg: " + reason(e));
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** What is wrong with the command line, on one line. */
  static String reason(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched).orElse(e.getMessage());
    }
    if (e instanceof OverwrittenOptionException twice && twice.getOverwritten() instanceof OptionSpec option) {
      // before and after the command, or twice after it
      return option.longestName() + " is given twice; give it once";
    }
    ArgSpec arg = e.getArgSpec();
    Throwable cause = e.getCause();
    if (arg != null && cause != null && e.getValue() != null) {
      // a value its converter refused: picocli says "Invalid value for option '--as-of': ..."
      String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
      String why = cause instanceof TypeConversionException && cause.getMessage() != null
          ? cause.getMessage()
          : ValueConverters.quoted(e.getValue()) + " is not valid" + (cause.getMessage() == null ? ""
              : ": " + cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
      return name + ": " + why;
    }
    return e.getMessage();
  }

  /**
   * An unknown option or command, with the nearest known ones: {@code unknown option '--fromat':
   * did you mean '--format'?}.
   */
  private static Optional<String> unmatched(UnmatchedArgumentException e) {
    CommandSpec command = e.getCommandLine().getCommandSpec();
    List<String> unmatched = e.getUnmatched();
    Optional<String> option = unmatched.stream()
        .filter(arg -> arg.startsWith("-") && arg.length() > 1 && !arg.matches("-[\\d.].*"))
        .findFirst();
    if (option.isPresent()) {
      String typed = option.get().split("=", 2)[0];
      if (command.parent() != null && GlobalOptions.isGlobal(command.root(), typed)) {
        return Optional.of("'" + command.qualifiedName() + "' takes no " + typed);
      }
      List<String> names = command.options().stream()
          .filter(known -> !known.hidden())
          .flatMap(known -> Arrays.stream(known.names()))
          .toList();
      return Optional.of("unknown option '" + typed + "'" + suggestion(typed, names, ""));
    }
    if (!command.subcommands().isEmpty() && !unmatched.isEmpty()) {
      String typed = unmatched.get(0);
      // "group lst" rather than "lst": the command named as it is typed after "shg"
      String parents = command.parent() == null ? ""
          : command.qualifiedName().substring(command.root().name().length() + 1) + " ";
      List<String> names = List.copyOf(command.subcommands().keySet());
      if (names.contains(typed)) {
        // only an end-of-options '--' before it makes a command's own name unmatched
        return Optional.of("'" + parents + typed + "' comes after '--', where no command is read: put the"
            + " command before '--'");
      }
      return Optional.of("unknown command '" + parents + typed + "'" + suggestion(typed, names, parents));
    }
    if (!unmatched.isEmpty()) {
      // picocli counts an index that options moved from before the command would make wrong
      return Optional.of("unexpected argument" + (unmatched.size() > 1 ? "s " : " ")
          + String.join(" ", unmatched.stream().map(arg -> "'" + arg + "'").toList()));
    }
    return Optional.empty();
  }

  private static String suggestion(String typed, List<String> known, String parents) {
    List<String> nearest = DidYouMean.nearest(typed, known);
    if (nearest.isEmpty()) {
      return "";
    }
    return ": did you mean '" + parents + String.join("' or '" + parents, nearest) + "'?";
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
