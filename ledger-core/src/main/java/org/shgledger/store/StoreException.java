package org.shgledger.store;

import java.util.Objects;
import org.shgledger.LedgerException;

/**
 * The durable store could not do what was asked: the database was busy, was written by a newer
 * version, could not be opened, or failed. Nothing was recorded by the request that raised it.
 *
 * <p>Rule violations are still {@link org.shgledger.journal.JournalException}s, exactly as from
 * the in-memory journal; this type is only for what the store itself adds.
 */
public final class StoreException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is, for programs that react differently to each. */
  public enum Kind {
    /**
     * Another process or connection held the database (SQLite) or the book (PostgreSQL) for
     * longer than the busy timeout. Nothing was recorded; trying again later is safe.
     */
    BUSY,
    /** The database was written by a newer version of shg-ledger; upgrade to open it. */
    SCHEMA_TOO_NEW,
    /** The database could not be opened: no such directory, not a database, refused login. */
    CANNOT_OPEN,
    /**
     * A text (a memo, a name) holds a character that the databases cannot store faithfully: the
     * NUL character or half of a UTF-16 surrogate pair.
     */
    UNSTORABLE_TEXT,
    /**
     * A value that the store could not read back equal to itself from the columns it would be
     * written to: loan terms that cannot be rebuilt exactly (see {@link JdbcGroupRegistry}).
     */
    UNSTORABLE_VALUE,
    /**
     * A stored row holds a value this version cannot read (a rate that is no number, a date out
     * of range, an unknown name): the database was changed outside shg-ledger. Nothing was
     * recorded; {@code shg verify} names the row that changed.
     */
    UNREADABLE_ROW,
    /** Any other database failure: a full disk, a lost connection, a corrupt file. */
    FAILED
  }

  /** What kind of failure this is. */
  private final Kind kind;

  /**
   * Creates the exception.
   *
   * @param kind the kind of failure, not null
   * @param message what went wrong and where, for people, not null
   * @param cause the underlying failure, may be null
   */
  public StoreException(Kind kind, String message, Throwable cause) {
    // a message may quote a database URL, ours or the driver's: its password never goes further
    super(Credentials.masked(Objects.requireNonNull(message, "message")), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * The kind of failure.
   *
   * @return the kind, not null
   */
  public Kind kind() {
    return kind;
  }
}
