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
import javax.sql.DataSource;
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
 * on it, one transaction at a time. Close the store when done: that closes both. A server
 * application with its own connection pool opens the store from it with {@link
 * #open(DataSource)}: the store then takes one connection from the pool and keeps it until closed.
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
  /**
   * The PostgreSQL connection taken from an application's pool, whose session setting is undone
   * before it goes back; null when the store opened the connection itself.
   */
  private final Connection pooled;

  private LedgerStore(Database database, DateLimits dates) {
    this(database, dates, null);
  }

  private LedgerStore(Database database, DateLimits dates, Connection pooled) {
    this.pooled = pooled;
    this.database = database;
    this.journal = new JdbcJournal(database);
    this.registry = new JdbcGroupRegistry(database);
    this.programme = new JdbcProgrammeRegister(database);
    this.engine = new SavingsGroups(journal, registry, unitOfWork(), dates, new SyncLog.FieldCopyLog(database));
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

      @Override
      public boolean undoesFailedWork() {
        return true;
      }
    };
  }

  /** The connection and its transactions, for {@link BookCopy}. */
  Database database() {
    return database;
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
    if (pooled != null) {
      // The pool hands this connection to others next: they get the server's lock_timeout back.
      // Best effort, before the connection is closed; a closed or broken one is discarded anyway.
      synchronized (database) {
        try {
          if (!pooled.isClosed()) {
            try (Statement statement = pooled.createStatement()) {
              statement.execute("RESET lock_timeout");
            }
          }
        } catch (SQLException e) {
          // the connection is broken: closing it below is all there is to do
        }
      }
    }
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

  /**
   * Opens the books in the database of a server application's {@link DataSource} (a connection
   * pool such as HikariCP, or the driver's own data source), SQLite or PostgreSQL, told apart by
   * the connection's metadata.
   *
   * <p>The store takes <b>one</b> connection from the data source and keeps it until the store is
   * closed, which returns it (closes it) to the pool: a store's journal and registry share that
   * connection and its transactions, as when opened from a URL. The store is safe to share
   * between threads, which take turns on the connection; an application that wants writers to
   * different books to run in parallel on PostgreSQL opens several stores, each holding one of
   * the pool's connections. The connection is set up as the store needs it: auto-commit on
   * (transactions are begun by the store); on PostgreSQL the session's {@code lock_timeout} is set
   * to the busy timeout and set back to the server's default when the store closes; on SQLite the
   * connection is switched to write-ahead logging, {@code synchronous=FULL}, foreign keys and the
   * busy timeout (the settings of {@link #openSqlite(Path)}). A PostgreSQL pool should pass
   * {@code reWriteBatchedInserts=true} to the driver, as {@link #open(String)} does, for fast
   * imports. A SQLite file created through the data source gets the permissions the driver gives
   * it, not owner-only as {@link #openSqlite(Path)} does.
   *
   * @param dataSource where to take the connection from, not null
   * @return the store, to be closed when done (returning its connection), not null
   * @throws StoreException if no connection can be had, the database is neither SQLite nor
   *     PostgreSQL, or it was written by a newer version
   */
  public static LedgerStore open(DataSource dataSource) {
    return open(dataSource, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens the books in the database of a {@link DataSource}, with a busy timeout; see {@link
   * #open(DataSource)}.
   *
   * @param dataSource where to take the connection from, not null
   * @param busyTimeout how long a write waits for another writer to the same file (SQLite) or
   *     book (PostgreSQL) to finish, not null, at most {@link Integer#MAX_VALUE} milliseconds
   * @return the store, to be closed when done (returning its connection), not null
   * @throws StoreException if no connection can be had, the database is neither SQLite nor
   *     PostgreSQL, or it was written by a newer version
   */
  public static LedgerStore open(DataSource dataSource, Duration busyTimeout) {
    return open(dataSource, busyTimeout, DateLimits.standard());
  }

  /**
   * Opens the books in the database of a {@link DataSource}, with a busy timeout and the dates its
   * engine takes; see {@link #open(DataSource)}.
   *
   * @param dataSource where to take the connection from, not null
   * @param busyTimeout how long a write waits for another writer to the same file (SQLite) or
   *     book (PostgreSQL) to finish, not null, at most {@link Integer#MAX_VALUE} milliseconds
   * @param dates the dates a new record of the engine may have, not null
   * @return the store, to be closed when done (returning its connection), not null
   * @throws StoreException if no connection can be had, the database is neither SQLite nor
   *     PostgreSQL, or it was written by a newer version
   */
  public static LedgerStore open(DataSource dataSource, Duration busyTimeout, DateLimits dates) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(dates, "dates");
    int timeoutMillis = Math.toIntExact(Objects.requireNonNull(busyTimeout, "busyTimeout").toMillis());
    String where = "the database of " + dataSource.getClass().getSimpleName();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (connection == null) {
        throw new SQLException("the data source gave no connection");
      }
      String product = connection.getMetaData().getDatabaseProductName();
      String url = connection.getMetaData().getURL();
      // Dialect expects auto-commit between transactions; a pool may hand out either.
      connection.setAutoCommit(true);
      Dialect dialect;
      if ("SQLite".equalsIgnoreCase(product)) {
        dialect = Dialect.SQLITE;
        where = url != null && url.startsWith(SQLITE_PREFIX)
            ? "SQLite database " + url.substring(SQLITE_PREFIX.length())
            : "SQLite database of " + dataSource.getClass().getSimpleName();
        setUpSqlite(connection, timeoutMillis, where);
      } else if ("PostgreSQL".equalsIgnoreCase(product)) {
        dialect = Dialect.POSTGRESQL;
        int query = url == null ? -1 : url.indexOf('?');
        where = url == null
            ? "PostgreSQL database of " + dataSource.getClass().getSimpleName()
            : "PostgreSQL database " + Credentials.masked(query < 0 ? url : url.substring(0, query));
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET lock_timeout = " + busyTimeout.toMillis());
        }
      } else {
        throw new StoreException(
            StoreException.Kind.CANNOT_OPEN,
            "cannot open " + where + ": it is " + product
                + ", and the books are kept in SQLite or PostgreSQL only",
            null);
      }
      Migrator.migrate(connection, dialect, where);
      Database database = new Database(connection, dialect, where, busyTimeout);
      return dialect == Dialect.POSTGRESQL
          ? new LedgerStore(database, dates, connection) : new LedgerStore(database, dates);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN,
          "cannot open " + where + ": " + Credentials.masked(e.getMessage()), e);
    } catch (RuntimeException e) {
      closeQuietly(connection, e);
      throw e;
    }
  }

  /** The settings {@link #openSqlite(Path, Duration, DateLimits)} gives its connection. */
  private static void setUpSqlite(Connection connection, int timeoutMillis, String where)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
          throw new StoreException(
              StoreException.Kind.CANNOT_OPEN,
              where + " cannot use write-ahead logging (is it on a network drive?)",
              null);
        }
      }
      statement.execute("PRAGMA synchronous = FULL");
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA busy_timeout = " + timeoutMillis);
      statement.execute("PRAGMA cache_size = -32768");
    }
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
      connection = postgresqlDriver(where).connect(url, properties);
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

  /**
   * PostgreSQL's driver, which is an optional dependency of the library: an application that
   * opens PostgreSQL URLs adds {@code org.postgresql:postgresql} (docs/api.md). Named directly
   * rather than found through {@code DriverManager}, so that a shaded jar or a module path finds
   * it the same way.
   */
  private static java.sql.Driver postgresqlDriver(String where) {
    try {
      return new org.postgresql.Driver();
    } catch (NoClassDefFoundError absent) {
      throw new StoreException(
          StoreException.Kind.CANNOT_OPEN,
          "cannot open " + where + ": the PostgreSQL JDBC driver is missing; add the"
              + " dependency org.postgresql:postgresql to the application",
          absent);
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
