package org.shgledger.programme;

import java.util.List;
import org.shgledger.journal.Book;

/** The livelihood and outreach registers' contract in memory. */
class InMemoryLivelihoodOutreachTest extends LivelihoodOutreachContractTest {

  @Override
  protected ProgrammeRegister newRegister(List<Book> books) {
    return new InMemoryProgrammeRegister();
  }
}
