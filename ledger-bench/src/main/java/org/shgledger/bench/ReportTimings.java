package org.shgledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import org.shgledger.group.Group;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.TrialBalance;
import org.shgledger.report.GroupStatement;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;

/**
 * Times, inside one process, what {@code shg trial-balance} and {@code shg statement} do with a
 * book once the JVM has started: the trial balance as of the latest entry, and the statement of
 * the financial year of the latest entry (their default periods). The first pass includes class
 * loading and the JIT's warm-up, as one {@code shg} process does; later passes show the work alone.
 * Each line gives the wall time and the CPU time of this thread (the database's work included).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.shgledger.bench.ReportTimings JDBC_URL BOOK [PASSES]}
 */
public final class ReportTimings {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The last reports made, kept so that the work cannot be optimised away. */
  static volatile Object last;

  private ReportTimings() {}

  /**
   * Prints the time of each report in each pass.
   *
   * @param args the database's JDBC URL, the book, and the number of passes (default 3)
   */
  public static void main(String[] args) {
    BookId book = BookId.of(args[1]);
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    try (LedgerStore store = LedgerStore.open(args[0])) {
      SavingsGroups engine = store.engine();
      Reports reports = new Reports(engine);
      for (int pass = 1; pass <= passes; pass++) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        LocalDate latest = store.journal().latestEntryDate(book).orElseThrow();
        TrialBalance trial = store.journal().trialBalance(book, latest);
        last = trial;
        print(pass, "trial balance", start, cpuStart);
        start = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
        Group group = engine.group(book);
        LocalDate to = store.journal().latestEntryDate(book).orElseThrow();
        GroupStatement statement = reports.statement(book, group.financialYearStarting(to), to);
        last = statement;
        print(pass, "statement of the year", start, cpuStart);
      }
    }
  }

  private static void print(int pass, String what, long start, long cpuStart) {
    System.out.printf("pass %d: %s in %d ms wall, %d ms CPU of this thread%n", pass, what,
        (System.nanoTime() - start) / 1_000_000, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
  }
}
