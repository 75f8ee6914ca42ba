package org.shgledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.shgledger.LedgerException;
import org.shgledger.group.GroupException;
import org.shgledger.journal.JournalException;
import org.shgledger.programme.ProgrammeException;
import org.shgledger.store.Credentials;
import org.shgledger.store.StoreException;
import org.shgledger.unit.UnitException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on standard error and an {@link ExitCodes
 * exit code}. A treasurer sees what was wrong, not a stack trace; {@code --verbose} adds the stack
 * trace for whoever is debugging.
 *
 * <p>Invalid command lines never reach this handler: picocli reports them itself and exits with
 * {@link ExitCodes#USAGE}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult fullParseResult) {
    int exitCode = exitCode(exception);
    PrintWriter err = commandLine.getErr();
    // a message or a driver's exception may quote --db-url, password and all
    err.println(Credentials.masked(message(exception, exitCode)));
    if (isVerbose(fullParseResult)) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      err.print(Credentials.masked(trace.toString()));
    } else if (exitCode == ExitCodes.INTERNAL_ERROR) {
      err.println("shg: this is a bug; rerun with " + Shg.VERBOSE_OPTION
          + " to see where it happened, and report it");
    }
    err.flush();
    return exitCode;
  }

  /**
   * The exit code for an exception.
   *
   * @param exception the exception a command threw, not null
   * @return one of {@link ExitCodes}
   */
  static int exitCode(Throwable exception) {
    if (exception instanceof JournalException journal && journal.reason().isNotFound()) {
      return ExitCodes.NOT_FOUND;
    }
    if (exception instanceof GroupException group && group.reason().isNotFound()) {
      return ExitCodes.NOT_FOUND;
    }
    if (exception instanceof ProgrammeException programme && programme.reason().isNotFound()) {
      return ExitCodes.NOT_FOUND;
    }
    if (exception instanceof UnitException unit && unit.reason().isNotFound()) {
      return ExitCodes.NOT_FOUND;
    }
    if (exception instanceof StoreException) {
      // the database, not the request, failed: busy, unreadable, too new
      return ExitCodes.IO_ERROR;
    }
    if (exception instanceof LedgerException) {
      return ExitCodes.REJECTED;
    }
    if (exception instanceof IOException || exception instanceof UncheckedIOException) {
      return ExitCodes.IO_ERROR;
    }
    return ExitCodes.INTERNAL_ERROR;
  }

  private static String message(Throwable exception, int exitCode) {
    String text = oneLine(exception.getMessage());
    if (exception instanceof JournalException journal) {
      return "shg: rejected (" + journal.reason() + "): " + text;
    }
    if (exception instanceof GroupException group) {
      return "shg: rejected (" + group.reason() + "): " + text;
    }
    if (exception instanceof ProgrammeException programme) {
      return "shg: rejected (" + programme.reason() + "): " + text;
    }
    if (exception instanceof UnitException unit) {
      return "shg: rejected (" + unit.reason() + "): " + text;
    }
    if (exception instanceof StoreException store) {
      return "shg: database error (" + store.kind() + "): " + text;
    }
    return switch (exitCode) {
      case ExitCodes.REJECTED -> "shg: rejected: " + text;
      case ExitCodes.IO_ERROR -> "shg: input/output error: " + text;
      default -> "shg: internal error: " + exception.getClass().getName() + ": " + text;
    };
  }

  /** The message on one line, so that each error is exactly one line of the error stream. */
  private static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Whether --verbose was given, before or after the subcommand's name. */
  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(Shg.VERBOSE_OPTION)) {
        return true;
      }
    }
    return false;
  }
}
