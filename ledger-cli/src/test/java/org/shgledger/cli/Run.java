package org.shgledger.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * One run of {@code shg} in the test's own process: its exit code and what it wrote to each
 * stream.
 *
 * @param exitCode the exit code
 * @param out what was written to standard output
 * @param err what was written to standard error
 */
record Run(int exitCode, String out, String err) {

  /** Runs {@code shg} with the given arguments. */
  static Run shg(String... args) {
    return shg(commandLine -> {}, args);
  }

  /**
   * Runs {@code shg} after adjusting its command line, for example adding a test-only subcommand.
   * The adjustment happens before the streams are set, because picocli gives a subcommand the
   * streams of its parent as they are when it is added.
   */
  static Run shg(Consumer<CommandLine> adjust, String... args) {
    CommandLine commandLine = Shg.commandLine();
    adjust.accept(commandLine);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  /** The error stream's lines. */
  String[] errLines() {
    return err.isEmpty() ? new String[0] : err.split("\\R");
  }
}
