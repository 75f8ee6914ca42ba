package org.shgledger.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests of every module use: on the project's machines it listens on
 * 127.0.0.1:5432 (trust authentication, user {@code postgres}, database {@code test}). Where none
 * answers the tests are skipped, unless the environment sets {@code SHG_REQUIRE_POSTGRES=1} (as
 * {@code .ci/run} does), which makes them fail instead, so CI never skips them silently.
 *
 * <p>Each test gets its own schema, {@code shg_test_<random>}, dropped afterwards, so runs never
 * collide. Override the server with {@code -Dshg.test.postgres.url=jdbc:postgresql://...}.
 *
 * <p>One copy for ledger-core's, ledger-server's and ledger-cli's tests (module ledger-testing, a
 * test dependency of each), so that the skip-or-fail rule cannot drift between them.
 */
public final class TestPostgres {

  /** The server's host. */
  public static final String HOST = System.getProperty("shg.test.postgres.host", "127.0.0.1");
  /** The server's port. */
  public static final int PORT = Integer.getInteger("shg.test.postgres.port", 5432);
  /** The JDBC URL of database {@code test} as user {@code postgres}. */
  public static final String URL =
      System.getProperty(
          "shg.test.postgres.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/test?user=postgres");

  private static Boolean answers;

  private TestPostgres() {}

  /**
   * Whether a server accepts connections on the port, asked once per run.
   *
   * @return true if one answers
   */
  public static synchronized boolean answers() {
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

  /**
   * Whether the environment demands the PostgreSQL tests run.
   *
   * @return true under {@code SHG_REQUIRE_POSTGRES=1} or {@code -Dshg.requirePostgres=true}
   */
  public static boolean required() {
    return "1".equals(System.getenv("SHG_REQUIRE_POSTGRES"))
        || Boolean.getBoolean("shg.requirePostgres");
  }

  /** For JUnit: skips the test where no server answers, or fails it where one is required. */
  public static void assumeAnswers() {
    if (!answers() && required()) {
      Assertions.fail(missing());
    }
    Assumptions.assumeTrue(answers(), missing() + "; skipping the PostgreSQL tests");
  }

  private static String missing() {
    return "no PostgreSQL server answers on " + HOST + ":" + PORT;
  }

  /** For jqwik: skips a property container where no server answers and none is required. */
  public static final class Skip implements SkipExecutionHook {
    /** Made by jqwik, from {@code @AddLifecycleHook(TestPostgres.Skip.class)}. */
    public Skip() {}

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      if (!answers() && !required()) {
        return SkipResult.skip(missing() + "; skipping the PostgreSQL properties");
      }
      return SkipResult.doNotSkip();
    }
  }

  /**
   * Creates a new, empty schema.
   *
   * @return the URL of a connection whose current schema it is
   */
  public static Schema createSchema() {
    if (!answers()) {
      Assertions.fail(missing() + ", and SHG_REQUIRE_POSTGRES=1 demands it");
    }
    String name = "shg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
        .toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + name);
    return new Schema(name, URL + "&currentSchema=" + name);
  }

  /**
   * A schema made for a test, and the URL that opens a journal in it.
   *
   * @param name the schema's name, {@code shg_test_…}
   * @param url the JDBC URL whose current schema it is
   */
  public record Schema(String name, String url) implements AutoCloseable {
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
