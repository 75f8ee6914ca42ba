package org.shgledger.store;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.shgledger.group.GroupRegistry;
import org.shgledger.group.GroupRegistryContractTest;
import org.shgledger.journal.Book;
import org.shgledger.testing.TestPostgres;

/** The registry contract against PostgreSQL, in one schema emptied before each test. */
class PostgresGroupRegistryTest extends GroupRegistryContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  protected GroupRegistry newRegistry(List<Book> books) {
    LedgerStore store = STORES.newStore();
    books.forEach(store.journal()::createBook);
    return store.registry();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }
}
