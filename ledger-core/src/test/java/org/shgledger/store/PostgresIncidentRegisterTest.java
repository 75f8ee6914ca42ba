package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.shgledger.testing.TestPostgres;

/** The incident register in PostgreSQL, in one schema emptied before each test. */
class PostgresIncidentRegisterTest extends JdbcIncidentRegisterTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  OpenedJournals stores() {
    return STORES;
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
