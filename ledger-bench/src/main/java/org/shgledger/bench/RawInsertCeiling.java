package org.shgledger.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The raw-insert ceiling of the end-to-end benchmark (bench/run): the very rows an import stored
 * in one SQLite file inserted into another file holding the same book and accounts, with the same
 * settings as the store (WAL, {@code synchronous=FULL}, foreign keys on), the store's batching and
 * one transaction, without reading a file, checking a rule or hashing ({@link RawRows}). The rows
 * are read from the first file before the clock starts; what is timed is the insert and the
 * commit.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.shgledger.bench.RawInsertCeiling IMPORTED.db
 * EMPTY.db}; prints {@code raw-insert-ms N entries M}.
 */
public final class RawInsertCeiling {

  private RawInsertCeiling() {}

  /**
   * Copies the entries of the first file into the second, timed.
   *
   * @param args the imported file and the file to insert into
   * @throws SQLException if either database fails
   */
  public static void main(String[] args) throws SQLException {
    if (args.length != 2) {
      System.err.println("usage: RawInsertCeiling IMPORTED.db EMPTY.db");
      System.exit(2);
    }
    RawRows rows;
    try (Connection from = RawRows.connect(Path.of(args[0]))) {
      rows = RawRows.read(from);
    }
    try (Connection to = RawRows.connect(Path.of(args[1]))) {
      long start = System.nanoTime();
      int entries = rows.insertInto(to);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("raw-insert-ms " + ms + " entries " + entries);
    }
  }
}
