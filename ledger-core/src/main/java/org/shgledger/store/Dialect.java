package org.shgledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the two databases: how a transaction starts and ends, how writers to one
 * book are kept apart, and which errors mean "busy" or "try again". The schema and every query
 * are the same portable SQL on both.
 */
enum Dialect {

  /**
   * SQLite: the connection stays in auto-commit mode and transactions are begun by hand, so that
   * a write takes the file's write lock at its start ({@code BEGIN IMMEDIATE}, waiting up to the
   * busy timeout) while a snapshot read takes none ({@code BEGIN}: in WAL mode, readers never
   * wait). One writer at a time per file serialises all books at once.
   */
  SQLITE {
    @Override
    void beginWrite(Connection connection) throws SQLException {
      execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    void beginSnapshot(Connection connection) throws SQLException {
      execute(connection, "BEGIN");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      // Harmless when no transaction is open: SQLite says so and changes nothing.
      try (Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      } catch (SQLException noTransaction) {
        // nothing was open
      }
    }

    @Override
    String lockBookSql() {
      return null;
    }

    @Override
    boolean isBusy(SQLException e) {
      // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes in the low byte
      int primary = e.getErrorCode() & 0xff;
      return primary == 5 || primary == 6;
    }

    @Override
    boolean isRetryable(SQLException e) {
      return false;
    }
  },

  /**
   * PostgreSQL: the connection stays in auto-commit mode, so that a one-statement read is one
   * round trip, and turns it off for a transaction. A write runs at READ COMMITTED and first
   * locks the rows of the books it touches ({@code SELECT ... FOR UPDATE}, in book-id order so
   * that two batches never deadlock), so writers to one book serialise while other books
   * proceed; every statement after the lock sees what the previous writer committed. A snapshot
   * read runs at REPEATABLE READ so that its several statements see one state.
   */
  POSTGRESQL {
    @Override
    void beginWrite(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
      // The foreign-key checks of each inserted row are queries whose plans the server caches
      // per session. A plan made while a table was nearly empty (a new database) is a
      // sequential scan, and would stay one as the table grows within the session: a 20,000-entry
      // import into a new database took 36 s instead of 3. Custom plans for writes avoid it;
      // reads keep their cached plans.
      execute(connection, "SET LOCAL plan_cache_mode = force_custom_plan");
    }

    @Override
    void beginSnapshot(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
      execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }

    @Override
    String lockBookSql() {
      return "SELECT book_id FROM book WHERE book_id = ? FOR UPDATE";
    }

    @Override
    boolean isBusy(SQLException e) {
      // lock_not_available: lock_timeout expired waiting for another writer to the book
      return "55P03".equals(e.getSQLState());
    }

    @Override
    boolean isRetryable(SQLException e) {
      // unique_violation: two writers created the same new book or account at once; the retry
      // sees the winner's row and the rules answer as for any repeat.
      // serialization_failure and deadlock_detected: cannot happen with ordered book locks, but
      // are safe to retry if they do.
      String state = e.getSQLState();
      return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }
  };

  /** Starts a transaction that will write, taking whatever lock keeps writers apart. */
  abstract void beginWrite(Connection connection) throws SQLException;

  /** Starts a transaction that only reads, whose statements all see one consistent state. */
  abstract void beginSnapshot(Connection connection) throws SQLException;

  /** Commits the open transaction and returns to auto-commit. */
  abstract void commit(Connection connection) throws SQLException;

  /** Rolls back the open transaction, if any, and returns to auto-commit. */
  abstract void rollback(Connection connection) throws SQLException;

  /** The statement that locks one book's row for the rest of the transaction, or null. */
  abstract String lockBookSql();

  /** Whether the error means another writer held the database or book past the timeout. */
  abstract boolean isBusy(SQLException e);

  /** Whether the whole transaction may simply be run again. */
  abstract boolean isRetryable(SQLException e);

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
