package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.journal.Journal;
import org.shgledger.journal.model.JournalProperties;
import org.shgledger.testing.TestPostgres;

/**
 * The journal properties against PostgreSQL, in one schema emptied before each try. Fewer tries
 * than SQLite, since every query is a round trip to the server; raise them here for a deeper
 * search.
 */
@PropertyDefaults(tries = 6)
@AddLifecycleHook(TestPostgres.Skip.class)
class PostgresJournalProperties extends JournalProperties {

  private static final OpenedJournals JOURNALS = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @Override
  protected Journal newJournal() {
    return JOURNALS.newJournal();
  }

  @AfterContainer
  static void closeTheJournals() {
    JOURNALS.close();
  }
}
