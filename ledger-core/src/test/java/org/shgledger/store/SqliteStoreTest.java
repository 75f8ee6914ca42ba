package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own behaviour on SQLite, and what only a SQLite file has. */
class SqliteStoreTest extends StoreTest {

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.SQLITE;
  }

  @Override
  void holdTheWriteLock(Connection raw) throws SQLException {
    raw.setAutoCommit(false);
    try (Statement statement = raw.createStatement()) {
      // any write takes the file's write lock until the transaction ends
      statement.execute("INSERT INTO book (book_id, name, currency) VALUES ('LOCK', 'x', 'INR')");
    }
  }

  @Override
  void allowOrphans(Statement raw) throws SQLException {
    raw.execute("PRAGMA foreign_keys = OFF");
  }

  private Path file() {
    return Path.of(url.substring("jdbc:sqlite:".length()));
  }

  @Test
  void theFileAndItsLogAreForTheOwnerOnly() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    withThreeEntries();

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    Path log = Path.of(file() + "-wal");
    assertTrue(Files.exists(log), "write-ahead log in use");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
  }

  @Test
  void aFileThatIsNotADatabaseIsRefused(@TempDir Path dir) throws IOException {
    Path notes = dir.resolve("notes.db");
    Files.writeString(notes, "these are not the books you are looking for, ".repeat(200));

    StoreException e = assertThrows(StoreException.class, () -> LedgerStore.openSqlite(notes));
    assertEquals(StoreException.Kind.CANNOT_OPEN, e.kind());
    assertEquals("cannot open SQLite database " + notes + ": it is not a SQLite database", e.getMessage());
  }

  @Test
  void aMissingDirectoryIsNamed(@TempDir Path dir) {
    Path file = dir.resolve("no-such-dir").resolve("shg.db");

    StoreException e = assertThrows(StoreException.class, () -> LedgerStore.openSqlite(file));
    assertEquals(StoreException.Kind.CANNOT_OPEN, e.kind());
    assertTrue(e.getMessage().contains("the directory " + file.getParent() + " does not exist"), e.getMessage());
  }

  @Test
  void otherUrlsAreRefused() {
    for (String url : new String[] {"jdbc:mysql://localhost/test", "jdbc:sqlite::memory:", "jdbc:sqlite:"}) {
      StoreException e = assertThrows(StoreException.class, () -> LedgerStore.open(url));
      assertEquals(StoreException.Kind.CANNOT_OPEN, e.kind(), url);
    }
  }
}
