package org.shgledger.group;

import java.util.List;
import org.shgledger.journal.Book;

/** The registry contract in memory. */
class InMemoryGroupRegistryTest extends GroupRegistryContractTest {

  @Override
  protected GroupRegistry newRegistry(List<Book> books) {
    return new InMemoryGroupRegistry();
  }
}
