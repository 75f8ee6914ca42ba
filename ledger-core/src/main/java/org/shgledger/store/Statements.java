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

  /**
   * A statement prepared afresh, not kept: for a query whose plan must follow tables that grow
   * inside the transaction (a cached PostgreSQL statement keeps the plan it got first).
   *
   * @param sql the statement
   * @return the statement, which the caller closes
   * @throws SQLException if the database cannot prepare it
   */
  PreparedStatement prepareUncached(String sql) throws SQLException;
}
