package org.shgledger.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Objects;
import org.shgledger.group.DateLimits;
import org.shgledger.store.LedgerStore;

/**
 * What a server opens: a connection pool (HikariCP) over the books' database, the books ({@link
 * LedgerStore}, from the pool) and the users ({@link UserStore}, on the pool's other connections).
 * SQLite serves one office, PostgreSQL a programme.
 *
 * <p>The store holds one of the pool's connections for its life (docs/api.md), so requests take turns
 * on it within one server; several servers over one PostgreSQL write in parallel and keep apart by
 * the database's locks, as several {@code shg} processes do.
 */
public final class ServerBooks implements AutoCloseable {

  /** The pool's size: the store's connection and a few for the users' reads and audit lines. */
  static final int POOL_SIZE = 4;

  private final HikariDataSource pool;
  private final LedgerStore store;
  private final UserStore users;
  private final Sessions sessions;

  private ServerBooks(HikariDataSource pool, LedgerStore store, UserStore users, Clock clock) {
    this.pool = pool;
    this.store = store;
    this.users = users;
    this.sessions = new Sessions(users, clock);
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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("shg-serve");
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      // what LedgerStore.open(String) sets and a pool must set itself (docs/api.md)
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    } else {
      // the users' connections wait for the store's writer as the store's own connection does
      config.setConnectionInitSql("PRAGMA busy_timeout = " + LedgerStore.DEFAULT_BUSY_TIMEOUT.toMillis());
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      LedgerStore store = LedgerStore.open(pool, LedgerStore.DEFAULT_BUSY_TIMEOUT, dates);
      return new ServerBooks(pool, store, new UserStore(pool, clock), clock);
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

  /** Closes the books, then the pool. */
  @Override
  public void close() {
    try {
      store.close();
    } finally {
      pool.close();
    }
  }
}
