package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.EntryKind;
import org.shgledger.report.spi.StatementFigures;
import org.shgledger.report.spi.StatementFigures.Category;
import org.shgledger.report.spi.StatementFigures.Root;
import org.shgledger.store.EntryHashes.StoredPosting;

/**
 * The statement's figures per month of schema version 18 ({@code statement_month}): for each book,
 * month and category, the receipts, payments and net income of the entries dated that month, by
 * the rule the reports fold entries with ({@link StatementFigures}), so that a statement of whole
 * months reads these rows instead of its entries.
 *
 * <p>Derived data, like {@link MonthBalances}: {@link EntryWriter} adds each entry's figures in the
 * transaction that inserts it (an additive upsert per book, month and category, at each flush), the
 * migration fills the rows for books written before ({@link #backfill}), and verify recomputes them
 * from the verified entries. Never part of a hash chain.
 *
 * <p>An instance folds entries in the order they were recorded. What an entry counts depends on
 * the accounts it posts to (their top-level account and its type, which never change once an
 * account is opened) and, for a reversal, on the entry at the start of its chain of corrections:
 * the instance keeps the roots of the reversals, year-end closings and share-outs it has folded,
 * and any other entry a reversal names is an ordinary one, or, for the writer, read from the
 * database.
 */
final class StatementMonthRows {

  /** The migration that creates the table; its Java step is {@link #backfill}. */
  static final String FILE = "V18__statement_months.sql";

  /** The upsert: adds a month's figures to the category's row, creating it if absent. */
  static final String ADD =
      "INSERT INTO statement_month (book_id, month_yyyymm, category_code, receipts_minor, payments_minor,"
          + " net_income_minor) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (book_id, month_yyyymm, category_code)"
          + " DO UPDATE SET receipts_minor = statement_month.receipts_minor + excluded.receipts_minor,"
          + " payments_minor = statement_month.payments_minor + excluded.payments_minor,"
          + " net_income_minor = statement_month.net_income_minor + excluded.net_income_minor";

  private static final String ACCOUNTS = "SELECT book_id, account_code, account_type, control_code FROM account";

  /** Rows written per JDBC batch by the migration. */
  private static final int BATCH = 1_000;

  /** More links in a chain of corrections or of control accounts than any book holds. */
  private static final int MAX_LINKS = 1_000_000;

  /** One row's key. */
  record Key(String book, long month, String category) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byBook = book.compareTo(other.book);
      if (byBook != 0) {
        return byBook;
      }
      int byMonth = Long.compare(month, other.month);
      return byMonth != 0 ? byMonth : category.compareTo(other.category);
    }
  }

  private record EntryKey(String book, String id) {}

  private record BookMonth(String book, long month) {}

  private final Statements sql;
  /** Whether an entry a reversal names and this instance has not folded is read from the database. */
  private final boolean readsEarlierEntries;
  /** The figures folded so far, per book and month, then per category: an entry adds to its month's. */
  private final Map<BookMonth, Map<String, long[]>> months = new HashMap<>();
  /** Each book's accounts: the category each counts under. */
  private final Map<String, Map<String, Category>> charts = new HashMap<>();
  /** The roots of the reversals, closings and share-outs folded so far. */
  private final Map<EntryKey, Root> roots = new HashMap<>();

  /**
   * An empty fold.
   *
   * @param sql the statements of the connection whose transaction the entries are in
   * @param readsEarlierEntries true for the writer, whose reversals may name entries of earlier
   *     transactions; false for a fold of a whole book in order (verify, the migration), where an
   *     entry not folded as a reversal, closing or share-out is an ordinary one
   */
  StatementMonthRows(Statements sql, boolean readsEarlierEntries) {
    this.sql = sql;
    this.readsEarlierEntries = readsEarlierEntries;
  }

  /**
   * Whether the root of an entry is known without asking the database: the writer flushes its
   * rows before it folds a reversal of an entry that is not, so that the database holds it.
   *
   * @param book the book
   * @param id the entry a reversal names
   * @return whether it was folded here as a reversal, closing or share-out
   */
  boolean knowsRoot(String book, String id) {
    return roots.containsKey(new EntryKey(book, id));
  }

  /**
   * Folds one entry's figures into its month's rows.
   *
   * @param book its book
   * @param id its id
   * @param kind its kind's name
   * @param reverses the entry it reverses, if any
   * @param dateEpochDay its date
   * @param postings its postings
   * @throws SQLException if the database fails
   */
  void add(String book, String id, String kind, Optional<String> reverses, long dateEpochDay,
      List<StoredPosting> postings) throws SQLException {
    EntryKind entryKind = kind(kind);
    Root root = Root.of(entryKind);
    if (reverses.isPresent()) {
      root = rootOf(book, reverses.get()).map(Root::reversed).orElse(root);
    }
    if (reverses.isPresent() || entryKind == EntryKind.YEAR_END || entryKind == EntryKind.SHARE_OUT) {
      roots.put(new EntryKey(book, id), root);
    }
    List<StatementFigures.Line> lines = new ArrayList<>(postings.size());
    for (StoredPosting posting : postings) {
      lines.add(new StatementFigures.Line(posting.accountCode(), posting.side() == 'D', posting.amountMinor()));
    }
    Map<String, Category> chart = chart(book);
    Map<String, long[]> month = months.computeIfAbsent(new BookMonth(book, MonthBalances.month(dateEpochDay)),
        m -> new HashMap<>());
    StatementFigures.add(month, lines, root, code -> category(book, chart, code), 1);
  }

  /** The figures folded so far, per row, in key order; a row may be all zeros. */
  Map<Key, long[]> sums() {
    Map<Key, long[]> rows = new TreeMap<>();
    months.forEach((month, categories) -> categories.forEach(
        (category, figures) -> rows.put(new Key(month.book(), month.month(), category), figures)));
    return rows;
  }

  /**
   * Queues the upserts of the figures folded so far on {@link #ADD}, in key order so that two
   * writers touching the same rows take their locks in one order, and starts a new fold.
   *
   * @param add the prepared {@link #ADD}
   * @return whether anything was queued
   * @throws SQLException if the database fails
   */
  boolean queue(PreparedStatement add) throws SQLException {
    boolean any = false;
    for (Map.Entry<Key, long[]> row : sums().entrySet()) {
      long[] amounts = row.getValue();
      if (Arrays.stream(amounts).allMatch(amount -> amount == 0)) {
        continue;
      }
      set(add, row.getKey(), amounts);
      add.addBatch();
      any = true;
    }
    months.clear();
    return any;
  }

  /** Forgets what was folded and not written, and the roots of entries that will not be written. */
  void discard() {
    months.clear();
    roots.clear();
  }

  private static void set(PreparedStatement add, Key key, long[] amounts) throws SQLException {
    add.setString(1, key.book());
    add.setLong(2, key.month());
    add.setString(3, key.category());
    add.setLong(4, amounts[StatementFigures.RECEIPTS]);
    add.setLong(5, amounts[StatementFigures.PAYMENTS]);
    add.setLong(6, amounts[StatementFigures.NET_INCOME]);
  }

  private static EntryKind kind(String name) {
    try {
      return EntryKind.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      // only a row changed behind the library's back has another; verify names it by its hash
      return EntryKind.GENERAL;
    }
  }

  /** The root of an entry a reversal names; empty if the book does not hold it. */
  private Optional<Root> rootOf(String book, String id) throws SQLException {
    Root known = roots.get(new EntryKey(book, id));
    if (known != null) {
      return Optional.of(known);
    }
    if (!readsEarlierEntries) {
      return Optional.of(Root.of(EntryKind.GENERAL));
    }
    // the chain's links lead to earlier entries, read one by one: reversals are few
    List<String> kinds = new ArrayList<>();
    String at = id;
    Root found = null;
    PreparedStatement query =
        sql.prepare("SELECT entry_kind, reverses_entry_id FROM journal_entry WHERE book_id = ? AND entry_id = ?");
    while (at != null && found == null && kinds.size() <= MAX_LINKS) {
      Root folded = roots.get(new EntryKey(book, at));
      if (folded != null) {
        found = folded;
        break;
      }
      query.setString(1, book);
      query.setString(2, at);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          break;
        }
        kinds.add(row.getString(1));
        at = row.getString(2);
      }
    }
    if (found == null) {
      if (kinds.isEmpty()) {
        return Optional.empty();
      }
      // the last entry read corrects nothing the book holds: it is the root
      found = Root.of(kind(kinds.remove(kinds.size() - 1)));
    }
    for (int i = 0; i < kinds.size(); i++) {
      found = found.reversed();
    }
    return Optional.of(found);
  }

  private Map<String, Category> chart(String book) throws SQLException {
    Map<String, Category> chart = charts.get(book);
    if (chart == null) {
      chart = readChart(book);
      charts.put(book, chart);
    }
    return chart;
  }

  private Category category(String book, Map<String, Category> chart, String code) {
    Category category = chart.get(code);
    if (category == null && readsEarlierEntries) {
      // an account opened in this transaction after the book's accounts were read
      try {
        charts.put(book, readChart(book));
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
      category = charts.get(book).get(code);
    }
    // an account the book does not hold (only a row changed behind the library's back): itself
    return category != null ? category : new Category(code, null);
  }

  private Map<String, Category> readChart(String book) throws SQLException {
    PreparedStatement query = sql.prepare(ACCOUNTS + " WHERE book_id = ?");
    query.setString(1, book);
    return charts(query).getOrDefault(book, new HashMap<>());
  }

  /**
   * Reads a book's accounts in advance, so that a fold streaming a result reads nothing else.
   *
   * @param book the book
   * @throws SQLException if the database fails
   */
  void readChartOf(String book) throws SQLException {
    chart(book);
  }

  /** Reads every book's accounts in advance, so that a fold streaming a result reads nothing else. */
  void readAllCharts() throws SQLException {
    charts.putAll(charts(sql.prepare(ACCOUNTS)));
  }

  /** The categories of the accounts a query of {@link #ACCOUNTS} returns, per book. */
  private static Map<String, Map<String, Category>> charts(PreparedStatement query) throws SQLException {
    Map<String, Map<String, String[]>> rows = new HashMap<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        rows.computeIfAbsent(row.getString(1), b -> new HashMap<>())
            .put(row.getString(2), new String[] {row.getString(3), row.getString(4)});
      }
    }
    Map<String, Map<String, Category>> charts = new HashMap<>();
    rows.forEach((book, accounts) -> {
      Map<String, Category> chart = new HashMap<>();
      accounts.forEach((code, columns) -> {
        String top = code;
        String[] at = columns;
        for (int links = 0; at[1] != null && accounts.containsKey(at[1]) && links <= MAX_LINKS; links++) {
          top = at[1];
          at = accounts.get(top);
        }
        chart.put(code, new Category(top, type(at[0])));
      });
      charts.put(book, chart);
    });
    return charts;
  }

  private static AccountType type(String name) {
    try {
      return AccountType.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;  // the registry chain names a changed account row
    }
  }

  /**
   * The stored rows of a book.
   *
   * @param sql the statements
   * @param book the book
   * @return its rows by key
   * @throws SQLException if the database fails
   */
  static Map<Key, long[]> stored(Statements sql, String book) throws SQLException {
    Map<Key, long[]> rows = new TreeMap<>();
    PreparedStatement query = sql.prepare("SELECT month_yyyymm, category_code, receipts_minor, payments_minor,"
        + " net_income_minor FROM statement_month WHERE book_id = ?");
    query.setString(1, book);
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        rows.put(new Key(book, row.getLong(1), row.getString(2)),
            new long[] {row.getLong(3), row.getLong(4), row.getLong(5)});
      }
    }
    return rows;
  }

  /**
   * The sums of a book's rows of a range of months, per category.
   *
   * @param sql the statements
   * @param book the book
   * @param fromMonth the first month, as stored
   * @param toMonth the last month, as stored
   * @return per category, the {@value StatementFigures#SUMS} sums
   * @throws SQLException if the database fails
   */
  static Map<String, long[]> summed(Statements sql, String book, long fromMonth, long toMonth) throws SQLException {
    PreparedStatement query = sql.prepare("SELECT category_code, COALESCE(SUM(receipts_minor), 0),"
        + " COALESCE(SUM(payments_minor), 0), COALESCE(SUM(net_income_minor), 0) FROM statement_month"
        + " WHERE book_id = ? AND month_yyyymm BETWEEN ? AND ? GROUP BY category_code");
    query.setString(1, book);
    query.setLong(2, fromMonth);
    query.setLong(3, toMonth);
    Map<String, long[]> sums = new HashMap<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        sums.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
      }
    }
    return sums;
  }

  /**
   * The Java step of schema version 18: folds every book's entries, in the order they were
   * recorded, into the new table. Runs inside the migration's transaction, so a crash leaves the
   * database at version 17, to be migrated again.
   *
   * @param connection the migration's connection, inside its transaction
   * @throws SQLException if the database fails
   */
  static void backfill(Connection connection) throws SQLException {
    try (MigrationStatements sql = new MigrationStatements(connection)) {
      StatementMonthRows fold = new StatementMonthRows(sql, false);
      fold.readAllCharts();
      PreparedStatement query = sql.prepare(
          "SELECT e.book_id, e.entry_seq, e.entry_id, e.entry_kind, e.reverses_entry_id, e.entry_date_epoch_day,"
              + " p.account_code, p.side, p.amount_minor, p.currency FROM journal_entry e JOIN posting p"
              + " ON p.book_id = e.book_id AND p.entry_seq = e.entry_seq ORDER BY e.book_id, e.entry_seq, p.line_no");
      // let PostgreSQL stream a large book instead of holding it all in memory
      query.setFetchSize(1_000);
      try (ResultSet row = query.executeQuery()) {
        String[] entry = null;
        List<StoredPosting> postings = new ArrayList<>();
        long day = 0;
        while (row.next()) {
          String book = row.getString(1);
          String id = row.getString(3);
          if (entry == null || !entry[0].equals(book) || !entry[1].equals(id)) {
            if (entry != null) {
              fold.add(entry[0], entry[1], entry[2], Optional.ofNullable(entry[3]), day, postings);
            }
            entry = new String[] {book, id, row.getString(4), row.getString(5)};
            day = row.getLong(6);
            postings = new ArrayList<>();
          }
          postings.add(new StoredPosting(row.getString(7), row.getString(8).charAt(0), row.getLong(9),
              row.getString(10)));
        }
        if (entry != null) {
          fold.add(entry[0], entry[1], entry[2], Optional.ofNullable(entry[3]), day, postings);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(ADD)) {
        int queued = 0;
        for (Map.Entry<Key, long[]> row : fold.sums().entrySet()) {
          if (Arrays.stream(row.getValue()).allMatch(amount -> amount == 0)) {
            continue;  // as the writer: a month whose figures cancel out needs no row
          }
          set(insert, row.getKey(), row.getValue());
          insert.addBatch();
          if (++queued % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }
  }
}
