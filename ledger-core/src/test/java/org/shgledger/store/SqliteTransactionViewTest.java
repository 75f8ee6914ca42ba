package org.shgledger.store;

/** {@link TransactionViewTest} on SQLite. */
class SqliteTransactionViewTest extends TransactionViewTest {

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.SQLITE;
  }
}
