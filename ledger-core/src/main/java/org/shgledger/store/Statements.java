package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Hands out the connection's prepared statements, each prepared once and reused. */
interface Statements {

  /**
   * The prepared statement for a text of SQL; set every parameter before use.
   *
   * @param sql the statement
   * @return the statement, owned by the journal: do not close it
   * @throws SQLException if the database cannot prepare it
   */
  PreparedStatement prepare(String sql) throws SQLException;
}
