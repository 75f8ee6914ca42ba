package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsGroupsTest;

/** The engine's rules on a SQLite file: the journal and the registry both stored. */
class SqliteSavingsGroupsTest extends SavingsGroupsTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  protected SavingsGroups newEngine() {
    return STORES.newStore().engine();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
