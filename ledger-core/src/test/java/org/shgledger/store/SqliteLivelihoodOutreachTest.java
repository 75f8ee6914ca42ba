package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;

/** The livelihood and outreach registers in a SQLite file. */
class SqliteLivelihoodOutreachTest extends JdbcLivelihoodOutreachTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  OpenedJournals stores() {
    return STORES;
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
