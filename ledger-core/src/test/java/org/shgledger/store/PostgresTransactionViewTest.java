package org.shgledger.store;

import org.junit.jupiter.api.BeforeAll;
import org.shgledger.testing.TestPostgres;

/** {@link TransactionViewTest} on PostgreSQL. */
class PostgresTransactionViewTest extends TransactionViewTest {

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.POSTGRESQL;
  }
}
