package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.shgledger.journal.BookId;

/**
 * One open database connection and the transactions run on it, shared by the {@link JdbcJournal}
 * and the {@link JdbcGroupRegistry} of one {@link LedgerStore}, so that a group's money and the
 * rest of its books are in one database and take turns on one connection.
 *
 * <p>Every method is synchronized on this object: a transaction's statements never interleave
 * with another thread's. Writers to one book keep apart as {@link Dialect} says: SQLite's {@code
 * BEGIN IMMEDIATE} and busy timeout, PostgreSQL's lock on the book's row.
 */
final class Database implements Statements {

  /** How many times a PostgreSQL transaction that met a concurrent writer is run again. */
  private static final int MAX_ATTEMPTS = 5;

  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    /**
     * Does the work.
     *
     * @return its result
     * @throws SQLException if the database fails; the transaction is rolled back
     */
    T run() throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final String where;
  private final Duration busyTimeout;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private boolean closed;

  Database(Connection connection, Dialect dialect, String where, Duration busyTimeout) {
    this.connection = connection;
    this.dialect = dialect;
    this.where = where;
    this.busyTimeout = busyTimeout;
  }

  /** The database, for messages: the SQLite file's path or the PostgreSQL URL without parameters. */
  String where() {
    return where;
  }

  /**
   * Runs work in a write transaction that first locks the given books (PostgreSQL) or the whole
   * file (SQLite), commits it, and on any failure rolls it back, so nothing is half written. On
   * PostgreSQL a transaction that met a concurrent writer is run again, whole.
   *
   * @param books the books the work writes to
   * @param work the work; it may run more than once, so it must start from what it reads
   * @return the work's result
   * @throws StoreException if the database was busy past the timeout, or failed
   */
  synchronized <T> T write(Iterable<BookId> books, Work<T> work) {
    ensureOpen();
    TreeSet<BookId> ordered = new TreeSet<>();
    books.forEach(ordered::add);
    for (int attempt = 1; ; attempt++) {
      try {
        dialect.beginWrite(connection);
        lockBooks(ordered);
        T result = work.run();
        dialect.commit(connection);
        return result;
      } catch (SQLException | SqlFailure failure) {
        SQLException e = failure instanceof SqlFailure wrapped ? wrapped.getCause() : (SQLException) failure;
        rollback(e);
        if (dialect.isRetryable(e) && attempt < MAX_ATTEMPTS) {
          continue;
        }
        throw translate(e);
      } catch (RuntimeException | Error e) {
        rollback(e);
        throw e;
      }
    }
  }

  /**
   * Runs reads: in a snapshot transaction when they must see one state of the database (a trial
   * balance's accounts and sums), or with none when they are a single statement or read rows that
   * never change once committed.
   *
   * @param snapshot whether the reads need one consistent state
   * @param work the reads
   * @return their result
   * @throws StoreException if the database failed
   */
  synchronized <T> T read(boolean snapshot, Work<T> work) {
    ensureOpen();
    try {
      if (snapshot) {
        dialect.beginSnapshot(connection);
      }
      T result = work.run();
      if (snapshot) {
        dialect.commit(connection);
      }
      return result;
    } catch (SQLException | SqlFailure failure) {
      SQLException e = failure instanceof SqlFailure wrapped ? wrapped.getCause() : (SQLException) failure;
      rollback(e);
      throw translate(e);
    } catch (RuntimeException | Error e) {
      rollback(e);
      throw e;
    }
  }

  /** Each text of SQL is prepared once per connection and reused; the caller must not close it. */
  @Override
  public synchronized PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  /** Closes the statements and the connection; closing twice does nothing. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure = failure == null ? e : failure;
      }
    }
    prepared.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw translate(failure);
    }
  }

  /** The instant stored with what a transaction records, to the millisecond. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private void lockBooks(TreeSet<BookId> books) throws SQLException {
    String lock = dialect.lockBookSql();
    if (lock == null) {
      return;
    }
    PreparedStatement statement = prepare(lock);
    for (BookId book : books) {
      statement.setString(1, book.value());
      try (ResultSet row = statement.executeQuery()) {
        // a book that does not exist yet has no row to lock; the work will say so
        row.next();
      }
    }
  }

  private void rollback(Throwable cause) {
    try {
      dialect.rollback(connection);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private StoreException translate(SQLException e) {
    if (dialect.isBusy(e)) {
      return new StoreException(
          StoreException.Kind.BUSY,
          where + " is busy: another process or connection has been writing to it for more than "
              + busyTimeout.toMillis() + " ms; nothing was recorded, try again",
          e);
    }
    return new StoreException(
        StoreException.Kind.FAILED, "database error in " + where + ": " + e.getMessage(), e);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store in " + where + " is closed");
    }
  }
}
