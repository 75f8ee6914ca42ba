package org.shgledger.journal;

/** The journal contract against {@link InMemoryJournal}. */
class InMemoryJournalTest extends JournalContractTest {
  @Override
  protected Journal newJournal() {
    return new InMemoryJournal();
  }
}
