package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsGroupsTest;
import org.shgledger.testing.TestPostgres;

/** The engine's rules on PostgreSQL, in one schema emptied before each test. */
class PostgresSavingsGroupsTest extends SavingsGroupsTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  protected SavingsGroups newEngine() {
    return STORES.newStore().engine();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
