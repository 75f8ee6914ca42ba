package org.shgledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.Side;
import org.shgledger.journal.TrialBalance;
import org.shgledger.report.spi.StatementFigures;

/**
 * One group's journal read for a report of a period: entries of the days the report asks for in
 * date order (entries of one day in the order they were recorded), its accounts by code, and the
 * rules that say what an entry is (a reversal, a year-end closing, a share-out). Only those
 * entries are read, and the few earlier ones they correct, one by one as asked; balances at the
 * period's edges come from the journal's balance queries. So a report of a year costs the year's
 * entries at most, not the book's; a statement reads only the days at its edges.
 */
final class GroupBooks {

  /** More corrections of one entry than any book holds: a bound on walking a damaged chain. */
  private static final int MAX_CORRECTIONS = 1_000_000;

  final Group group;
  final JournalReader journal;
  /** Entries by id: those read, and those before them that a correction led to (or absent). */
  private final Map<EntryId, Optional<JournalEntry>> byId = new HashMap<>();
  private final Map<AccountCode, Account> accounts = new HashMap<>();
  private final Map<LocalDate, Map<AccountCode, Money>> trialBalances = new HashMap<>();

  GroupBooks(Group group, JournalReader journal) {
    this.group = group;
    this.journal = journal;
    for (Account account : journal.accounts(group.code())) {
      accounts.put(account.code(), account);
    }
  }

  BookId code() {
    return group.code();
  }

  CurrencyUnit currency() {
    return group.currency();
  }

  Money zero() {
    return Money.zero(group.currency());
  }

  /**
   * The entries dated from {@code from} to {@code to}, both included, in date order, entries of
   * one day in the order they were recorded; read from the journal.
   */
  List<JournalEntry> between(LocalDate from, LocalDate to) {
    List<JournalEntry> entries = journal.entriesBetween(group.code(), from, to);
    for (JournalEntry entry : entries) {
      byId.put(entry.id(), Optional.of(entry));
    }
    return entries;
  }

  /**
   * Adds (or, with {@code sign} -1, takes away) the statement's figures of the entries dated from
   * {@code from} to {@code to} ({@link StatementFigures}).
   *
   * @throws JournalException {@link Rejection#ACCOUNT_NOT_FOUND} for a posting to an account the
   *     book does not hold
   */
  void fold(Map<String, long[]> figures, LocalDate from, LocalDate to, int sign) {
    Function<String, StatementFigures.Category> chart = code -> {
      Account top = topLevel(AccountCode.of(code));
      return new StatementFigures.Category(top.code().value(), top.type());
    };
    for (JournalEntry entry : between(from, to)) {
      List<StatementFigures.Line> lines = new ArrayList<>(entry.postings().size());
      for (Posting posting : entry.postings()) {
        lines.add(new StatementFigures.Line(posting.account().value(), posting.side() == Side.DEBIT,
            posting.amount().getAmountMinorLong()));
      }
      StatementFigures.add(figures, lines, new StatementFigures.Root(root(entry).kind(), undoesRoot(entry)), chart,
          sign);
    }
  }

  /**
   * The account with this code.
   *
   * @throws JournalException {@link Rejection#ACCOUNT_NOT_FOUND}
   */
  Account account(AccountCode code) {
    Account account = accounts.get(code);
    if (account == null) {
      throw new JournalException(Rejection.ACCOUNT_NOT_FOUND,
          "book " + group.code() + ": there is no account " + code, code);
    }
    return account;
  }

  /** The top-level account an account rolls up into: its control account, or itself. */
  Account topLevel(AccountCode code) {
    Account account = account(code);
    while (account.control().isPresent()) {
      account = account(account.control().get());
    }
    return account;
  }

  /** Whether {@code code} is {@code ancestor} or one of its sub-ledgers, at any depth. */
  boolean rollsUpInto(AccountCode code, AccountCode ancestor) {
    Optional<AccountCode> at = Optional.of(code);
    while (at.isPresent()) {
      if (at.get().equals(ancestor)) {
        return true;
      }
      at = account(at.get()).control();
    }
    return false;
  }

  /** An account's balance on its normal side at the end of a day, sub-ledgers rolled in. */
  Money balance(AccountCode code, LocalDate asOf) {
    return journal.balance(group.code(), code, asOf).normalBalance();
  }

  /**
   * The same as {@link #balance}, read from one trial balance of the day, which is kept: for a
   * report that wants many accounts' balances on the same few days (a statement wants every
   * member's three sub-ledgers), one query a day instead of one an account.
   *
   * @throws JournalException {@link Rejection#ACCOUNT_NOT_FOUND}
   */
  Money balanceFromTrial(AccountCode code, LocalDate asOf) {
    account(code);
    return trialBalances.computeIfAbsent(asOf, this::normalBalances).getOrDefault(code, zero());
  }

  private Map<AccountCode, Money> normalBalances(LocalDate asOf) {
    Map<AccountCode, Money> balances = new HashMap<>();
    for (TrialBalance.Line line : journal.trialBalance(group.code(), asOf).lines()) {
      putNormal(balances, line);
    }
    return balances;
  }

  private static void putNormal(Map<AccountCode, Money> balances, TrialBalance.Line line) {
    Account account = line.account();
    balances.put(account.code(), account.type().normalSide() == Side.DEBIT ? line.net() : line.net().negated());
    for (TrialBalance.Line sub : line.subLedger()) {
      putNormal(balances, sub);
    }
  }

  /**
   * The entry at the start of a chain of corrections: for an ordinary entry itself, for a
   * reversal the entry it reverses, for the reversal of a reversal the first entry, and so on.
   */
  JournalEntry root(JournalEntry entry) {
    JournalEntry at = entry;
    // each link leads to an entry recorded earlier, so the chain ends; the guard is for damaged books
    for (int guard = 0; at.reverses().isPresent() && guard <= MAX_CORRECTIONS; guard++) {
      Optional<JournalEntry> reversed = lookUp(at.reverses().get());
      if (reversed.isEmpty()) {
        break;
      }
      at = reversed.get();
    }
    return at;
  }

  /**
   * Whether an entry undoes its root: a reversal (an odd number of links from its root), as
   * opposed to the root itself or the reversal of a reversal, which re-instates it.
   */
  boolean undoesRoot(JournalEntry entry) {
    int links = 0;
    JournalEntry at = entry;
    while (at.reverses().isPresent() && lookUp(at.reverses().get()).isPresent() && links <= MAX_CORRECTIONS) {
      at = lookUp(at.reverses().get()).get();
      links++;
    }
    return links % 2 == 1;
  }

  /** An entry of the book by id: the period's from memory, an earlier one read once. */
  private Optional<JournalEntry> lookUp(EntryId id) {
    return byId.computeIfAbsent(id, missing -> journal.entry(group.code(), missing));
  }

  /**
   * Whether an entry is a year-end closing (or a correction of one): recorded by closeYear, it
   * moves the year's income and expense into 3100 and is no income or expense of the period.
   */
  boolean isYearEndClosing(JournalEntry entry) {
    return root(entry).kind() == EntryKind.YEAR_END;
  }

  /** Whether an entry is a share-out (or a correction of one). */
  boolean isShareOut(JournalEntry entry) {
    return root(entry).kind() == EntryKind.SHARE_OUT;
  }

  static Money sum(CurrencyUnit currency, List<Money> amounts) {
    return amounts.stream().reduce(Money.zero(currency), Money::plus);
  }
}
