package org.shgledger.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts what its connections send to the database: every statement executed
 * (a prepared statement's {@code executeQuery}, {@code executeUpdate}, {@code execute}, a batch's
 * {@code executeBatch} as one) and every commit, each noted with its SQL. Deterministic where a
 * timing is not: a test pins how many statements an operation costs, so that the number cannot
 * creep back (issue 19 goal 4).
 */
public final class CountingDataSource implements DataSource {

  private final DataSource target;
  private final List<String> sent = new ArrayList<>();
  private boolean counting;

  /**
   * Wraps a data source.
   *
   * @param target the data source whose connections are counted, not null
   */
  public CountingDataSource(DataSource target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /** Forgets what was counted and starts counting. */
  public synchronized void start() {
    sent.clear();
    counting = true;
  }

  /**
   * Stops counting.
   *
   * @return what was sent since {@link #start()}, in order: each statement's SQL, {@code COMMIT}
   *     for a commit, not null
   */
  public synchronized List<String> stop() {
    counting = false;
    return List.copyOf(sent);
  }

  private synchronized void note(String what) {
    if (counting) {
      sent.add(what);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(target.getConnection(username, password));
  }

  private Connection connection(Connection real) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (self, method, args) -> {
          Object result = invoke(real, method, args);
          switch (method.getName()) {
            case "prepareStatement", "prepareCall" -> {
              return statement((Statement) result, (String) args[0]);
            }
            case "createStatement" -> {
              return statement((Statement) result, null);
            }
            case "commit" -> note("COMMIT");
            default -> { }
          }
          return result;
        });
  }

  private Statement statement(Statement real, String prepared) {
    Class<?>[] types = real instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
        : real instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
        : new Class<?>[] {Statement.class};
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), types, (self, method, args) -> {
      String name = method.getName();
      if (name.startsWith("execute")) {
        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
        note(name.equals("executeBatch") ? "BATCH " + sql : sql);
      }
      return invoke(real, method, args);
    });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
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
