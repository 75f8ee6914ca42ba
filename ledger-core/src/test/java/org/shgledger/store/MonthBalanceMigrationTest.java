package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.TrialBalance;

/**
 * Schema version 14 (month-end balances) on books written by version 13: the migration fills the
 * rows from the postings, exactly as writing them since would have, the books verify, and balances
 * read through the rows are what they were. The same for version 18's statement rows, which the
 * migration fills from the entries.
 */
class MonthBalanceMigrationTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final List<BookId> BOOKS = List.of(BookId.of("SHG01"), BookId.of("SHG02"));

  private final OpenedJournals journals = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @AfterEach
  void close() {
    journals.close();
  }

  @Test
  void aVersion13DatabaseGainsItsMonthEndBalancesFromItsPostings() throws SQLException {
    String url = journals.newDatabaseUrl();
    Map<String, List<Long>> written;
    Map<BookId, TrialBalance> trialBalances = new TreeMap<>();
    try (LedgerStore store = LedgerStore.open(url)) {
      for (BookId book : BOOKS) {
        store.journal().createBook(new Book(book, "Group " + book, INR));
        store.journal().openAccount(Account.of(book, MonthBalanceProperties.CASH, "Cash", AccountType.ASSET, INR));
        store.journal().openAccount(Account.of(book, MonthBalanceProperties.SAVINGS, "Savings", AccountType.LIABILITY, INR));
        store.journal().openAccount(Account.of(book, MonthBalanceProperties.SAVINGS, "Savings", AccountType.LIABILITY, INR)
            .subLedger("M01", "Savings of M01"));
        for (int i = 0; i < 40; i++) {
          // out of date order, over four months and across a year's end
          LocalDate day = LocalDate.of(2024, 11, 1).plusDays((i * 37L) % 120);
          Money amount = Money.ofMinor(INR, 10_000L + i);
          JournalEntry saving = JournalEntry.of(EntryId.of("S" + i), book, day, "saving", List.of(
              Posting.debit(MonthBalanceProperties.CASH, amount),
              Posting.credit(MonthBalanceProperties.SAVINGS.sub("M01"), amount)));
          store.journal().record(saving);
          if (i % 7 == 0) {
            store.journal().record(saving.reversal(EntryId.of("X" + i), day.plusDays(20), "in error"));
          }
        }
        trialBalances.put(book, store.journal().trialBalance(book, LocalDate.of(2025, 1, 15)));
      }
      written = rows(url);
    }
    assertTrue(written.size() >= 16, written::toString);
    assertTrue(written.keySet().stream().filter(key -> key.startsWith("statement ")).count() >= 4, written::toString);
    // back to what version 13 wrote: no month-end balances, nor version 15's sessions
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (String table : List.of("statement_month", "sync_refusal", "sync_operation", "sync_remote", "server_form_submission", "server_sign_in_failure", "server_session",
          "account_month_balance")) {
        statement.execute("DROP TABLE " + table);
      }
      statement.execute("ALTER TABLE server_user DROP COLUMN user_lang");
      statement.execute("DELETE FROM schema_version WHERE version >= 14");
    }

    try (LedgerStore store = LedgerStore.open(url)) {
      assertEquals(written, rows(url), "the migration fills the rows the writes would have");
      for (BookId book : BOOKS) {
        Verification verification = store.journal().verify(book);
        assertTrue(verification.isOk(), verification::toString);
        assertEquals(trialBalances.get(book), store.journal().trialBalance(book, LocalDate.of(2025, 1, 15)));
      }
    }
  }

  private static Map<String, List<Long>> rows(String url) throws SQLException {
    Map<String, List<Long>> rows = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT book_id, account_code, month_yyyymm, debit_minor, credit_minor FROM account_month_balance")) {
      while (row.next()) {
        rows.put(row.getString(1) + " " + row.getString(2) + " " + row.getLong(3), List.of(row.getLong(4), row.getLong(5)));
      }
    }
    // the statement's month rows (version 18): the same, but for months whose figures cancel out
    // (a saving and its reversal), which the writer may leave as a row of zeros
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT book_id, month_yyyymm, category_code, receipts_minor,"
            + " payments_minor, net_income_minor FROM statement_month")) {
      while (row.next()) {
        List<Long> figures = List.of(row.getLong(4), row.getLong(5), row.getLong(6));
        if (!figures.equals(List.of(0L, 0L, 0L))) {
          rows.put("statement " + row.getString(1) + " " + row.getLong(2) + " " + row.getString(3), figures);
        }
      }
    }
    return rows;
  }
}
