package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.group.GroupLifeProperties;
import org.shgledger.group.SavingsGroups;
import org.shgledger.testing.TestPostgres;

/**
 * Random group lives on PostgreSQL, in one schema emptied before each life. Every query is a round
 * trip to the server, so there are very few tries; raise them here for a deeper search.
 */
@PropertyDefaults(tries = 3)
@AddLifecycleHook(TestPostgres.Skip.class)
class PostgresGroupLifeProperties extends GroupLifeProperties {

  private LedgerStore lastStore;

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

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
