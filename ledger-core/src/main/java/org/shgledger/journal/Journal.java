package org.shgledger.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A double-entry journal holding many books: append-only, every entry balanced, corrections by
 * reversal.
 *
 * <p>Every implementation (in memory, SQLite, PostgreSQL) behaves identically; the same contract
 * tests run against each. The rules an entry must pass, and their order, are listed on {@link
 * Rejection}. A refused request throws {@link JournalException} and changes nothing.
 *
 * <p>Implementations are safe for use by several threads.
 */
public interface Journal {

  /** The most postings one entry may have. A meeting's register fits in far fewer. */
  int MAX_POSTINGS = 200;

  /**
   * The largest amount of one posting, in minor units: ₹100 crore (10<sup>9</sup> rupees). Far
   * above any Self Help Group's or federation's transaction, and low enough that no sum of
   * postings in a book can overflow.
   */
  long MAX_AMOUNT_MINOR = 100_000_000_000L;

  /** The most entries one batch may hold; larger imports are split into several batches. */
  int MAX_BATCH_ENTRIES = 100_000;

  /**
   * Creates a book. Creating a book that exists with the same definition returns it and changes
   * nothing.
   *
   * @param book the definition, not null
   * @return the book, not null
   * @throws JournalException {@link Rejection#BOOK_EXISTS} if the id is taken by a different book
   */
  Book createBook(Book book);

  /**
   * Looks up a book.
   *
   * @param id the id, not null
   * @return the book, or empty if there is none
   */
  Optional<Book> book(BookId id);

  /**
   * All books, in id order.
   *
   * @return the books, not null
   */
  List<Book> books();

  /**
   * Opens an account. Opening an open account with the same definition returns it and changes
   * nothing.
   *
   * @param account the definition, not null
   * @return the account, not null
   * @throws JournalException with, checked in this order, {@link Rejection#BOOK_NOT_FOUND},
   *     {@link Rejection#ACCOUNT_EXISTS} (same code, different definition), {@link
   *     Rejection#ACCOUNT_CLOSED} (same definition, closed), {@link Rejection#CURRENCY_MISMATCH},
   *     {@link Rejection#CONTROL_ACCOUNT_NOT_FOUND}, {@link Rejection#CONTROL_ACCOUNT_CLOSED},
   *     {@link Rejection#CONTROL_ACCOUNT_TYPE_MISMATCH}, {@link
   *     Rejection#CONTROL_ACCOUNT_HAS_POSTINGS}
   */
  Account openAccount(Account account);

  /**
   * Closes an account so that no more postings can be made to it. Closing a closed account
   * changes nothing.
   *
   * @param book the book, not null
   * @param code the account, not null
   * @throws JournalException with, checked in this order, {@link Rejection#BOOK_NOT_FOUND},
   *     {@link Rejection#ACCOUNT_NOT_FOUND}, {@link Rejection#ACCOUNT_HAS_OPEN_SUB_ACCOUNTS},
   *     {@link Rejection#ACCOUNT_BALANCE_NOT_ZERO} (counting every posting, whatever its date)
   */
  void closeAccount(BookId book, AccountCode code);

  /**
   * Looks up an account.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return the account, or empty if the book has none with that code
   */
  Optional<Account> account(BookId book, AccountCode code);

  /**
   * All accounts of a book, open and closed, in code order.
   *
   * @param book the book, not null
   * @return the accounts, empty for an unknown book, not null
   */
  List<Account> accounts(BookId book);

  /**
   * Whether an account exists and is open.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return true if the account can take postings or sub-ledgers
   */
  boolean isOpen(BookId book, AccountCode code);

  /**
   * Records an entry, after checking it against every rule on {@link Rejection}, in that order.
   * Recording an entry whose id is already recorded with the same content returns the original
   * and records nothing.
   *
   * @param entry the entry, not null
   * @return the recorded entry (the original, for a repeat), not null
   * @throws JournalException if a rule is broken; nothing is recorded
   */
  JournalEntry record(JournalEntry entry);

  /**
   * Records several entries atomically: all of them or, if any is refused, none. Each is checked
   * as if the ones before it in the list were already recorded; repeats are no-ops as with {@link
   * #record(JournalEntry)}.
   *
   * @param entries at most {@link #MAX_BATCH_ENTRIES} entries, any mix of books, not null
   * @return the recorded entries in the same order, not null
   * @throws JournalException for the first refused entry, its message naming its position;
   *     nothing is recorded
   * @throws IllegalArgumentException if there are more than {@link #MAX_BATCH_ENTRIES} entries
   */
  List<JournalEntry> recordAll(List<JournalEntry> entries);

  /**
   * Records the exact opposite of a recorded entry, linked to it: see {@link
   * JournalEntry#reversal}.
   *
   * @param book the book, not null
   * @param original the entry to reverse, not null
   * @param reversalId the id of the reversing entry, not null
   * @param date its date, not null
   * @param memo why, not null
   * @return the reversing entry, not null
   * @throws JournalException {@link Rejection#REVERSED_ENTRY_NOT_FOUND} if there is no such
   *     entry, otherwise as {@link #record(JournalEntry)}
   */
  default JournalEntry reverse(
      BookId book, EntryId original, EntryId reversalId, LocalDate date, String memo) {
    JournalEntry recorded =
        entry(book, original)
            .orElseThrow(
                () ->
                    new JournalException(
                        Rejection.REVERSED_ENTRY_NOT_FOUND,
                        "book " + book + ": there is no entry " + original + " to reverse"));
    return record(recorded.reversal(reversalId, date, memo));
  }

  /**
   * Locks the book up to and including a date: no entry dated on or before it can be recorded
   * afterwards, as when a year's accounts have been closed and audited. Locking to the current
   * lock date changes nothing.
   *
   * @param book the book, not null
   * @param lockDate the last locked date, not null
   * @throws JournalException with {@link Rejection#BOOK_NOT_FOUND}, or {@link
   *     Rejection#LOCK_DATE_MOVES_BACKWARD} if the date is before the current lock date
   */
  void lock(BookId book, LocalDate lockDate);

  /**
   * The book's lock date.
   *
   * @param book the book, not null
   * @return the last locked date, or empty if nothing is locked (or there is no such book)
   */
  Optional<LocalDate> lockDate(BookId book);

  /**
   * Looks up a recorded entry.
   *
   * @param book the book, not null
   * @param id the id, not null
   * @return the entry, or empty if there is none
   */
  Optional<JournalEntry> entry(BookId book, EntryId id);

  /**
   * The entry that reverses a given entry.
   *
   * @param book the book, not null
   * @param original the reversed entry's id, not null
   * @return the reversing entry, or empty if the entry has not been reversed
   */
  Optional<JournalEntry> reversalOf(BookId book, EntryId original);

  /**
   * Whether an entry is recorded and stands: no entry reverses it. The engine asks this of every
   * loan's disbursement and payments; a store answers with one query, without reading postings.
   *
   * @param book the book, not null
   * @param id the entry's id, not null
   * @return true if the entry is in the book and not reversed
   */
  default boolean stands(BookId book, EntryId id) {
    return entry(book, id).isPresent() && reversalOf(book, id).isEmpty();
  }

  /**
   * All entries of a book in the order they were recorded.
   *
   * @param book the book, not null
   * @return the entries, empty for an unknown book, not null
   */
  List<JournalEntry> entries(BookId book);

  /**
   * Hands every entry of a book to an action in date order, entries of one date in the order they
   * were recorded, read in one snapshot. A store holds no more than a few entries at a time, so
   * that a book of any size can be exported with little memory; the action must not use the
   * journal.
   *
   * @param book the book, not null
   * @param action receives each entry, not null; an exception it throws ends the reading and
   *     reaches the caller
   */
  default void forEachEntryByDate(BookId book, Consumer<JournalEntry> action) {
    Objects.requireNonNull(action, "action");
    List<JournalEntry> byDate = new ArrayList<>(entries(book));
    byDate.sort(Comparator.comparing(JournalEntry::date)); // stable: recording order within a date
    byDate.forEach(action);
  }

  /**
   * The date of a book's latest entry (the latest date, not the last recorded): what a report
   * with no date given is as of. A store answers without reading the entries.
   *
   * @param book the book, not null
   * @return the date, or empty for a book with no entries or an unknown book, not null
   */
  default Optional<LocalDate> latestEntryDate(BookId book) {
    return entries(book).stream().map(JournalEntry::date).max(Comparator.naturalOrder());
  }

  /**
   * An account's totals as of a date; for a control account, the totals of its sub-ledgers.
   *
   * @param book the book, not null
   * @param code the account, not null
   * @param asOf the date, inclusive, not null
   * @return the balance, not null
   * @throws JournalException {@link Rejection#BOOK_NOT_FOUND} or {@link
   *     Rejection#ACCOUNT_NOT_FOUND}
   */
  AccountBalance balance(BookId book, AccountCode code, LocalDate asOf);

  /**
   * The trial balance of a book as of a date, sub-ledgers rolled into their control accounts.
   *
   * @param book the book, not null
   * @param asOf the date, inclusive, not null
   * @return the trial balance, not null
   * @throws JournalException {@link Rejection#BOOK_NOT_FOUND}
   */
  TrialBalance trialBalance(BookId book, LocalDate asOf);
}
