package org.shgledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.shgledger.importing.passbook.PassbookImporter;

/**
 * An import's progress on standard error, in the way that suits where standard error goes:
 *
 * <ul>
 *   <li>{@link Mode#TERMINAL}: one line redrawn in place ({@code \r}, erase to the end of the line),
 *       naming the phase, its counts and the seconds gone by, redrawn every {@value #TICK_MILLIS}
 *       ms as well as at each report, so that it moves while the engine records a batch, which
 *       reports nothing until its end; cleared when the import ends;
 *   <li>{@link Mode#LINES} (a file, a pipe, a CI log): one plain line per phase as the phase ends
 *       ({@code shg: reading passbook.csv ... 1,204 lines}, {@code shg: recording ... done, 1,180
 *       entries}), never a carriage return or an escape code; nothing more when the import fails,
 *       so its problems are the lines that follow;
 *   <li>{@link Mode#QUIET} ({@code --quiet}): nothing.
 * </ul>
 *
 * <p>There is no colour, so {@code NO_COLOR} has nothing to turn off.
 */
final class ProgressBar implements PassbookImporter.Progress {

  /** How progress is shown. */
  enum Mode {
    /** Redrawn in place on a terminal. */
    TERMINAL,
    /** One line per phase, for a file or a pipe. */
    LINES,
    /** Nothing. */
    QUIET
  }

  /** How often the terminal's line is redrawn between reports. */
  static final int TICK_MILLIS = 200;

  private static final int WIDTH = 30;
  private static final int MAX_NAME = 40;
  private static final String SPINNER = "|/-\\";
  private static final String ERASE_TO_END = "\u001b[K";

  private final PrintWriter err;
  private final Mode mode;
  private final String file;
  private final String shortName;
  private final LongSupplier nanoTime;
  private final long start;
  private ScheduledExecutorService ticker;
  private long lines;
  private boolean recording;
  private boolean counted;
  private long recorded;
  private long total;
  private long ticks;
  private boolean drawn;
  private boolean ended;

  ProgressBar(PrintWriter err, Mode mode, String file, LongSupplier nanoTime) {
    this.err = err;
    this.mode = mode;
    this.file = file;
    // the terminal's line must not wrap, or \r returns only to the start of its last part
    String name = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
    this.shortName = name.length() <= MAX_NAME ? name : "..." + name.substring(name.length() - MAX_NAME + 3);
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /**
   * The progress of an import of a file, shown as where standard error goes suits.
   *
   * @param err standard error, not null
   * @param quiet whether {@code --quiet} was given
   * @param file the file read, as the user named it, not null
   * @return the progress, not null
   */
  static ProgressBar forStandardError(PrintWriter err, boolean quiet, Path file) {
    Mode mode = quiet ? Mode.QUIET : standardErrorIsATerminal() ? Mode.TERMINAL : Mode.LINES;
    return new ProgressBar(err, mode, file.toString(), System::nanoTime);
  }

  /**
   * Whether standard error itself is a terminal that understands {@code \r} and erasing a line.
   * {@link System#console()} answers for standard input and output only: with {@code 2> log} it
   * is still there, and the bar would fill the log with carriage returns. Linux names the
   * terminal behind each open file in {@code /proc/self/fd}; elsewhere the console is the best
   * guess there is.
   */
  static boolean standardErrorIsATerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false; // cannot erase a line
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  @Override
  public synchronized void checked(long count) {
    lines = count;
    draw();
  }

  @Override
  public synchronized void recording(long entries) {
    if (mode == Mode.LINES && !recording) {
      readingDone();
    }
    recording = true;
    total = entries;
    draw();
  }

  @Override
  public synchronized void recorded(long entries, long of) {
    counted = true;
    recorded = entries;
    total = of;
    draw();
  }

  /**
   * Ends the progress: clears the terminal's line, or writes the lines of the phases not yet
   * written when the import succeeded. Nothing is drawn after.
   *
   * @param succeeded whether the import ended without a problem
   */
  void end(boolean succeeded) {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      stopping = ticker;
      if (mode == Mode.TERMINAL && drawn) {
        err.print("\r" + ERASE_TO_END);
        err.flush();
      } else if (mode == Mode.LINES && succeeded) {
        if (!recording) {
          readingDone();
        } else {
          // a combined import records its register too, and counts none of it here
          line("recording ... done" + (counted ? ", " + count(recorded) + (recorded == 1 ? " entry" : " entries") : ""));
        }
      }
    }
    if (stopping != null) {
      stopping.shutdownNow();
    }
  }

  /** Redraws the terminal's line; the first drawing starts the ticker that keeps it moving. */
  private void draw() {
    if (mode != Mode.TERMINAL || ended) {
      return;
    }
    err.print("\r" + text() + ERASE_TO_END);
    err.flush();
    drawn = true;
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shg-progress");
        thread.setDaemon(true); // never keeps the program alive
        return thread;
      });
      ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** One tick of the clock: the spinner turns and the seconds count even when nothing reports. */
  synchronized void tick() {
    ticks++;
    draw();
  }

  /**
   * The terminal's line: while reading, the lines read; while recording, a bar filled to the
   * share recorded, with a marker that runs along the part not yet filled.
   */
  synchronized String text() {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanoTime.getAsLong() - start);
    String spinner = String.valueOf(SPINNER.charAt((int) (ticks % SPINNER.length())));
    if (!recording) {
      return spinner + " reading " + shortName + ": " + count(lines) + (lines == 1 ? " line" : " lines") + "  " + seconds + "s";
    }
    int filled = !counted ? 0 : total <= 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * recorded / total);
    StringBuilder bar = new StringBuilder("#".repeat(filled)).append(" ".repeat(WIDTH - filled));
    if (filled < WIDTH) {
      bar.setCharAt(filled + (int) (ticks % (WIDTH - filled)), '>');
    }
    return spinner + " [" + bar + "] recording" + (counted ? " " + count(recorded) + "/" + count(total) : "")
        + "  " + seconds + "s";
  }

  private void readingDone() {
    line("reading " + file + " ... " + count(lines) + (lines == 1 ? " line" : " lines"));
  }

  private void line(String text) {
    err.println("shg: " + text);
    err.flush();
  }

  /**
   * A count as people read it, in Indian grouping: {@code 1,204}, {@code 1,20,400}.
   *
   * @param value the count, zero or more
   * @return the text, not null
   */
  static String count(long value) {
    String digits = Long.toString(value);
    if (digits.length() <= 3) {
      return digits;
    }
    StringBuilder text = new StringBuilder(digits.substring(digits.length() - 3));
    for (int end = digits.length() - 3; end > 0; end -= 2) {
      text.insert(0, digits.substring(Math.max(0, end - 2), end) + ",");
    }
    return text.toString();
  }
}
