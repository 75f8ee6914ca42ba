package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Book;
import org.shgledger.programme.Child;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.Programme;
import org.shgledger.programme.ProgrammeRegister;
import org.shgledger.programme.ProgrammeRegisterContractTest;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.programme.SchoolStatusChange;
import org.shgledger.testing.TestPostgres;

/** The programme register's contract against PostgreSQL, in one schema emptied before each test. */
class PostgresProgrammeRegisterTest extends ProgrammeRegisterContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  protected ProgrammeRegister newRegister(List<Book> books) {
    LedgerStore store = STORES.newStore();
    books.forEach(store.journal()::createBook);
    return store.programme();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  @Test
  void theRegistersAndTheSecretOutliveTheConnection() {
    String url = STORES.newDatabaseUrl();
    Child child;
    byte[] secret;
    try (LedgerStore store = LedgerStore.open(url)) {
      Programme programme = SqliteProgrammeRegisterTest.withGroup(store);
      child = programme.registerChild(SHG01, ChildKey.of("M01-C1"), MemberId.of("M01"), 2015,
          new SchoolStatusChange(LocalDate.of(2025, 4, 1), SchoolStatus.ENROLLED));
      secret = store.programme().pseudonymSecret();
    }
    try (LedgerStore reopened = LedgerStore.open(url)) {
      assertEquals(List.of(child), reopened.programme().children(SHG01));
      assertArrayEquals(secret, reopened.programme().pseudonymSecret());
    }
  }
}
