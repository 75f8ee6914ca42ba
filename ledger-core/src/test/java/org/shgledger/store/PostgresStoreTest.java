package org.shgledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
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
}
