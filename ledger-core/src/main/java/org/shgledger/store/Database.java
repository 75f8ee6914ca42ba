package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;

/**
 * One open database connection and the transactions run on it, shared by the {@link JdbcJournal}
 * and the {@link JdbcGroupRegistry} of one {@link LedgerStore}, so that a group's money and the
 * rest of its books are in one database and take turns on one connection.
 *
 * <p>Every method is synchronized on this object: a transaction's statements never interleave
 * with another thread's. Writers to one book keep apart as {@link Dialect} says: SQLite's {@code
 * BEGIN IMMEDIATE} and busy timeout, PostgreSQL's lock on the book's row.
 *
 * <p>Transactions nest: a write or read begun while this thread's write transaction is open (an
 * engine operation's journal entry and registry record, inside {@link LedgerStore}'s unit of
 * work) joins it instead of beginning its own. Its begin and commit do nothing, a failure in it
 * fails the outer transaction, which rolls everything back, and only the outer one commits. The
 * monitor is held for the whole outer transaction, so no other thread's statements come between.
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
  /** The books locked by the open write transaction; null when none is open. */
  private Set<BookId> lockedBooks;
  /** What lives as long as the open write transaction ({@link #transactionScoped}). */
  private final Map<Object, Object> transactionScoped = new HashMap<>();
  private boolean closed;

  Database(Connection connection, Dialect dialect, String where, Duration busyTimeout) {
    this.connection = connection;
    this.dialect = dialect;
    this.where = where;
    this.busyTimeout = busyTimeout;
  }

  /** Which database this is: SQLite or PostgreSQL. */
  Dialect dialect() {
    return dialect;
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
   * <p>Called while this thread's write transaction is open, it joins it: it locks those of the
   * books that are not locked yet and runs the work, leaving commit, rollback and retry to the
   * outer call.
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
    if (lockedBooks != null) {
      return joined(() -> {
        lockBooks(ordered);
        return work.run();
      });
    }
    for (int attempt = 1; ; attempt++) {
      // a transaction run again starts from what it reads: nothing of the last attempt's
      transactionScoped.clear();
      try {
        dialect.beginWrite(connection);
        lockedBooks = new HashSet<>();
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
      } finally {
        lockedBooks = null;
        transactionScoped.clear();
      }
    }
  }

  /**
   * An object that lives as long as this thread's open write transaction, nested writes
   * included: made on first asking, forgotten when the transaction commits, rolls back or is
   * run again. What it caches of the database therefore cannot go stale by another writer (the
   * transaction holds its books, see {@link Dialect}); keeping it in step with this
   * transaction's own writes is its owner's task.
   *
   * @param key what it is, such as its class
   * @param make makes it
   * @return the transaction's object for the key
   * @throws IllegalStateException if no write transaction is open
   */
  synchronized <T> T transactionScoped(Class<T> key, Supplier<T> make) {
    if (lockedBooks == null) {
      throw new IllegalStateException("no write transaction is open");
    }
    return key.cast(transactionScoped.computeIfAbsent(key, k -> make.get()));
  }

  /**
   * Whether this thread has a write transaction open here: the monitor is held for a whole
   * transaction, so an open one seen by a caller that holds the monitor is the caller's own.
   *
   * @return true inside a write transaction
   */
  synchronized boolean inWriteTransaction() {
    return lockedBooks != null;
  }

  /**
   * Forgets the open transaction's object for a key, so that the next to ask makes it anew from
   * the database (after a failed request, whose effect on the object is not known).
   *
   * @param key what it is
   */
  synchronized void forgetTransactionScoped(Class<?> key) {
    transactionScoped.remove(key);
  }

  /**
   * Runs work inside the open write transaction: no begin, no commit. A database failure is
   * passed on as {@link SqlFailure}, which the outer transaction rolls back, retries or
   * translates, exactly as if it had happened in its own work.
   */
  private <T> T joined(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * Runs reads: in a snapshot transaction when they must see one state of the database (a trial
   * balance's accounts and sums), or with none when they are a single statement or read rows that
   * never change once committed. Inside an open write transaction they run in it.
   *
   * @param snapshot whether the reads need one consistent state
   * @param work the reads
   * @return their result
   * @throws StoreException if the database failed
   */
  synchronized <T> T read(boolean snapshot, Work<T> work) {
    ensureOpen();
    if (lockedBooks != null) {
      // inside a write transaction, which already sees one state of the books it has locked
      return joined(work);
    }
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

  /** Prepared afresh each time, for the caller to close. */
  @Override
  public synchronized PreparedStatement prepareUncached(String sql) throws SQLException {
    return connection.prepareStatement(sql);
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

  /**
   * Refuses a write to a group's programme registers (children, trainings, incidents,
   * livelihoods) when the group's book does not exist: the registers are kept with the book, in
   * the transaction of the write that calls this.
   *
   * @param book the group's book, not null
   * @throws JournalException {@link Rejection#BOOK_NOT_FOUND} if there is no such book
   * @throws SQLException if the database cannot be read
   */
  void requireRegistersBook(BookId book) throws SQLException {
    PreparedStatement query = prepare("SELECT 1 FROM book WHERE book_id = ?");
    query.setString(1, book.value());
    try (ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        throw new JournalException(Rejection.BOOK_NOT_FOUND,
            "book " + book + " does not exist: a group's registers are kept with its book, which must be created first");
      }
    }
  }

  /** The instant stored with what a transaction records, to the millisecond. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /**
   * Locks the rows of those books the open transaction has not locked yet, in id order. A
   * transaction joined by nested writes locks its books once; the engine's units write one book,
   * so their locks are taken in one order and cannot deadlock. (Were a nested write to add a book
   * below one already locked, PostgreSQL would detect any deadlock and the whole transaction
   * would run again.)
   */
  private void lockBooks(TreeSet<BookId> books) throws SQLException {
    String lock = dialect.lockBookSql();
    if (lock == null) {
      return;
    }
    PreparedStatement statement = prepare(lock);
    for (BookId book : books) {
      if (lockedBooks.contains(book)) {
        continue;
      }
      statement.setString(1, book.value());
      try (ResultSet row = statement.executeQuery()) {
        // a book that does not exist yet has no row to lock (the work will create it or say so);
        // a later write in the transaction tries again
        if (row.next()) {
          lockedBooks.add(book);
        }
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
