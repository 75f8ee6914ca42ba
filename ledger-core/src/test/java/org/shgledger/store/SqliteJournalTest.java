package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalContractTest;

/** The journal contract against a SQLite file. */
class SqliteJournalTest extends JournalContractTest {

  private static final OpenedJournals JOURNALS = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  @Override
  protected Journal newJournal() {
    return JOURNALS.newJournal();
  }

  @AfterAll
  static void closeTheJournals() {
    JOURNALS.close();
  }
}
