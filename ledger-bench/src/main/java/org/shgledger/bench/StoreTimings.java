package org.shgledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.JdbcJournal;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.Verification;

/**
 * One-off timings and sizes of the store on both databases, the "other measurements" of
 * docs/performance.md: single records, a large batch, balances, a trial balance, verify, and bytes
 * per entry. Not a JMH benchmark: each number is one run.
 *
 * <p>Run: {@code java -cp ledger-bench/target/benchmarks.jar org.shgledger.bench.StoreTimings
 * [POSTGRESQL_URL]}; the PostgreSQL URL (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) gets a schema of its own, dropped after.
 */
public final class StoreTimings {

  private static final BookId BOOK = BookId.of("SHG-0012345");
  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final AccountCode CASH = AccountCode.of("1000");
  private static final int SINGLES = 300;
  private static final int BATCH = 20_000;

  private StoreTimings() {}

  /**
   * Runs the timings.
   *
   * @param args optionally, a PostgreSQL JDBC URL
   * @throws Exception if a database fails
   */
  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("shg-timings");
    Path file = directory.resolve("timings.db");
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      run("SQLite", store.journal());
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM");
    }
    System.out.printf("SQLite: %d bytes/entry%n", Files.size(file) / (SINGLES + BATCH));

    String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    String schema = "shg_timings_" + ProcessHandle.current().pid();
    execute(server, "CREATE SCHEMA " + schema);
    try {
      String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      try (LedgerStore store = LedgerStore.open(url)) {
        run("PostgreSQL", store.journal());
      }
      execute(server, "VACUUM ANALYZE " + schema + ".journal_entry");
      execute(server, "VACUUM ANALYZE " + schema + ".posting");
      try (Connection connection = DriverManager.getConnection(server);
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(
              "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'")) {
        row.next();
        System.out.printf("PostgreSQL: %d bytes/entry%n", row.getLong(1) / (SINGLES + BATCH));
      }
    } finally {
      execute(server, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void run(String name, JdbcJournal journal) {
    journal.createBook(new Book(BOOK, "Roshni Mahila Samooh", INR));
    journal.openAccount(Account.of(BOOK, CASH, "Cash in hand", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings = journal.openAccount(
        Account.of(BOOK, AccountCode.of("2000"), "Members' savings", AccountType.LIABILITY, INR));
    for (int m = 1; m <= 15; m++) {
      journal.openAccount(savings.subLedger(String.format("M%02d", m), "Savings of M" + m));
    }
    long start = System.nanoTime();
    for (int i = 0; i < SINGLES; i++) {
      journal.record(saving(i));
    }
    long singles = System.nanoTime() - start;
    List<JournalEntry> batch = new ArrayList<>(BATCH);
    for (int i = SINGLES; i < SINGLES + BATCH; i++) {
      batch.add(saving(i));
    }
    start = System.nanoTime();
    journal.recordAll(batch);
    long batched = System.nanoTime() - start;
    LocalDate asOf = LocalDate.of(2025, 12, 31);
    start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      journal.balance(BOOK, CASH, asOf);
    }
    long balance = (System.nanoTime() - start) / 100;
    start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      journal.trialBalance(BOOK, asOf);
    }
    long trialBalance = (System.nanoTime() - start) / 20;
    start = System.nanoTime();
    Verification verification = journal.verify(BOOK);
    long verify = System.nanoTime() - start;
    System.out.printf(
        "%s: record %.2f ms each; recordAll of %d in %d ms (%d entries/s); balance %.2f ms;"
            + " trial balance %.1f ms; verify of %d entries %d ms (%s)%n",
        name, singles / 1e6 / SINGLES, BATCH, batched / 1_000_000, (long) (BATCH / (batched / 1e9)),
        balance / 1e6, trialBalance / 1e6, verification.entriesChecked(), verify / 1_000_000,
        verification.isOk() ? "ok" : "MISMATCH");
  }

  /** Entry number i: a member's saving, 60 a day from 1 April 2025. */
  private static JournalEntry saving(int i) {
    Money amount = Money.ofMinor(INR, 10_000 + i % 500);
    String member = String.format("M%02d", 1 + i % 15);
    return JournalEntry.of(
        EntryId.of(String.format("SHG-0012345-2025-%06d-SAVE-%s", i, member)),
        BOOK,
        LocalDate.of(2025, 4, 1).plusDays(i / 60),
        "saving at the meeting",
        List.of(Posting.debit(CASH, amount), Posting.credit(AccountCode.of("2000:" + member), amount)));
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
