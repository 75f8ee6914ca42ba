package org.shgledger.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * The raw-insert ceiling that recording is measured against: the journal's rows (tables {@code
 * journal_entry} and {@code posting}) and the month-end balances the store keeps beside them
 * ({@code account_month_balance}, one row per account and month, as they stand at the end) read
 * from one SQLite file and inserted into another with plain JDBC batches in one transaction,
 * without a rule, a hash or a read.
 *
 * <p>Every column is copied as it is, so the benchmarks need nothing of the store's own row format
 * (which is not API) and follow a schema change by themselves: a new column in the store is a new
 * column here. The batching is the store's: entries, then their postings, sent every {@value
 * #FLUSH_EVERY_ENTRIES} entries.
 */
final class RawRows {

  /** As the store's own writer sends its batches, so the ceiling batches as recording does. */
  private static final int FLUSH_EVERY_ENTRIES = 2_000;

  private final Table entries;
  private final Table postings;
  private final Table months;

  /** One table's columns and rows, rows in the order they are inserted. */
  private record Table(String name, List<String> columns, List<Object[]> rows) {

    int column(String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalStateException(name + " has no column " + column);
      }
      return index;
    }

    String insert() {
      return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }
  }

  private RawRows(Table entries, Table postings, Table months) {
    this.entries = entries;
    this.postings = postings;
    this.months = months;
  }

  /**
   * Opens a SQLite file with the store's settings: WAL, {@code synchronous=FULL}, foreign keys on.
   *
   * @param file the file, not null
   * @return the connection, in auto-commit mode
   * @throws SQLException if the file cannot be opened
   */
  static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    return config.createConnection("jdbc:sqlite:" + Objects.requireNonNull(file, "file"));
  }

  /**
   * Reads every entry and posting of a store's file, in the order the journal wrote them.
   *
   * @param from a connection to the file, not null
   * @return the rows, not null
   * @throws SQLException if the database fails
   */
  static RawRows read(Connection from) throws SQLException {
    return new RawRows(
        table(from, "journal_entry", "book_id, entry_seq"),
        table(from, "posting", "book_id, entry_seq, line_no"),
        table(from, "account_month_balance", "book_id, account_code, month_yyyymm"));
  }

  private static Table table(Connection from, String name, String order) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (Statement statement = from.createStatement();
        ResultSet r = statement.executeQuery("SELECT * FROM " + name + " ORDER BY " + order)) {
      ResultSetMetaData meta = r.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
      }
      while (r.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = r.getObject(i + 1);
        }
        rows.add(row);
      }
    }
    return new Table(name, List.copyOf(columns), rows);
  }

  /**
   * How many entries there are.
   *
   * @return the count
   */
  int entryCount() {
    return entries.rows().size();
  }

  /**
   * Inserts every row in one transaction, as the journal's batch does.
   *
   * @param to a connection to a file holding the same books and accounts and no entries, not null
   * @return the number of entries inserted
   * @throws SQLException if the database fails, for instance on a duplicate entry
   */
  int insertInto(Connection to) throws SQLException {
    int entryBook = entries.column("book_id");
    int entrySeq = entries.column("entry_seq");
    int postingBook = postings.column("book_id");
    int postingSeq = postings.column("entry_seq");
    try (Statement begin = to.createStatement()) {
      begin.execute("BEGIN IMMEDIATE");
    }
    try (PreparedStatement insertEntry = to.prepareStatement(entries.insert());
        PreparedStatement insertPosting = to.prepareStatement(postings.insert())) {
      int next = 0;
      int pending = 0;
      for (Object[] entry : entries.rows()) {
        add(insertEntry, entry);
        // postings are in entry order, so an entry's postings are the next ones with its key
        while (next < postings.rows().size()
            && postings.rows().get(next)[postingBook].equals(entry[entryBook])
            && postings.rows().get(next)[postingSeq].equals(entry[entrySeq])) {
          add(insertPosting, postings.rows().get(next++));
        }
        if (++pending == FLUSH_EVERY_ENTRIES) {
          pending = 0;
          insertEntry.executeBatch();
          insertPosting.executeBatch();
        }
      }
      insertEntry.executeBatch();
      insertPosting.executeBatch();
      // the import adds each batch's sums to these rows; the ceiling writes each row once
      try (PreparedStatement insertMonth = to.prepareStatement(months.insert())) {
        for (Object[] month : months.rows()) {
          add(insertMonth, month);
        }
        insertMonth.executeBatch();
      }
      if (next != postings.rows().size()) {
        throw new IllegalStateException(
            (postings.rows().size() - next) + " postings belong to no entry read");
      }
    }
    try (Statement commit = to.createStatement()) {
      commit.execute("COMMIT");
    }
    return entryCount();
  }

  private static void add(PreparedStatement insert, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      insert.setObject(i + 1, row[i]);
    }
    insert.addBatch();
  }
}
