package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shgledger.testing.TestPostgres;

/** The store's own behaviour on PostgreSQL, a new schema per test. */
class PostgresStoreTest extends StoreTest {

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.POSTGRESQL;
  }

  @Override
  void holdTheWriteLock(Connection raw) throws SQLException {
    raw.setAutoCommit(false);
    try (Statement statement = raw.createStatement()) {
      statement.execute("SELECT book_id FROM book WHERE book_id = 'SHG01' FOR UPDATE");
    }
  }

  @Override
  void allowOrphans(Statement raw) throws SQLException {
    // foreign keys are triggers, which a superuser may switch off for the session
    raw.execute("SET session_replication_role = replica");
  }

  /**
   * The lean journal row on PostgreSQL: a book whose hashes are hex text (as every version before it
   * wrote them; SQLite's case is a book written by that version, LeanJournalMigrationTest) keeps
   * every hash as its 32 bytes, verifies and keeps its head.
   */
  @Test
  void aBookOfHexHashesKeepsThemAsBytesAndItsHead() throws SQLException {
    LedgerStore first = openStore();
    JdbcJournal journal = withBooks(first.journal());
    journal.record(saving("S1", "M01", 100));
    journal.record(saving("S2", "M02", 250));
    Verification before = journal.verify(SHG);
    first.close();
    // back to what the versions before it wrote: hex text, every entry in the reversal constraint
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      statement.execute("DROP INDEX journal_entry_reversal");
      statement.execute("ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_hashes_are_32_bytes");
      statement.execute("ALTER TABLE journal_entry"
          + " ALTER COLUMN previous_hash TYPE CHAR(64) USING encode(previous_hash, 'hex'),"
          + " ALTER COLUMN entry_hash TYPE CHAR(64) USING encode(entry_hash, 'hex')");
      statement.execute("ALTER TABLE journal_entry ADD UNIQUE (book_id, reverses_entry_id)");
      // and without the versions after it (the statement's month rows, version 18), which run again
      statement.execute("DROP TABLE statement_month");
      statement.execute("DELETE FROM schema_version WHERE description IN ('" + LeanJournalMigration.FILE + "', '"
          + StatementMonthRows.FILE + "')");
    }

    LedgerStore upgraded = openStore();
    Verification after = upgraded.journal().verify(SHG);

    assertTrue(after.isOk(), after::toString);
    assertEquals(before.entriesChecked(), after.entriesChecked());
    assertEquals(before.headHash(), after.headHash());
    try (Connection connection = raw(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM journal_entry"
            + " WHERE octet_length(entry_hash) = 32 AND octet_length(previous_hash) = 32")) {
      row.next();
      assertEquals(before.entriesChecked(), row.getLong(1));
    }
  }
}
