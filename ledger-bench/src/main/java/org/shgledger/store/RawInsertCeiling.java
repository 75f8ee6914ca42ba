package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;
import org.sqlite.SQLiteConfig;

/**
 * The raw-insert ceiling of the end-to-end benchmark (bench/run): the very rows an import stored
 * in one SQLite file inserted into another file holding the same book and accounts, with the same
 * {@link EntryWriter}, the same settings as the store (WAL, {@code synchronous=FULL}, foreign keys
 * on) and one transaction, without reading a file, checking a rule or hashing. The rows are read
 * from the first file before the clock starts; what is timed is the insert and the commit.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.shgledger.store.RawInsertCeiling IMPORTED.db
 * EMPTY.db}; prints {@code raw-insert-ms N entries M}.
 */
public final class RawInsertCeiling {

  private RawInsertCeiling() {}

  /** One stored entry with what the writer needs beside it. */
  private record Row(StoredEntry entry, long dateEpochDay, String hash) {}

  /**
   * Copies the entries of the first file that the second does not have, timed.
   *
   * @param args the imported file and the file to insert into
   * @throws SQLException if either database fails
   */
  public static void main(String[] args) throws SQLException {
    if (args.length != 2) {
      System.err.println("usage: RawInsertCeiling IMPORTED.db EMPTY.db");
      System.exit(2);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    List<Row> rows;
    try (Connection from = config.createConnection("jdbc:sqlite:" + args[0])) {
      rows = read(from);
    }
    try (Connection to = config.createConnection("jdbc:sqlite:" + args[1])) {
      long start = System.nanoTime();
      insert(to, rows);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("raw-insert-ms " + ms + " entries " + rows.size());
    }
  }

  private static List<Row> read(Connection from) throws SQLException {
    Map<String, List<StoredPosting>> postings = new HashMap<>();
    try (Statement s = from.createStatement();
        ResultSet r = s.executeQuery("SELECT book_id, entry_seq, account_code, side, amount_minor,"
            + " currency FROM posting ORDER BY book_id, entry_seq, line_no")) {
      while (r.next()) {
        postings.computeIfAbsent(r.getString(1) + "/" + r.getLong(2), k -> new ArrayList<>(2))
            .add(new StoredPosting(r.getString(3), r.getString(4).charAt(0), r.getLong(5),
                r.getString(6)));
      }
    }
    List<Row> rows = new ArrayList<>();
    try (Statement s = from.createStatement();
        ResultSet r = s.executeQuery("SELECT book_id, entry_seq, entry_id, entry_date_epoch_day,"
            + " memo, reverses_entry_id, source_reference, recorded_at, previous_hash, entry_hash"
            + " FROM journal_entry ORDER BY book_id, entry_seq")) {
      while (r.next()) {
        String book = r.getString(1);
        long seq = r.getLong(2);
        StoredEntry entry = new StoredEntry(r.getString(9), book, seq, r.getString(3), "",
            r.getString(5), Optional.ofNullable(r.getString(6)),
            Optional.ofNullable(r.getString(7)), r.getString(8),
            postings.remove(book + "/" + seq));
        rows.add(new Row(entry, r.getLong(4), r.getString(10)));
      }
    }
    return rows;
  }

  private static void insert(Connection to, List<Row> rows) throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    EntryWriter writer = new EntryWriter(sql -> {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = to.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      return statement;
    });
    try (Statement begin = to.createStatement()) {
      begin.execute("BEGIN IMMEDIATE");
    }
    for (Row row : rows) {
      writer.add(row.entry(), row.dateEpochDay(), row.hash());
    }
    writer.flush();
    try (Statement commit = to.createStatement()) {
      commit.execute("COMMIT");
    }
    for (PreparedStatement statement : prepared.values()) {
      statement.close();
    }
  }
}
