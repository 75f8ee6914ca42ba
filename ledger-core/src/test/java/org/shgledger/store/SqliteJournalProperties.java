package org.shgledger.store;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.journal.Journal;
import org.shgledger.journal.model.JournalProperties;

/**
 * The journal properties against SQLite files, a new file per try. Each step of a chain runs
 * hundreds of queries to check every invariant, so there are fewer tries than in memory; raise
 * them here for a deeper search.
 */
@PropertyDefaults(tries = 25)
class SqliteJournalProperties extends JournalProperties {

  private static final OpenedJournals JOURNALS = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  protected Journal newJournal() {
    return JOURNALS.newJournal();
  }

  @AfterContainer
  static void closeTheJournals() {
    JOURNALS.close();
  }
}
