package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.journal.spi.JournalView;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;

/**
 * The rules' view of the database inside one transaction, with the entries this transaction has
 * recorded so far.
 *
 * <p>It lives for one transaction only, so what it caches cannot go stale: in SQLite the
 * transaction holds the file's write lock, in PostgreSQL the rows of its books. Within a batch,
 * and across the requests of one transaction (a write transaction's view is shared by every
 * request in it, {@link JdbcJournal}), it reads each thing once (a book, an account, an
 * account's balance per day, the last entry of a book) and from then on keeps it up to date as
 * entries are applied, which is what makes a batch of thousands of entries cost little more than
 * their inserts, and an import of thousands of single entries in one transaction likewise. A
 * write to the books' definitions (a book, an account, a closure, a lock date) calls {@link
 * #definitionsChanged}, which forgets them; nothing else writes to the journal's tables.
 */
final class SqlView implements JournalView {

  private record AccountKey(BookId book, AccountCode code) {}

  private record EntryKey(BookId book, EntryId id) {}

  /** An account with what the rules ask about it. */
  private record AccountRow(
      Account account, boolean open, boolean hasSubAccounts, boolean hasOpenSubAccounts) {}

  /** The last entry of a book: where the next one goes in the sequence and the chain. */
  private record Tip(long sequence, String hash) {}

  /**
   * An account's own postings summed per day, and over all days. Entries mostly arrive in date
   * order, so the days after an entry's date are few: the balance at its date is the total less
   * those, which keeps the limit check of each entry in a long import short.
   */
  private static final class DailyNets {
    /** Epoch day to the net (debit minus credit) of the account's own postings that day. */
    final NavigableMap<Long, Long> days = new TreeMap<>();
    long total;

    void add(long day, long net) {
      days.merge(day, net, Long::sum);
      total += net;
    }
  }

  private static final int PREFETCH_CHUNK = 200;

  /** Ids per look-up on PostgreSQL, one array parameter. */
  private static final int PREFETCH_ARRAY_CHUNK = 10_000;

  private final Statements sql;
  private final EntryWriter writer;
  private final Map<BookId, Optional<Book>> books = new HashMap<>();
  private final Map<BookId, Optional<LocalDate>> lockDates = new HashMap<>();
  private final Map<AccountKey, Optional<AccountRow>> accounts = new HashMap<>();
  private final Map<AccountKey, DailyNets> dailyNets = new HashMap<>();
  private final Map<BookId, Tip> tips = new HashMap<>();
  // these hold a request's entries and look-ups, until endRequest; then the database has them
  private final Map<EntryKey, JournalEntry> recordedHere = new HashMap<>();
  private final Set<EntryKey> reversedHere = new HashSet<>();
  /** Ids looked up and not found in the database. */
  private final Set<EntryKey> knownAbsent = new HashSet<>();
  /** Entries looked up and found in the database: committed, so they never change. */
  private final Map<EntryKey, JournalEntry> foundHere = new HashMap<>();

  private final Dialect dialect;

  SqlView(Statements sql, EntryWriter writer, Dialect dialect) {
    this.sql = sql;
    this.writer = writer;
    this.dialect = dialect;
  }

  /** The writer of the rows this view applies. */
  EntryWriter writer() {
    return writer;
  }

  /**
   * Ends a request: sends its queued rows to the database, which then holds its entries, and lets
   * go of them, so that a transaction of many requests does not keep every entry in memory. What
   * is kept is what later requests ask again: books, accounts, balances per day, chain tips.
   */
  void endRequest() throws SQLException {
    writer.flush();
    recordedHere.clear();
    reversedHere.clear();
    // an id found absent may have been recorded since
    knownAbsent.clear();
    foundHere.clear();
  }

  /**
   * Forgets the books, accounts and lock dates read so far: the request has just written a
   * book, an account, a closure or a lock date. Balances and chain tips do not change by such
   * writes and are kept.
   */
  void definitionsChanged() {
    books.clear();
    lockDates.clear();
    accounts.clear();
  }

  @Override
  public Optional<Book> book(BookId id) {
    return books.computeIfAbsent(id, this::loadBook);
  }

  @Override
  public Optional<LocalDate> lockDate(BookId book) {
    return lockDates.computeIfAbsent(book, this::loadLockDate);
  }

  @Override
  public Optional<Account> account(BookId book, AccountCode code) {
    return accountRow(book, code).map(AccountRow::account);
  }

  @Override
  public boolean isOpen(BookId book, AccountCode code) {
    return accountRow(book, code).map(AccountRow::open).orElse(false);
  }

  @Override
  public boolean hasSubAccounts(BookId book, AccountCode code) {
    return accountRow(book, code).map(AccountRow::hasSubAccounts).orElse(false);
  }

  @Override
  public boolean hasOpenSubAccounts(BookId book, AccountCode code) {
    return accountRow(book, code).map(AccountRow::hasOpenSubAccounts).orElse(false);
  }

  @Override
  public boolean hasPostings(BookId book, AccountCode code) {
    return !dailyNet(book, code).days.isEmpty();
  }

  @Override
  public Optional<JournalEntry> entry(BookId book, EntryId id) {
    EntryKey key = new EntryKey(book, id);
    JournalEntry here = recordedHere.get(key);
    if (here != null) {
      return Optional.of(here);
    }
    if (knownAbsent.contains(key)) {
      return Optional.empty();
    }
    JournalEntry found = foundHere.get(key);
    if (found != null) {
      return Optional.of(found);
    }
    Optional<JournalEntry> stored = query(() -> Rows.entryWhere(sql, book, "entry_id", id));
    // asked again in this request (a caller's repeat check, then the rules'): answered from here
    if (stored.isPresent()) {
      foundHere.put(key, stored.get());
    } else {
      knownAbsent.add(key);
    }
    return stored;
  }

  @Override
  public boolean isReversed(BookId book, EntryId original) {
    if (reversedHere.contains(new EntryKey(book, original))) {
      return true;
    }
    return query(() -> {
      PreparedStatement statement =
          sql.prepare("SELECT 1 FROM journal_entry WHERE book_id = ? AND reverses_entry_id = ?");
      statement.setString(1, book.value());
      statement.setString(2, original.value());
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    });
  }

  @Override
  public NetRange netRangeFrom(BookId book, AccountCode code, LocalDate from) {
    DailyNets daily = dailyNet(book, code);
    NavigableMap<Long, Long> later = daily.days.tailMap(from.toEpochDay(), false);
    long running = daily.total;
    for (long net : later.values()) {
      running -= net;
    }
    // running is now the balance at the end of the day "from"
    long lowest = running;
    long highest = running;
    for (long net : later.values()) {
      running += net;
      lowest = Math.min(lowest, running);
      highest = Math.max(highest, running);
    }
    return new NetRange(lowest, highest);
  }

  @Override
  public long netMinor(BookId book, AccountCode code) {
    return dailyNet(book, code).total;
  }

  /**
   * Looks up in a few queries which of many entry ids a book already holds, so that checking a
   * batch for repeats costs one query per {@value #PREFETCH_CHUNK} entries, not one per entry.
   *
   * @param book the book
   * @param ids the ids about to be recorded in it
   */
  void prefetchIds(BookId book, Collection<EntryId> ids) {
    if (tip(book).sequence() == 0) {
      // a book with no entries holds none of them: a first import of a whole statement (a
      // hundred thousand lines) asks nothing (500 queries before); the ids this transaction
      // records are found in recordedHere as before
      for (EntryId id : ids) {
        knownAbsent.add(new EntryKey(book, id));
      }
      return;
    }
    List<EntryId> all = new ArrayList<>(new HashSet<>(ids));
    query(() -> {
      if (dialect == Dialect.POSTGRESQL) {
        lookUpByArray(book, all);
        return null;
      }
      String placeholders = "?" + ", ?".repeat(PREFETCH_CHUNK - 1);
      PreparedStatement statement =
          sql.prepare("SELECT entry_id FROM journal_entry WHERE book_id = ? AND entry_id IN ("
              + placeholders + ")");
      for (int start = 0; start < all.size(); start += PREFETCH_CHUNK) {
        List<EntryId> chunk = all.subList(start, Math.min(all.size(), start + PREFETCH_CHUNK));
        statement.setString(1, book.value());
        for (int i = 0; i < PREFETCH_CHUNK; i++) {
          // a short last chunk repeats its last id, which changes nothing
          statement.setString(2 + i, chunk.get(Math.min(i, chunk.size() - 1)).value());
        }
        markAbsent(book, chunk, statement);
      }
      return null;
    });
  }

  /**
   * PostgreSQL: the ids {@value #PREFETCH_ARRAY_CHUNK} at a time as one array, each query in a
   * statement of its own. The cached statement of the IN list was planned as a sequential scan of
   * a table the planner took for empty while the open transaction wrote hundreds of thousands of
   * rows (0.35 s a look-up on a million-entry book); a statement prepared on the server keeps its
   * generic plan. A new statement is planned with the table's current size, which finds the ids
   * by the (book_id, entry_id) unique index (docs/performance.md, issue 19 goal 2).
   */
  private void lookUpByArray(BookId book, List<EntryId> all) throws SQLException {
    for (int start = 0; start < all.size(); start += PREFETCH_ARRAY_CHUNK) {
      List<EntryId> chunk = all.subList(start, Math.min(all.size(), start + PREFETCH_ARRAY_CHUNK));
      try (PreparedStatement statement = sql.prepareUncached(
          "SELECT entry_id FROM journal_entry WHERE book_id = ? AND entry_id = ANY (?)")) {
        statement.setString(1, book.value());
        statement.setArray(2, statement.getConnection().createArrayOf("varchar",
            chunk.stream().map(EntryId::value).toArray(String[]::new)));
        markAbsent(book, chunk, statement);
      }
    }
  }

  private void markAbsent(BookId book, List<EntryId> chunk, PreparedStatement statement) throws SQLException {
    Set<String> present = new HashSet<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        present.add(rows.getString(1));
      }
    }
    for (EntryId id : chunk) {
      if (!present.contains(id.value())) {
        knownAbsent.add(new EntryKey(book, id));
      }
    }
  }

  /**
   * Records an entry that the rules have accepted: queues its rows, and updates what this view
   * caches as the database will be once they are written.
   *
   * @param entry the accepted entry
   * @param recordedAt the instant of the transaction, as stored
   */
  void apply(JournalEntry entry, String recordedAt) throws SQLException {
    checkStorable(entry);
    BookId book = entry.book();
    Tip tip = tip(book);
    List<StoredPosting> postings = new ArrayList<>(entry.postings().size());
    for (Posting posting : entry.postings()) {
      postings.add(new StoredPosting(
          posting.account().value(),
          posting.side() == Side.DEBIT ? 'D' : 'C',
          posting.amount().getAmountMinorLong(),
          posting.amount().getCurrencyUnit().getCode()));
    }
    StoredEntry stored = new StoredEntry(
        tip.hash(),
        book.value(),
        tip.sequence() + 1,
        entry.id().value(),
        entry.date().toString(),
        entry.memo(),
        entry.reverses().map(EntryId::value),
        entry.sourceReference(),
        recordedAt,
        postings,
        EntryHashes.CURRENT_VERSION,
        entry.kind().name(),
        entry.member(),
        entry.loan());
    String hash = EntryHashes.hash(stored);
    writer.add(stored, entry.date().toEpochDay(), hash);

    tips.put(book, new Tip(stored.sequence(), hash));
    recordedHere.put(new EntryKey(book, entry.id()), entry);
    entry.reverses().ifPresent(original -> reversedHere.add(new EntryKey(book, original)));
    for (Posting posting : entry.postings()) {
      DailyNets daily = dailyNets.get(new AccountKey(book, posting.account()));
      if (daily != null) {
        // an account not loaded yet is read after the writer flushes, rows and all
        daily.add(entry.date().toEpochDay(), posting.signedMinor());
      }
    }
  }

  private Optional<AccountRow> accountRow(BookId book, AccountCode code) {
    return accounts.computeIfAbsent(new AccountKey(book, code), this::loadAccount);
  }

  private DailyNets dailyNet(BookId book, AccountCode code) {
    return dailyNets.computeIfAbsent(new AccountKey(book, code), this::loadDailyNet);
  }

  private Tip tip(BookId book) {
    return tips.computeIfAbsent(book, this::loadTip);
  }

  private Optional<Book> loadBook(BookId id) {
    return query(() -> {
      PreparedStatement statement =
          sql.prepare("SELECT name, currency FROM book WHERE book_id = ?");
      statement.setString(1, id.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(new Book(id, row.getString(1), CurrencyUnit.of(row.getString(2))));
        } catch (RuntimeException e) {
          throw RegistryRows.unreadable(id, "book", "book_id=" + id, e);
        }
      }
    });
  }

  private Optional<LocalDate> loadLockDate(BookId book) {
    return query(() -> {
      PreparedStatement statement =
          sql.prepare("SELECT MAX(lock_date_epoch_day) FROM book_lock WHERE book_id = ?");
      statement.setString(1, book.value());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        long day = row.getLong(1);
        try {
          return row.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
        } catch (java.time.DateTimeException e) {
          throw RegistryRows.unreadable(book, "book_lock", "lock_date_epoch_day=" + day, e);
        }
      }
    });
  }

  private Optional<AccountRow> loadAccount(AccountKey key) {
    return query(() -> {
      PreparedStatement statement =
          sql.prepare(
              "SELECT " + Rows.ACCOUNT_COLUMNS + ","
                  + " EXISTS (SELECT 1 FROM account_closure c WHERE c.book_id = a.book_id"
                  + "   AND c.account_code = a.account_code),"
                  + " EXISTS (SELECT 1 FROM account s WHERE s.book_id = a.book_id"
                  + "   AND s.control_code = a.account_code),"
                  + " EXISTS (SELECT 1 FROM account s WHERE s.book_id = a.book_id"
                  + "   AND s.control_code = a.account_code AND NOT EXISTS (SELECT 1 FROM"
                  + "   account_closure c WHERE c.book_id = s.book_id"
                  + "   AND c.account_code = s.account_code))"
                  + " FROM account a WHERE a.book_id = ? AND a.account_code = ?");
      statement.setString(1, key.book().value());
      statement.setString(2, key.code().value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new AccountRow(
            Rows.account(key.book(), row), !row.getBoolean(7), row.getBoolean(8), row.getBoolean(9)));
      }
    });
  }

  private DailyNets loadDailyNet(AccountKey key) {
    return query(() -> {
      PreparedStatement statement =
          sql.prepare(
              "SELECT entry_date_epoch_day,"
                  + " SUM(CASE WHEN side = 'D' THEN amount_minor ELSE -amount_minor END)"
                  + " FROM posting WHERE book_id = ? AND account_code = ?"
                  + " GROUP BY entry_date_epoch_day");
      statement.setString(1, key.book().value());
      statement.setString(2, key.code().value());
      DailyNets daily = new DailyNets();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          daily.add(rows.getLong(1), rows.getLong(2));
        }
      }
      return daily;
    });
  }

  private Tip loadTip(BookId book) {
    return query(() -> {
      PreparedStatement statement =
          sql.prepare(
              "SELECT entry_seq, entry_hash FROM journal_entry WHERE book_id = ?"
                  + " ORDER BY entry_seq DESC LIMIT 1");
      statement.setString(1, book.value());
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? new Tip(row.getLong(1), EntryHashes.fromStored(row.getBytes(2)))
            : new Tip(0, EntryHashes.GENESIS);
      }
    });
  }

  /** A query, after the writer has sent every queued row, so the database sees them. */
  private <T> T query(SqlWork<T> work) {
    try {
      writer.flush();
      return work.run();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** Refuses text the databases would change or reject, before anything is written. */
  static void checkStorable(JournalEntry entry) {
    checkStorable("memo of entry " + entry.id(), entry.memo());
    entry.sourceReference()
        .ifPresent(reference -> checkStorable("source reference of entry " + entry.id(), reference));
  }

  static void checkStorable(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean broken;
      if (Character.isHighSurrogate(c)) {
        broken = i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        if (!broken) {
          i++; // the pair's low half
        }
      } else {
        broken = c == '\0' || Character.isLowSurrogate(c);
      }
      if (broken) {
        throw new StoreException(
            StoreException.Kind.UNSTORABLE_TEXT,
            "the " + what + " holds a character that cannot be stored (a NUL or half a"
                + " surrogate pair) at position " + (i + 1) + "; nothing was recorded",
            null);
      }
    }
  }

  /** A piece of work that may fail with a {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run() throws SQLException;
  }
}
