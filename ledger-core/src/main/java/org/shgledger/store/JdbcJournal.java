package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountBalance;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.TrialBalance;
import org.shgledger.journal.spi.JournalRules;
import org.shgledger.report.spi.StatementMonths;

/**
 * A journal kept in a database over JDBC: SQLite for one computer, PostgreSQL for servers. Get
 * one from a {@link LedgerStore}, which also holds the groups' other records ({@link
 * LedgerStore#registry()}) in the same database, and close the store when done.
 *
 * <p>It behaves exactly as {@link org.shgledger.journal.InMemoryJournal}: every request is checked
 * by the rules every journal shares ({@code JournalRules}, in the module's non-exported {@code
 * journal.spi}) against a view of the database inside the request's own transaction,
 * and only then written, so a refused request leaves no trace and an accepted one is written
 * whole or, after a crash, not at all. What it adds: the books survive the process, several
 * processes can share them (see {@link LedgerStore} on busy databases), and each book's entries
 * form a hash chain that {@link #verify(BookId)} checks.
 *
 * <p>It shares its store's one database connection, on which threads take turns (each request
 * holds the connection for its transaction), so it is safe for several threads. Called inside an
 * engine operation of {@link LedgerStore#engine()}, a request joins that operation's
 * transaction. The store only ever inserts rows: entries and postings
 * are never updated or deleted. After the store is closed every method throws {@link
 * IllegalStateException}. See docs/store.md for the schema.
 */
public final class JdbcJournal implements Journal, StatementMonths {

  private final Database database;
  private final Statements statements;

  JdbcJournal(Database database) {
    this.database = database;
    this.statements = database;
  }

  /**
   * Which database this journal is kept in, for messages: the SQLite file's path, or the
   * PostgreSQL URL without its parameters (which may hold a password).
   *
   * @return a description such as {@code SQLite database /home/asha/shg.db}, not null
   */
  public String location() {
    return database.where();
  }

  @Override
  public Book createBook(Book book) {
    Objects.requireNonNull(book, "book");
    return write(List.of(book.id()), (view, writer) -> {
      Optional<Book> existing = JournalRules.checkCreateBook(view, book);
      if (existing.isPresent()) {
        return existing.get();
      }
      SqlView.checkStorable("name of book " + book.id(), book.name());
      PreparedStatement insert =
          prepare("INSERT INTO book (book_id, name, currency) VALUES (?, ?, ?)");
      insert.setString(1, book.id().value());
      insert.setString(2, book.name());
      insert.setString(3, book.currency().getCode());
      insert.executeUpdate();
      RegistryChain.recordInserted(statements, book.id(), RegistryChain.Table.BOOK);
      view.definitionsChanged();
      return book;
    });
  }

  @Override
  public Optional<Book> book(BookId id) {
    Objects.requireNonNull(id, "id");
    return read(view -> view.book(id));
  }

  @Override
  public List<Book> books() {
    return read(view -> {
      List<Book> books = new ArrayList<>();
      try (ResultSet rows = prepare("SELECT book_id, name, currency FROM book").executeQuery()) {
        while (rows.next()) {
          books.add(new Book(
              BookId.of(rows.getString(1)), rows.getString(2), CurrencyUnit.of(rows.getString(3))));
        }
      }
      // sorted here, not by the database, whose collation may not be Java's order
      books.sort(Comparator.comparing(Book::id));
      return List.copyOf(books);
    });
  }

  @Override
  public Account openAccount(Account account) {
    Objects.requireNonNull(account, "account");
    return write(List.of(account.book()), (view, writer) -> {
      Optional<Account> existing = JournalRules.checkOpenAccount(view, account);
      if (existing.isPresent()) {
        return existing.get();
      }
      SqlView.checkStorable("name of account " + account.code(), account.name());
      PreparedStatement insert =
          prepare(
              "INSERT INTO account (book_id, account_code, name, account_type, currency,"
                  + " control_code, balance_constraint) VALUES (?, ?, ?, ?, ?, ?, ?)");
      insert.setString(1, account.book().value());
      insert.setString(2, account.code().value());
      insert.setString(3, account.name());
      insert.setString(4, account.type().name());
      insert.setString(5, account.currency().getCode());
      insert.setString(6, account.control().map(AccountCode::value).orElse(null));
      insert.setString(7, account.constraint().name());
      insert.executeUpdate();
      RegistryChain.recordInserted(statements, account.book(), RegistryChain.Table.ACCOUNT, account.code().value());
      view.definitionsChanged();
      return account;
    });
  }

  @Override
  public void closeAccount(BookId book, AccountCode code) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(code, "code");
    write(List.of(book), (view, writer) -> {
      if (JournalRules.checkCloseAccount(view, book, code)) {
        PreparedStatement insert =
            prepare(
                "INSERT INTO account_closure (book_id, account_code, closed_at) VALUES (?, ?, ?)");
        insert.setString(1, book.value());
        insert.setString(2, code.value());
        insert.setString(3, Database.now());
        insert.executeUpdate();
        RegistryChain.recordInserted(statements, book, RegistryChain.Table.ACCOUNT_CLOSURE, code.value());
        view.definitionsChanged();
      }
      return null;
    });
  }

  @Override
  public Optional<Account> account(BookId book, AccountCode code) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(code, "code");
    return read(view -> view.account(book, code));
  }

  @Override
  public List<Account> accounts(BookId book) {
    Objects.requireNonNull(book, "book");
    return read(view -> accountsOf(book));
  }

  @Override
  public boolean isOpen(BookId book, AccountCode code) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(code, "code");
    return read(view -> view.isOpen(book, code));
  }

  @Override
  public JournalEntry record(JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return write(List.of(entry.book()), (view, writer) -> {
      Optional<JournalEntry> existing = JournalRules.checkEntry(view, entry);
      if (existing.isPresent()) {
        return existing.get();
      }
      view.apply(entry, Database.now());
      return entry;
    });
  }

  @Override
  public List<JournalEntry> recordAll(List<JournalEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    if (entries.size() > MAX_BATCH_ENTRIES) {
      throw new IllegalArgumentException(
          "a batch holds at most " + MAX_BATCH_ENTRIES + " entries, got " + entries.size());
    }
    Map<BookId, List<EntryId>> idsByBook = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry entry = Objects.requireNonNull(entries.get(i), "entry " + i);
      idsByBook.computeIfAbsent(entry.book(), b -> new ArrayList<>()).add(entry.id());
    }
    if (entries.isEmpty()) {
      return List.of();
    }
    return write(idsByBook.keySet(), (view, writer) -> {
      idsByBook.forEach(view::prefetchIds);
      String recordedAt = Database.now();
      List<JournalEntry> recorded = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        JournalEntry entry = entries.get(i);
        Optional<JournalEntry> existing = JournalRules.checkBatchEntry(view, entry, i, entries.size());
        if (existing.isPresent()) {
          recorded.add(existing.get());
        } else {
          view.apply(entry, recordedAt);
          recorded.add(entry);
        }
      }
      return List.copyOf(recorded);
    });
  }

  @Override
  public void lock(BookId book, LocalDate lockDate) {
    Objects.requireNonNull(book, "book");
    write(List.of(book), (view, writer) -> {
      if (JournalRules.checkLock(view, book, lockDate)) {
        PreparedStatement insert =
            prepare(
                "INSERT INTO book_lock (book_id, lock_seq, lock_date_epoch_day, locked_at)"
                    + " SELECT ?, COALESCE(MAX(lock_seq), 0) + 1, ?, ? FROM book_lock"
                    + " WHERE book_id = ?");
        insert.setString(1, book.value());
        insert.setLong(2, lockDate.toEpochDay());
        insert.setString(3, Database.now());
        insert.setString(4, book.value());
        insert.executeUpdate();
        RegistryChain.recordNumbered(statements, book, RegistryChain.Table.BOOK_LOCK);
        view.definitionsChanged();
      }
      return null;
    });
  }

  @Override
  public Optional<LocalDate> lockDate(BookId book) {
    Objects.requireNonNull(book, "book");
    return read(view -> view.lockDate(book));
  }

  @Override
  public Optional<JournalEntry> entry(BookId book, EntryId id) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(id, "id");
    return read(view -> view.entry(book, id));
  }

  @Override
  public Optional<JournalEntry> reversalOf(BookId book, EntryId original) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(original, "original");
    return read(view -> Rows.entryWhere(statements, book, "reverses_entry_id", original));
  }

  @Override
  public boolean stands(BookId book, EntryId id) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(id, "id");
    // one statement over the two unique indexes (book, entry id) and (book, reversed entry id)
    return read(view -> {
      PreparedStatement query = statements.prepare(
          "SELECT CASE WHEN EXISTS (SELECT 1 FROM journal_entry WHERE book_id = ? AND entry_id = ?)"
              + " AND NOT EXISTS (SELECT 1 FROM journal_entry WHERE book_id = ? AND reverses_entry_id = ?)"
              + " THEN 1 ELSE 0 END");
      query.setString(1, book.value());
      query.setString(2, id.value());
      query.setString(3, book.value());
      query.setString(4, id.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getInt(1) == 1;
      }
    });
  }

  @Override
  public List<JournalEntry> entries(BookId book) {
    Objects.requireNonNull(book, "book");
    return readSnapshot(view -> List.copyOf(Rows.entries(statements, book)));
  }

  @Override
  public void forEachEntryByDate(BookId book, Consumer<JournalEntry> action) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(action, "action");
    readSnapshot(view -> {
      Rows.forEachByDate(statements, book, action);
      return null;
    });
  }

  @Override
  public List<JournalEntry> entriesBetween(BookId book, LocalDate from, LocalDate to) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return readSnapshot(view -> List.copyOf(Rows.entriesBetween(statements, book, from, to)));
  }

  @Override
  public List<JournalEntry> entriesPosting(BookId book, AccountCode account, LocalDate from, LocalDate to) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return readSnapshot(view -> Rows.entriesPosting(statements, book, account, from, to));
  }

  @Override
  public Optional<LocalDate> latestEntryDate(BookId book) {
    Objects.requireNonNull(book, "book");
    // The latest posting of each account is the last row of its range of the posting index, so
    // this reads a row per account, where a MAX over the book's entries read every entry. Every
    // entry has postings dated as itself (verify checks it), so the latest posting's date is the
    // latest entry's.
    return read(view -> {
      PreparedStatement latest = statements.prepare(
          "SELECT MAX((SELECT MAX(p.entry_date_epoch_day) FROM posting p WHERE p.book_id = a.book_id"
              + " AND p.account_code = a.account_code)) FROM account a WHERE a.book_id = ?");
      latest.setString(1, book.value());
      try (ResultSet row = latest.executeQuery()) {
        long day = row.next() ? row.getLong(1) : 0;
        return row.wasNull() ? Optional.<LocalDate>empty() : Optional.of(LocalDate.ofEpochDay(day));
      }
    });
  }

  /**
   * The group statement's figures of whole months, summed per category from the rows kept with the
   * entries (schema version 18, {@link StatementMonthRows}): one index range, whatever the size of
   * the book.
   *
   * @param book the book, not null
   * @param from the first month, not null
   * @param to the last month, not null
   * @return per category code, receipts, payments and net income in minor units; modifiable
   */
  @Override
  public Map<String, long[]> statementMonths(BookId book, YearMonth from, YearMonth to) {
    Objects.requireNonNull(book, "book");
    long first = MonthBalances.month(Objects.requireNonNull(from, "from").atDay(1));
    long last = MonthBalances.month(Objects.requireNonNull(to, "to").atDay(1));
    return read(view -> StatementMonthRows.summed(statements, book.value(), first, last));
  }

  @Override
  public AccountBalance balance(BookId book, AccountCode code, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(code, "code");
    // An account with postings never gains sub-ledgers (the rules refuse it), so a leaf's balance
    // is one statement, one index range, consistent without a transaction. A control account's
    // sums its sub-ledgers, read in one snapshot.
    AccountBalance leaf = read(view -> {
      Book found = requireBook(view, book);
      Account account =
          view.account(book, code)
              .orElseThrow(
                  () ->
                      new JournalException(
                          Rejection.ACCOUNT_NOT_FOUND,
                          "book " + book + ", account " + code + ": does not exist"));
      if (view.hasSubAccounts(book, code)) {
        return null;
      }
      return balance(account, asOf, found.currency(), ownTotals(book, code, asOf));
    });
    if (leaf != null) {
      return leaf;
    }
    return readSnapshot(view -> {
      Book found = requireBook(view, book);
      Account account = view.account(book, code).orElseThrow();
      long[] totals = rolledTotals(code, children(accountsOf(book)), ownTotals(book, asOf));
      return balance(account, asOf, found.currency(), totals);
    });
  }

  private static AccountBalance balance(
      Account account, LocalDate asOf, CurrencyUnit currency, long[] totals) {
    return new AccountBalance(
        account, asOf, Money.ofMinor(currency, totals[0]), Money.ofMinor(currency, totals[1]));
  }

  @Override
  public TrialBalance trialBalance(BookId book, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return readSnapshot(view -> {
      Book found = requireBook(view, book);
      List<Account> accounts = accountsOf(book);
      Map<AccountCode, List<Account>> children = children(accounts);
      Map<AccountCode, long[]> own = ownTotals(book, asOf);
      List<TrialBalance.Line> lines = new ArrayList<>();
      for (Account account : accounts) {
        if (account.control().isEmpty()) {
          lines.add(line(account, children, own, found.currency()));
        }
      }
      return new TrialBalance(book, asOf, found.currency(), lines);
    });
  }

  /**
   * Checks one book's entries against their hashes and chain, its balances against the fold of
   * its postings, its registry rows against the registry chain, its balances against their
   * accounts' limits and its entries against the locks; see {@link Verification}.
   *
   * @param book the book, not null
   * @return what was found, not null
   * @throws JournalException {@link Rejection#BOOK_NOT_FOUND}
   */
  public Verification verify(BookId book) {
    Objects.requireNonNull(book, "book");
    return readSnapshot(view -> {
      Book found;
      try {
        found = requireBook(view, book);
      } catch (StoreException e) {
        if (e.kind() != StoreException.Kind.UNREADABLE_ROW) {
          throw e;
        }
        // the book's own row was changed: the registry chain names it, if anything can
        RegistryVerifier.Result registry = new RegistryVerifier(statements, book).run();
        if (registry.mismatch().isEmpty()) {
          throw e;
        }
        return new Verification(book, 0, EntryHashes.GENESIS, registry.eventsChecked(), registry.headHash(),
            registry.mismatch());
      }
      return new Verifier(statements, found).run(ownTotals(book, LocalDate.MAX));
    });
  }

  /**
   * The stored hash of a book's entry by its number in the chain, for checking an anchor (a head
   * hash and entry count written down earlier) against a book that has since grown. Meaningful
   * after {@link #verify} found the book intact up to that entry.
   *
   * @param book the book, not null
   * @param sequence the entry's number, from 1
   * @return its stored hash, or empty if the book has fewer entries
   */
  public Optional<String> entryHash(BookId book, long sequence) {
    Objects.requireNonNull(book, "book");
    return readSnapshot(view -> {
      PreparedStatement query = statements.prepare(
          "SELECT entry_hash FROM journal_entry WHERE book_id = ? AND entry_seq = ?");
      query.setString(1, book.value());
      query.setLong(2, sequence);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(EntryHashes.fromStored(row.getBytes(1))) : Optional.<String>empty();
      }
    });
  }

  /**
   * The stored hash of a book's registry event by its number in the registry chain, for checking a
   * registry anchor as {@link #entryHash} does for entries.
   *
   * @param book the book, not null
   * @param sequence the event's number, from 1
   * @return its stored hash, or empty if the registry has fewer events
   */
  public Optional<String> registryHash(BookId book, long sequence) {
    Objects.requireNonNull(book, "book");
    return readSnapshot(view -> {
      PreparedStatement query = statements.prepare(
          "SELECT event_hash FROM registry_event WHERE book_id = ? AND event_seq = ?");
      query.setString(1, book.value());
      query.setLong(2, sequence);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
      }
    });
  }

  /**
   * Verifies every book, in id order.
   *
   * @return one result per book, not null
   */
  public List<Verification> verifyAll() {
    List<Verification> results = new ArrayList<>();
    for (Book book : books()) {
      results.add(verify(book.id()));
    }
    return List.copyOf(results);
  }

  // ---- reading ----

  private static Book requireBook(SqlView view, BookId book) {
    Objects.requireNonNull(book, "book");
    return view.book(book)
        .orElseThrow(
            () -> new JournalException(Rejection.BOOK_NOT_FOUND, "book " + book + " does not exist"));
  }

  private List<Account> accountsOf(BookId book) throws SQLException {
    PreparedStatement query =
        prepare("SELECT " + Rows.ACCOUNT_COLUMNS + " FROM account a WHERE a.book_id = ?");
    query.setString(1, book.value());
    List<Account> accounts = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        accounts.add(Rows.account(book, rows));
      }
    }
    accounts.sort(Comparator.comparing(Account::code));
    return List.copyOf(accounts);
  }

  /** Each control account's direct sub-ledgers, in code order. */
  private static Map<AccountCode, List<Account>> children(List<Account> accountsInCodeOrder) {
    Map<AccountCode, List<Account>> children = new HashMap<>();
    for (Account account : accountsInCodeOrder) {
      account.control().ifPresent(
          control -> children.computeIfAbsent(control, c -> new ArrayList<>()).add(account));
    }
    return children;
  }

  private static TrialBalance.Line line(
      Account account,
      Map<AccountCode, List<Account>> children,
      Map<AccountCode, long[]> own,
      CurrencyUnit currency) {
    List<TrialBalance.Line> subLines = new ArrayList<>();
    for (Account sub : children.getOrDefault(account.code(), List.of())) {
      subLines.add(line(sub, children, own, currency));
    }
    long[] totals = rolledTotals(account.code(), children, own);
    long net = totals[0] - totals[1];
    return new TrialBalance.Line(
        account,
        Money.ofMinor(currency, Math.max(net, 0)),
        Money.ofMinor(currency, Math.max(-net, 0)),
        subLines);
  }

  /** Debit and credit totals of an account's own postings and all its sub-ledgers'. */
  private static long[] rolledTotals(
      AccountCode code, Map<AccountCode, List<Account>> children, Map<AccountCode, long[]> own) {
    long[] mine = own.getOrDefault(code, new long[2]);
    long debits = mine[0];
    long credits = mine[1];
    for (Account sub : children.getOrDefault(code, List.of())) {
      long[] subTotals = rolledTotals(sub.code(), children, own);
      debits = Math.addExact(debits, subTotals[0]);
      credits = Math.addExact(credits, subTotals[1]);
    }
    return new long[] {debits, credits};
  }

  private static final String DEBIT_AND_CREDIT_SUMS =
      "COALESCE(SUM(CASE WHEN side = 'D' THEN amount_minor ELSE 0 END), 0),"
          + " COALESCE(SUM(CASE WHEN side = 'C' THEN amount_minor ELSE 0 END), 0)";

  /**
   * Debit and credit totals of one account's own postings up to a date: its month-end balances of
   * the months before the date's month ({@link MonthBalances}), then the postings of that month up
   * to the date, one index range. The time grows with the months of the book, not its entries.
   */
  private long[] ownTotals(BookId book, AccountCode code, LocalDate asOf) throws SQLException {
    PreparedStatement months =
        prepare("SELECT COALESCE(SUM(debit_minor), 0), COALESCE(SUM(credit_minor), 0)"
            + " FROM account_month_balance WHERE book_id = ? AND account_code = ? AND month_yyyymm < ?");
    months.setString(1, book.value());
    months.setString(2, code.value());
    months.setLong(3, MonthBalances.month(asOf));
    long[] totals = new long[2];
    try (ResultSet row = months.executeQuery()) {
      row.next();
      totals[0] = row.getLong(1);
      totals[1] = row.getLong(2);
    }
    PreparedStatement postings =
        prepare("SELECT " + DEBIT_AND_CREDIT_SUMS + " FROM posting WHERE book_id = ?"
            + " AND account_code = ? AND entry_date_epoch_day BETWEEN ? AND ?");
    postings.setString(1, book.value());
    postings.setString(2, code.value());
    postings.setLong(3, asOf.withDayOfMonth(1).toEpochDay());
    postings.setLong(4, asOf.toEpochDay());
    try (ResultSet row = postings.executeQuery()) {
      row.next();
      totals[0] = Math.addExact(totals[0], row.getLong(1));
      totals[1] = Math.addExact(totals[1], row.getLong(2));
    }
    return totals;
  }

  /**
   * Debit and credit totals of every account's own postings in a book up to a date, as {@link
   * #ownTotals(BookId, AccountCode, LocalDate)} for each: the month rows before the date's month,
   * then the postings of that month, one index range per account.
   */
  private Map<AccountCode, long[]> ownTotals(BookId book, LocalDate asOf) throws SQLException {
    PreparedStatement months =
        prepare("SELECT account_code, COALESCE(SUM(debit_minor), 0), COALESCE(SUM(credit_minor), 0)"
            + " FROM account_month_balance WHERE book_id = ? AND month_yyyymm < ? GROUP BY account_code");
    months.setString(1, book.value());
    months.setLong(2, MonthBalances.month(asOf));
    Map<AccountCode, long[]> totals = new HashMap<>();
    try (ResultSet rows = months.executeQuery()) {
      while (rows.next()) {
        totals.put(AccountCode.of(rows.getString(1)), new long[] {rows.getLong(2), rows.getLong(3)});
      }
    }
    // the account codes of the book lead the posting index, so each account's month is one range
    PreparedStatement postings =
        prepare("SELECT account_code, " + DEBIT_AND_CREDIT_SUMS + " FROM posting"
            + " WHERE book_id = ? AND account_code IN (SELECT account_code FROM account WHERE book_id = ?)"
            + " AND entry_date_epoch_day BETWEEN ? AND ? GROUP BY account_code");
    postings.setString(1, book.value());
    postings.setString(2, book.value());
    postings.setLong(3, asOf.withDayOfMonth(1).toEpochDay());
    postings.setLong(4, asOf.toEpochDay());
    try (ResultSet rows = postings.executeQuery()) {
      while (rows.next()) {
        long[] sums = totals.computeIfAbsent(AccountCode.of(rows.getString(1)), code -> new long[2]);
        sums[0] = Math.addExact(sums[0], rows.getLong(2));
        sums[1] = Math.addExact(sums[1], rows.getLong(3));
      }
    }
    return totals;
  }

  // ---- transactions ----

  /** Work inside a write transaction. */
  @FunctionalInterface
  private interface WriteWork<T> {
    T run(SqlView view, EntryWriter writer) throws SQLException;
  }

  /** Work inside a read transaction. */
  @FunctionalInterface
  private interface ReadWork<T> {
    T run(SqlView view) throws SQLException;
  }

  /**
   * Runs work in a write transaction of the database (see {@link Database#write}), flushing the
   * writer's rows at its end and forgetting them on failure.
   *
   * <p>The view and writer are the transaction's, shared by every request inside it: an engine
   * unit that records a register's entries one request at a time (an import is one transaction)
   * reads each account's balance per day once and keeps it current, where a view per request
   * read the whole history of the group's cash account again for every entry, so that an import
   * took time growing with the square of its size. A request that fails drops the shared view,
   * whose state is then unknown; the next one reads afresh.
   */
  private <T> T write(Iterable<BookId> books, WriteWork<T> work) {
    return database.write(books, () -> {
      SqlView view = database.transactionScoped(SqlView.class, this::newView);
      try {
        T result = work.run(view, view.writer());
        view.endRequest();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        database.forgetTransactionScoped(SqlView.class);
        discard(view.writer(), e);
        throw e;
      }
    });
  }

  /**
   * Runs reads that must see one state of the database, such as a trial balance's accounts and
   * sums, in a snapshot transaction.
   */
  private <T> T readSnapshot(ReadWork<T> work) {
    return database.read(true, () -> work.run(readView()));
  }

  /**
   * Runs reads that need no transaction: a single statement, or statements about rows that never
   * change once committed (a book, an account's definition, an entry and its postings).
   */
  private <T> T read(ReadWork<T> work) {
    return database.read(false, () -> work.run(readView()));
  }

  /**
   * The view a read works on: inside a write transaction the transaction's own, so that what a
   * caller reads before it writes (is this entry id known?) is what the rules find after, without
   * asking the database twice; outside one, a view of its own.
   */
  private SqlView readView() {
    return database.inWriteTransaction() ? database.transactionScoped(SqlView.class, this::newView) : newView();
  }

  private SqlView newView() {
    return new SqlView(statements, new EntryWriter(statements), database.dialect());
  }

  private static void discard(EntryWriter writer, Throwable cause) {
    try {
      writer.discard();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return database.prepare(sql);
  }
}
