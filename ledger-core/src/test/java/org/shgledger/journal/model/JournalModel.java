package org.shgledger.journal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.Side;

/**
 * The simplest journal that could be right: lists of what was accepted, and every balance
 * computed by folding over all entries. It restates the rules of {@link Rejection} independently
 * of {@code JournalRules}, so the property tests compare two implementations of the same rules.
 */
public final class JournalModel {

  /** What the model expects of an operation. */
  public record Outcome(Rejection rejection, boolean repeat) {
    static final Outcome ACCEPTED = new Outcome(null, false);
    static final Outcome REPEAT = new Outcome(null, true);

    static Outcome reject(Rejection reason) {
      return new Outcome(reason, false);
    }

    public boolean accepted() {
      return rejection == null;
    }
  }

  private static final class ModelBook {
    final Book book;
    LocalDate lockDate;
    final Map<AccountCode, Account> accounts = new LinkedHashMap<>();
    final Set<AccountCode> closed = new HashSet<>();
    final List<JournalEntry> entries = new ArrayList<>();

    ModelBook(Book book) {
      this.book = book;
    }

    ModelBook copy() {
      ModelBook copy = new ModelBook(book);
      copy.lockDate = lockDate;
      copy.accounts.putAll(accounts);
      copy.closed.addAll(closed);
      copy.entries.addAll(entries);
      return copy;
    }
  }

  private final Map<BookId, ModelBook> books = new HashMap<>();

  /** A copy that can be changed without changing this one (for batches). */
  public JournalModel copy() {
    JournalModel copy = new JournalModel();
    books.forEach((id, book) -> copy.books.put(id, book.copy()));
    return copy;
  }

  public void createBook(Book book) {
    books.put(book.id(), new ModelBook(book));
  }

  public List<BookId> bookIds() {
    return books.keySet().stream().sorted().toList();
  }

  public Book book(BookId id) {
    return books.get(id).book;
  }

  public List<Account> accounts(BookId book) {
    ModelBook b = books.get(book);
    return b == null ? List.of() : List.copyOf(b.accounts.values());
  }

  public boolean isOpen(BookId book, AccountCode code) {
    ModelBook b = books.get(book);
    return b != null && b.accounts.containsKey(code) && !b.closed.contains(code);
  }

  public List<JournalEntry> entries(BookId book) {
    ModelBook b = books.get(book);
    return b == null ? List.of() : List.copyOf(b.entries);
  }

  public Optional<LocalDate> lockDate(BookId book) {
    return Optional.ofNullable(books.get(book).lockDate);
  }

  public Optional<JournalEntry> entry(BookId book, EntryId id) {
    ModelBook b = books.get(book);
    if (b == null) {
      return Optional.empty();
    }
    return b.entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  public Optional<JournalEntry> reversalOf(BookId book, EntryId original) {
    return books.get(book).entries.stream()
        .filter(e -> e.reverses().equals(Optional.of(original)))
        .findFirst();
  }

  // ---- balances, by folding ----

  /** Debit-minus-credit of the account's own postings dated on or before asOf. */
  public long ownNet(BookId book, AccountCode code, LocalDate asOf) {
    long net = 0;
    for (JournalEntry entry : books.get(book).entries) {
      if (!entry.date().isAfter(asOf)) {
        for (Posting posting : entry.postings()) {
          if (posting.account().equals(code)) {
            net += posting.signedMinor();
          }
        }
      }
    }
    return net;
  }

  /** Debit-minus-credit of the account and everything that rolls up into it. */
  public long rolledNet(BookId book, AccountCode code, LocalDate asOf) {
    long net = ownNet(book, code, asOf);
    for (Account account : books.get(book).accounts.values()) {
      if (account.control().equals(Optional.of(code))) {
        net += rolledNet(book, account.code(), asOf);
      }
    }
    return net;
  }

  // ---- the rules, restated ----

  public Outcome createBookOutcome(Book book) {
    ModelBook existing = books.get(book.id());
    if (existing == null) {
      return Outcome.ACCEPTED;
    }
    return existing.book.equals(book) ? Outcome.REPEAT : Outcome.reject(Rejection.BOOK_EXISTS);
  }

  public Outcome openAccountOutcome(Account account) {
    ModelBook b = books.get(account.book());
    if (b == null) {
      return Outcome.reject(Rejection.BOOK_NOT_FOUND);
    }
    Account existing = b.accounts.get(account.code());
    if (existing != null) {
      if (!existing.equals(account)) {
        return Outcome.reject(Rejection.ACCOUNT_EXISTS);
      }
      return b.closed.contains(account.code())
          ? Outcome.reject(Rejection.ACCOUNT_CLOSED)
          : Outcome.REPEAT;
    }
    if (!account.currency().equals(b.book.currency())) {
      return Outcome.reject(Rejection.CURRENCY_MISMATCH);
    }
    if (account.control().isPresent()) {
      AccountCode control = account.control().get();
      if (!b.accounts.containsKey(control)) {
        return Outcome.reject(Rejection.CONTROL_ACCOUNT_NOT_FOUND);
      }
      if (b.closed.contains(control)) {
        return Outcome.reject(Rejection.CONTROL_ACCOUNT_CLOSED);
      }
      if (b.accounts.get(control).type() != account.type()) {
        return Outcome.reject(Rejection.CONTROL_ACCOUNT_TYPE_MISMATCH);
      }
      if (postsTo(b, control)) {
        return Outcome.reject(Rejection.CONTROL_ACCOUNT_HAS_POSTINGS);
      }
    }
    return Outcome.ACCEPTED;
  }

  public void openAccount(Account account) {
    books.get(account.book()).accounts.put(account.code(), account);
  }

  public Outcome closeAccountOutcome(BookId book, AccountCode code) {
    ModelBook b = books.get(book);
    if (b == null) {
      return Outcome.reject(Rejection.BOOK_NOT_FOUND);
    }
    if (!b.accounts.containsKey(code)) {
      return Outcome.reject(Rejection.ACCOUNT_NOT_FOUND);
    }
    if (b.closed.contains(code)) {
      return Outcome.REPEAT;
    }
    boolean openSub =
        b.accounts.values().stream()
            .anyMatch(a -> a.control().equals(Optional.of(code)) && !b.closed.contains(a.code()));
    if (openSub) {
      return Outcome.reject(Rejection.ACCOUNT_HAS_OPEN_SUB_ACCOUNTS);
    }
    if (ownNet(book, code, LocalDate.MAX) != 0) {
      return Outcome.reject(Rejection.ACCOUNT_BALANCE_NOT_ZERO);
    }
    return Outcome.ACCEPTED;
  }

  public void closeAccount(BookId book, AccountCode code) {
    books.get(book).closed.add(code);
  }

  public Outcome lockOutcome(BookId book, LocalDate date) {
    ModelBook b = books.get(book);
    if (b == null) {
      return Outcome.reject(Rejection.BOOK_NOT_FOUND);
    }
    if (b.lockDate != null && date.isBefore(b.lockDate)) {
      return Outcome.reject(Rejection.LOCK_DATE_MOVES_BACKWARD);
    }
    return Outcome.ACCEPTED;
  }

  public void lock(BookId book, LocalDate date) {
    books.get(book).lockDate = date;
  }

  public Outcome recordOutcome(JournalEntry entry) {
    ModelBook b = books.get(entry.book());
    if (b == null) {
      return Outcome.reject(Rejection.BOOK_NOT_FOUND);
    }
    Optional<JournalEntry> same = entry(entry.book(), entry.id());
    if (same.isPresent()) {
      return same.get().equals(entry)
          ? Outcome.REPEAT
          : Outcome.reject(Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT);
    }
    List<Posting> postings = entry.postings();
    if (postings.size() < 2) {
      return Outcome.reject(Rejection.TOO_FEW_POSTINGS);
    }
    if (postings.size() > Journal.MAX_POSTINGS) {
      return Outcome.reject(Rejection.TOO_MANY_POSTINGS);
    }
    if (postings.stream().anyMatch(p -> p.amount().isNegativeOrZero())) {
      return Outcome.reject(Rejection.AMOUNT_NOT_POSITIVE);
    }
    if (postings.stream().anyMatch(p -> p.amount().getAmountMinorLong() > Journal.MAX_AMOUNT_MINOR)) {
      return Outcome.reject(Rejection.AMOUNT_TOO_LARGE);
    }
    if (postings.stream().anyMatch(p -> !p.amount().getCurrencyUnit().equals(b.book.currency()))) {
      return Outcome.reject(Rejection.CURRENCY_MISMATCH);
    }
    if (postings.stream().anyMatch(p -> !b.accounts.containsKey(p.account()))) {
      return Outcome.reject(Rejection.ACCOUNT_NOT_FOUND);
    }
    if (postings.stream().anyMatch(p -> b.closed.contains(p.account()))) {
      return Outcome.reject(Rejection.ACCOUNT_CLOSED);
    }
    if (postings.stream().anyMatch(p -> isControl(b, p.account()))) {
      return Outcome.reject(Rejection.POSTING_TO_CONTROL_ACCOUNT);
    }
    if (postings.stream().mapToLong(Posting::signedMinor).sum() != 0) {
      return Outcome.reject(Rejection.UNBALANCED);
    }
    if (b.lockDate != null && !entry.date().isAfter(b.lockDate)) {
      return Outcome.reject(Rejection.DATE_LOCKED);
    }
    if (entry.reverses().isPresent()) {
      Optional<JournalEntry> original = entry(entry.book(), entry.reverses().get());
      if (original.isEmpty()) {
        return Outcome.reject(Rejection.REVERSED_ENTRY_NOT_FOUND);
      }
      List<Posting> opposite = original.get().postings().stream().map(Posting::opposite).toList();
      if (!opposite.equals(postings)) {
        return Outcome.reject(Rejection.REVERSAL_DOES_NOT_MATCH);
      }
      if (entry.date().isBefore(original.get().date())) {
        return Outcome.reject(Rejection.REVERSAL_BEFORE_ORIGINAL);
      }
      if (reversalOf(entry.book(), entry.reverses().get()).isPresent()) {
        return Outcome.reject(Rejection.ALREADY_REVERSED);
      }
    }
    if (breaksConstraint(b, entry)) {
      return Outcome.reject(Rejection.BALANCE_CONSTRAINT_VIOLATED);
    }
    return Outcome.ACCEPTED;
  }

  public void record(JournalEntry entry) {
    books.get(entry.book()).entries.add(entry);
  }

  private boolean breaksConstraint(ModelBook b, JournalEntry entry) {
    Map<AccountCode, Long> delta = new HashMap<>();
    entry.postings().forEach(p -> delta.merge(p.account(), p.signedMinor(), Long::sum));
    for (Map.Entry<AccountCode, Long> change : delta.entrySet()) {
      BalanceConstraint constraint = b.accounts.get(change.getKey()).constraint();
      if (constraint == BalanceConstraint.NONE || change.getValue() == 0) {
        continue;
      }
      // every date from the entry's on which the balance could be at its extreme
      Set<LocalDate> dates = new HashSet<>();
      dates.add(entry.date());
      for (JournalEntry other : b.entries) {
        if (other.date().isAfter(entry.date())) {
          dates.add(other.date());
        }
      }
      for (LocalDate date : dates) {
        long after = ownNet(b.book.id(), change.getKey(), date) + change.getValue();
        boolean broken =
            constraint == BalanceConstraint.CREDITS_MUST_NOT_EXCEED_DEBITS ? after < 0 : after > 0;
        if (broken) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isControl(ModelBook b, AccountCode code) {
    return b.accounts.values().stream().anyMatch(a -> a.control().equals(Optional.of(code)));
  }

  private static boolean postsTo(ModelBook b, AccountCode code) {
    return b.entries.stream()
        .flatMap(e -> e.postings().stream())
        .anyMatch(p -> p.account().equals(code));
  }

  /** Debits minus credits of an entry; zero for every accepted entry. */
  public static long imbalance(JournalEntry entry) {
    return entry.postings().stream()
        .mapToLong(p -> p.side() == Side.DEBIT ? p.amount().getAmountMinorLong() : -p.amount().getAmountMinorLong())
        .sum();
  }
}
