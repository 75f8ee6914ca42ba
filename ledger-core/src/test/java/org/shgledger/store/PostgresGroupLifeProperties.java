package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.group.GroupLifeProperties;
import org.shgledger.group.SavingsGroups;

/**
 * Random group lives on PostgreSQL, in one schema emptied before each life. Every query is a round
 * trip to the server, so there are very few tries; raise them here for a deeper search.
 */
@PropertyDefaults(tries = 3)
@AddLifecycleHook(TestPostgres.Skip.class)
class PostgresGroupLifeProperties extends GroupLifeProperties {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @Override
  protected SavingsGroups newEngine() {
    LedgerStore store = STORES.newStore();
    return new SavingsGroups(store.journal(), store.registry(), store.unitOfWork(), DATES);
  }

  @AfterContainer
  static void closeTheStores() {
    STORES.close();
  }
}
