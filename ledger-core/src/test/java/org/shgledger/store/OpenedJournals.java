package org.shgledger.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.shgledger.testing.TestPostgres;

/**
 * Opens new, empty stores for tests of one kind of database, and closes and removes them all
 * afterwards: a new SQLite file each in a temporary directory, or, for PostgreSQL, one schema
 * emptied before each new store (creating and migrating a schema takes a tenth of a second,
 * which hundreds of property tries cannot afford).
 */
final class OpenedJournals implements AutoCloseable {

  /** The kinds of database under test. */
  enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final Kind kind;
  private final List<LedgerStore> stores = new ArrayList<>();
  private final List<TestPostgres.Schema> schemas = new ArrayList<>();
  private TestPostgres.Schema reused;
  private Path directory;
  private int count;

  OpenedJournals(Kind kind) {
    this.kind = kind;
  }

  /** The journal of {@link #newStore()}. */
  synchronized JdbcJournal newJournal() {
    return newStore().journal();
  }

  /**
   * A new store over an empty database of this kind. Closes the stores opened before (for
   * PostgreSQL it also empties their schema): a test uses one such store at a time.
   */
  synchronized LedgerStore newStore() {
    closeStores();
    if (kind == Kind.SQLITE) {
      return track(LedgerStore.open(newDatabaseUrl()));
    }
    if (reused == null) {
      reused = TestPostgres.createSchema();
      schemas.add(reused);
    } else {
      empty(reused);
    }
    return track(LedgerStore.open(reused.url()));
  }

  /** The URL of a new, empty database of this kind, not yet opened, kept apart from the rest. */
  synchronized String newDatabaseUrl() {
    if (kind == Kind.POSTGRESQL) {
      TestPostgres.Schema schema = TestPostgres.createSchema();
      schemas.add(schema);
      return schema.url();
    }
    try {
      if (directory == null) {
        directory = Files.createTempDirectory("shg-store-test");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "jdbc:sqlite:" + directory.resolve("journal-" + ++count + ".db");
  }

  /** Closes the store with the others at the end. */
  synchronized LedgerStore track(LedgerStore store) {
    stores.add(store);
    return store;
  }

  /** Closes every store and removes every database. */
  @Override
  public synchronized void close() {
    closeStores();
    schemas.forEach(TestPostgres.Schema::close);
    schemas.clear();
    reused = null;
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      directory = null;
    }
  }

  private void closeStores() {
    stores.forEach(LedgerStore::close);
    stores.clear();
  }

  /** Empties every table but the schema's version, whatever tables later migrations add. */
  private static void empty(TestPostgres.Schema schema) {
    try (Connection connection = DriverManager.getConnection(schema.url());
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema.name()
              + "' AND table_name <> 'schema_version'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("TRUNCATE " + String.join(", ", tables));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty schema " + schema.name(), e);
    }
  }
}
