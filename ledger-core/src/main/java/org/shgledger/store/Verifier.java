package org.shgledger.store;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.report.spi.StatementFigures;
import org.shgledger.store.EntryHashes.StoredEntry;
import org.shgledger.store.EntryHashes.StoredPosting;
import org.shgledger.store.Verification.Kind;
import org.shgledger.store.Verification.Mismatch;

/**
 * Walks one book's stored entries in sequence, streaming, and checks each against the chain and
 * its hash, after the registry chain ({@link RegistryVerifier}), then the book's balances against
 * the fold of the postings it walked, then that no entry was recorded into a period locked
 * at the time and that no account's balance breaks its limit at the end of any day. Reads raw
 * rows, not journal types, so that it checks what is stored rather than what the library would
 * make of it.
 */
final class Verifier {

  private final Statements sql;
  private final Book book;
  private final Map<String, long[]> fold = new HashMap<>();
  /** The verified postings summed per account and month, to check the month-end balances. */
  private final Map<MonthBalances.Key, long[]> monthFold = new HashMap<>();
  /** The verified entries' statement figures per month and category, to check the stored ones. */
  private final StatementMonthRows statementFold;
  /** The entries that name a member or a loan, for the reversals of entries hashed before kinds. */
  private final Map<EntryId, JournalEntry> subjects = new HashMap<>();
  private static final java.util.Set<String> KINDS = java.util.Arrays.stream(EntryKind.values())
      .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private String head = EntryHashes.GENESIS;
  private long checked;
  private long registryChecked;
  private String registryHead = RegistryChain.GENESIS;
  /** The limited accounts' limits, by code; only their postings are folded by day. */
  private final Map<String, BalanceConstraint> limits = new HashMap<>();
  /** Each limited account's net (debits minus credits) per day, by epoch day. */
  private final Map<String, TreeMap<Long, Long>> dailyNets = new HashMap<>();
  /** The book's locks in the order they were set. */
  private final List<Lock> locks = new ArrayList<>();
  /** The first entry found recorded into a locked period, reported after the registry's checks. */
  private Optional<Mismatch> lockBroken = Optional.empty();

  /** A lock as stored: the date up to which it closed the book, and when it was set. */
  private record Lock(long dateEpochDay, Instant lockedAt) {}

  Verifier(Statements sql, Book book) {
    this.sql = sql;
    this.book = book;
    this.statementFold = new StatementMonthRows(sql, false);
  }

  /** One posting row. */
  private record PostingRow(long sequence, int line, StoredPosting posting, long dateEpochDay) {}

  /**
   * Runs the checks.
   *
   * @param storedTotals every account's debit and credit totals as the store's balance queries
   *     compute them, over all dates
   * @return the result
   */
  Verification run(Map<AccountCode, long[]> storedTotals) throws SQLException {
    // the registry first: the journal's checks read the book's currency, limits and locks from it
    RegistryVerifier.Result registry = new RegistryVerifier(sql, book.id()).run();
    registryChecked = registry.eventsChecked();
    registryHead = registry.headHash();
    if (registry.mismatch().isPresent()) {
      return result(registry.mismatch());
    }
    readLimitsAndLocks();
    statementFold.readChartOf(book.id().value());
    PreparedStatement entries =
        sql.prepare(
            "SELECT entry_seq, entry_id, entry_date_epoch_day, memo, reverses_entry_id,"
                + " source_reference, recorded_at, previous_hash, entry_hash, entry_kind, member_id, loan_id,"
                + " hash_version FROM journal_entry WHERE book_id = ? ORDER BY entry_seq");
    PreparedStatement postings =
        sql.prepare(
            "SELECT entry_seq, line_no, account_code, side, amount_minor, currency,"
                + " entry_date_epoch_day FROM posting WHERE book_id = ? ORDER BY entry_seq, line_no");
    entries.setString(1, book.id().value());
    postings.setString(1, book.id().value());
    // let PostgreSQL stream a large book instead of holding it all in memory
    entries.setFetchSize(1_000);
    postings.setFetchSize(1_000);
    try (ResultSet entryRows = entries.executeQuery();
        ResultSet postingRows = postings.executeQuery()) {
      PostingRow nextPosting = nextPosting(postingRows);
      while (entryRows.next()) {
        long sequence = entryRows.getLong(1);
        EntryId id = EntryId.of(entryRows.getString(2));
        if (nextPosting != null && nextPosting.sequence() < sequence) {
          return orphans(nextPosting);
        }
        List<PostingRow> lines = new ArrayList<>();
        while (nextPosting != null && nextPosting.sequence() == sequence) {
          lines.add(nextPosting);
          nextPosting = nextPosting(postingRows);
        }
        Optional<Mismatch> mismatch = check(entryRows, sequence, id, lines);
        if (mismatch.isPresent()) {
          return result(mismatch);
        }
        statementFold.add(book.id().value(), id.value(), entryRows.getString(10),
            Optional.ofNullable(entryRows.getString(5)), entryRows.getLong(3),
            lines.stream().map(PostingRow::posting).toList());
        for (PostingRow line : lines) {
          StoredPosting posting = line.posting();
          long[] totals = fold.computeIfAbsent(posting.accountCode(), code -> new long[2]);
          totals[posting.side() == 'D' ? 0 : 1] += posting.amountMinor();
          MonthBalances.add(monthFold, new MonthBalances.Key(book.id().value(), posting.accountCode(),
              MonthBalances.month(line.dateEpochDay())), posting.side() == 'D', posting.amountMinor());
          if (limits.containsKey(posting.accountCode())) {
            dailyNets.computeIfAbsent(posting.accountCode(), code -> new TreeMap<>()).merge(line.dateEpochDay(),
                posting.side() == 'D' ? posting.amountMinor() : -posting.amountMinor(), Long::sum);
          }
        }
        if (!locks.isEmpty() && lockBroken.isEmpty()) {
          lockBroken = lockBroken(sequence, id, entryRows.getLong(3), entryRows.getString(7));
        }
        head = EntryHashes.fromStored(entryRows.getBytes(9));
        checked++;
      }
      if (nextPosting != null) {
        return orphans(nextPosting);
      }
    }
    Verification months = compareMonths();
    if (!months.isOk()) {
      return months;
    }
    Verification figures = compareStatementMonths();
    if (!figures.isOk()) {
      return figures;
    }
    Verification balances = compareBalances(storedTotals);
    if (!balances.isOk()) {
      return balances;
    }
    if (lockBroken.isPresent()) {
      return result(lockBroken);
    }
    return result(limitBroken());
  }

  private Verification result(Optional<Mismatch> mismatch) {
    return new Verification(book.id(), checked, head, registryChecked, registryHead, mismatch);
  }

  private void readLimitsAndLocks() throws SQLException {
    PreparedStatement accounts =
        sql.prepare("SELECT account_code, balance_constraint FROM account WHERE book_id = ?");
    accounts.setString(1, book.id().value());
    try (ResultSet rows = accounts.executeQuery()) {
      while (rows.next()) {
        String code = rows.getString(1);
        String constraint = rows.getString(2);
        // an unknown limit is the registry chain's to report; here it limits nothing
        Arrays.stream(BalanceConstraint.values())
            .filter(known -> known != BalanceConstraint.NONE && known.name().equals(constraint))
            .findFirst().ifPresent(known -> limits.put(code, known));
      }
    }
    PreparedStatement stored = sql.prepare(
        "SELECT lock_date_epoch_day, locked_at FROM book_lock WHERE book_id = ? ORDER BY lock_seq");
    stored.setString(1, book.id().value());
    try (ResultSet rows = stored.executeQuery()) {
      while (rows.next()) {
        long date = rows.getLong(1);
        instant(rows.getString(2)).ifPresent(at -> locks.add(new Lock(date, at)));
      }
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether an entry was recorded after a lock was set and dated on or before its date: the
   * journal refuses that, so only an entry written behind its back can be.
   */
  private Optional<Mismatch> lockBroken(long sequence, EntryId id, long dateEpochDay, String recordedAt) {
    Optional<Instant> recorded = instant(recordedAt);
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    long lockedUpTo = Long.MIN_VALUE;
    for (Lock lock : locks) {
      if (lock.lockedAt().isBefore(recorded.get())) {
        lockedUpTo = Math.max(lockedUpTo, lock.dateEpochDay());
      }
    }
    if (lockedUpTo != Long.MIN_VALUE && dateEpochDay <= lockedUpTo) {
      return mismatch(Kind.LOCK, sequence, id, "it is dated " + day(dateEpochDay)
          + " but was recorded at " + recordedAt + ", when the book was locked up to " + day(lockedUpTo));
    }
    return Optional.empty();
  }

  /** A stored day for a message, even one out of any date's range. */
  private static String day(long epochDay) {
    try {
      return LocalDate.ofEpochDay(epochDay).toString();
    } catch (java.time.DateTimeException e) {
      return "day " + epochDay + " (no date)";
    }
  }

  /** The first limited account whose balance breaks its limit at the end of a day, in code order. */
  private Optional<Mismatch> limitBroken() {
    for (String code : new TreeMap<>(dailyNets).keySet()) {
      BalanceConstraint limit = limits.get(code);
      long balance = 0;
      for (Map.Entry<Long, Long> day : dailyNets.get(code).entrySet()) {
        balance += day.getValue();
        boolean broken = limit == BalanceConstraint.CREDITS_MUST_NOT_EXCEED_DEBITS ? balance < 0 : balance > 0;
        if (broken) {
          return Optional.of(new Mismatch(Kind.LIMIT, 0, Optional.empty(), "account " + code + " is at "
              + withCurrency(Money.ofMinor(book.currency(), Math.abs(balance)).negated()) + " at the end of "
              + day(day.getKey()) + ", below zero, which its limit " + limit + " forbids"));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Mismatch> check(
      ResultSet row, long sequence, EntryId id, List<PostingRow> lines) throws SQLException {
    long expected = checked + 1;
    if (sequence != expected) {
      return mismatch(Kind.CHAIN, sequence, id,
          "entries " + expected + " to " + (sequence - 1) + " of the book are missing before it");
    }
    String previousHash = EntryHashes.fromStored(row.getBytes(8));
    if (!head.equals(previousHash)) {
      return mismatch(Kind.CHAIN, sequence, id,
          "its stored previous hash " + previousHash + " is not the hash " + head
              + " of the entry before it");
    }
    long dateEpochDay = row.getLong(3);
    List<StoredPosting> postings = new ArrayList<>();
    long debits = 0;
    long credits = 0;
    for (int i = 0; i < lines.size(); i++) {
      PostingRow line = lines.get(i);
      StoredPosting posting = line.posting();
      String problem =
          line.line() != i + 1 ? "line " + (i + 1) + " is numbered " + line.line()
              : line.dateEpochDay() != dateEpochDay ? "line " + line.line() + " is dated "
                  + LocalDate.ofEpochDay(line.dateEpochDay()) + ", apart from its entry"
              : !posting.currency().equals(book.currency().getCode()) ? "line " + line.line()
                  + " is in " + posting.currency() + ", not the book's " + book.currency()
              : posting.amountMinor() <= 0 ? "line " + line.line() + " has a non-positive amount"
              : null;
      if (problem != null) {
        return mismatch(Kind.CONTENT, sequence, id, problem);
      }
      postings.add(posting);
      if (posting.side() == 'D') {
        debits += posting.amountMinor();
      } else {
        credits += posting.amountMinor();
      }
    }
    String reverses = row.getString(5);
    String kind = row.getString(10);
    int hashVersion = row.getInt(13);
    if (kind == null || !KINDS.contains(kind) || hashVersion < 1 || hashVersion > EntryHashes.CURRENT_VERSION) {
      return mismatch(Kind.CONTENT, sequence, id, "its stored kind " + kind + " or hash version " + hashVersion
          + " is not one this version of shg-ledger writes");
    }
    Optional<String> member = Optional.ofNullable(row.getString(11));
    Optional<String> loan = Optional.ofNullable(row.getString(12));
    StoredEntry stored = new StoredEntry(
        previousHash,
        book.id().value(),
        sequence,
        id.value(),
        LocalDate.ofEpochDay(dateEpochDay).toString(),
        row.getString(4),
        Optional.ofNullable(reverses),
        Optional.ofNullable(row.getString(6)),
        row.getString(7),
        postings,
        hashVersion,
        kind,
        member,
        loan);
    String storedHash = EntryHashes.fromStored(row.getBytes(9));
    if (!EntryHashes.hash(stored).equals(storedHash)) {
      return mismatch(Kind.CONTENT, sequence, id,
          "its stored content (date, memo, links or postings) is not what was recorded: it does"
              + " not match its hash");
    }
    if (hashVersion > 1 && member.isEmpty() && loan.isEmpty()) {
      // covered by its hash, and no later reversal needs its member or loan: nothing to rebuild
      return balanceOf(sequence, id, postings, debits, credits);
    }
    JournalEntry entry;
    try {
      entry = new JournalEntry(id, book.id(), LocalDate.ofEpochDay(dateEpochDay), row.getString(4),
          postings.stream().map(this::posting).toList(),
          Optional.ofNullable(reverses).map(EntryId::of), Optional.ofNullable(row.getString(6)),
          EntryKind.valueOf(kind), member, loan);
    } catch (IllegalArgumentException e) {
      return mismatch(Kind.CONTENT, sequence, id, "its stored content cannot be read: " + e.getMessage());
    }
    if (hashVersion == 1) {
      Optional<String> disagreement = KindMigration.disagreement(entry, entry.reverses().map(subjects::get));
      if (disagreement.isPresent()) {
        return mismatch(Kind.CONTENT, sequence, id, disagreement.get());
      }
    }
    if (member.isPresent() || loan.isPresent()) {
      subjects.put(id, entry);
    }
    return balanceOf(sequence, id, postings, debits, credits);
  }

  /** The last check of an entry: it balances. */
  private Optional<Mismatch> balanceOf(long sequence, EntryId id, List<StoredPosting> postings, long debits,
      long credits) {
    if (debits != credits || postings.size() < 2) {
      return mismatch(Kind.CONTENT, sequence, id,
          "it does not balance: debits " + withCurrency(Money.ofMinor(book.currency(), debits))
              + ", credits " + withCurrency(Money.ofMinor(book.currency(), credits)) + " in "
              + postings.size() + " postings");
    }
    return Optional.empty();
  }

  private static Optional<Mismatch> mismatch(Kind kind, long sequence, EntryId id, String detail) {
    return Optional.of(new Mismatch(kind, sequence, Optional.of(id), detail));
  }

  private Verification orphans(PostingRow posting) {
    return result(Optional.of(new Mismatch(
        Kind.BALANCE, posting.sequence(), Optional.empty(),
        "posting rows belong to entry number " + posting.sequence()
            + ", which is not in the book: they count in balances but were never recorded")));
  }

  /**
   * The month-end balances against the fold of the verified postings, account by account and
   * month by month, in that order: the first row that differs, or that is missing or extra, is
   * named by its account and month.
   */
  private Verification compareMonths() throws SQLException {
    Map<MonthBalances.Key, long[]> stored = new TreeMap<>();
    PreparedStatement rows = sql.prepare("SELECT account_code, month_yyyymm, debit_minor, credit_minor"
        + " FROM account_month_balance WHERE book_id = ?");
    rows.setString(1, book.id().value());
    try (ResultSet row = rows.executeQuery()) {
      while (row.next()) {
        stored.put(new MonthBalances.Key(book.id().value(), row.getString(1), row.getLong(2)),
            new long[] {row.getLong(3), row.getLong(4)});
      }
    }
    Map<MonthBalances.Key, long[]> all = new TreeMap<>(monthFold);
    stored.forEach(all::putIfAbsent);
    for (MonthBalances.Key key : all.keySet()) {
      long[] folded = monthFold.getOrDefault(key, new long[2]);
      long[] kept = stored.getOrDefault(key, new long[2]);
      if (folded[0] != kept[0] || folded[1] != kept[1]) {
        return result(Optional.of(new Mismatch(
            Kind.BALANCE, 0, Optional.empty(),
            "account " + key.account() + ", month " + MonthBalances.text(key.month())
                + ": the month-end balances count debits " + kept[0] + " and credits " + kept[1]
                + " (minor units), but its verified postings that month sum to " + folded[0] + " and "
                + folded[1])));
      }
    }
    return result(Optional.empty());
  }

  /**
   * The statement's month rows against the fold of the verified entries, month by month and
   * category by category: the first row that differs, or that is missing or extra, is named by its
   * book, month and category.
   */
  private Verification compareStatementMonths() throws SQLException {
    Map<StatementMonthRows.Key, long[]> stored = StatementMonthRows.stored(sql, book.id().value());
    Map<StatementMonthRows.Key, long[]> fold = statementFold.sums();
    Map<StatementMonthRows.Key, long[]> all = new TreeMap<>(fold);
    stored.forEach(all::putIfAbsent);
    long[] none = new long[StatementFigures.SUMS];
    for (StatementMonthRows.Key key : all.keySet()) {
      long[] folded = fold.getOrDefault(key, none);
      long[] kept = stored.getOrDefault(key, none);
      if (!Arrays.equals(folded, kept)) {
        return result(Optional.of(new Mismatch(
            Kind.BALANCE, 0, Optional.empty(),
            "book " + key.book() + ", month " + MonthBalances.text(key.month()) + ", category " + key.category()
                + ": the statement's month rows count receipts " + kept[StatementFigures.RECEIPTS] + ", payments "
                + kept[StatementFigures.PAYMENTS] + " and net income " + kept[StatementFigures.NET_INCOME]
                + " (minor units), but its verified entries that month give " + folded[StatementFigures.RECEIPTS]
                + ", " + folded[StatementFigures.PAYMENTS] + " and " + folded[StatementFigures.NET_INCOME])));
      }
    }
    return result(Optional.empty());
  }

  private Verification compareBalances(Map<AccountCode, long[]> storedTotals) {
    Map<String, long[]> stored = new TreeMap<>();
    storedTotals.forEach((code, totals) -> stored.put(code.value(), totals));
    Map<String, long[]> all = new TreeMap<>(fold);
    stored.forEach(all::putIfAbsent);
    for (String code : all.keySet()) {
      long[] folded = fold.getOrDefault(code, new long[2]);
      long[] summed = stored.getOrDefault(code, new long[2]);
      if (folded[0] != summed[0] || folded[1] != summed[1]) {
        return result(Optional.of(new Mismatch(
            Kind.BALANCE, 0, Optional.empty(),
            "account " + code + ": balances count debits " + summed[0] + " and credits "
                + summed[1] + " (minor units), but its verified postings sum to " + folded[0]
                + " and " + folded[1])));
      }
    }
    return result(Optional.empty());
  }

  private org.shgledger.journal.Posting posting(StoredPosting stored) {
    return new org.shgledger.journal.Posting(AccountCode.of(stored.accountCode()),
        stored.side() == 'D' ? org.shgledger.journal.Side.DEBIT : org.shgledger.journal.Side.CREDIT,
        Money.ofMinor(org.joda.money.CurrencyUnit.of(stored.currency()), stored.amountMinor()));
  }

  private static PostingRow nextPosting(ResultSet rows) throws SQLException {
    if (!rows.next()) {
      return null;
    }
    return new PostingRow(
        rows.getLong(1),
        rows.getInt(2),
        new StoredPosting(
            rows.getString(3), rows.getString(4).charAt(0), rows.getLong(5), rows.getString(6)),
        rows.getLong(7));
  }
}
