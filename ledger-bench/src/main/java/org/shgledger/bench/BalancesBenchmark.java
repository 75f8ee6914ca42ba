package org.shgledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.shgledger.journal.AccountBalance;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.TrialBalance;
import org.shgledger.store.LedgerStore;

/**
 * An account's balance and the trial balance of a book of {@code entries} entries (savings and
 * banking pairs, 60 a day), in memory and on SQLite. Results: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BalancesBenchmark {

  /** Entries in the book. */
  @Param({"20000"})
  public int entries;

  /** Which journal: {@code memory} or {@code sqlite}. */
  @Param({"memory", "sqlite"})
  public String store;

  private Path directory;
  private LedgerStore sqlite;
  private Journal journal;
  private LocalDate asOf;

  /** Records the book once per trial. */
  @Setup(Level.Trial)
  public void recordTheBook() throws IOException {
    if (store.equals("sqlite")) {
      directory = Files.createTempDirectory("shg-bench");
      sqlite = LedgerStore.openSqlite(directory.resolve("books.db"));
      journal = sqlite.journal();
    } else {
      journal = new InMemoryJournal();
    }
    Books.openBook(journal);
    LocalDate first = LocalDate.of(2020, 4, 1);
    journal.recordAll(Books.batch(entries, first, 60));
    asOf = first.plusDays(entries / 60 + 1);
  }

  /** Closes the database. */
  @TearDown(Level.Trial)
  public void close() {
    if (sqlite != null) {
      sqlite.close();
    }
  }

  /**
   * The cash account's balance: every entry posts to it.
   *
   * @return the balance
   */
  @Benchmark
  public AccountBalance cashBalance() {
    return journal.balance(Books.BOOK, Books.CASH, asOf);
  }

  /**
   * The trial balance of the whole book.
   *
   * @return the trial balance
   */
  @Benchmark
  public TrialBalance trialBalance() {
    return journal.trialBalance(Books.BOOK, asOf);
  }
}
