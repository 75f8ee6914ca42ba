package org.shgledger.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;
import org.sqlite.SQLiteConfig;

/**
 * Recording one batch of entries into a new SQLite file: through {@link JdbcJournal#recordAll}
 * (every rule checked, hashes chained, one transaction) beside the ceiling, a raw JDBC insert of
 * the very same rows (hashes computed beforehand) into the same tables with the same settings
 * (WAL, synchronous=FULL, foreign keys on), one transaction and the same JDBC batches.
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

  private static final BookId BOOK = BookId.of("BENCH");
  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final AccountCode CASH = AccountCode.of("1000");
  private static final AccountCode BANK = AccountCode.of("1100");
  private static final AccountCode SAVINGS = AccountCode.of("2000");
  private static final int MEMBERS = 15;

  /** Entries in the batch. */
  @Param({"5000"})
  public int entries;

  private Path directory;
  private List<JournalEntry> batch;
  private List<StoredEntry> rows;
  private List<String> hashes;
  private LedgerStore store;
  private JdbcJournal journal;
  private Connection raw;

  /** Makes the batch, and its rows as the journal would store them, once per trial. */
  @Setup(Level.Trial)
  public void makeTheBatch() throws IOException {
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
    rows = new ArrayList<>(entries);
    hashes = new ArrayList<>(entries);
    String previous = EntryHashes.GENESIS;
    String recordedAt = "2025-05-01T10:00:00Z";
    for (int i = 0; i < entries; i++) {
      JournalEntry entry = batch.get(i);
      List<StoredPosting> postings = new ArrayList<>();
      for (Posting posting : entry.postings()) {
        postings.add(new StoredPosting(posting.account().value(),
            posting.side() == Side.DEBIT ? 'D' : 'C', posting.amount().getAmountMinorLong(), "INR"));
      }
      StoredEntry row = new StoredEntry(previous, BOOK.value(), i + 1, entry.id().value(),
          entry.date().toString(), entry.memo(), Optional.empty(), Optional.empty(), recordedAt,
          postings);
      previous = EntryHashes.hash(row);
      rows.add(row);
      hashes.add(previous);
    }
  }

  /** A new file with the book and its accounts for each invocation, for both ways of writing. */
  @Setup(Level.Invocation)
  public void newFiles() throws SQLException {
    store = LedgerStore.openSqlite(newBooks("journal"));
    journal = store.journal();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    raw = config.createConnection("jdbc:sqlite:" + newBooks("raw"));
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
      JdbcJournal books = setUp.journal();
      books.createBook(new Book(BOOK, "Benchmark group", INR));
      books.openAccount(Account.of(BOOK, CASH, "Cash in hand", AccountType.ASSET, INR)
          .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
      books.openAccount(Account.of(BOOK, BANK, "Bank", AccountType.ASSET, INR)
          .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
      Account savings = books.openAccount(
          Account.of(BOOK, SAVINGS, "Members' savings", AccountType.LIABILITY, INR));
      for (int m = 1; m <= MEMBERS; m++) {
        books.openAccount(savings.subLedger("M" + m, "Savings of M" + m));
      }
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
   * The ceiling: the same rows inserted with plain JDBC batches in one transaction, by the same
   * {@link EntryWriter} the journal uses, without rules, hashing or reads.
   *
   * @return the number of entries inserted
   * @throws SQLException if the database fails
   */
  @Benchmark
  public int rawJdbcInsert() throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    EntryWriter writer = new EntryWriter(sql -> {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = raw.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      return statement;
    });
    try (Statement begin = raw.createStatement()) {
      begin.execute("BEGIN IMMEDIATE");
    }
    long dateEpochDay = LocalDate.parse(rows.get(0).isoDate()).toEpochDay();
    for (int i = 0; i < rows.size(); i++) {
      writer.add(rows.get(i), dateEpochDay, hashes.get(i));
    }
    writer.flush();
    try (Statement commit = raw.createStatement()) {
      commit.execute("COMMIT");
    }
    for (PreparedStatement statement : prepared.values()) {
      statement.close();
    }
    return rows.size();
  }
}
