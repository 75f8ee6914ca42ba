package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;

/** The SQL that reads the journal's tables back into the journal's types, in one place. */
final class Rows {

  static final String ACCOUNT_COLUMNS =
      "a.account_code, a.name, a.account_type, a.currency, a.control_code, a.balance_constraint";

  static final String ENTRY_COLUMNS =
      "entry_seq, entry_id, entry_date_epoch_day, memo, reverses_entry_id, source_reference, entry_kind,"
          + " member_id, loan_id";

  static final String POSTING_COLUMNS = "entry_seq, account_code, side, amount_minor, currency";

  private Rows() {}

  /** An account from a row starting with {@link #ACCOUNT_COLUMNS}. */
  static Account account(BookId book, ResultSet row) throws SQLException {
    String control = row.getString(5);
    try {
      return new Account(
          book,
          AccountCode.of(row.getString(1)),
          row.getString(2),
          AccountType.valueOf(row.getString(3)),
          CurrencyUnit.of(row.getString(4)),
          control == null ? Optional.empty() : Optional.of(AccountCode.of(control)),
          BalanceConstraint.valueOf(row.getString(6)));
    } catch (RuntimeException e) {
      throw RegistryRows.unreadable(book, "account", "account_code=" + row.getString(1), e);
    }
  }

  /** A posting from a row of {@link #POSTING_COLUMNS}. */
  static Posting posting(ResultSet row) throws SQLException {
    Money amount = Money.ofMinor(CurrencyUnit.of(row.getString(5)), row.getLong(4));
    return new Posting(AccountCode.of(row.getString(2)), side(row.getString(3)), amount);
  }

  /**
   * Reads many postings, making each account code and currency once: a book's thousands of
   * postings name a few dozen accounts and one currency. Not thread-safe.
   */
  static final class PostingReader {
    private final Map<String, AccountCode> codes = new HashMap<>();
    private String currencyCode;
    private CurrencyUnit currency;

    /** A posting from a row of {@link #POSTING_COLUMNS}. */
    Posting read(ResultSet row) throws SQLException {
      String currencyText = row.getString(5);
      if (!currencyText.equals(currencyCode)) {
        currency = CurrencyUnit.of(currencyText);
        currencyCode = currencyText;
      }
      AccountCode code = codes.computeIfAbsent(row.getString(2), AccountCode::of);
      return new Posting(code, side(row.getString(3)), Money.ofMinor(currency, row.getLong(4)));
    }
  }

  /** An entry from a row of {@link #ENTRY_COLUMNS} and its postings. */
  static JournalEntry entry(BookId book, ResultSet row, List<Posting> postings)
      throws SQLException {
    String reverses = row.getString(5);
    String kind = row.getString(7);
    return new JournalEntry(
        EntryId.of(row.getString(2)),
        book,
        LocalDate.ofEpochDay(row.getLong(3)),
        row.getString(4),
        postings,
        reverses == null ? Optional.empty() : Optional.of(EntryId.of(reverses)),
        Optional.ofNullable(row.getString(6)),
        // no kind only while the migration to schema version 5 classifies the book's entries
        kind == null ? EntryKind.GENERAL : EntryKind.valueOf(kind),
        Optional.ofNullable(row.getString(8)),
        Optional.ofNullable(row.getString(9)));
  }

  /** Every entry of a book in sequence order, handed to an action one by one. */
  static void forEachInSequence(Statements sql, BookId book, Consumer<JournalEntry> action) throws SQLException {
    read(sql, book, "entry_seq", action);
  }

  /**
   * Every entry of a book in sequence order, read with two queries: the entries, and all their
   * postings in the same order.
   */
  static List<JournalEntry> entries(Statements sql, BookId book) throws SQLException {
    List<JournalEntry> result = new ArrayList<>();
    read(sql, book, "entry_seq", result::add);
    return result;
  }

  /**
   * Every entry of a book in date order, in recording order within a date, handed to an action
   * one by one: memory does not grow with the book.
   */
  static void forEachByDate(Statements sql, BookId book, Consumer<JournalEntry> action) throws SQLException {
    read(sql, book, "entry_date_epoch_day, entry_seq", action);
  }

  /**
   * The entries of a book with a posting to an account within a period, in sequence order: the
   * postings' index by account and date finds them, then each entry is read with its postings.
   */
  static List<JournalEntry> entriesPosting(
      Statements sql, BookId book, AccountCode account, LocalDate from, LocalDate to) throws SQLException {
    String chosen = " FROM %s WHERE book_id = ? AND entry_seq IN (SELECT entry_seq FROM posting"
        + " WHERE book_id = ? AND account_code = ? AND entry_date_epoch_day BETWEEN ? AND ?)";
    PreparedStatement entries = sql.prepare("SELECT " + ENTRY_COLUMNS + chosen.formatted("journal_entry")
        + " ORDER BY entry_seq");
    PreparedStatement postings = sql.prepare("SELECT " + POSTING_COLUMNS + chosen.formatted("posting")
        + " ORDER BY entry_seq, line_no");
    for (PreparedStatement query : List.of(entries, postings)) {
      query.setString(1, book.value());
      query.setString(2, book.value());
      query.setString(3, account.value());
      query.setLong(4, from.toEpochDay());
      query.setLong(5, to.toEpochDay());
    }
    List<JournalEntry> result = new ArrayList<>();
    readSideBySide(book, entries, postings, result::add);
    return result;
  }

  /**
   * The entries of a book dated within a period, by date and then sequence: the posting index
   * by account and date finds the period's postings, one range per account of the book (each
   * entry has postings, dated as their entry, as verify checks), then the entries by their key.
   */
  static List<JournalEntry> entriesBetween(Statements sql, BookId book, LocalDate from, LocalDate to)
      throws SQLException {
    String inPeriod = " FROM posting WHERE book_id = ? AND account_code IN (SELECT account_code FROM account"
        + " WHERE book_id = ?) AND entry_date_epoch_day BETWEEN ? AND ?";
    PreparedStatement entries = sql.prepare("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE book_id = ?"
        + " AND entry_seq IN (SELECT entry_seq" + inPeriod + ") ORDER BY entry_date_epoch_day, entry_seq");
    PreparedStatement postings = sql.prepare("SELECT " + POSTING_COLUMNS + inPeriod
        + " ORDER BY entry_date_epoch_day, entry_seq, line_no");
    entries.setString(1, book.value());
    entries.setString(2, book.value());
    entries.setString(3, book.value());
    entries.setLong(4, from.toEpochDay());
    entries.setLong(5, to.toEpochDay());
    postings.setString(1, book.value());
    postings.setString(2, book.value());
    postings.setLong(3, from.toEpochDay());
    postings.setLong(4, to.toEpochDay());
    entries.setFetchSize(1_000);
    postings.setFetchSize(1_000);
    List<JournalEntry> result = new ArrayList<>();
    readSideBySide(book, entries, postings, result::add);
    return result;
  }

  /**
   * Reads a book's entries in an order of columns both tables have (a posting repeats its entry's
   * date), with two queries read side by side, the postings of each entry gathered as they come.
   * On PostgreSQL, inside a transaction, the rows come through a cursor, a thousand at a time.
   */
  private static void read(Statements sql, BookId book, String order, Consumer<JournalEntry> action)
      throws SQLException {
    PreparedStatement entries =
        sql.prepare("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE book_id = ? ORDER BY " + order);
    PreparedStatement postings =
        sql.prepare("SELECT " + POSTING_COLUMNS + " FROM posting WHERE book_id = ? ORDER BY " + order
            + ", line_no");
    entries.setString(1, book.value());
    postings.setString(1, book.value());
    entries.setFetchSize(1_000);
    postings.setFetchSize(1_000);
    readSideBySide(book, entries, postings, action);
  }

  /**
   * Runs a query of entries and one of their postings, both in the same order, and hands each
   * entry with its postings to an action, gathering the postings as they come.
   */
  private static void readSideBySide(
      BookId book, PreparedStatement entries, PreparedStatement postings, Consumer<JournalEntry> action)
      throws SQLException {
    PostingReader reader = new PostingReader();
    try (ResultSet entryRows = entries.executeQuery();
        ResultSet postingRows = postings.executeQuery()) {
      boolean morePostings = postingRows.next();
      while (entryRows.next()) {
        long sequence = entryRows.getLong(1);
        List<Posting> lines = new ArrayList<>(2);
        while (morePostings && postingRows.getLong(1) == sequence) {
          lines.add(reader.read(postingRows));
          morePostings = postingRows.next();
        }
        action.accept(entry(book, entryRows, lines));
      }
    }
  }

  /**
   * The one entry of a book whose column has a value.
   *
   * @param column {@code entry_id} or {@code reverses_entry_id}, both unique in a book
   */
  static Optional<JournalEntry> entryWhere(
      Statements sql, BookId book, String column, EntryId value) throws SQLException {
    PreparedStatement entries =
        sql.prepare("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE book_id = ? AND "
            + column + " = ?");
    entries.setString(1, book.value());
    entries.setString(2, value.value());
    try (ResultSet entryRow = entries.executeQuery()) {
      if (!entryRow.next()) {
        return Optional.empty();
      }
      PreparedStatement postings =
          sql.prepare("SELECT " + POSTING_COLUMNS + " FROM posting WHERE book_id = ?"
              + " AND entry_seq = ? ORDER BY line_no");
      postings.setString(1, book.value());
      postings.setLong(2, entryRow.getLong(1));
      List<Posting> lines = new ArrayList<>();
      try (ResultSet postingRows = postings.executeQuery()) {
        while (postingRows.next()) {
          lines.add(posting(postingRows));
        }
      }
      return Optional.of(entry(book, entryRow, lines));
    }
  }

  static Side side(String code) {
    return switch (code) {
      case "D" -> Side.DEBIT;
      case "C" -> Side.CREDIT;
      default -> throw new IllegalStateException("posting side '" + code + "' is neither D nor C");
    };
  }

  static String side(Side side) {
    return side == Side.DEBIT ? "D" : "C";
  }
}
