package org.shgledger.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.spi.JournalRules;
import org.shgledger.journal.spi.JournalView;

/**
 * A journal kept in memory: for tests, demos and short-lived calculations. It keeps nothing when
 * the process ends; durable stores implement the same {@link Journal} contract.
 *
 * <p>All methods are synchronized: one request at a time, as a durable store's transactions would
 * be. A batch is applied entry by entry and undone in reverse order if any entry is refused, so
 * every entry sees the ones before it.
 */
public final class InMemoryJournal implements Journal {

  private final Map<BookId, BookState> books = new TreeMap<>();
  private final View view = new View();

  /** Creates an empty journal. */
  public InMemoryJournal() {}

  @Override
  public synchronized Book createBook(Book book) {
    Objects.requireNonNull(book, "book");
    Optional<Book> existing = JournalRules.checkCreateBook(view, book);
    if (existing.isPresent()) {
      return existing.get();
    }
    books.put(book.id(), new BookState(book));
    return book;
  }

  @Override
  public synchronized Optional<Book> book(BookId id) {
    return view.book(id);
  }

  @Override
  public synchronized List<Book> books() {
    return books.values().stream().map(state -> state.book).toList();
  }

  @Override
  public synchronized Account openAccount(Account account) {
    Objects.requireNonNull(account, "account");
    Optional<Account> existing = JournalRules.checkOpenAccount(view, account);
    if (existing.isPresent()) {
      return existing.get();
    }
    BookState state = books.get(account.book());
    state.accounts.put(account.code(), new AccountState(account));
    account.control().ifPresent(control -> state.accounts.get(control).subAccounts.add(account.code()));
    return account;
  }

  @Override
  public synchronized void closeAccount(BookId book, AccountCode code) {
    if (JournalRules.checkCloseAccount(view, book, code)) {
      books.get(book).accounts.get(code).open = false;
    }
  }

  @Override
  public synchronized Optional<Account> account(BookId book, AccountCode code) {
    return view.account(book, code);
  }

  @Override
  public synchronized List<Account> accounts(BookId book) {
    BookState state = books.get(Objects.requireNonNull(book, "book"));
    if (state == null) {
      return List.of();
    }
    return state.accounts.values().stream().map(a -> a.account).sorted(byCode()).toList();
  }

  @Override
  public synchronized boolean isOpen(BookId book, AccountCode code) {
    return view.isOpen(book, code);
  }

  @Override
  public synchronized JournalEntry record(JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Optional<JournalEntry> existing = JournalRules.checkEntry(view, entry);
    if (existing.isPresent()) {
      return existing.get();
    }
    apply(entry);
    return entry;
  }

  @Override
  public synchronized List<JournalEntry> recordAll(List<JournalEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    if (entries.size() > MAX_BATCH_ENTRIES) {
      throw new IllegalArgumentException(
          "a batch holds at most " + MAX_BATCH_ENTRIES + " entries, got " + entries.size());
    }
    List<JournalEntry> recorded = new ArrayList<>(entries.size());
    List<JournalEntry> applied = new ArrayList<>();
    try {
      for (int i = 0; i < entries.size(); i++) {
        JournalEntry entry = Objects.requireNonNull(entries.get(i), "entry " + i);
        Optional<JournalEntry> existing = JournalRules.checkBatchEntry(view, entry, i, entries.size());
        if (existing.isPresent()) {
          recorded.add(existing.get());
        } else {
          apply(entry);
          applied.add(entry);
          recorded.add(entry);
        }
      }
    } catch (RuntimeException e) {
      for (int i = applied.size() - 1; i >= 0; i--) {
        undo(applied.get(i));
      }
      throw e;
    }
    return List.copyOf(recorded);
  }

  @Override
  public synchronized void lock(BookId book, LocalDate lockDate) {
    if (JournalRules.checkLock(view, book, lockDate)) {
      books.get(book).lockDate = lockDate;
    }
  }

  @Override
  public synchronized Optional<LocalDate> lockDate(BookId book) {
    return view.lockDate(book);
  }

  @Override
  public synchronized Optional<JournalEntry> entry(BookId book, EntryId id) {
    return view.entry(book, id);
  }

  @Override
  public synchronized Optional<JournalEntry> reversalOf(BookId book, EntryId original) {
    BookState state = books.get(Objects.requireNonNull(book, "book"));
    if (state == null) {
      return Optional.empty();
    }
    EntryId reversal = state.reversals.get(Objects.requireNonNull(original, "original"));
    return reversal == null ? Optional.empty() : Optional.of(state.entries.get(reversal));
  }

  @Override
  public synchronized List<JournalEntry> entries(BookId book) {
    BookState state = books.get(Objects.requireNonNull(book, "book"));
    return state == null ? List.of() : List.copyOf(state.entries.values());
  }

  @Override
  public synchronized AccountBalance balance(BookId book, AccountCode code, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    BookState state = requireBook(book);
    AccountState account = state.accounts.get(Objects.requireNonNull(code, "code"));
    if (account == null) {
      throw new JournalException(
          Rejection.ACCOUNT_NOT_FOUND, "book " + book + ", account " + code + ": does not exist");
    }
    long[] totals = rolledTotals(state, account, asOf);
    CurrencyUnit currency = state.book.currency();
    return new AccountBalance(
        account.account, asOf, Money.ofMinor(currency, totals[0]), Money.ofMinor(currency, totals[1]));
  }

  @Override
  public synchronized TrialBalance trialBalance(BookId book, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    BookState state = requireBook(book);
    List<TrialBalance.Line> lines = new ArrayList<>();
    state.accounts.values().stream()
        .filter(a -> a.account.control().isEmpty())
        .sorted((a, b) -> a.account.code().compareTo(b.account.code()))
        .forEach(a -> lines.add(line(state, a, asOf)));
    return new TrialBalance(book, asOf, state.book.currency(), lines);
  }

  private TrialBalance.Line line(BookState state, AccountState account, LocalDate asOf) {
    List<TrialBalance.Line> subLines = new ArrayList<>();
    account.subAccounts.stream()
        .sorted()
        .forEach(sub -> subLines.add(line(state, state.accounts.get(sub), asOf)));
    long[] totals = rolledTotals(state, account, asOf);
    long net = totals[0] - totals[1];
    CurrencyUnit currency = state.book.currency();
    return new TrialBalance.Line(
        account.account,
        Money.ofMinor(currency, Math.max(net, 0)),
        Money.ofMinor(currency, Math.max(-net, 0)),
        subLines);
  }

  /** Debit and credit totals up to a date, the account's own plus all its sub-ledgers'. */
  private long[] rolledTotals(BookState state, AccountState account, LocalDate asOf) {
    long debits = 0;
    long credits = 0;
    for (long[] day : account.daily.headMap(asOf, true).values()) {
      debits = Math.addExact(debits, day[0]);
      credits = Math.addExact(credits, day[1]);
    }
    for (AccountCode sub : account.subAccounts) {
      long[] subTotals = rolledTotals(state, state.accounts.get(sub), asOf);
      debits = Math.addExact(debits, subTotals[0]);
      credits = Math.addExact(credits, subTotals[1]);
    }
    return new long[] {debits, credits};
  }

  private void apply(JournalEntry entry) {
    BookState state = books.get(entry.book());
    state.entries.put(entry.id(), entry);
    entry.reverses().ifPresent(original -> state.reversals.put(original, entry.id()));
    for (Posting posting : entry.postings()) {
      long[] day =
          state.accounts.get(posting.account()).daily.computeIfAbsent(entry.date(), d -> new long[2]);
      int column = posting.side() == Side.DEBIT ? 0 : 1;
      day[column] = Math.addExact(day[column], posting.amount().getAmountMinorLong());
    }
  }

  private void undo(JournalEntry entry) {
    BookState state = books.get(entry.book());
    state.entries.remove(entry.id());
    entry.reverses().ifPresent(state.reversals::remove);
    for (Posting posting : entry.postings()) {
      NavigableMap<LocalDate, long[]> daily = state.accounts.get(posting.account()).daily;
      long[] day = daily.get(entry.date());
      day[posting.side() == Side.DEBIT ? 0 : 1] -= posting.amount().getAmountMinorLong();
      if (day[0] == 0 && day[1] == 0) {
        daily.remove(entry.date());
      }
    }
  }

  private BookState requireBook(BookId book) {
    BookState state = books.get(Objects.requireNonNull(book, "book"));
    if (state == null) {
      throw new JournalException(Rejection.BOOK_NOT_FOUND, "book " + book + " does not exist");
    }
    return state;
  }

  private static java.util.Comparator<Account> byCode() {
    return (a, b) -> a.code().compareTo(b.code());
  }

  private static final class BookState {
    final Book book;
    LocalDate lockDate;
    final Map<AccountCode, AccountState> accounts = new HashMap<>();
    final LinkedHashMap<EntryId, JournalEntry> entries = new LinkedHashMap<>();
    /** Original entry id to the id of the entry that reverses it. */
    final Map<EntryId, EntryId> reversals = new HashMap<>();

    BookState(Book book) {
      this.book = book;
    }
  }

  private static final class AccountState {
    final Account account;
    boolean open = true;
    final Set<AccountCode> subAccounts = new HashSet<>();
    /** Date to {debit total, credit total} in minor units, of the account's own postings. */
    final NavigableMap<LocalDate, long[]> daily = new TreeMap<>();

    AccountState(Account account) {
      this.account = account;
    }
  }

  /** The rules' view of this journal's state. Callers hold the journal's lock. */
  private final class View implements JournalView {

    @Override
    public Optional<Book> book(BookId id) {
      BookState state = books.get(Objects.requireNonNull(id, "id"));
      return state == null ? Optional.empty() : Optional.of(state.book);
    }

    @Override
    public Optional<LocalDate> lockDate(BookId book) {
      BookState state = books.get(Objects.requireNonNull(book, "book"));
      return state == null ? Optional.empty() : Optional.ofNullable(state.lockDate);
    }

    @Override
    public Optional<Account> account(BookId book, AccountCode code) {
      AccountState account = accountState(book, code);
      return account == null ? Optional.empty() : Optional.of(account.account);
    }

    @Override
    public boolean isOpen(BookId book, AccountCode code) {
      AccountState account = accountState(book, code);
      return account != null && account.open;
    }

    @Override
    public boolean hasSubAccounts(BookId book, AccountCode code) {
      AccountState account = accountState(book, code);
      return account != null && !account.subAccounts.isEmpty();
    }

    @Override
    public boolean hasOpenSubAccounts(BookId book, AccountCode code) {
      AccountState account = accountState(book, code);
      if (account == null) {
        return false;
      }
      BookState state = books.get(book);
      return account.subAccounts.stream().anyMatch(sub -> state.accounts.get(sub).open);
    }

    @Override
    public boolean hasPostings(BookId book, AccountCode code) {
      AccountState account = accountState(book, code);
      return account != null && !account.daily.isEmpty();
    }

    @Override
    public Optional<JournalEntry> entry(BookId book, EntryId id) {
      BookState state = books.get(Objects.requireNonNull(book, "book"));
      return state == null
          ? Optional.empty()
          : Optional.ofNullable(state.entries.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public boolean isReversed(BookId book, EntryId original) {
      BookState state = books.get(Objects.requireNonNull(book, "book"));
      return state != null && state.reversals.containsKey(original);
    }

    @Override
    public NetRange netRangeFrom(BookId book, AccountCode code, LocalDate from) {
      AccountState account = accountState(book, code);
      long running = 0;
      for (long[] day : account.daily.headMap(from, true).values()) {
        running += day[0] - day[1];
      }
      long lowest = running;
      long highest = running;
      for (long[] day : account.daily.tailMap(from, false).values()) {
        running += day[0] - day[1];
        lowest = Math.min(lowest, running);
        highest = Math.max(highest, running);
      }
      return new NetRange(lowest, highest);
    }

    @Override
    public long netMinor(BookId book, AccountCode code) {
      long net = 0;
      for (long[] day : accountState(book, code).daily.values()) {
        net += day[0] - day[1];
      }
      return net;
    }

    private AccountState accountState(BookId book, AccountCode code) {
      BookState state = books.get(Objects.requireNonNull(book, "book"));
      return state == null ? null : state.accounts.get(Objects.requireNonNull(code, "code"));
    }
  }
}
