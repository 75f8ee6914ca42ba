package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An import's progress (issue 15): redrawn in place on a terminal, moving while the engine records
 * in silence; one plain line per phase anywhere else, never a carriage return or an escape code;
 * nothing with {@code --quiet}.
 */
class ProgressBarTest {

  private final StringWriter err = new StringWriter();
  private final AtomicLong clock = new AtomicLong();

  private ProgressBar bar(ProgressBar.Mode mode) {
    return new ProgressBar(new PrintWriter(err), mode, "passbook.csv", clock::get);
  }

  @Test
  void notOnATerminalEachPhaseIsOnePlainLineWrittenAsItEnds() {
    ProgressBar bar = bar(ProgressBar.Mode.LINES);
    bar.checked(1_000);
    bar.checked(1_204);
    assertEquals("", err.toString(), "nothing while a phase runs");
    bar.recording(1_180);
    bar.recorded(1_180, 1_180);
    bar.end(true);

    assertEquals("shg: reading passbook.csv ... 1,204 lines\nshg: recording ... done, 1,180 entries\n",
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aDryRunHasOnlyTheReadingPhaseAndAFailedImportNoLineAfterTheLastPhaseDone() {
    ProgressBar dryRun = bar(ProgressBar.Mode.LINES);
    dryRun.checked(1);
    dryRun.end(true);
    assertEquals("shg: reading passbook.csv ... 1 line", err.toString().strip());

    StringWriter failed = new StringWriter();
    ProgressBar refused = new ProgressBar(new PrintWriter(failed), ProgressBar.Mode.LINES, "passbook.csv", clock::get);
    refused.checked(3);
    refused.end(false);
    assertEquals("", failed.toString(), "the problems are the lines that follow");
  }

  @Test
  void quietShowsNothing() {
    ProgressBar bar = bar(ProgressBar.Mode.QUIET);
    bar.checked(10);
    bar.recording(10);
    bar.recorded(10, 10);
    bar.end(true);
    assertEquals("", err.toString());
  }

  /** The engine records a whole batch before it reports: the line moves on the clock's ticks. */
  @Test
  void onATerminalTheLineMovesWhileTheEngineRecordsInSilence() {
    ProgressBar bar = bar(ProgressBar.Mode.TERMINAL);
    try {
      bar.checked(1_204);
      bar.recording(1_180);
      String before = bar.text();
      clock.addAndGet(TimeUnit.SECONDS.toNanos(3));
      bar.tick();
      String after = bar.text();

      assertNotEquals(before, after);
      assertTrue(after.endsWith("recording  3s"), after);
      bar.recorded(590, 1_180);
      assertTrue(bar.text().matches(".*\\[#{15} *> *\\].*"), "half filled, the marker running on: " + bar.text());
      assertTrue(bar.text().contains("recording 590/1,180"), bar.text());
      assertTrue(err.toString().startsWith("\r"), "redrawn in place");
    } finally {
      bar.end(true);
    }
    assertTrue(err.toString().endsWith("\r\u001b[K"), "the line is cleared at the end");
  }

  @Test
  void countsAreInIndianGrouping() {
    assertEquals("0", ProgressBar.count(0));
    assertEquals("999", ProgressBar.count(999));
    assertEquals("1,204", ProgressBar.count(1_204));
    assertEquals("1,20,400", ProgressBar.count(120_400));
    assertEquals("1,23,45,678", ProgressBar.count(12_345_678));
  }

  @Test
  void standardErrorOfTheTestsIsNotATerminal() {
    // surefire pipes the forked JVM's standard error: the import commands' tests see plain lines
    assertFalse(ProgressBar.standardErrorIsATerminal());
  }
}
