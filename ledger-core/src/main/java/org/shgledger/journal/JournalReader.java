package org.shgledger.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What may be read of a journal: books, accounts, entries, balances. Reports and everything that
 * only looks at the books take this, so that the one way to write is through the engine ({@code
 * org.shgledger.group.SavingsGroups}) or, for an application that keeps plain books, through a
 * {@link Journal} it holds itself.
 *
 * <p>Implementations are safe for use by several threads.
 */
public interface JournalReader {
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
   * The entries of a book dated within a period, in date order, entries of one date in the order
   * they were recorded: what a report of the period lists. A store reads them through its index of
   * postings by account and date, so that the time grows with the period's entries, not the book's.
   *
   * @param book the book, not null
   * @param from the first date, not null
   * @param to the last date, not null; a period that ends before it starts holds nothing
   * @return the entries, empty for an unknown book, not null
   */
  default List<JournalEntry> entriesBetween(BookId book, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<JournalEntry> byDate = new ArrayList<>(entries(book).stream()
        .filter(entry -> !entry.date().isBefore(from) && !entry.date().isAfter(to))
        .toList());
    byDate.sort(Comparator.comparing(JournalEntry::date)); // stable: recording order within a date
    return List.copyOf(byDate);
  }

  /**
   * The entries of a book with a posting to an account dated within a period, in the order they
   * were recorded: what an import compares with the lines of a statement it meets. A store reads
   * them through its index of postings by account and date, not the whole book.
   *
   * @param book the book, not null
   * @param account the account, not null
   * @param from the first date, not null
   * @param to the last date, not before {@code from}, not null
   * @return the entries, empty for an unknown book or account, not null
   */
  default List<JournalEntry> entriesPosting(BookId book, AccountCode account, LocalDate from, LocalDate to) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return entries(book).stream()
        .filter(entry -> !entry.date().isBefore(from) && !entry.date().isAfter(to))
        .filter(entry -> entry.postings().stream().anyMatch(posting -> posting.account().equals(account)))
        .toList();
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
