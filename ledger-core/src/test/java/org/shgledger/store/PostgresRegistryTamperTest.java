package org.shgledger.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.shgledger.testing.TestPostgres;

/** The registry tamper suite on PostgreSQL, a new schema per test. */
class PostgresRegistryTamperTest extends RegistryTamperTest {

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.POSTGRESQL;
  }

  @Override
  void allowOrphans(Statement raw) throws SQLException {
    // foreign keys are triggers, which a superuser may switch off for the session
    raw.execute("SET session_replication_role = replica");
  }
}
