package org.shgledger.programme;

import java.util.List;
import org.shgledger.journal.Book;

/** The incident register's contract in memory. */
class InMemoryIncidentRegisterTest extends IncidentRegisterContractTest {

  @Override
  protected IncidentRegister newRegister(List<Book> books) {
    return new InMemoryIncidentRegister();
  }
}
