package org.shgledger.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import org.shgledger.group.DateLimits;
import org.shgledger.store.LedgerStore;

/**
 * What a server opens: a connection pool (HikariCP) over the books' database, the books ({@link
 * LedgerStore}, from the pool) and the users ({@link UserStore}, on the pool's other connections).
 * SQLite serves one office, PostgreSQL a programme.
 *
 * <p>A store holds one of the pool's connections for its life (docs/api.md), and its threads take
 * turns on it. Besides the one store of {@link #store()}, the server's requests for one group each
 * borrow a store of their own ({@link #borrow()}, up to {@link #STORES_POSTGRESQL} or {@link
 * #STORES_SQLITE}, opened as first needed), so that requests for different groups run in parallel;
 * they keep apart by the database's locks (a book's row on PostgreSQL, the file's one writer on
 * SQLite) exactly as several servers or {@code shg} processes do, and the server adds its own
 * locks on top ({@code Turns}).
 */
public final class ServerBooks implements AutoCloseable {

  /** The stores requests borrow on PostgreSQL: each writes its group's books in parallel. */
  static final int STORES_POSTGRESQL = 8;

  /** The stores requests borrow on SQLite: one writes at a time, the others read beside it. */
  static final int STORES_SQLITE = 4;

  /** The pool's connections for the users' reads and audit lines, beside the stores'. */
  static final int USER_CONNECTIONS = 4;

  private final HikariDataSource pool;
  private final LedgerStore store;
  private final UserStore users;
  private final Sessions sessions;
  private final DateLimits dates;
  private final int lendable;
  private final boolean sqlite;
  /** The borrowed stores not in use, most recently returned first (its statements are prepared). */
  private final LinkedBlockingDeque<LedgerStore> idle = new LinkedBlockingDeque<>();
  /** Every store opened for lending, to be closed. */
  private final List<LedgerStore> lent = new ArrayList<>();
  private boolean closed;

  private ServerBooks(HikariDataSource pool, LedgerStore store, UserStore users, Clock clock, DateLimits dates,
      int lendable, boolean sqlite) {
    this.pool = pool;
    this.store = store;
    this.users = users;
    this.sessions = new Sessions(users, clock);
    this.dates = dates;
    this.lendable = lendable;
    this.sqlite = sqlite;
  }

  /**
   * Opens the books of a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}),
   * creating or migrating the schema as {@link LedgerStore#open(javax.sql.DataSource)} does.
   *
   * @param jdbcUrl the database, not null
   * @param dates the engine's date limits, not null
   * @param clock the clock for users' times, not null
   * @return the open books, to be closed
   * @throws org.shgledger.store.StoreException if the database cannot be opened
   */
  public static ServerBooks open(String jdbcUrl, DateLimits dates, Clock clock) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    boolean postgresql = jdbcUrl.startsWith("jdbc:postgresql:");
    int lendable = postgresql ? STORES_POSTGRESQL : STORES_SQLITE;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(1 + lendable + USER_CONNECTIONS);
    // connections are opened as the stores are, not all at start (a command such as shg user add
    // opens the books for one store only)
    config.setMinimumIdle(1 + USER_CONNECTIONS);
    config.setPoolName("shg-serve");
    if (postgresql) {
      // what LedgerStore.open(String) sets and a pool must set itself (docs/api.md)
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    } else {
      // the users' connections wait for the store's writer as the store's own connection does
      config.setConnectionInitSql("PRAGMA busy_timeout = " + LedgerStore.DEFAULT_BUSY_TIMEOUT.toMillis());
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      LedgerStore store = LedgerStore.open(pool, LedgerStore.DEFAULT_BUSY_TIMEOUT, dates);
      return new ServerBooks(pool, store, new UserStore(pool, clock), clock, dates, lendable, !postgresql);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The books.
   *
   * @return the store, open until this is closed, not null
   */
  public LedgerStore store() {
    return store;
  }

  /**
   * Borrows a store of its own for one request, opening one if fewer than the most are open and
   * none is idle, else waiting for one to be given back.
   *
   * @return a store, to be given back with {@link #giveBack(LedgerStore)}, not null
   * @throws InterruptedException if interrupted while waiting
   * @throws org.shgledger.store.StoreException if a new store cannot be opened
   */
  LedgerStore borrow() throws InterruptedException {
    LedgerStore ready = idle.pollFirst();
    if (ready != null) {
      return ready;
    }
    synchronized (lent) {
      if (closed) {
        throw new IllegalStateException("the books are closed");
      }
      if (lent.size() < lendable) {
        LedgerStore opened = LedgerStore.open(pool, LedgerStore.DEFAULT_BUSY_TIMEOUT, dates);
        lent.add(opened);
        return opened;
      }
    }
    return idle.takeFirst();
  }

  /**
   * Gives a borrowed store back.
   *
   * @param borrowed the store {@link #borrow()} gave, not null
   */
  void giveBack(LedgerStore borrowed) {
    idle.offerFirst(borrowed);
  }

  /** Whether the books are a SQLite file, whose writers take turns whatever their group. */
  boolean oneWriter() {
    return sqlite;
  }

  /**
   * The users.
   *
   * @return the users, usable until this is closed, not null
   */
  public UserStore users() {
    return users;
  }

  /** The pages' sign-ins and sessions, on the same pool and clock as the users. */
  Sessions sessions() {
    return sessions;
  }

  /** Closes the books (the lent stores, then the main one), then the pool. */
  @Override
  public void close() {
    try {
      synchronized (lent) {
        closed = true;
        for (LedgerStore opened : lent) {
          try {
            opened.close();
          } catch (RuntimeException e) {
            // the connection is broken: the pool closes it below
          }
        }
        lent.clear();
        idle.clear();
      }
      store.close();
    } finally {
      pool.close();
    }
  }
}
