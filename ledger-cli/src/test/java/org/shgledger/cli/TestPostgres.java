package org.shgledger.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the command line's tests use (as ledger-core's and ledger-server's tests do, whose helper this
 * copies: test classes are not shared between modules): on the project's machines it listens on
 * 127.0.0.1:5432 (trust authentication, user {@code postgres}, database {@code test}). Where none
 * answers the tests are skipped, unless the environment sets {@code SHG_REQUIRE_POSTGRES=1} (as
 * {@code .ci/run} does), which makes them fail instead, so CI never skips them silently.
 *
 * <p>Each test gets its own schema, {@code shg_test_<random>}, dropped afterwards, so runs never
 * collide. Override the server with {@code -Dshg.test.postgres.url=jdbc:postgresql://...}.
 */
final class TestPostgres {

  static final String HOST = System.getProperty("shg.test.postgres.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("shg.test.postgres.port", 5432);
  static final String URL =
      System.getProperty(
          "shg.test.postgres.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/test?user=postgres");

  private static Boolean answers;

  private TestPostgres() {}

  /** Whether a server accepts connections on the port, asked once per run. */
  static synchronized boolean answers() {
    if (answers == null) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, PORT), 1_000);
        answers = true;
      } catch (IOException e) {
        answers = false;
      }
    }
    return answers;
  }

  /** Whether the environment demands the PostgreSQL tests run. */
  static boolean required() {
    return "1".equals(System.getenv("SHG_REQUIRE_POSTGRES"))
        || Boolean.getBoolean("shg.requirePostgres");
  }

  /** For JUnit: skips the test where no server answers, or fails it where one is required. */
  static void assumeAnswers() {
    if (!answers() && required()) {
      Assertions.fail(missing());
    }
    Assumptions.assumeTrue(answers(), missing() + "; skipping the PostgreSQL tests");
  }

  private static String missing() {
    return "no PostgreSQL server answers on " + HOST + ":" + PORT;
  }

  /**
   * Creates a new, empty schema.
   *
   * @return the URL of a connection whose current schema it is
   */
  static Schema createSchema() {
    if (!answers()) {
      Assertions.fail(missing() + ", and SHG_REQUIRE_POSTGRES=1 demands it");
    }
    String name = "shg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
        .toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + name);
    return new Schema(name, URL + "&currentSchema=" + name);
  }

  /** A schema made for a test, and the URL that opens a journal in it. */
  record Schema(String name, String url) implements AutoCloseable {
    /** Drops the schema and all in it. */
    @Override
    public void close() {
      execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
