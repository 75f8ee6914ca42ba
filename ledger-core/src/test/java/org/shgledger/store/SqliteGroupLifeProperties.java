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

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

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
