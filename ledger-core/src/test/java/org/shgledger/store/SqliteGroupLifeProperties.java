package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.group.GroupLifeProperties;
import org.shgledger.group.SavingsGroups;

/**
 * Random group lives on SQLite files, a new file per life. Every step checks every balance, which
 * is hundreds of queries, so there are fewer tries than in memory; raise them here for a deeper
 * search.
 */
@PropertyDefaults(tries = 15)
class SqliteGroupLifeProperties extends GroupLifeProperties {

  private LedgerStore lastStore;

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  protected SavingsGroups newEngine() {
    LedgerStore store = STORES.newStore();
    lastStore = store;
    return new SavingsGroups(store.journal(), store.registry(), store.unitOfWork(), DATES);
  }

  /** Whatever the life did, the stored books verify: journal, registry chain, limits, locks. */
  @Override
  protected void afterLife() {
    for (Verification verification : lastStore.journal().verifyAll()) {
      org.junit.jupiter.api.Assertions.assertTrue(verification.isOk(), verification::toString);
    }
  }

  @AfterContainer
  static void closeTheStores() {
    STORES.close();
  }
}
