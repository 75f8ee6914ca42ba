package org.shgledger.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    },
    subcommands = {
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
      CompletionCommand.class,
      GenerateCommand.class,
      HelpCommand.class
    })
public final class Shg implements Callable<Integer> {

  /** The option name that asks for stack traces; {@link ErrorHandler} looks for it. */
  static final String VERBOSE_OPTION = "--verbose";

  @Spec private CommandSpec spec;

  // Inherited, so that both "shg --verbose demo" and "shg demo --verbose" work.
  @Option(
      names = VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace as well as the message.")
  private boolean verbose;

  /** Creates the top command; {@link #commandLine()} is the way to run it. */
  public Shg() {}

  /**
   * Runs {@code shg} and exits the process with its exit code.
   *
   * @param args the command-line arguments, not null
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The fully configured command line, ready to {@code execute}: error handling, exit codes and
   * UTF-8 output on the process's standard streams. Tests replace the streams with {@code
   * setOut}/{@code setErr}.
   *
   * @return a new command line, not null
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Shg())
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
