package org.shgledger.journal.spi;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.Side;
import org.shgledger.money.MinorUnits;

/**
 * The rules of the journal, in one place: every {@link Journal} implementation calls these checks
 * before it writes anything, so all of them accept and refuse exactly the same requests.
 *
 * <p>Each check either returns (saying whether the request is a repeat that changes nothing) or
 * throws {@link JournalException} with the first broken rule, in the order documented on {@link
 * Rejection} and {@link Journal}. This is a class for implementers of {@link Journal}.
 */
public final class JournalRules {

  private JournalRules() {}

  /**
   * Checks a book to be created.
   *
   * @param view the journal's state, not null
   * @param book the definition, not null
   * @return the existing book if an identical one exists (nothing to do), otherwise empty
   * @throws JournalException {@link Rejection#BOOK_EXISTS}
   */
  public static Optional<Book> checkCreateBook(JournalView view, Book book) {
    Optional<Book> existing = view.book(book.id());
    if (existing.isPresent() && !existing.get().equals(book)) {
      throw new JournalException(
          Rejection.BOOK_EXISTS,
          "book " + book.id() + " exists already as '" + existing.get().name() + "' in "
              + existing.get().currency());
    }
    return existing;
  }

  /**
   * Checks an account to be opened.
   *
   * @param view the journal's state, not null
   * @param account the definition, not null
   * @return the existing account if an identical open one exists (nothing to do), otherwise empty
   * @throws JournalException as listed on {@link Journal#openAccount(Account)}
   */
  public static Optional<Account> checkOpenAccount(JournalView view, Account account) {
    Book book = requireBook(view, account.book());
    String where = "book " + book.id() + ", account " + account.code();
    Optional<Account> existing = view.account(account.book(), account.code());
    if (existing.isPresent()) {
      if (!existing.get().equals(account)) {
        throw new JournalException(
            Rejection.ACCOUNT_EXISTS,
            where + ": exists already as '" + existing.get().name() + "' with another definition");
      }
      if (!view.isOpen(account.book(), account.code())) {
        throw new JournalException(Rejection.ACCOUNT_CLOSED, where + ": exists and is closed");
      }
      return existing;
    }
    if (!account.currency().equals(book.currency())) {
      throw new JournalException(
          Rejection.CURRENCY_MISMATCH,
          where + ": currency " + account.currency() + " is not the book's " + book.currency());
    }
    if (account.control().isPresent()) {
      AccountCode controlCode = account.control().get();
      Account control =
          view.account(account.book(), controlCode)
              .orElseThrow(
                  () ->
                      new JournalException(
                          Rejection.CONTROL_ACCOUNT_NOT_FOUND,
                          where + ": control account " + controlCode + " does not exist"));
      if (!view.isOpen(account.book(), controlCode)) {
        throw new JournalException(
            Rejection.CONTROL_ACCOUNT_CLOSED, where + ": control account " + controlCode + " is closed");
      }
      if (control.type() != account.type()) {
        throw new JournalException(
            Rejection.CONTROL_ACCOUNT_TYPE_MISMATCH,
            where + ": type " + account.type() + " differs from control account " + controlCode
                + "'s " + control.type());
      }
      if (view.hasPostings(account.book(), controlCode)) {
        throw new JournalException(
            Rejection.CONTROL_ACCOUNT_HAS_POSTINGS,
            where + ": control account " + controlCode
                + " has postings of its own, which would not roll up into its sub-ledgers");
      }
    }
    return Optional.empty();
  }

  /**
   * Checks an account to be closed.
   *
   * @param view the journal's state, not null
   * @param book the book, not null
   * @param code the account, not null
   * @return false if the account is closed already (nothing to do), true otherwise
   * @throws JournalException as listed on {@link Journal#closeAccount(BookId, AccountCode)}
   */
  public static boolean checkCloseAccount(JournalView view, BookId book, AccountCode code) {
    requireBook(view, book);
    String where = "book " + book + ", account " + code;
    if (view.account(book, code).isEmpty()) {
      throw new JournalException(Rejection.ACCOUNT_NOT_FOUND, where + ": does not exist");
    }
    if (!view.isOpen(book, code)) {
      return false;
    }
    if (view.hasOpenSubAccounts(book, code)) {
      throw new JournalException(
          Rejection.ACCOUNT_HAS_OPEN_SUB_ACCOUNTS, where + ": close its sub-ledger accounts first");
    }
    long net = view.netMinor(book, code);
    if (net != 0) {
      Money balance = Money.ofMinor(view.book(book).orElseThrow().currency(), net);
      throw new JournalException(
          Rejection.ACCOUNT_BALANCE_NOT_ZERO,
          where + ": balance is " + withCurrency(balance) + " (debit minus credit); only an empty account closes");
    }
    return true;
  }

  /**
   * Checks a new lock date.
   *
   * @param view the journal's state, not null
   * @param book the book, not null
   * @param lockDate the new lock date, not null
   * @return false if it equals the current lock date (nothing to do), true otherwise
   * @throws JournalException as listed on {@link Journal#lock(BookId, LocalDate)}
   */
  public static boolean checkLock(JournalView view, BookId book, LocalDate lockDate) {
    Objects.requireNonNull(lockDate, "lockDate");
    requireBook(view, book);
    Optional<LocalDate> current = view.lockDate(book);
    if (current.isPresent() && lockDate.isBefore(current.get())) {
      throw new JournalException(
          Rejection.LOCK_DATE_MOVES_BACKWARD,
          "book " + book + ": is locked up to " + current.get() + "; it cannot be unlocked back to "
              + lockDate);
    }
    return current.isEmpty() || !current.get().equals(lockDate);
  }

  /**
   * Checks an entry to be recorded, rule by rule in the order listed on {@link Rejection}.
   *
   * @param view the journal's state, not null
   * @param entry the entry, not null
   * @return the recorded original if this is a repeat with the same content (nothing to do),
   *     otherwise empty
   * @throws JournalException with the first broken rule
   */
  public static Optional<JournalEntry> checkEntry(JournalView view, JournalEntry entry) {
    Book book = requireBook(view, entry.book());
    String where = "book " + book.id() + ", entry " + entry.id();

    Optional<JournalEntry> existing = view.entry(entry.book(), entry.id());
    if (existing.isPresent()) {
      if (existing.get().sameContentAs(entry)) {
        return existing;
      }
      throw new JournalException(
          Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT,
          where + ": this id is already recorded with different content (dated "
              + existing.get().date() + ", '" + existing.get().memo() + "')");
    }

    List<Posting> postings = entry.postings();
    if (postings.size() < 2) {
      throw new JournalException(
          Rejection.TOO_FEW_POSTINGS, where + ": has " + postings.size() + " posting(s); needs at least 2");
    }
    if (postings.size() > Journal.MAX_POSTINGS) {
      throw new JournalException(
          Rejection.TOO_MANY_POSTINGS,
          where + ": has " + postings.size() + " postings; at most " + Journal.MAX_POSTINGS + " allowed");
    }
    for (int i = 0; i < postings.size(); i++) {
      if (!postings.get(i).amount().isPositive()) {
        throw new JournalException(
            Rejection.AMOUNT_NOT_POSITIVE,
            where + ", posting " + (i + 1) + ": amount " + withCurrency(postings.get(i).amount())
                + " is not positive");
      }
    }
    for (int i = 0; i < postings.size(); i++) {
      Money amount = postings.get(i).amount();
      if (MinorUnits.exceeds(amount, Journal.MAX_AMOUNT_MINOR)) {
        throw new JournalException(
            Rejection.AMOUNT_TOO_LARGE,
            where + ", posting " + (i + 1) + ": amount " + withCurrency(amount) + " is above the limit of "
                + withCurrency(Money.ofMinor(amount.getCurrencyUnit(), Journal.MAX_AMOUNT_MINOR)));
      }
    }
    CurrencyUnit currency = book.currency();
    for (int i = 0; i < postings.size(); i++) {
      if (!postings.get(i).amount().getCurrencyUnit().equals(currency)) {
        throw new JournalException(
            Rejection.CURRENCY_MISMATCH,
            where + ", posting " + (i + 1) + ": amount " + withCurrency(postings.get(i).amount())
                + " is not in the book's currency " + currency);
      }
    }
    for (int i = 0; i < postings.size(); i++) {
      AccountCode code = postings.get(i).account();
      if (view.account(entry.book(), code).isEmpty()) {
        throw new JournalException(
            Rejection.ACCOUNT_NOT_FOUND, where + ", posting " + (i + 1) + ": account " + code + " does not exist");
      }
    }
    for (int i = 0; i < postings.size(); i++) {
      AccountCode code = postings.get(i).account();
      if (!view.isOpen(entry.book(), code)) {
        throw new JournalException(
            Rejection.ACCOUNT_CLOSED, where + ", posting " + (i + 1) + ": account " + code + " is closed");
      }
    }
    for (int i = 0; i < postings.size(); i++) {
      AccountCode code = postings.get(i).account();
      if (view.hasSubAccounts(entry.book(), code)) {
        throw new JournalException(
            Rejection.POSTING_TO_CONTROL_ACCOUNT,
            where + ", posting " + (i + 1) + ": account " + code
                + " is a control account; post to one of its sub-ledgers");
      }
    }
    long debits = 0;
    long credits = 0;
    for (Posting posting : postings) {
      long minor = posting.amount().getAmountMinorLong();
      if (posting.side() == Side.DEBIT) {
        debits += minor;
      } else {
        credits += minor;
      }
    }
    if (debits != credits) {
      throw new JournalException(
          Rejection.UNBALANCED,
          where + ": debits " + withCurrency(Money.ofMinor(currency, debits)) + " differ from credits "
              + withCurrency(Money.ofMinor(currency, credits)));
    }
    Optional<LocalDate> lockDate = view.lockDate(entry.book());
    if (lockDate.isPresent() && !entry.date().isAfter(lockDate.get())) {
      throw new JournalException(
          Rejection.DATE_LOCKED,
          where + ": dated " + entry.date() + ", but the book is locked up to " + lockDate.get());
    }
    if (entry.reverses().isPresent()) {
      checkReversal(view, entry, where);
    }
    checkConstraints(view, entry, where, currency);
    return Optional.empty();
  }

  /**
   * Checks one entry of a batch, as {@link #checkEntry}, naming its position in the batch in the
   * message of a refusal.
   *
   * @param view the journal's state, including the batch's earlier entries, not null
   * @param entry the entry, not null
   * @param index its index in the batch, from 0
   * @param batchSize the number of entries in the batch
   * @return the recorded original if this is a repeat, otherwise empty
   * @throws JournalException with the first broken rule, its message starting "batch entry N of M"
   */
  public static Optional<JournalEntry> checkBatchEntry(
      JournalView view, JournalEntry entry, int index, int batchSize) {
    try {
      return checkEntry(view, entry);
    } catch (JournalException e) {
      throw new JournalException(
          e.reason(),
          "batch entry " + (index + 1) + " of " + batchSize + ": " + e.getMessage(),
          e.account().orElse(null), index);
    }
  }

  private static void checkReversal(JournalView view, JournalEntry entry, String where) {
    EntryId originalId = entry.reverses().get();
    JournalEntry original =
        view.entry(entry.book(), originalId)
            .orElseThrow(
                () ->
                    new JournalException(
                        Rejection.REVERSED_ENTRY_NOT_FOUND,
                        where + ": reverses entry " + originalId + ", which does not exist"));
    List<Posting> expected = original.postings().stream().map(Posting::opposite).toList();
    if (!expected.equals(entry.postings())) {
      throw new JournalException(
          Rejection.REVERSAL_DOES_NOT_MATCH,
          where + ": its postings are not the exact opposite of entry " + originalId
              + "'s, line by line");
    }
    if (entry.date().isBefore(original.date())) {
      throw new JournalException(
          Rejection.REVERSAL_BEFORE_ORIGINAL,
          where + ": dated " + entry.date() + ", before entry " + originalId + " of "
              + original.date() + " that it reverses");
    }
    if (view.isReversed(entry.book(), originalId)) {
      throw new JournalException(
          Rejection.ALREADY_REVERSED, where + ": entry " + originalId + " has already been reversed");
    }
  }

  private static void checkConstraints(
      JournalView view, JournalEntry entry, String where, CurrencyUnit currency) {
    // Net effect per account, so an entry touching one account twice is judged by its sum.
    Map<AccountCode, Long> effect = new HashMap<>();
    for (Posting posting : entry.postings()) {
      effect.merge(posting.account(), posting.signedMinor(), Long::sum);
    }
    for (Posting posting : entry.postings()) {
      AccountCode code = posting.account();
      Long delta = effect.remove(code);
      if (delta == null || delta == 0) {
        continue;
      }
      BalanceConstraint constraint = view.account(entry.book(), code).orElseThrow().constraint();
      if (constraint == BalanceConstraint.NONE) {
        continue;
      }
      JournalView.NetRange range = view.netRangeFrom(entry.book(), code, entry.date());
      boolean violated =
          constraint == BalanceConstraint.CREDITS_MUST_NOT_EXCEED_DEBITS
              ? range.lowestMinor() + delta < 0
              : range.highestMinor() + delta > 0;
      if (violated) {
        long worst =
            constraint == BalanceConstraint.CREDITS_MUST_NOT_EXCEED_DEBITS
                ? range.lowestMinor() + delta
                : -(range.highestMinor() + delta);
        throw new JournalException(
            Rejection.BALANCE_CONSTRAINT_VIOLATED,
            where + ": would take account " + code + " to " + withCurrency(Money.ofMinor(currency, worst))
                + " on or after " + entry.date() + ", below zero",
            code);
      }
    }
  }

  private static Book requireBook(JournalView view, BookId id) {
    return view.book(id)
        .orElseThrow(
            () -> new JournalException(Rejection.BOOK_NOT_FOUND, "book " + id + " does not exist"));
  }
}
