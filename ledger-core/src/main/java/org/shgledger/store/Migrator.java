package org.shgledger.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database's schema up to this version's, one numbered migration at a time.
 *
 * <p>The table {@code schema_version} holds one row per applied migration. Migrations are SQL
 * files beside this class, in {@code migrations/}, listed in {@link #MIGRATIONS} in order; each
 * runs in its own transaction together with the row that records it, so a crash leaves the
 * schema at one version or the next, never between. A database whose version is higher than
 * the last migration known here was written by a newer version and is refused, since this
 * version cannot know what the newer tables mean.
 *
 * <p>To change the schema, add a file {@code V<n>__<what>.sql} of portable SQL (statements end
 * with {@code ;} at the end of a line, comments start with {@code --}) and append it to {@link
 * #MIGRATIONS}; never edit a released one.
 */
final class Migrator {

  /** The migrations in order; the n-th (from 1) brings the schema to version n. */
  static final List<String> MIGRATIONS =
      List.of("V1__journal.sql", "V2__groups.sql", "V3__units.sql", "V4__programme.sql", "V5__entry_kind.sql",
          "V6__chart_accounts.sql", "V7__registry_chain.sql",
          "V8__welfare_fund.sql", "V9__loan_terms.sql", "V10__bank_loans.sql", "V11__programme_whole.sql",
          "V12__livelihoods_outreach.sql", "V13__users.sql",
          "V14__month_balances.sql", "V15__sessions.sql", "V16__sync.sql",
          // issue 19 goal 2: V17__lean_journal.sql, whose work is a Java step
          LeanJournalMigration.FILE,
          // issue 19 goal 1: the statement's figures per month, filled by a Java step
          StatementMonthRows.FILE);

  /** Serialises migrators of one PostgreSQL database; any constant works, this one reads "shg". */
  private static final long POSTGRESQL_MIGRATION_LOCK = 0x736867L;

  private Migrator() {}

  /**
   * The schema version this code writes.
   *
   * @return the number of the last migration
   */
  static int latestVersion() {
    return MIGRATIONS.size();
  }

  /**
   * Applies every migration the database lacks.
   *
   * @param connection an open connection, in the dialect's normal transaction mode
   * @param dialect the database's dialect
   * @param where the database, for messages
   * @throws StoreException {@link StoreException.Kind#SCHEMA_TOO_NEW} for a database written by
   *     a newer version
   * @throws SQLException if the database fails
   */
  static void migrate(Connection connection, Dialect dialect, String where) throws SQLException {
    if (dialect == Dialect.SQLITE && isCurrent(connection, where)) {
      // a reader opening a current file takes no write lock, so it never waits for an import
      return;
    }
    while (true) {
      dialect.beginWrite(connection);
      try {
        if (dialect == Dialect.POSTGRESQL) {
          // two processes opening a new database at once must not both create the tables
          Dialect.execute(connection, "SELECT pg_advisory_xact_lock(" + POSTGRESQL_MIGRATION_LOCK + ")");
        }
        Dialect.execute(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
        int current = currentVersion(connection);
        if (current > latestVersion()) {
          throw new StoreException(
              StoreException.Kind.SCHEMA_TOO_NEW,
              where + " was written by a newer version of shg-ledger (schema version " + current
                  + "; this version knows up to " + latestVersion()
                  + "): open it with that version or a later one",
              null);
        }
        if (current == latestVersion()) {
          dialect.commit(connection);
          return;
        }
        int next = current + 1;
        String file = MIGRATIONS.get(next - 1);
        for (String statement : statements(file)) {
          Dialect.execute(connection, statement);
        }
        if (next == 5) {
          KindMigration.run(connection);
        }
        if (next == 14) {
          MonthBalances.backfill(connection);
        }
        if (file.equals(LeanJournalMigration.FILE)) {
          LeanJournalMigration.run(connection, dialect);
        }
        if (file.equals(StatementMonthRows.FILE)) {
          StatementMonthRows.backfill(connection);
        }
        if (next >= 7) {
          // version 7 chains every row there is; a later migration that inserts registry rows
          // (a chart account) records them in the chain here
          RegistryChain.chainUnrecorded(connection, next);
        }
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          insert.setInt(1, next);
          insert.setString(2, file);
          insert.setString(3, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
          insert.executeUpdate();
        }
        dialect.commit(connection);
      } catch (SQLException | RuntimeException e) {
        dialect.rollback(connection);
        throw e;
      }
    }
  }

  /**
   * Whether a SQLite file's schema is already current, read without the write lock (the connection
   * is in auto-commit mode: each statement reads a snapshot and holds nothing afterwards).
   *
   * @throws StoreException {@link StoreException.Kind#SCHEMA_TOO_NEW} for a file of a newer version
   */
  private static boolean isCurrent(Connection connection, String where) throws SQLException {
    try (PreparedStatement table = connection.prepareStatement(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
        ResultSet exists = table.executeQuery()) {
      if (!exists.next() || exists.getInt(1) == 0) {
        return false;
      }
    }
    int current = currentVersion(connection);
    if (current > latestVersion()) {
      throw new StoreException(StoreException.Kind.SCHEMA_TOO_NEW,
          where + " was written by a newer version of shg-ledger (schema version " + current
              + "; this version knows up to " + latestVersion() + "): open it with that version or a later one",
          null);
    }
    return current == latestVersion();
  }

  /**
   * The database's schema version.
   *
   * @param connection an open connection inside a transaction
   * @return the highest applied migration, 0 for a new database
   * @throws SQLException if the database fails
   */
  static int currentVersion(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT MAX(version) FROM schema_version");
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  /** The statements of a migration file, comments removed. */
  static List<String> statements(String file) {
    String text;
    try (InputStream in = Migrator.class.getResourceAsStream("migrations/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration " + file + " is missing from the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + file, e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      int comment = line.indexOf("--");
      withoutComments.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
