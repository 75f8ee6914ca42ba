package org.shgledger.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.shgledger.group.DateLimits;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.UnitOfWork;
import org.shgledger.journal.BookId;
import org.shgledger.unit.Units;
import org.sqlite.SQLiteConfig;

/**
 * A group's whole books in one database: the money in a {@link JdbcJournal} and everything else
 * (groups, members, office bearers, meetings, loans) in a {@link JdbcGroupRegistry}, both on one
 * connection. A SQLite file serves one computer (the default), a PostgreSQL database a server.
 * Opening creates the tables, or brings an older database's tables up to date; a database written
 * by a newer version is refused.
 *
 * <pre>{@code
 * try (LedgerStore store = LedgerStore.openSqlite(Path.of("shg.db"))) {
 *   SavingsGroups groups = store.engine();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Busy databases.</b> Writers take turns. A SQLite file has one writer at a time, whatever
 * the book; PostgreSQL has one writer at a time per book. A writer that has waited longer than
 * the busy timeout (by default {@link #DEFAULT_BUSY_TIMEOUT}) gives up with a {@link
 * StoreException} of kind {@link StoreException.Kind#BUSY} and records nothing. See
 * docs/store.md.
 *
 * <p>One store holds one connection, which the journal and the registry share; threads take turns
 * on it, one transaction at a time. Close the store when done: that closes both.
 */
public final class LedgerStore implements AutoCloseable {

  /** How long a writer waits for another to finish before giving up: 5 seconds. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  private final Database database;
  private final JdbcJournal journal;
  private final JdbcGroupRegistry registry;
  private final JdbcProgrammeRegister programme;
  private final SavingsGroups engine;
  private final Units units;

  private LedgerStore(Database database, DateLimits dates) {
    this.database = database;
    this.journal = new JdbcJournal(database);
    this.registry = new JdbcGroupRegistry(database);
    this.programme = new JdbcProgrammeRegister(database);
    this.engine = new SavingsGroups(journal, registry, unitOfWork(), dates);
    this.units = new Units(engine, new JdbcUnitRegistry(database));
  }

  /**
   * The unit of work of this store: one write transaction that the journal's and the registry's
   * writes inside it join, committed at its end and rolled back whole if the work throws. Importers
   * run a whole file through it, so that an import is one transaction.
   *
   * @return the unit, usable until the store is closed, not null
   */
  public UnitOfWork unitOfWork() {
    return new UnitOfWork() {
      @Override
      public <T> T atomically(BookId book, Supplier<T> work) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(work, "work");
        return database.write(List.of(book), work::get);
      }
    };
  }

  /**
   * The journal: every group's book, accounts and entries.
   *
   * @return the journal, usable until the store is closed, not null
   */
  public JdbcJournal journal() {
    return journal;
  }

  /**
   * The registry: groups, members, office-bearer terms, meetings and loans.
   *
   * @return the registry, usable until the store is closed, not null
   */
  public JdbcGroupRegistry registry() {
    return registry;
  }

  /**
   * The programme's registers kept beside the books (children, trainings, loan purposes, the
   * pseudonym secret), for {@link org.shgledger.programme.Programme}: {@code new
   * Programme(store.engine(), store.programme())}.
   *
   * @return the register, usable until the store is closed, not null
   */
  public JdbcProgrammeRegister programme() {
    return programme;
  }

  /**
   * The savings-group engine over this store's journal and registry. Each of its operations that
   * writes is one transaction: its journal entry and its registry records are committed together,
   * so a crash keeps both or neither, and a refused or failed operation leaves no trace. It takes
   * the dates the store was opened with ({@link DateLimits#standard()} unless given).
   *
   * @return the engine, usable until the store is closed, not null
   */
  public SavingsGroups engine() {
    return engine;
  }

  /**
   * The NGO units (clusters, federations) and the groups in them, kept in this store beside the
   * books ({@link JdbcUnitRegistry}), over this store's engine.
   *
   * @return the units, usable until the store is closed, not null
   */
  public Units units() {
    return units;
  }

  /**
   * Which database this is, for messages: the SQLite file's path, or the PostgreSQL URL without
   * its parameters (which may hold a password).
   *
   * @return a description such as {@code SQLite database /home/asha/shg.db}, not null
   */
  public String location() {
    return database.where();
  }

  /**
   * Closes the database connection. Closing twice does nothing; any method of the journal or the
   * registry called afterwards throws {@link IllegalStateException}.
   *
   * @throws StoreException if the database fails to close
   */
  @Override
  public void close() {
    database.close();
  }

  /**
   * Opens the books in a SQLite file, creating the file if there is none (readable and writable
   * by its owner only, where the file system has POSIX permissions).
   *
   * @param file the database file, not null; its directory must exist
   * @return the store, to be closed when done, not null
   * @throws StoreException if the file cannot be opened or was written by a newer version
   */
  public static LedgerStore openSqlite(Path file) {
    return openSqlite(file, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens the books in a SQLite file, with a busy timeout.
   *
   * @param file the database file, not null; its directory must exist
   * @param busyTimeout how long a write waits for another process's write to finish, not null,
   *     at most {@link Integer#MAX_VALUE} milliseconds
   * @return the store, to be closed when done, not null
   * @throws StoreException if the file cannot be opened or was written by a newer version
   */
  public static LedgerStore openSqlite(Path file, Duration busyTimeout) {
    return openSqlite(file, busyTimeout, DateLimits.standard());
  }

  /**
   * Opens the books in a SQLite file, with a busy timeout and the dates its engine takes.
   *
   * @param file the database file, not null; its directory must exist
   * @param busyTimeout how long a write waits for another process's write to finish, not null,
   *     at most {@link Integer#MAX_VALUE} milliseconds
   * @param dates the dates a new record of the engine may have, not null
   * @return the store, to be closed when done, not null
   * @throws StoreException if the file cannot be opened or was written by a newer version
   */
  public static LedgerStore openSqlite(Path file, Duration busyTimeout, DateLimits dates) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dates, "dates");
    int timeoutMillis = Math.toIntExact(Objects.requireNonNull(busyTimeout, "busyTimeout").toMillis());
    Path path = file.toAbsolutePath().normalize();
    String where = "SQLite database " + path;
    createOwnerOnly(path, where);

    SQLiteConfig config = new SQLiteConfig();
    // WAL: readers never wait for the writer, and a commit is one append to the log.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL syncs the log at every commit, so a committed entry survives a power cut. NORMAL
    // would also never corrupt the file, but could lose the last commits: a treasurer told
    // "recorded" must be able to rely on it. Batches pay one sync for all their entries.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(timeoutMillis);
    // 32 MiB of page cache (the default is 2 MiB): a large import keeps its indexes in memory
    config.setCacheSize(-32_768);
    Connection connection = null;
    try {
      connection = config.createConnection(SQLITE_PREFIX + path);
      try (Statement statement = connection.createStatement();
          ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
        if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
          throw new StoreException(
              StoreException.Kind.CANNOT_OPEN,
              where + " cannot use write-ahead logging (is it on a network drive?)",
              null);
        }
      }
      Migrator.migrate(connection, Dialect.SQLITE, where);
      return new LedgerStore(new Database(connection, Dialect.SQLITE, where, busyTimeout), dates);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      int primary = e.getErrorCode() & 0xff;
      if (primary == 5 || primary == 6) {
        throw new StoreException(
            StoreException.Kind.BUSY,
            where + " is busy: another process held it for more than " + timeoutMillis
                + " ms while it was being opened; try again",
            e);
      }
      String why = primary == 26 ? "it is not a SQLite database" : e.getMessage();
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN, "cannot open " + where + ": " + why, e);
    } catch (RuntimeException e) {
      closeQuietly(connection, e);
      throw e;
    }
  }

  /**
   * Opens the books named by a JDBC URL: {@code jdbc:sqlite:PATH} for a SQLite file (as {@link
   * #openSqlite(Path)}) or {@code jdbc:postgresql://HOST:PORT/DATABASE?user=...} for PostgreSQL,
   * whose tables go in the connection's current schema ({@code currentSchema=...} in the URL;
   * the schema must exist).
   *
   * @param jdbcUrl the URL, not null
   * @return the store, to be closed when done, not null
   * @throws StoreException if the URL is of another kind, the database cannot be reached, or it
   *     was written by a newer version
   */
  public static LedgerStore open(String jdbcUrl) {
    return open(jdbcUrl, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens the books named by a JDBC URL, with a busy timeout; see {@link #open(String)}.
   *
   * @param jdbcUrl the URL, not null
   * @param busyTimeout how long a write waits for another writer to the same file (SQLite) or
   *     book (PostgreSQL) to finish, not null
   * @return the store, to be closed when done, not null
   * @throws StoreException if the URL is of another kind, the database cannot be reached, or it
   *     was written by a newer version
   */
  public static LedgerStore open(String jdbcUrl, Duration busyTimeout) {
    return open(jdbcUrl, busyTimeout, DateLimits.standard());
  }

  /**
   * Opens the books named by a JDBC URL, with a busy timeout and the dates its engine takes; see
   * {@link #open(String)}.
   *
   * @param jdbcUrl the URL, not null
   * @param busyTimeout how long a write waits for another writer to the same file (SQLite) or
   *     book (PostgreSQL) to finish, not null
   * @param dates the dates a new record of the engine may have, not null
   * @return the store, to be closed when done, not null
   * @throws StoreException if the URL is of another kind, the database cannot be reached, or it
   *     was written by a newer version
   */
  public static LedgerStore open(String jdbcUrl, Duration busyTimeout, DateLimits dates) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    Objects.requireNonNull(dates, "dates");
    if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
      String path = jdbcUrl.substring(SQLITE_PREFIX.length());
      if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:") || path.contains("?")) {
        throw new StoreException(
            StoreException.Kind.CANNOT_OPEN,
            "a SQLite URL must name a file, as jdbc:sqlite:/path/to/shg.db; got " + jdbcUrl, null);
      }
      return openSqlite(Path.of(path), busyTimeout, dates);
    }
    if (jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
      return openPostgresql(jdbcUrl, busyTimeout, dates);
    }
    int colon = jdbcUrl.indexOf(':', "jdbc:".length());
    throw new StoreException(
        StoreException.Kind.CANNOT_OPEN,
        "unsupported database URL '" + (colon < 0 ? jdbcUrl : jdbcUrl.substring(0, colon + 1))
            + "...': use jdbc:sqlite:PATH or jdbc:postgresql://HOST/DATABASE",
        null);
  }

  private static LedgerStore openPostgresql(String url, Duration busyTimeout, DateLimits dates) {
    // the parameters may hold a password: messages name the server and database only
    int query = url.indexOf('?');
    String where = "PostgreSQL database " + Credentials.masked(query < 0 ? url : url.substring(0, query));
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", "shg-ledger");
    // sends a batch of inserts as multi-row inserts: several times faster for imports
    properties.setProperty("reWriteBatchedInserts", "true");
    Connection connection = null;
    try {
      connection = new org.postgresql.Driver().connect(url, properties);
      if (connection == null) {
        throw new SQLException("the PostgreSQL driver does not accept this URL");
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET lock_timeout = " + busyTimeout.toMillis());
      }
      Migrator.migrate(connection, Dialect.POSTGRESQL, where);
      return new LedgerStore(new Database(connection, Dialect.POSTGRESQL, where, busyTimeout), dates);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN, "cannot open " + where + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(connection, e);
      throw e;
    }
  }

  /** Creates the file, empty, with owner-only permissions, unless it exists. */
  private static void createOwnerOnly(Path path, String where) {
    if (Files.exists(path)) {
      return;
    }
    Path directory = path.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN,
          "cannot create " + where + ": the directory " + directory + " does not exist", null);
    }
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // SQLite gives its -wal and -shm files the same permissions as the database file
        Files.createFile(path, PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      } else {
        Files.createFile(path);
      }
    } catch (FileAlreadyExistsException raced) {
      // another process created it first: open theirs
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN, "cannot create " + where + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection, Throwable failure) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
