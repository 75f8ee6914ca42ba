package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of a migration's Java step, on the migration's own connection (the
 * store's {@link Database} is not open yet): each text prepared once, all closed at the end.
 */
final class MigrationStatements implements Statements, AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  MigrationStatements(Connection connection) {
    this.connection = connection;
  }

  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  /** Prepared afresh each time, for the caller to close. */
  @Override
  public PreparedStatement prepareUncached(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : prepared.values()) {
      statement.close();
    }
  }
}
