package org.shgledger.store;

import java.sql.SQLException;

/**
 * Carries a {@link SQLException} through code that cannot declare it (the {@link
 * org.shgledger.journal.spi.JournalView} methods the rules call); the transaction runner unwraps it.
 */
final class SqlFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SqlFailure(SQLException cause) {
    super(cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
