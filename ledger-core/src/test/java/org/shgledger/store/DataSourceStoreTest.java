package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.shgledger.testing.TestPostgres;
import org.sqlite.SQLiteDataSource;

/**
 * {@link LedgerStore#open(DataSource)}: a server application passes its own pool. The store takes
 * one connection for its life, sets it up as opening by URL would, gives it back on close, and
 * keeps the same books as a store opened by path or URL.
 */
class DataSourceStoreTest {

  @Test
  void sqliteThroughADataSourceKeepsTheSameBooksAsAPath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("books.db");
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + file);
    Pool pool = new Pool(sqlite);

    try (LedgerStore store = LedgerStore.open(pool)) {
      assertEquals("SQLite database " + file, store.location());
      recordASaving(store.journal());
      // the settings openSqlite gives its own connection
      assertEquals("wal", pragma(pool.lent.get(0), "journal_mode"));
      assertEquals("2", pragma(pool.lent.get(0), "synchronous")); // FULL
      assertEquals("1", pragma(pool.lent.get(0), "foreign_keys"));
      assertEquals("5000", pragma(pool.lent.get(0), "busy_timeout"));
    }
    assertEquals(1, pool.lent.size(), "one connection for the store's life");
    assertTrue(pool.returned.get(0), "closing the store gives its connection back");

    try (LedgerStore again = LedgerStore.openSqlite(file)) {
      assertEquals(StoreTest.rupees(100), cashOf(again.journal()));
    }
  }

  @Test
  void postgresqlThroughADataSourceKeepsTheSameBooksAsAUrl() throws Exception {
    TestPostgres.assumeAnswers();
    try (TestPostgres.Schema schema = TestPostgres.createSchema()) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(schema.url());
      Pool pool = new Pool(postgres);

      try (LedgerStore store = LedgerStore.open(pool, Duration.ofMillis(1234))) {
        assertTrue(store.location().startsWith("PostgreSQL database jdbc:postgresql://"),
            store.location());
        assertFalse(store.location().contains("?"), "no parameters in messages");
        recordASaving(store.journal());
        assertEquals("1234ms", show(pool.lent.get(0), "lock_timeout"));
      }
      assertEquals(1, pool.lent.size(), "one connection for the store's life");
      assertTrue(pool.returned.get(0), "closing the store gives its connection back");
      // what the next borrower of that connection would see: the server's default again
      assertEquals("0", pool.lockTimeoutWhenReturned.get(0));

      try (LedgerStore again = LedgerStore.open(schema.url())) {
        assertEquals(StoreTest.rupees(100), cashOf(again.journal()));
      }
    }
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  private static String show(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  /**
   * A stand-in for a connection pool: lends the data source's connections and notes when each is
   * closed (given back) and what the session's lock_timeout was then.
   */
  private static final class Pool implements DataSource {
    final DataSource target;
    final List<Connection> lent = new ArrayList<>();
    final List<Boolean> returned = new ArrayList<>();
    final List<String> lockTimeoutWhenReturned = new ArrayList<>();

    Pool(DataSource target) {
      this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = target.getConnection();
      int index = lent.size();
      returned.add(false);
      lockTimeoutWhenReturned.add(null);
      Connection proxy = (Connection) Proxy.newProxyInstance(
          Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (self, method, args) -> {
            if (method.getName().equals("close") && !real.isClosed()) {
              returned.set(index, true);
              if (real.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                lockTimeoutWhenReturned.set(index, show(real, "lock_timeout"));
              }
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      lent.add(proxy);
      return proxy;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }

  private static void recordASaving(JdbcJournal journal) {
    StoreTest.withBooks(journal).record(StoreTest.saving("SAVE-M01", "M01", 100));
  }

  private static Money cashOf(JdbcJournal journal) {
    return journal.balance(StoreTest.SHG, StoreTest.CASH, StoreTest.APRIL_5).normalBalance();
  }
}
