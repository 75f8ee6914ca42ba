package org.shgledger.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalContractTest;
import org.shgledger.testing.TestPostgres;

/** The journal contract against PostgreSQL, a new schema per test. */
class PostgresJournalTest extends JournalContractTest {

  private static final OpenedJournals JOURNALS = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  protected Journal newJournal() {
    return JOURNALS.newJournal();
  }

  @AfterAll
  static void closeTheJournals() {
    JOURNALS.close();
  }
}
