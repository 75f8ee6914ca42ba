package org.shgledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The Java step of the lean-journal migration ({@code V17__lean_journal.sql}): entry hashes stored
 * as 32 bytes, the reversal index partial and, on SQLite, the journal's tables without rowids. Runs
 * inside the migration's transaction, so a crash leaves the book as it was, to be migrated again.
 * Running it over a book it has already changed changes nothing, so winding a test book back by
 * its schema version alone is safe.
 */
final class LeanJournalMigration {

  /** The migration file this step belongs to; named, not numbered, so a renumbering keeps it. */
  static final String FILE = "V17__lean_journal.sql";

  private LeanJournalMigration() {}

  static void run(Connection connection, Dialect dialect) throws SQLException {
    refuseUnreadableHashes(connection, dialect);
    if (dialect == Dialect.SQLITE) {
      rebuildSqlite(connection);
    } else {
      alterPostgresql(connection);
    }
  }

  /**
   * A stored hash that is not 64 lowercase hex digits cannot be turned into bytes and back to the
   * same text, so the book would not verify the same after the migration: refuse it, naming it.
   */
  private static void refuseUnreadableHashes(Connection connection, Dialect dialect) throws SQLException {
    String notHex = dialect == Dialect.SQLITE
        ? "typeof(%1$s) = 'text' AND (length(%1$s) <> 64 OR %1$s GLOB '*[^0-9a-f]*')"
        : "%1$s::text !~ '^[0-9a-f]{64}$'";
    if (dialect == Dialect.POSTGRESQL && isBytea(connection)) {
      return;
    }
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT book_id, entry_seq FROM journal_entry WHERE " + String.format(notHex, "previous_hash")
                + " OR " + String.format(notHex, "entry_hash") + " ORDER BY book_id, entry_seq");
        ResultSet row = query.executeQuery()) {
      if (row.next()) {
        throw new StoreException(StoreException.Kind.UNREADABLE_ROW,
            "entry " + row.getLong(2) + " of book " + row.getString(1) + " has a stored hash that is not 64"
                + " lowercase hex digits, so the journal cannot be moved to the schema of this version;"
                + " run `shg verify` with the version that wrote it",
            null);
      }
    }
  }

  private static void rebuildSqlite(Connection connection) throws SQLException {
    // the new tables first, the posting's foreign key naming the new entry table: SQLite renames
    // that reference with the table (legacy_alter_table off), so the old tables can be dropped
    // inside the transaction without switching foreign keys off
    Dialect.execute(connection, "PRAGMA legacy_alter_table = OFF");
    Dialect.execute(connection, """
        CREATE TABLE journal_entry_v17 (
          book_id VARCHAR(32) NOT NULL REFERENCES book (book_id),
          entry_seq BIGINT NOT NULL,
          entry_id VARCHAR(80) NOT NULL,
          entry_date_epoch_day BIGINT NOT NULL,
          memo VARCHAR(500) NOT NULL,
          reverses_entry_id VARCHAR(80),
          source_reference VARCHAR(200),
          recorded_at VARCHAR(40) NOT NULL,
          previous_hash BLOB NOT NULL CHECK (length(previous_hash) = 32),
          entry_hash BLOB NOT NULL CHECK (length(entry_hash) = 32),
          entry_kind VARCHAR(32),
          member_id VARCHAR(32),
          loan_id VARCHAR(32),
          hash_version INTEGER NOT NULL DEFAULT 1,
          PRIMARY KEY (book_id, entry_seq),
          UNIQUE (book_id, entry_id)
        ) WITHOUT ROWID""");
    Dialect.execute(connection, """
        CREATE TABLE posting_v17 (
          book_id VARCHAR(32) NOT NULL,
          entry_seq BIGINT NOT NULL,
          line_no INTEGER NOT NULL,
          account_code VARCHAR(48) NOT NULL,
          side CHAR(1) NOT NULL CHECK (side IN ('D', 'C')),
          amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
          currency CHAR(3) NOT NULL,
          entry_date_epoch_day BIGINT NOT NULL,
          PRIMARY KEY (book_id, entry_seq, line_no),
          FOREIGN KEY (book_id, entry_seq) REFERENCES journal_entry_v17 (book_id, entry_seq),
          FOREIGN KEY (book_id, account_code) REFERENCES account (book_id, account_code)
        ) WITHOUT ROWID""");
    String hashBytes = "CASE WHEN typeof(%1$s) = 'blob' THEN %1$s ELSE unhex(%1$s) END";
    Dialect.execute(connection, "INSERT INTO journal_entry_v17 (book_id, entry_seq, entry_id,"
        + " entry_date_epoch_day, memo, reverses_entry_id, source_reference, recorded_at, previous_hash,"
        + " entry_hash, entry_kind, member_id, loan_id, hash_version)"
        + " SELECT book_id, entry_seq, entry_id, entry_date_epoch_day, memo, reverses_entry_id,"
        + " source_reference, recorded_at, " + String.format(hashBytes, "previous_hash") + ", "
        + String.format(hashBytes, "entry_hash") + ", entry_kind, member_id, loan_id, hash_version"
        + " FROM journal_entry ORDER BY book_id, entry_seq");
    Dialect.execute(connection, "INSERT INTO posting_v17 (book_id, entry_seq, line_no, account_code, side,"
        + " amount_minor, currency, entry_date_epoch_day) SELECT book_id, entry_seq, line_no, account_code,"
        + " side, amount_minor, currency, entry_date_epoch_day FROM posting ORDER BY book_id, entry_seq, line_no");
    Dialect.execute(connection, "DROP TABLE posting");
    Dialect.execute(connection, "DROP TABLE journal_entry");
    Dialect.execute(connection, "ALTER TABLE journal_entry_v17 RENAME TO journal_entry");
    Dialect.execute(connection, "ALTER TABLE posting_v17 RENAME TO posting");
    Dialect.execute(connection, "CREATE INDEX posting_by_account_date"
        + " ON posting (book_id, account_code, entry_date_epoch_day, side, amount_minor)");
    createReversalIndex(connection);
  }

  private static void alterPostgresql(Connection connection) throws SQLException {
    if (!isBytea(connection)) {
      Dialect.execute(connection, "ALTER TABLE journal_entry"
          + " ALTER COLUMN previous_hash TYPE BYTEA USING decode(previous_hash, 'hex'),"
          + " ALTER COLUMN entry_hash TYPE BYTEA USING decode(entry_hash, 'hex'),"
          + " ADD CONSTRAINT journal_entry_hashes_are_32_bytes"
          + " CHECK (octet_length(previous_hash) = 32 AND octet_length(entry_hash) = 32)");
    }
    String reversalConstraint = null;
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'journal_entry'::regclass AND contype = 'u'"
                + " AND pg_get_constraintdef(oid) LIKE '%reverses_entry_id%'");
        ResultSet row = query.executeQuery()) {
      if (row.next()) {
        reversalConstraint = row.getString(1);
      }
    }
    if (reversalConstraint != null) {
      Dialect.execute(connection, "ALTER TABLE journal_entry DROP CONSTRAINT \"" + reversalConstraint + "\"");
    }
    createReversalIndex(connection);
  }

  /**
   * Nothing is reversed twice, enforced by the database as well as by the rules: unique among the
   * reversals only, so the index holds a row per reversal, not one per entry.
   */
  private static void createReversalIndex(Connection connection) throws SQLException {
    Dialect.execute(connection, "CREATE UNIQUE INDEX IF NOT EXISTS journal_entry_reversal"
        + " ON journal_entry (book_id, reverses_entry_id) WHERE reverses_entry_id IS NOT NULL");
  }

  private static boolean isBytea(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = 'journal_entry' AND column_name = 'entry_hash'");
        ResultSet row = query.executeQuery()) {
      return row.next() && row.getString(1).equalsIgnoreCase("bytea");
    }
  }
}
