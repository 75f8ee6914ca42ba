package org.shgledger.cli;

import java.io.PrintWriter;
import org.shgledger.importing.passbook.PassbookImporter;

/**
 * A one-line progress bar on standard error for long imports, redrawn in place. Only on a
 * terminal: when output is piped or redirected (no console), it prints nothing, so logs and
 * scripts see only results.
 */
final class ProgressBar implements PassbookImporter.Progress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A bar that draws only when the process has a terminal. */
  static ProgressBar onTerminal(PrintWriter err) {
    return new ProgressBar(err, System.console() != null);
  }

  @Override
  public void checked(long lines) {
    draw("checking " + lines + " lines");
  }

  @Override
  public void recorded(long entries, long total) {
    int filled = total == 0 ? WIDTH : (int) (WIDTH * entries / total);
    draw("[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + entries + "/" + total
        + " recorded");
  }

  private void draw(String text) {
    if (!enabled) {
      return;
    }
    err.print("\r" + text + "\u001b[K");
    err.flush();
    drawn = true;
  }

  /** Clears the bar's line, so that what follows starts on a clean line. */
  void done() {
    if (enabled && drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
