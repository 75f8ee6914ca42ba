package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The month-end balances of schema version 14 ({@code account_month_balance}): each account's own
 * debits and credits per calendar month, in minor units, kept with the postings they sum so that a
 * balance as of a day reads a row per month before the day's month and only that month's postings,
 * in time that does not grow with the book.
 *
 * <p>Derived data, never part of a hash chain: {@link EntryWriter} adds to the rows in the
 * transaction that inserts the postings (an upsert that adds to what is there, so that two writers
 * never lose each other's amounts), the migration fills them for books written before, and verify
 * checks them against the postings.
 */
final class MonthBalances {

  /** The upsert: adds a month's debits and credits to the account's row, creating it if absent. */
  static final String ADD =
      "INSERT INTO account_month_balance (book_id, account_code, month_yyyymm, debit_minor, credit_minor)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (book_id, account_code, month_yyyymm) DO UPDATE SET"
          + " debit_minor = account_month_balance.debit_minor + excluded.debit_minor,"
          + " credit_minor = account_month_balance.credit_minor + excluded.credit_minor";

  /** Rows written per JDBC batch by the migration. */
  private static final int BATCH = 1_000;

  /** One row's key. */
  record Key(String book, String account, long month) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byBook = book.compareTo(other.book);
      if (byBook != 0) {
        return byBook;
      }
      int byAccount = account.compareTo(other.account);
      return byAccount != 0 ? byAccount : Long.compare(month, other.month);
    }
  }

  private MonthBalances() {}

  /**
   * The month of a day as stored: the year times 100 plus the month, 202504 for any day of April
   * 2025. A day out of any date's range (only a row changed behind the library's back has one) is
   * put in the first or last month there is, so that the migration and verify never fail on it;
   * verify names such a row by its content check anyway.
   *
   * @param epochDay a day, as stored
   * @return its month
   */
  static long month(long epochDay) {
    LocalDate day;
    try {
      day = LocalDate.ofEpochDay(epochDay);
    } catch (DateTimeException e) {
      day = epochDay < 0 ? LocalDate.MIN : LocalDate.MAX;
    }
    return month(day);
  }

  /**
   * The month of a day, as {@link #month(long)}.
   *
   * @param day the day
   * @return its month
   */
  static long month(LocalDate day) {
    // the month is below 100, so the order of the numbers is the order of the months, years
    // before 0 included
    return day.getYear() * 100L + day.getMonthValue();
  }

  /**
   * A month for a message: {@code 2025-04}.
   *
   * @param month as stored
   * @return the month as text
   */
  static String text(long month) {
    return String.format("%04d-%02d", Math.floorDiv(month, 100), Math.floorMod(month, 100));
  }

  /**
   * Adds one posting's amount to a month's totals kept in memory.
   *
   * @param totals the totals by row, debits then credits
   * @param key the row
   * @param debit whether the posting is a debit
   * @param amountMinor its amount
   */
  static void add(Map<Key, long[]> totals, Key key, boolean debit, long amountMinor) {
    long[] sums = totals.computeIfAbsent(key, k -> new long[2]);
    int side = debit ? 0 : 1;
    sums[side] = Math.addExact(sums[side], amountMinor);
  }

  /**
   * Queues the upserts of totals on the statement {@link #ADD}, in key order so that two writers
   * touching the same rows take their locks in one order.
   *
   * @param add the prepared {@link #ADD}
   * @param totals the totals to add
   */
  static void queue(PreparedStatement add, Map<Key, long[]> totals) throws SQLException {
    for (Map.Entry<Key, long[]> row : new TreeMap<>(totals).entrySet()) {
      Key key = row.getKey();
      add.setString(1, key.book());
      add.setString(2, key.account());
      add.setLong(3, key.month());
      add.setLong(4, row.getValue()[0]);
      add.setLong(5, row.getValue()[1]);
      add.addBatch();
    }
  }

  /**
   * The Java step of schema version 14: fills the new table from every book's postings, summed per
   * account and day by the database and into months here (the month of an epoch day is not
   * portable SQL). Runs inside the migration's transaction, so a crash leaves the database at
   * version 13, to be migrated again.
   *
   * @param connection the migration's connection, inside its transaction
   * @throws SQLException if the database fails
   */
  static void backfill(Connection connection) throws SQLException {
    Map<Key, long[]> totals = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT book_id, account_code, entry_date_epoch_day,"
                + " SUM(CASE WHEN side = 'D' THEN amount_minor ELSE 0 END),"
                + " SUM(CASE WHEN side = 'C' THEN amount_minor ELSE 0 END)"
                + " FROM posting GROUP BY book_id, account_code, entry_date_epoch_day");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        Key key = new Key(rows.getString(1), rows.getString(2), month(rows.getLong(3)));
        add(totals, key, true, rows.getLong(4));
        add(totals, key, false, rows.getLong(5));
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(ADD)) {
      int queued = 0;
      for (Map.Entry<Key, long[]> row : new TreeMap<>(totals).entrySet()) {
        insert.setString(1, row.getKey().book());
        insert.setString(2, row.getKey().account());
        insert.setLong(3, row.getKey().month());
        insert.setLong(4, row.getValue()[0]);
        insert.setLong(5, row.getValue()[1]);
        insert.addBatch();
        if (++queued % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
