package org.shgledger.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.shgledger.journal.BookId;

/**
 * The registry chain: the second hash chain of a book, over the rows outside the journal whose
 * values change money. Each such row is recorded, in the transaction that inserts it, by one
 * registry event whose SHA-256 covers the previous event's hash and every value of the row, so
 * that {@link RegistryVerifier} finds a row changed, removed or added behind the library's back.
 *
 * <p>The encoding, documented in docs/store.md so that an auditor can recompute it with any tool,
 * is a sequence of netstrings as for entries ({@link EntryHashes}): the tag {@code
 * shg-ledger/registry/v1}, the previous event's hash (all zeros for a book's first event), the
 * book id, the event's sequence number in decimal, the table's name, the row key (its key columns
 * other than the book's, as {@code loan_id=L1, version=2}), the recording instant as stored, the
 * number of the row's columns that are not NULL, and for each of those in the order of their
 * names (Java's {@link String#compareTo}) its name and its value as text (integers in decimal).
 * NULL columns are left out, so that a column added by a later version, NULL in older rows, leaves
 * their hashes as they were.
 */
final class RegistryChain {

  /** The previous hash of a book's first registry event. */
  static final String GENESIS = EntryHashes.GENESIS;

  private static final String TAG = "shg-ledger/registry/v1";

  private RegistryChain() {}

  /** A table whose rows the chain covers, and the columns that tell its rows apart in a book. */
  enum Table {
    BOOK("book", "book_id"),
    ACCOUNT("account", "account_code"),
    ACCOUNT_CLOSURE("account_closure", "account_code"),
    BOOK_LOCK("book_lock", "lock_seq"),
    SAVINGS_GROUP("savings_group", "version"),
    GROUP_MEMBER("group_member", "member_id", "version"),
    BEARER_TERM("bearer_term", "term_seq"),
    MEETING("meeting", "meeting_epoch_day", "version"),
    MEETING_ATTENDANCE("meeting_attendance", "meeting_epoch_day", "version", "member_id"),
    MEMBER_LOAN("member_loan", "loan_id", "version"),
    LOAN_EVENT("loan_event", "loan_id", "event_seq"),
    BANK_LOAN(10, "bank_loan", "receipt_entry_id"),
    /**
     * A purge of the book's incident register (issue 18): the incidents themselves are not chained,
     * since a purge deletes them; the record that it did is, so that no purge goes unseen.
     */
    INCIDENT_PURGE(11, "programme_incident_purge", "purge_seq"),
    /**
     * A member's income-generating activity (issue 18): append-only, and its readings are figures
     * of income a donor is shown, so a change behind the library's back must be found.
     */
    LIVELIHOOD(12, "programme_livelihood", "livelihood_id"),
    /** An income reading of an activity. */
    LIVELIHOOD_READING(12, "programme_livelihood_reading", "livelihood_id", "reading_seq");

    private final int since;
    private final String sqlName;
    private final List<String> key;

    Table(String sqlName, String... key) {
      this(7, sqlName, key);
    }

    Table(int since, String sqlName, String... key) {
      this.since = since;
      this.sqlName = sqlName;
      this.key = List.of(key);
    }

    /**
     * The schema version that made the table: migrating an old book through version 7 must not
     * read a table a later version creates.
     */
    int since() {
      return since;
    }

    /** The table's name in the database. */
    String sqlName() {
      return sqlName;
    }

    /** Its key columns, without book_id unless book_id is the whole key. */
    List<String> key() {
      return key;
    }

    /** The table of a name as stored in an event, or null. */
    static Table named(String name) {
      for (Table table : values()) {
        if (table.sqlName.equals(name)) {
          return table;
        }
      }
      return null;
    }

    /** Every row of a book, in key order. */
    String selectAll() {
      return "SELECT * FROM " + sqlName + " WHERE book_id = ? ORDER BY " + String.join(", ", key);
    }
  }

  /**
   * One stored row as the chain sees it.
   *
   * @param table its table
   * @param key its key columns as {@code name=value, name=value}
   * @param columns its columns that are not NULL, by name, values as text
   */
  record Row(Table table, String key, SortedMap<String, String> columns) {

    /** The row and its table for people: {@code member_loan (loan_id=L1, version=2)}. */
    String describe() {
      return table.sqlName() + " (" + key + ")";
    }
  }

  /**
   * Every row of a table in a book as stored, in key order.
   *
   * @param sql the statements to read with
   * @param book the book's id
   * @param table the table
   * @return the rows, not null
   * @throws SQLException if the database fails
   */
  static List<Row> storedRows(Statements sql, String book, Table table) throws SQLException {
    PreparedStatement query = sql.prepare(table.selectAll());
    query.setString(1, book);
    List<Row> rows = new ArrayList<>();
    try (ResultSet stored = query.executeQuery()) {
      while (stored.next()) {
        rows.add(row(table, stored));
      }
    }
    return rows;
  }

  /** The book's last event: its number and hash (0 and all zeros when it has none). */
  record Head(long sequence, String hash) {}

  /**
   * Records rows the open transaction has just inserted: reads them back as stored, in key order,
   * and appends one event for each.
   *
   * @param sql the transaction's statements
   * @param book the book the rows belong to
   * @param table their table
   * @param keyValues values of the table's first key columns that pick the rows (all of them for
   *     one row; fewer for several, such as a meeting's attendance by its date and version)
   * @throws SQLException if the database fails
   */
  static void recordInserted(Statements sql, BookId book, Table table, Object... keyValues)
      throws SQLException {
    record(sql, book, table, false, keyValues);
  }

  /**
   * Records the row the open transaction has just inserted with the next number in its series (a
   * loan's next event, the next lock): of the rows picked as by {@link #recordInserted}, the one
   * with the greatest last key column.
   *
   * @param sql the transaction's statements
   * @param book the book the row belongs to
   * @param table its table
   * @param keyValues values of the table's first key columns, all but the numbered last one
   * @throws SQLException if the database fails
   */
  static void recordNumbered(Statements sql, BookId book, Table table, Object... keyValues) throws SQLException {
    record(sql, book, table, true, keyValues);
  }

  private static void record(Statements sql, BookId book, Table table, boolean lastOnly, Object... keyValues)
      throws SQLException {
    List<String> picked = table == Table.BOOK ? List.of() : table.key().subList(0, keyValues.length);
    String where = picked.stream().map(column -> " AND " + column + " = ?").collect(Collectors.joining());
    String order = lastOnly ? table.key().get(table.key().size() - 1) + " DESC LIMIT 1" : String.join(", ", table.key());
    PreparedStatement query = sql.prepare("SELECT * FROM " + table.sqlName() + " WHERE book_id = ?" + where
        + " ORDER BY " + order);
    query.setString(1, book.value());
    for (int i = 0; i < picked.size(); i++) {
      Object value = keyValues[i];
      if (value instanceof Number number) {
        query.setLong(i + 2, number.longValue());
      } else {
        query.setString(i + 2, (String) value);
      }
    }
    List<Row> rows = new ArrayList<>();
    try (ResultSet stored = query.executeQuery()) {
      while (stored.next()) {
        rows.add(row(table, stored));
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no " + table.sqlName() + " row of book " + book + " to record was found");
    }
    append(sql, book.value(), head(sql, book.value()), rows, Database.now());
  }

  /** The book's last event. */
  static Head head(Statements sql, String book) throws SQLException {
    PreparedStatement query = sql.prepare(
        "SELECT event_seq, event_hash FROM registry_event WHERE book_id = ? ORDER BY event_seq DESC LIMIT 1");
    query.setString(1, book);
    try (ResultSet last = query.executeQuery()) {
      return last.next() ? new Head(last.getLong(1), last.getString(2)) : new Head(0, GENESIS);
    }
  }

  /** Appends one event per row after the head; returns the new head. */
  private static Head append(Statements sql, String book, Head head, List<Row> rows, String recordedAt)
      throws SQLException {
    PreparedStatement insert = sql.prepare(
        "INSERT INTO registry_event (book_id, event_seq, table_name, row_key, recorded_at, previous_hash,"
            + " event_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (Row row : rows) {
      long sequence = head.sequence() + 1;
      String hash = hash(head.hash(), book, sequence, row, recordedAt);
      insert.setString(1, book);
      insert.setLong(2, sequence);
      insert.setString(3, row.table().sqlName());
      insert.setString(4, row.key());
      insert.setString(5, recordedAt);
      insert.setString(6, head.hash());
      insert.setString(7, hash);
      insert.executeUpdate();
      head = new Head(sequence, hash);
    }
    return head;
  }

  /**
   * A row as stored, from the current row of a {@code SELECT *}.
   *
   * @param table the row's table
   * @param stored a result set on the row
   * @return the row
   * @throws SQLException if the database fails
   */
  static Row row(Table table, ResultSet stored) throws SQLException {
    ResultSetMetaData meta = stored.getMetaData();
    SortedMap<String, String> columns = new TreeMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String value = stored.getString(i);
      if (value != null) {
        columns.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), value);
      }
    }
    StringBuilder key = new StringBuilder();
    for (String column : table.key()) {
      if (key.length() > 0) {
        key.append(", ");
      }
      key.append(column).append('=').append(columns.get(column));
    }
    return new Row(table, key.toString(), columns);
  }

  /**
   * The hash of a registry event.
   *
   * @param previousHash the hash of the book's event before it, or {@link #GENESIS}
   * @param book the book's id
   * @param sequence the event's number in the book, from 1
   * @param row the row it records
   * @param recordedAt the recording instant as stored
   * @return 64 lowercase hex digits
   */
  static String hash(String previousHash, String book, long sequence, Row row, String recordedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    EntryHashes.netstring(out, TAG);
    EntryHashes.netstring(out, previousHash);
    EntryHashes.netstring(out, book);
    EntryHashes.netstring(out, Long.toString(sequence));
    EntryHashes.netstring(out, row.table().sqlName());
    EntryHashes.netstring(out, row.key());
    EntryHashes.netstring(out, recordedAt);
    EntryHashes.netstring(out, Integer.toString(row.columns().size()));
    for (Map.Entry<String, String> column : row.columns().entrySet()) {
      EntryHashes.netstring(out, column.getKey());
      EntryHashes.netstring(out, column.getValue());
    }
    return EntryHashes.sha256Hex(out.toByteArray());
  }

  /**
   * The Java step of schema version 7 and of every later migration: records in the chain every row
   * of a chained table that no event records yet (at version 7, every row already in the books;
   * later, the rows a migration inserted, such as a chart account), book by book, table by table in
   * the order of {@link Table}, each table's rows in key order. Runs inside the migration's
   * transaction, so a crash leaves the database at the version before, to be migrated again.
   *
   * @param connection the migration's connection
   * @param version the schema version the migration brings the database to: tables a later
   *     version creates do not exist yet and are left out
   * @throws SQLException if the database fails
   */
  static void chainUnrecorded(Connection connection, int version) throws SQLException {
    try (MigrationStatements sql = new MigrationStatements(connection)) {
      List<String> books = new ArrayList<>();
      try (ResultSet rows = sql.prepare("SELECT book_id FROM book ORDER BY book_id").executeQuery()) {
        while (rows.next()) {
          books.add(rows.getString(1));
        }
      }
      String recordedAt = Database.now();
      for (String book : books) {
        Head head = head(sql, book);
        for (Table table : Table.values()) {
          if (table.since() > version) {
            continue;
          }
          PreparedStatement recorded = sql.prepare(
              "SELECT row_key FROM registry_event WHERE book_id = ? AND table_name = ?");
          recorded.setString(1, book);
          recorded.setString(2, table.sqlName());
          java.util.Set<String> keys = new java.util.HashSet<>();
          try (ResultSet events = recorded.executeQuery()) {
            while (events.next()) {
              keys.add(events.getString(1));
            }
          }
          List<Row> rows = storedRows(sql, book, table).stream().filter(row -> !keys.contains(row.key())).toList();
          head = append(sql, book, head, rows, recordedAt);
        }
      }
    }
  }
}
