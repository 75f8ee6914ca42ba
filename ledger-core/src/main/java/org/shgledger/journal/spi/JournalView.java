package org.shgledger.journal.spi;

import java.time.LocalDate;
import java.util.Optional;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;

/**
 * What {@link JournalRules} reads to decide whether a request is valid: the part of a journal's
 * state the rules depend on. Each {@link Journal} implementation provides one, seeing its own
 * uncommitted changes, so that every implementation enforces the same rules through the same code.
 *
 * <p>This is an interface for implementers of {@link Journal}, not for applications.
 */
public interface JournalView {

  /**
   * The book with this id.
   *
   * @param id the id, not null
   * @return the book, or empty
   */
  Optional<Book> book(BookId id);

  /**
   * The book's lock date.
   *
   * @param book the book, not null
   * @return the lock date, or empty if nothing is locked
   */
  Optional<LocalDate> lockDate(BookId book);

  /**
   * The account with this code.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return the account, or empty
   */
  Optional<Account> account(BookId book, AccountCode code);

  /**
   * Whether the account exists and is open.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return true if open
   */
  boolean isOpen(BookId book, AccountCode code);

  /**
   * Whether any account names this one as its control account.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return true for a control account
   */
  boolean hasSubAccounts(BookId book, AccountCode code);

  /**
   * Whether any open account names this one as its control account.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return true if a sub-ledger is still open
   */
  boolean hasOpenSubAccounts(BookId book, AccountCode code);

  /**
   * Whether the account has any posting of its own, whatever its date.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return true if it has been posted to
   */
  boolean hasPostings(BookId book, AccountCode code);

  /**
   * A recorded entry.
   *
   * @param book the book, not null
   * @param id the id, not null
   * @return the entry, or empty
   */
  Optional<JournalEntry> entry(BookId book, EntryId id);

  /**
   * Whether a recorded entry has been reversed.
   *
   * @param book the book, not null
   * @param original the entry's id, not null
   * @return true if a reversal of it is recorded
   */
  boolean isReversed(BookId book, EntryId original);

  /**
   * The lowest and highest debit-minus-credit balance of the account's own postings at the end of
   * {@code from} and of every later date on which it has postings.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @param from the first date, not null
   * @return the range, in minor units
   */
  NetRange netRangeFrom(BookId book, AccountCode code, LocalDate from);

  /**
   * The debit-minus-credit balance of all the account's own postings, whatever their dates.
   *
   * @param book the book, not null
   * @param code the code, not null
   * @return the balance, in minor units
   */
  long netMinor(BookId book, AccountCode code);

  /**
   * The lowest and highest of a series of balances, in minor units.
   *
   * @param lowestMinor the lowest balance
   * @param highestMinor the highest balance
   */
  record NetRange(long lowestMinor, long highestMinor) {}
}
