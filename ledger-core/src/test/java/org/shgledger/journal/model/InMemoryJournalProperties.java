package org.shgledger.journal.model;

import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;

/** The journal properties against {@link InMemoryJournal}. */
class InMemoryJournalProperties extends JournalProperties {
  @Override
  protected Journal newJournal() {
    return new InMemoryJournal();
  }
}
