package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;

/**
 * Inserts entries and their postings with JDBC batches, the fast path for importing thousands of
 * entries in one transaction, and adds their amounts to the month-end balances ({@link
 * MonthBalances}) and their figures to the statement's month rows ({@link StatementMonthRows}) in
 * the same transaction. Rows wait in the driver until {@link #flush()}, which
 * the view calls before any query so that reads always see every entry applied so far.
 */
final class EntryWriter {

  static final String INSERT_ENTRY =
      "INSERT INTO journal_entry (book_id, entry_seq, entry_id, entry_date_epoch_day, memo,"
          + " reverses_entry_id, source_reference, recorded_at, previous_hash, entry_hash,"
          + " entry_kind, member_id, loan_id, hash_version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + EntryHashes.CURRENT_VERSION + ")";

  static final String INSERT_POSTING =
      "INSERT INTO posting (book_id, entry_seq, line_no, account_code, side, amount_minor,"
          + " currency, entry_date_epoch_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  /** Entries held in the driver before they are sent: bounds memory in a large batch. */
  private static final int FLUSH_EVERY_ENTRIES = 2_000;

  private final Statements sql;
  private int pendingEntries;
  /** The queued postings summed per account and month, added to the stored rows at the flush. */
  private final Map<MonthBalances.Key, long[]> pendingMonths = new HashMap<>();
  /** The queued entries' statement figures, added to the stored rows at the flush. */
  private final StatementMonthRows pendingFigures;

  EntryWriter(Statements sql) {
    this.sql = sql;
    this.pendingFigures = new StatementMonthRows(sql, true);
  }

  /**
   * Queues one entry's rows.
   *
   * @param entry the entry as it will be stored, hash included
   * @param dateEpochDay its date
   * @param hash its hash
   */
  void add(StoredEntry entry, long dateEpochDay, String hash) throws SQLException {
    if (entry.reverses().isPresent() && !pendingFigures.knowsRoot(entry.bookId(), entry.reverses().get())) {
      // the statement's figures of a reversal depend on the entry it reverses, which may be queued
      // here still: the database must hold it before it is looked up (reversals are few)
      flush();
    }
    pendingFigures.add(entry.bookId(), entry.entryId(), entry.kind(), entry.reverses(), dateEpochDay,
        entry.postings());
    PreparedStatement insertEntry = sql.prepare(INSERT_ENTRY);
    insertEntry.setString(1, entry.bookId());
    insertEntry.setLong(2, entry.sequence());
    insertEntry.setString(3, entry.entryId());
    insertEntry.setLong(4, dateEpochDay);
    insertEntry.setString(5, entry.memo());
    insertEntry.setString(6, entry.reverses().orElse(null));
    insertEntry.setString(7, entry.sourceReference().orElse(null));
    insertEntry.setString(8, entry.recordedAt());
    // stored as 32 bytes each, not 64 hex digits (docs/store.md, the row layout)
    insertEntry.setBytes(9, EntryHashes.stored(entry.previousHash()));
    insertEntry.setBytes(10, EntryHashes.stored(hash));
    insertEntry.setString(11, entry.kind());
    insertEntry.setString(12, entry.member().orElse(null));
    insertEntry.setString(13, entry.loan().orElse(null));
    insertEntry.addBatch();
    PreparedStatement insertPosting = sql.prepare(INSERT_POSTING);
    int line = 1;
    long month = MonthBalances.month(dateEpochDay);
    for (StoredPosting posting : entry.postings()) {
      MonthBalances.add(pendingMonths, new MonthBalances.Key(entry.bookId(), posting.accountCode(), month),
          posting.side() == 'D', posting.amountMinor());
      insertPosting.setString(1, entry.bookId());
      insertPosting.setLong(2, entry.sequence());
      insertPosting.setInt(3, line++);
      insertPosting.setString(4, posting.accountCode());
      insertPosting.setString(5, String.valueOf(posting.side()));
      insertPosting.setLong(6, posting.amountMinor());
      insertPosting.setString(7, posting.currency());
      insertPosting.setLong(8, dateEpochDay);
      insertPosting.addBatch();
    }
    if (++pendingEntries >= FLUSH_EVERY_ENTRIES) {
      flush();
    }
  }

  /**
   * Sends every queued row to the database, entries before their postings, then the postings'
   * sums per account and month, added to the month-end balances (one upsert per account and
   * month, however many postings), then the entries' statement figures per month and category
   * (one upsert per row, in one batch, when the entries count in the statement at all).
   */
  void flush() throws SQLException {
    if (pendingEntries == 0) {
      return;
    }
    pendingEntries = 0;
    sql.prepare(INSERT_ENTRY).executeBatch();
    sql.prepare(INSERT_POSTING).executeBatch();
    PreparedStatement addMonths = sql.prepare(MonthBalances.ADD);
    MonthBalances.queue(addMonths, pendingMonths);
    pendingMonths.clear();
    addMonths.executeBatch();
    PreparedStatement addFigures = sql.prepare(StatementMonthRows.ADD);
    if (pendingFigures.queue(addFigures)) {
      addFigures.executeBatch();
    }
  }

  /** Forgets queued rows, after a failure. */
  void discard() throws SQLException {
    if (pendingEntries > 0) {
      pendingEntries = 0;
      sql.prepare(INSERT_ENTRY).clearBatch();
      sql.prepare(INSERT_POSTING).clearBatch();
    }
    if (!pendingMonths.isEmpty()) {
      pendingMonths.clear();
    }
    pendingFigures.discard();
    // a flush that failed at the month rows may have left them queued in the driver
    sql.prepare(MonthBalances.ADD).clearBatch();
    sql.prepare(StatementMonthRows.ADD).clearBatch();
  }
}
