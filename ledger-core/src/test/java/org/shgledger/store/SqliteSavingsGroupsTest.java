package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsGroupsTest;

/** The engine's rules on a SQLite file: the journal and the registry both stored. */
class SqliteSavingsGroupsTest extends SavingsGroupsTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  private LedgerStore store;

  @Override
  protected SavingsGroups newEngine() {
    store = STORES.newStore();
    return store.engine();
  }

  /** Whatever a rule's test did, the stored books verify: journal, registry chain, limits, locks. */
  @AfterEach
  void theBooksVerify() {
    for (Verification verification : store.journal().verifyAll()) {
      assertTrue(verification.isOk(), verification::toString);
    }
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
