package org.shgledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.shgledger.group.Group;
import org.shgledger.group.SavingsGroups;
import org.shgledger.report.GroupStatement;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;

/**
 * Times the group statement ({@link Reports#statement}) of every group in a SQLite database, in
 * one process, for the goal "statements for every group of a 200-group, 5-year unit under 2 s":
 * each group's whole history, from its formation to its latest entry. The loop runs twice; the
 * first pass includes class loading and the JIT's warm-up, which one {@code shg} process pays too.
 * Each pass prints its wall time and the CPU time of its thread: on a shared machine the two differ.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.shgledger.bench.StatementTimings BOOKS.db [PASSES]}
 */
public final class StatementTimings {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The last statement made, kept so that the work cannot be optimised away. */
  static volatile GroupStatement last;

  private StatementTimings() {}

  /**
   * Prints the time of each pass.
   *
   * @param args the database file
   */
  public static void main(String[] args) {
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(args[0]))) {
      SavingsGroups engine = store.engine();
      Reports reports = new Reports(engine);
      List<Group> groups = engine.registry().groups();
      int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
      for (int pass = 1; pass <= passes; pass++) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (Group group : groups) {
          // as `shg statement` finds its default end: one aggregate query
          LocalDate to = store.journal().latestEntryDate(group.code()).orElse(group.formed());
          last = reports.statement(group.code(), group.formed(), to);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.println("pass " + pass + ": statements of " + groups.size() + " groups in "
            + ms + " ms wall, " + cpuMs + " ms CPU of this thread (SQLite included)");
      }
    }
  }
}
