package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's time goes, for the start-up work (docs/performance.md, "Start-up"): with {@code
 * -Dshg.trace=true} a run prints to standard error, as it exits, how long after the JVM's start it
 * reached each mark and the CPU time its main thread had used by then. Without the property every mark is one
 * test of a constant: the trace costs nothing and prints nothing.
 */
final class StartupTrace {

  /** The system property that turns the trace on. */
  static final String PROPERTY = "shg.trace";

  private static final boolean ON = Boolean.getBoolean(PROPERTY);

  /** The marks so far: name, nanoTime, the process's CPU nanoseconds (-1 if unknown). */
  private static final List<Object[]> MARKS = ON ? new ArrayList<>() : null;

  private StartupTrace() {}

  /**
   * Records that the run has reached a point.
   *
   * @param what the point, such as {@code "store open"}, not null
   */
  static void mark(String what) {
    if (ON) {
      synchronized (MARKS) {
        MARKS.add(new Object[] {what, System.nanoTime(), cpuNanos()});
      }
    }
  }

  /**
   * Prints the marks to standard error, once, as milliseconds since the JVM started: called as the
   * run exits. The JVM's start is read only here, so that the reading costs no mark anything.
   */
  static void print() {
    if (!ON) {
      return;
    }
    long now = System.nanoTime();
    long nowMillis = System.currentTimeMillis();
    long jvmStart = ProcessHandle.current().info().startInstant()
        .map(instant -> instant.toEpochMilli()).orElse(nowMillis);
    // ProcessHandle knows the start to the clock tick; the JVM's own reading is to the millisecond
    long startMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    if (startMillis > 0) {
      jvmStart = startMillis;
    }
    double zero = now / 1e6 - (nowMillis - jvmStart);
    synchronized (MARKS) {
      System.err.printf("shg.trace: %8s %8s  %s%n", "wall ms", "cpu ms", "mark");
      for (Object[] mark : MARKS) {
        long cpu = (Long) mark[2];
        System.err.printf("shg.trace: %8.1f %8s  %s%n", (Long) mark[1] / 1e6 - zero,
            cpu < 0 ? "?" : String.format("%.1f", cpu / 1e6), mark[0]);
      }
    }
  }

  /**
   * The CPU time of the thread that runs the command, to the nanosecond: the work the command
   * itself does (the JIT compiler's and the collector's threads are not in it; the process's total
   * is hyperfine's figure).
   */
  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
