package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;

/**
 * A group's books in a logical form, to copy them to another database that then verifies with the
 * same chain heads (issue 17, {@code shg sync clone}; docs/sync.md): the registry's events, each
 * with the row it records as the registry chain hashes it (its non-NULL columns by name, values as
 * text), and the journal's entries with everything their hash covers. Neither is a table's raw
 * row: a column the journal's row gains or loses later does not change this form, and what is
 * written back is checked against its hash before it is kept.
 *
 * <p>Copied: the book's chained registry rows (book, accounts, closures, locks, group, members,
 * terms, meetings, loans, loan events, bank loans, livelihoods) and every entry with its
 * postings; the month-end balances and the statement's month rows follow from the entries, which
 * go through the store's own writer. Not copied: what is under no chain
 * and no book's money (units, the programme's unchained registers, users).
 */
public final class BookCopy {

  private BookCopy() {}

  /**
   * One posting of a copied entry.
   *
   * @param account the account code, such as {@code 2000:M01}
   * @param side {@code D} or {@code C}
   * @param amountMinor the amount in minor units, above zero
   * @param currency the currency code
   */
  public record Posting(String account, char side, long amountMinor, String currency) {}

  /**
   * One copied entry: everything its hash covers, and the hash.
   *
   * @param sequence its number in the book, from 1
   * @param id its entry id
   * @param date its date, ISO-8601
   * @param memo its memo
   * @param reverses the entry it reverses, or null
   * @param sourceReference where it came from, or null
   * @param recordedAt the instant it was recorded, as stored
   * @param kind its kind's name
   * @param member the member it concerns, or null
   * @param loan the loan it concerns, or null
   * @param hashVersion the recipe of its hash (1 or 2)
   * @param hash its hash as the source stored it
   * @param postings its postings in line order
   */
  public record Entry(long sequence, String id, String date, String memo, String reverses, String sourceReference,
      String recordedAt, String kind, String member, String loan, int hashVersion, String hash,
      List<Posting> postings) {}

  /**
   * One registry event and the row it records.
   *
   * @param sequence its number in the book, from 1
   * @param table the row's table, such as {@code member_loan}
   * @param key the row's key, such as {@code loan_id=L1, version=1}
   * @param recordedAt the instant it was recorded, as stored
   * @param columns the row's non-NULL columns by name, values as text
   * @param hash the event's hash as the source stored it
   */
  public record RegistryEvent(long sequence, String table, String key, String recordedAt,
      SortedMap<String, String> columns, String hash) {}

  /**
   * A book's copy.
   *
   * @param book the book's id
   * @param registry its registry events in order
   * @param entries its entries in order
   */
  public record Book(BookId book, List<RegistryEvent> registry, List<Entry> entries) {

    /**
     * The journal's head: the last entry's hash, or 64 zeros for none.
     *
     * @return the head, not null
     */
    public String journalHead() {
      return entries.isEmpty() ? EntryHashes.GENESIS : entries.get(entries.size() - 1).hash();
    }

    /**
     * The registry's head: the last event's hash, or 64 zeros for none.
     *
     * @return the head, not null
     */
    public String registryHead() {
      return registry.isEmpty() ? RegistryChain.GENESIS : registry.get(registry.size() - 1).hash();
    }
  }

  /**
   * Reads a book's copy, in one snapshot of the database.
   *
   * @param store the books to read, not null
   * @param book the book, not null
   * @return the copy, not null
   * @throws JournalException {@code BOOK_NOT_FOUND} if there is no such book
   * @throws StoreException if the database fails
   */
  public static Book read(LedgerStore store, BookId book) {
    Objects.requireNonNull(book, "book");
    Database database = store.database();
    return database.read(true, () -> {
      PreparedStatement exists = database.prepare("SELECT 1 FROM book WHERE book_id = ?");
      exists.setString(1, book.value());
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          throw new JournalException(Rejection.BOOK_NOT_FOUND, "there is no book " + book);
        }
      }
      return new Book(book, registry(database, book), entries(database, book));
    });
  }

  private static List<RegistryEvent> registry(Database sql, BookId book) throws SQLException {
    Map<String, RegistryChain.Row> rows = new HashMap<>();
    for (RegistryChain.Table table : RegistryChain.Table.values()) {
      for (RegistryChain.Row row : RegistryChain.storedRows(sql, book.value(), table)) {
        rows.put(table.sqlName() + "\n" + row.key(), row);
      }
    }
    PreparedStatement events = sql.prepare("SELECT event_seq, table_name, row_key, recorded_at, event_hash"
        + " FROM registry_event WHERE book_id = ? ORDER BY event_seq");
    events.setString(1, book.value());
    List<RegistryEvent> copied = new ArrayList<>();
    try (ResultSet event = events.executeQuery()) {
      while (event.next()) {
        RegistryChain.Row row = rows.get(event.getString(2) + "\n" + event.getString(3));
        if (row == null) {
          throw new StoreException(StoreException.Kind.FAILED, "book " + book + ": registry event "
              + event.getLong(1) + " names a row that is not there; run shg verify", null);
        }
        copied.add(new RegistryEvent(event.getLong(1), event.getString(2), event.getString(3), event.getString(4),
            new TreeMap<>(row.columns()), event.getString(5)));
      }
    }
    return copied;
  }

  private static List<Entry> entries(Database sql, BookId book) throws SQLException {
    PreparedStatement postings = sql.prepare("SELECT entry_seq, account_code, side, amount_minor, currency"
        + " FROM posting WHERE book_id = ? ORDER BY entry_seq, line_no");
    postings.setString(1, book.value());
    Map<Long, List<Posting>> lines = new HashMap<>();
    try (ResultSet row = postings.executeQuery()) {
      while (row.next()) {
        lines.computeIfAbsent(row.getLong(1), seq -> new ArrayList<>())
            .add(new Posting(row.getString(2), row.getString(3).charAt(0), row.getLong(4), row.getString(5)));
      }
    }
    PreparedStatement entries = sql.prepare("SELECT entry_seq, entry_id, entry_date_epoch_day, memo,"
        + " reverses_entry_id, source_reference, recorded_at, entry_kind, member_id, loan_id, hash_version,"
        + " entry_hash FROM journal_entry WHERE book_id = ? ORDER BY entry_seq");
    entries.setString(1, book.value());
    List<Entry> copied = new ArrayList<>();
    try (ResultSet row = entries.executeQuery()) {
      while (row.next()) {
        long seq = row.getLong(1);
        copied.add(new Entry(seq, row.getString(2), LocalDate.ofEpochDay(row.getLong(3)).toString(),
            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
            row.getString(9), row.getString(10), row.getInt(11), EntryHashes.fromStored(row.getBytes(12)),
            List.copyOf(lines.getOrDefault(seq, List.of()))));
      }
    }
    return copied;
  }

  /**
   * Writes a book's copy into a database that does not hold that book yet, in one transaction:
   * each registry event's row and the event, then each entry with its postings and the month-end
   * balances they add. Each hash is recomputed from what is written and must equal the copy's, so
   * a copy damaged on the way is refused and nothing is kept.
   *
   * @param store the database to write to, not null
   * @param copy the copy, not null
   * @throws StoreException {@code FAILED} naming the first event or entry whose hash does not
   *     match, or if the database fails
   * @throws JournalException {@code BOOK_EXISTS} if the book is there already
   */
  public static void write(LedgerStore store, Book copy) {
    Database database = store.database();
    String book = copy.book().value();
    database.write(List.of(copy.book()), () -> {
      PreparedStatement exists = database.prepare("SELECT 1 FROM book WHERE book_id = ?");
      exists.setString(1, book);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          throw new JournalException(Rejection.BOOK_EXISTS, "book " + book + " is already in " + store.location());
        }
      }
      writeRegistry(database, book, copy.registry());
      writeEntries(database, book, copy.entries());
      return null;
    });
  }

  private static void writeRegistry(Database sql, String book, List<RegistryEvent> events) throws SQLException {
    String previous = RegistryChain.GENESIS;
    PreparedStatement insertEvent = sql.prepare(
        "INSERT INTO registry_event (book_id, event_seq, table_name, row_key, recorded_at, previous_hash,"
            + " event_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    long expected = 1;
    for (RegistryEvent event : events) {
      RegistryChain.Table table = RegistryChain.Table.named(event.table());
      if (table == null || event.sequence() != expected++ || !book.equals(event.columns().get("book_id"))) {
        throw damaged(book, "registry event " + event.sequence() + " (" + event.table() + ")");
      }
      for (String column : event.columns().keySet()) {
        if (!column.matches("[a-z_0-9]{1,64}")) {
          throw damaged(book, "registry event " + event.sequence() + " (column " + column + ")");
        }
      }
      RegistryChain.Row row = new RegistryChain.Row(table, event.key(), event.columns());
      String hash = RegistryChain.hash(previous, book, event.sequence(), row, event.recordedAt());
      if (!hash.equals(event.hash())) {
        throw damaged(book, "registry event " + event.sequence());
      }
      // values go in as text: SQLite's column affinity stores each as its column's type, and the
      // chain reads them back as the same text (checked by verify on the copy)
      String columns = String.join(", ", event.columns().keySet());
      String marks = event.columns().keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
      PreparedStatement insertRow = sql.prepare("INSERT INTO " + table.sqlName() + " (" + columns + ") VALUES ("
          + marks + ")");
      int i = 1;
      for (String value : event.columns().values()) {
        insertRow.setString(i++, value);
      }
      insertRow.executeUpdate();
      insertEvent.setString(1, book);
      insertEvent.setLong(2, event.sequence());
      insertEvent.setString(3, event.table());
      insertEvent.setString(4, event.key());
      insertEvent.setString(5, event.recordedAt());
      insertEvent.setString(6, previous);
      insertEvent.setString(7, hash);
      insertEvent.executeUpdate();
      previous = hash;
    }
  }

  private static void writeEntries(Database sql, String book, List<Entry> entries) throws SQLException {
    EntryWriter writer = new EntryWriter(sql);
    String previous = EntryHashes.GENESIS;
    long expected = 1;
    for (Entry entry : entries) {
      if (entry.sequence() != expected++ || entry.hashVersion() != EntryHashes.CURRENT_VERSION) {
        // a version 1 entry predates schema version 5: its copy would need its stored kind, which
        // its hash does not cover; such books are refused rather than copied half-checked
        throw damaged(book, "entry " + entry.sequence() + " (hash version " + entry.hashVersion() + ")");
      }
      StoredEntry stored = new StoredEntry(previous, book, entry.sequence(), entry.id(), entry.date(), entry.memo(),
          Optional.ofNullable(entry.reverses()), Optional.ofNullable(entry.sourceReference()), entry.recordedAt(),
          entry.postings().stream().map(p -> new StoredPosting(p.account(), p.side(), p.amountMinor(), p.currency()))
              .toList(),
          entry.hashVersion(), entry.kind(), Optional.ofNullable(entry.member()), Optional.ofNullable(entry.loan()));
      String hash = EntryHashes.hash(stored);
      if (!hash.equals(entry.hash())) {
        throw damaged(book, "entry " + entry.sequence() + " (" + entry.id() + ")");
      }
      writer.add(stored, LocalDate.parse(entry.date()).toEpochDay(), hash);
      previous = hash;
    }
    writer.flush();
  }

  private static StoreException damaged(String book, String what) {
    return new StoreException(StoreException.Kind.FAILED, "book " + book + ": the copy's " + what
        + " does not match its hash: it was damaged on the way; nothing was written", null);
  }
}
