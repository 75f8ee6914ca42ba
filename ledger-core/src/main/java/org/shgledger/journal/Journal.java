package org.shgledger.journal;

import java.time.LocalDate;
import java.util.List;

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
public interface Journal extends JournalReader {
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
}
