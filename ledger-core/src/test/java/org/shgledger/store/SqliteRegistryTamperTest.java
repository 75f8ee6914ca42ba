package org.shgledger.store;

import java.sql.SQLException;
import java.sql.Statement;

/** The registry tamper suite on a SQLite file. */
class SqliteRegistryTamperTest extends RegistryTamperTest {

  @Override
  OpenedJournals.Kind kind() {
    return OpenedJournals.Kind.SQLITE;
  }

  @Override
  void allowOrphans(Statement raw) throws SQLException {
    raw.execute("PRAGMA foreign_keys = OFF");
  }
}
