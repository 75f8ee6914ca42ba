package org.shgledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
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
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.JdbcJournal;
import org.shgledger.store.LedgerStore;

/**
 * Recording one batch of entries into a new SQLite file: through {@link JdbcJournal#recordAll}
 * (every rule checked, hashes chained, one transaction) beside the ceiling, a raw JDBC insert of
 * the very same rows (as the journal stored them in a file of their own, before the trial) into
 * the same tables with the same settings (WAL, synchronous=FULL, foreign keys on), one transaction
 * and batches of the same size.
 *
 * <p>Each invocation starts from a new file holding the book and its accounts, so both write the
 * same rows into the same state. The batch is a month-end import: members' savings and the cash
 * banked, pairs that keep the constrained cash account at or above zero, so the journal also
 * runs its balance-limit check on every entry. Results and the command: docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchRecordingBenchmark {

  // The book and accounts of Books.openBook, which every invocation's new files start from.
  private static final BookId BOOK = Books.BOOK;
  private static final CurrencyUnit INR = Books.INR;
  private static final AccountCode CASH = Books.CASH;
  private static final AccountCode BANK = Books.BANK;
  private static final AccountCode SAVINGS = Books.SAVINGS;
  private static final int MEMBERS = Books.MEMBERS;

  /** Entries in the batch. */
  @Param({"5000"})
  public int entries;

  private Path directory;
  private List<JournalEntry> batch;
  private RawRows rows;
  private LedgerStore store;
  private JdbcJournal journal;
  private Connection raw;

  /** Makes the batch, and its rows as the journal stores them, once per trial. */
  @Setup(Level.Trial)
  public void makeTheBatch() throws IOException, SQLException {
    directory = Files.createTempDirectory("shg-bench");
    batch = new ArrayList<>(entries);
    LocalDate date = LocalDate.of(2025, 4, 30);
    for (int i = 0; i < entries; i++) {
      Money amount = Money.ofMinor(INR, 100 + (i / 2 * 104_729L) % 50_000);
      String id = "IMPORT-2025-04-" + i;
      batch.add(i % 2 == 0
          ? JournalEntry.of(EntryId.of(id), BOOK, date, "saving at the April meeting",
              List.of(Posting.debit(CASH, amount),
                  Posting.credit(SAVINGS.sub("M" + (1 + i / 2 % MEMBERS)), amount)))
          : JournalEntry.of(EntryId.of(id), BOOK, date, "cash banked",
              List.of(Posting.debit(BANK, amount), Posting.credit(CASH, amount))));
    }
    // The ceiling's rows are the journal's own: recorded once into a file of their own, untimed.
    try (LedgerStore template = LedgerStore.openSqlite(newBooks("template"))) {
      template.journal().recordAll(batch);
    }
    try (Connection template = RawRows.connect(directory.resolve("template.db"))) {
      rows = RawRows.read(template);
    }
  }

  /** A new file with the book and its accounts for each invocation, for both ways of writing. */
  @Setup(Level.Invocation)
  public void newFiles() throws SQLException {
    store = LedgerStore.openSqlite(newBooks("journal"));
    journal = store.journal();
    raw = RawRows.connect(newBooks("raw"));
  }

  private Path newBooks(String name) {
    Path file = directory.resolve(name + ".db");
    for (String suffix : List.of("", "-wal", "-shm")) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    try (LedgerStore setUp = LedgerStore.openSqlite(file)) {
      Books.openBook(setUp.journal());
    }
    return file;
  }

  /** Closes both files. */
  @TearDown(Level.Invocation)
  public void close() throws SQLException {
    store.close();
    raw.close();
  }

  /**
   * The journal: rules, hash chain and batched inserts in one transaction.
   *
   * @return the recorded entries
   */
  @Benchmark
  public List<JournalEntry> journalRecordAll() {
    return journal.recordAll(batch);
  }

  /**
   * The ceiling: the same rows, as the journal stored them, inserted with plain JDBC batches in
   * one transaction ({@link RawRows}), without rules, hashing or reads.
   *
   * @return the number of entries inserted
   * @throws SQLException if the database fails
   */
  @Benchmark
  public int rawJdbcInsert() throws SQLException {
    return rows.insertInto(raw);
  }
}
