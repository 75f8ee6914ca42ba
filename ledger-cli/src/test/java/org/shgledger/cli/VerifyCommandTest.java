package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.JdbcJournal;
import org.shgledger.store.LedgerStore;

/** {@code shg verify} and the {@code --db} options, on SQLite files made for each test. */
class VerifyCommandTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void twoBooks() {
    db = dir.resolve("books.db");
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      JdbcJournal journal = store.journal();
      for (String group : List.of("SHG01", "SHG02")) {
        BookId book = BookId.of(group);
        journal.createBook(new Book(book, "Group " + group, INR));
        journal.openAccount(Account.of(book, AccountCode.of("1000"), "Cash", AccountType.ASSET, INR));
        journal.openAccount(Account.of(book, AccountCode.of("2000"), "Savings", AccountType.LIABILITY, INR));
        for (int i = 1; i <= 3; i++) {
          Money amount = Money.of(INR, 100 * i);
          journal.record(JournalEntry.of(EntryId.of("S" + i), book, LocalDate.of(2025, 4, i), "saving",
              List.of(Posting.debit(AccountCode.of("1000"), amount),
                  Posting.credit(AccountCode.of("2000"), amount))));
        }
      }
    }
  }

  @AfterEach
  void realEnvironment() {
    DbOptions.environment = System::getenv;
  }

  /**
   * Entries cut off the end of a book leave a chain that verifies against itself; an anchor
   * written down earlier catches it (issue 13, item 13).
   */
  @Test
  void anAnchorCatchesEntriesCutOffTheEnd() throws Exception {
    Path anchors = dir.resolve("anchors.txt");
    Run first = Run.shg("verify", "SHG01", "--db", db.toString(), "--anchor", anchors.toString());
    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    String line = java.nio.file.Files.readString(anchors).strip();
    // the book's row and its two accounts are the registry's three rows
    assertTrue(line.matches("SHG01 [0-9a-f]{64}:3 \\d{4}-\\d{2}-\\d{2}T\\S+Z registry [0-9a-f]{64}:3"), line);
    String anchor = line.split(" ")[1];

    // the book grows: the anchor still holds
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      store.journal().record(JournalEntry.of(EntryId.of("S4"), BookId.of("SHG01"), LocalDate.of(2025, 4, 4), "saving",
          List.of(Posting.debit(AccountCode.of("1000"), Money.of(INR, 1)), Posting.credit(AccountCode.of("2000"), Money.of(INR, 1)))));
    }
    Run grown = Run.shg("verify", "SHG01", "--db", db.toString(), "--expect", anchor);
    assertEquals(ExitCodes.OK, grown.exitCode(), grown.out() + grown.err());
    assertTrue(grown.out().contains("SHG01: anchor met: entry number 3 still has hash"), grown.out());

    // the last two entries are cut off: the chain verifies, the anchor does not
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM posting WHERE book_id = 'SHG01' AND entry_seq >= 3");
      statement.execute("DELETE FROM journal_entry WHERE book_id = 'SHG01' AND entry_seq >= 3");
      recomputeMonthBalances(statement);
    }
    Run cut = Run.shg("verify", "SHG01", "--db", db.toString(), "--expect", anchor);
    assertEquals(ExitCodes.CHECK_FAILED, cut.exitCode(), cut.out());
    assertTrue(cut.out().contains("SHG01: OK, 2 entries"), cut.out());
    assertTrue(cut.out().contains("SHG01: ANCHOR NOT MET: the book has 2 entries, fewer than the 3 of the anchor"),
        cut.out());
  }

  /** An account's limit is a registry row: changing it is named (issue 13, item 5). */
  @Test
  void aRegistryRowChangedBehindTheLibrarysBackIsNamed() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE account SET account_type = 'EXPENSE' WHERE book_id = 'SHG02' AND account_code = '2000'");
    }

    Run run = Run.shg("verify", "--db", db.toString());

    assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertTrue(lines[0].startsWith("SHG01: OK"), lines[0]);
    assertEquals("SHG02: MISMATCH at registry event number 3: registry: the row account (account_code=2000) is not"
        + " what registry event 3 recorded: it was changed behind the library's back (2 registry rows before it"
        + " verified; the entries are checked after them)", lines[1]);
  }

  /** Registry rows removed with their events leave a chain that verifies; the registry anchor catches it. */
  @Test
  void aRegistryAnchorCatchesRowsRemovedWithTheirEvents() throws Exception {
    Run first = Run.shg("verify", "SHG01", "--db", db.toString());
    String anchor = first.out().strip().replaceAll(".*; registry (\\d+) rows, head ([0-9a-f]{64})$", "$2:$1");
    assertTrue(anchor.matches("[0-9a-f]{64}:3"), first.out());
    Run met = Run.shg("verify", "SHG01", "--db", db.toString(), "--expect-registry", anchor);
    assertEquals(ExitCodes.OK, met.exitCode(), met.out() + met.err());
    assertTrue(met.out().contains("SHG01: registry anchor met: registry event number 3 still has hash"), met.out());

    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA foreign_keys = OFF");
      statement.execute("DELETE FROM registry_event WHERE book_id = 'SHG01' AND event_seq = 3");
      statement.execute("DELETE FROM posting WHERE book_id = 'SHG01'");
      statement.execute("DELETE FROM journal_entry WHERE book_id = 'SHG01'");
      statement.execute("DELETE FROM account WHERE book_id = 'SHG01' AND account_code = '2000'");
      recomputeMonthBalances(statement);
    }
    Run cut = Run.shg("verify", "SHG01", "--db", db.toString(), "--expect-registry", anchor);
    assertEquals(ExitCodes.CHECK_FAILED, cut.exitCode(), cut.out());
    assertTrue(cut.out().contains("SHG01: REGISTRY ANCHOR NOT MET: the registry has 2 rows, fewer than the 3 of the anchor"),
        cut.out());
  }

  /** The month-end balances are derived from the postings: a row changed is named by book, account and month. */
  @Test
  void aMonthEndBalanceChangedBehindTheLibrarysBackIsNamed() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE account_month_balance SET debit_minor = debit_minor + 1"
          + " WHERE book_id = 'SHG01' AND account_code = '1000' AND month_yyyymm = 202504");
    }

    Run run = Run.shg("verify", "--db", db.toString());

    assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertTrue(lines[0].startsWith("SHG01: MISMATCH: balance: account 1000, month 2025-04: the month-end balances"
        + " count debits "), lines[0]);
    assertTrue(lines[1].startsWith("SHG02: OK"), lines[1]);
  }

  /**
   * The statement's month rows (schema version 18) are derived from the entries: a row changed is
   * named by book, month and category.
   */
  @Test
  void aStatementMonthRowChangedBehindTheLibrarysBackIsNamed() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE statement_month SET receipts_minor = receipts_minor + 1"
          + " WHERE book_id = 'SHG01' AND month_yyyymm = 202504 AND category_code = '2000'");
    }

    Run run = Run.shg("verify", "--db", db.toString());

    assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertEquals("SHG01: MISMATCH: balance: book SHG01, month 2025-04, category 2000: the statement's month rows"
        + " count receipts 60001, payments 0 and net income 0 (minor units), but its verified entries that month"
        + " give 60000, 0 and 0 (3 entries before it verified)", lines[0]);
    assertTrue(lines[1].startsWith("SHG02: OK"), lines[1]);
  }

  /**
   * What a careful forger does after cutting rows: recomputes SHG01's month-end balances from the
   * postings left, and its statement's month rows (for these books, whose every entry saves cash,
   * the credits to 2000 are the receipts), which verify would otherwise find differ (they are
   * derived, not evidence).
   */
  private static void recomputeMonthBalances(Statement statement) throws java.sql.SQLException {
    statement.execute("DELETE FROM statement_month WHERE book_id = 'SHG01'");
    statement.execute("INSERT INTO statement_month SELECT book_id,"
        + " CAST(strftime('%Y%m', entry_date_epoch_day * 86400, 'unixepoch') AS INTEGER), account_code,"
        + " SUM(amount_minor), 0, 0 FROM posting WHERE book_id = 'SHG01' AND account_code = '2000' AND side = 'C'"
        + " GROUP BY 1, 2, 3");
    statement.execute("DELETE FROM account_month_balance WHERE book_id = 'SHG01'");
    statement.execute("INSERT INTO account_month_balance SELECT book_id, account_code,"
        + " CAST(strftime('%Y%m', entry_date_epoch_day * 86400, 'unixepoch') AS INTEGER),"
        + " SUM(CASE WHEN side = 'D' THEN amount_minor ELSE 0 END), SUM(CASE WHEN side = 'C' THEN amount_minor ELSE 0 END)"
        + " FROM posting WHERE book_id = 'SHG01' GROUP BY 1, 2, 3");
  }

  @Test
  void anAnchorIsNeverAppendedToTheBooks() {
    Run run = Run.shg("verify", "--db", db.toString(), "--anchor", db.toString());

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("is the database itself"), run.err());
    assertEquals(ExitCodes.OK, Run.shg("verify", "--db", db.toString()).exitCode());
  }

  @Test
  void everyBookVerifiesAndTheHeadIsPrinted() {
    Run run = Run.shg("verify", "--db", db.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].matches("SHG01: OK, 3 entries, head [0-9a-f]{64}; registry 3 rows, head [0-9a-f]{64}"),
        lines[0]);
    assertTrue(lines[1].matches("SHG02: OK, 3 entries, head [0-9a-f]{64}; registry 3 rows, head [0-9a-f]{64}"),
        lines[1]);
    assertEquals("", run.err());
  }

  @Test
  void oneGroupCanBeNamed() {
    Run run = Run.shg("verify", "SHG02", "--db", db.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("SHG02: OK, 3 entries"), run.out());
    assertEquals(1, run.out().split("\\R").length);
  }

  @Test
  void aChangedAmountIsNamedAndTheExitCodeSaysSo() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE posting SET amount_minor = 1 WHERE book_id = 'SHG02' AND entry_seq = 2"
          + " AND line_no = 2");
    }

    Run run = Run.shg("verify", "--db", db.toString());

    assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertTrue(lines[0].startsWith("SHG01: OK"), lines[0]);
    assertEquals("SHG02: MISMATCH at entry S2 (number 2): content: its stored content (date, memo,"
        + " links or postings) is not what was recorded: it does not match its hash (1 entries"
        + " before it verified)", lines[1]);
  }

  @Test
  void anUnknownGroupIsNotFound() {
    Run run = Run.shg("verify", "NOPE", "--db", db.toString());

    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertEquals("shg: rejected (BOOK_NOT_FOUND): book NOPE does not exist", run.errLines()[0]);
  }

  @Test
  void aMalformedGroupIsAUsageError() {
    assertEquals(ExitCodes.USAGE, Run.shg("verify", "no spaces", "--db", db.toString()).exitCode());
  }

  @Test
  void aMissingFileIsAnErrorNotNewEmptyBooks() {
    Path missing = dir.resolve("typo.db");
    Run run = Run.shg("verify", "--db", missing.toString());

    assertEquals(ExitCodes.IO_ERROR, run.exitCode());
    assertTrue(run.errLines()[0].startsWith("shg: input/output error: there are no books at " + missing),
        run.err());
    assertTrue(!missing.toFile().exists(), "verify creates nothing");
  }

  @Test
  void theDatabaseComesFromShgDbWhenNoOptionNamesIt() {
    DbOptions.environment = Map.of(DbOptions.ENVIRONMENT_VARIABLE, db.toString())::get;

    Run run = Run.shg("verify", "SHG01");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("SHG01: OK"), run.out());
  }

  @Test
  void withoutOptionOrVariableItIsShgDbInTheWorkingDirectory() {
    DbOptions.environment = name -> null;
    assertEquals(Path.of("shg.db"), new DbOptions().file());
    DbOptions.environment = name -> " ";
    assertEquals(Path.of("shg.db"), new DbOptions().file());
  }

  @Test
  void fileAndUrlTogetherAreAUsageError() {
    Run run = Run.shg("verify", "--db", db.toString(), "--db-url", "jdbc:postgresql://127.0.0.1/test");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: give either --db or --db-url, not both", run.errLines()[0]);
  }

  @Test
  void anUnreachableServerIsAnInputOutputError() {
    Run run = Run.shg("verify", "--db-url", "jdbc:mysql://127.0.0.1/test");

    assertEquals(ExitCodes.IO_ERROR, run.exitCode());
    assertTrue(run.errLines()[0].startsWith("shg: input/output error: unsupported database URL"), run.err());
  }
}
