package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book written by the version before the lean journal row (schema version 15, made by the program
 * as it was then: {@code src/test/resources/org/shgledger/cli/schema-v15-book.db}, the first seed
 * group's year with a reversed bank charge, and its {@code shg export} in ledger and gl-csv formats
 * beside it) is migrated when it is opened: every hash is kept, as its 32 bytes instead of its 64 hex
 * digits, so {@code shg verify} passes and names the same head, and the exports are the same bytes.
 */
class LeanJournalMigrationTest {

  /** The head {@code shg verify} printed on the old book, with the program that wrote it. */
  private static final String OLD_HEAD = "04d6776c2c600e0fa6281a8a39162f291a7d47c537e852aa3f5bca65cb7897c6";

  @Test
  void anOldBookKeepsEveryHashAsBytesVerifiesWithTheSameHeadAndExportsTheSameBytes(@TempDir Path dir)
      throws SQLException, IOException {
    Path book = dir.resolve("old.db");
    copy("schema-v15-book.db", book);
    List<String> oldHashes = hashes(book, "entry_hash");
    List<String> oldPrevious = hashes(book, "previous_hash");
    assertEquals(226, oldHashes.size());
    assertEquals(OLD_HEAD, oldHashes.get(oldHashes.size() - 1));

    Run verify = Run.shg("verify", "--db", book.toString());

    assertEquals(ExitCodes.OK, verify.exitCode(), verify.err());
    assertTrue(verify.out().contains("SHG01: OK, 226 entries, head " + OLD_HEAD), verify.out());
    try (Connection connection = connect(book); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*), SUM(typeof(entry_hash) = 'blob'"
            + " AND length(entry_hash) = 32 AND typeof(previous_hash) = 'blob' AND length(previous_hash) = 32)"
            + " FROM journal_entry")) {
      row.next();
      assertEquals(226, row.getInt(1));
      assertEquals(226, row.getInt(2), "every hash is stored as 32 bytes");
    }
    assertEquals(oldHashes, hashes(book, "entry_hash"));
    assertEquals(oldPrevious, hashes(book, "previous_hash"));
    for (String format : List.of("ledger", "csv")) {
      Path exported = dir.resolve("export." + format);
      Run export = Run.shg("export", "SHG01", "--format", format.equals("csv") ? "gl-csv" : format,
          "--db", book.toString(), "--output", exported.toString());
      assertEquals(ExitCodes.OK, export.exitCode(), export.err());
      try (InputStream old = LeanJournalMigrationTest.class.getResourceAsStream("schema-v15-export." + format)) {
        assertEquals(new String(old.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
            Files.readString(exported), format + " export");
      }
    }
  }

  @Test
  void theDatabaseStillRefusesASecondReversalOfOneEntry(@TempDir Path dir) throws SQLException {
    Path book = dir.resolve("old.db");
    copy("schema-v15-book.db", book);
    assertEquals(ExitCodes.OK, Run.shg("verify", "--db", book.toString()).exitCode());
    try (Connection connection = connect(book); Statement statement = connection.createStatement()) {
      // the partial unique index holds the reversals only, and still refuses a second one
      SQLException refused = assertThrows(SQLException.class, () -> statement.execute(
          "UPDATE journal_entry SET reverses_entry_id = 'pb:ec9783bd9102a8bea53e36744f884afa2e53580a'"
              + " WHERE book_id = 'SHG01' AND entry_seq = 1"));
      assertTrue(refused.getMessage().contains("UNIQUE"), refused.getMessage());
    }
  }

  /** Every entry's hash column in the chain's order, as hex, whether stored as text or as bytes. */
  private static List<String> hashes(Path book, String column) throws SQLException {
    List<String> hashes = new ArrayList<>();
    try (Connection connection = connect(book); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT " + column + " FROM journal_entry WHERE book_id = 'SHG01' ORDER BY entry_seq")) {
      while (rows.next()) {
        Object value = rows.getObject(1);
        hashes.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : (String) value);
      }
    }
    return hashes;
  }

  private static Connection connect(Path book) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + book);
  }

  private static void copy(String resource, Path to) {
    try (InputStream in = LeanJournalMigrationTest.class.getResourceAsStream(resource)) {
      Files.copy(in, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
