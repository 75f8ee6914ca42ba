package org.shgledger.programme;

import java.util.List;
import org.shgledger.journal.Book;

/** The register contract in memory. */
class InMemoryProgrammeRegisterTest extends ProgrammeRegisterContractTest {

  @Override
  protected ProgrammeRegister newRegister(List<Book> books) {
    return new InMemoryProgrammeRegister();
  }
}
