package org.shgledger.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code shg}: the command-line program over the ledger library. Each task is a subcommand; this
 * class holds only what all of them share (help, version, {@code --verbose}) and the wiring of
 * errors to exit codes (see {@link ExitCodes} and {@link ErrorHandler}).
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
   * Every subcommand, in the order {@code shg --help} lists them. They are added in code rather
   * than in the annotation so that {@link #commandLine(String...)} can build only the one a run
   * names: building the model of every command is most of {@code shg}'s start-up time.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          DemoCommand.class,
          GroupCommand.class,
          MemberCommand.class,
          BearerCommand.class,
          MeetingCommand.class,
          EverydayCommands.Save.class,
          EverydayCommands.Withdraw.class,
          EverydayCommands.Fine.class,
          LoanCommand.class,
          BankCommand.class,
          BorrowingCommands.BankLoan.class,
          BorrowingCommands.FederationLoan.class,
          EverydayCommands.Grant.class,
          EverydayCommands.Expense.class,
          EverydayCommands.Income.class,
          ReverseCommand.class,
          ClosingCommands.YearEnd.class,
          ClosingCommands.DistributeSurplus.class,
          ClosingCommands.ShareOut.class,
          LoanScheduleCommand.class,
          VerifyCommand.class,
          ImportCommand.class,
          StatementCommand.class,
          PassbookCommand.class,
          AccountCommand.class,
          LoansCommand.class,
          TrialBalanceCommand.class,
          ExportCommand.class,
          ProgrammeCommands.ChildCommand.class,
          ProgrammeCommands.TrainingCommand.class,
          IndicatorsCommand.class,
          UnitCommand.class,
          GradeCommand.class,
          GenerateCommand.class,
          ServeCommand.class,
          UserCommand.class,
          CompletionCommand.class,
          HelpCommand.class);

  /** The option name that asks for stack traces; {@link ErrorHandler} looks for it. */
  static final String VERBOSE_OPTION = "--verbose";

  @Spec private CommandSpec spec;

  // Inherited, so that both "shg --verbose demo" and "shg demo --verbose" work.
  @Option(
      names = VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace as well as the message.")
  private boolean verbose;

  /** Creates the top command; {@link #commandLine(String...)} is the way to run it. */
  public Shg() {}

  /**
   * Runs {@code shg} and exits the process with its exit code.
   *
   * @param args the command-line arguments, not null
   */
  public static void main(String[] args) {
    quietNativeLibraryCleanup();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * sqlite-jdbc unpacks its native library into the temporary directory and, at start, deletes the
   * copies older processes left; when several shg processes start at the same instant one deletes
   * another's, and the loser logs "SEVERE: Failed to delete old native lib" with a stack trace on
   * standard error, though nothing failed. That one logger is silenced; every other is as it was.
   */
  static void quietNativeLibraryCleanup() {
    SQLITE_LOADER_LOG.setLevel(java.util.logging.Level.OFF);
  }

  /** Held so that the setting lives as long as the process (java.util.logging keeps loggers weakly). */
  private static final java.util.logging.Logger SQLITE_LOADER_LOG =
      java.util.logging.Logger.getLogger("org.sqlite.SQLiteJDBCLoader");

  /**
   * The fully configured command line, ready to {@code execute}: error handling, exit codes and
   * UTF-8 output on the process's standard streams. Tests replace the streams with {@code
   * setOut}/{@code setErr}.
   *
   * @return a new command line, not null
   */
  public static CommandLine commandLine() {
    return configure(withCommands(COMMANDS));
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
    Optional<String> named = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
    if (named.isPresent()) {
      for (Class<?> command : COMMANDS) {
        Command annotation = command.getAnnotation(Command.class);
        boolean listsOthers = command == HelpCommand.class || command == CompletionCommand.class;
        if (!listsOthers && (annotation.name().equals(named.get())
            || Arrays.asList(annotation.aliases()).contains(named.get()))) {
          return configure(withCommands(List.of(command)));
        }
      }
    } else if (Arrays.stream(args).anyMatch(arg -> arg.equals("-V") || arg.equals("--version"))
        && Arrays.stream(args).noneMatch(arg -> arg.equals("-h") || arg.equals("--help"))) {
      return configure(withCommands(List.of())); // "shg --version" needs no command at all
    }
    return commandLine();
  }

  private static CommandLine withCommands(List<Class<?>> commands) {
    CommandLine commandLine = new CommandLine(new Shg());
    for (Class<?> command : commands) {
      commandLine.addSubcommand(command);
    }
    return commandLine;
  }

  private static CommandLine configure(CommandLine commandLine) {
    return commandLine
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
   * A wrong command line: the reason on one line, picocli's "did you mean" suggestions if any,
   * and where to read more — not the whole help page, which would bury the reason.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("shg: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
