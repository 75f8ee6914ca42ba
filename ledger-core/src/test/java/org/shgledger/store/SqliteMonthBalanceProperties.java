package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/** The month-end balance properties on SQLite files, a new file per chain. */
@PropertyDefaults(tries = 12)
class SqliteMonthBalanceProperties extends MonthBalanceProperties {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  protected String newDatabaseUrl() {
    return STORES.newDatabaseUrl();
  }

  @Override
  protected LedgerStore open(String url) {
    return STORES.track(LedgerStore.open(url));
  }

  @AfterContainer
  static void closeTheStores() {
    STORES.close();
  }
}
