package org.shgledger.journal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountBalance;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.TrialBalance;

/**
 * Runs each operation against the journal under test and against {@link JournalModel}, asserts
 * that both accept or refuse it with the same reason, and checks every invariant after each step.
 */
public final class JournalHarness {

  /** Accepted and refused operations by kind, over a whole property run. */
  public static final class Tally {
    final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    /** Set when a step failed: the property fails anyway, and shrinking skews the counts. */
    volatile boolean sawFailure;
    /** How many chains (harnesses) were started. */
    volatile int chains;

    void count(String kind, boolean wasAccepted) {
      (wasAccepted ? accepted : refused).computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    public long accepted() {
      return accepted.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long total() {
      return accepted() + refused.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long accepted(String kind) {
      AtomicLong n = accepted.get(kind);
      return n == null ? 0 : n.get();
    }

    @Override
    public String toString() {
      return "accepted " + accepted + ", refused " + refused;
    }
  }

  private final Journal journal;
  private final JournalModel model = new JournalModel();
  private final Tally tally;

  public JournalHarness(Journal journal, Tally tally) {
    this.journal = journal;
    this.tally = tally;
    tally.chains++;
    for (Book book : OperationGenerator.initialBooks()) {
      journal.createBook(book);
      model.createBook(book);
    }
  }

  /** A random next operation drawn from the current state. */
  Operation nextOperation(Random random) {
    return new OperationGenerator(model, random).next();
  }

  void apply(Operation operation) {
    try {
      check(operation);
    } catch (RuntimeException | AssertionError e) {
      tally.sawFailure = true;
      throw e;
    }
  }

  private void check(Operation operation) {
    Snapshot before = Snapshot.of(journal, model.bookIds());
    JournalModel.Outcome expected = expectedOutcome(operation);
    JournalException refused = null;
    Object result = null;
    try {
      result = execute(operation);
    } catch (JournalException e) {
      refused = e;
    }
    if (expected.accepted()) {
      if (refused != null) {
        fail("model accepts " + operation + " but the journal refused it: " + refused.reason()
            + ": " + refused.getMessage());
      }
    } else {
      if (refused == null) {
        fail("model refuses " + operation + " with " + expected.rejection() + " but the journal accepted it");
      }
      String message = refused.getMessage();
      assertEquals(expected.rejection(), refused.reason(), () -> "reason for " + operation + ": " + message);
    }
    tally.count(
        expected.accepted() ? operation.kind() : operation.kind() + " " + expected.rejection(),
        expected.accepted() && !expected.repeat());

    if (!expected.accepted() || expected.repeat()) {
      // a refused request, or a repeat of one already done, changes nothing
      assertEquals(before, Snapshot.of(journal, model.bookIds()), () -> "state changed by " + operation);
      if (expected.repeat() && operation instanceof Operation.Record record) {
        assertEquals(record.entry(), result, "a repeat returns the original entry");
      }
      return;
    }
    applyToModel(operation);
    if (operation instanceof Operation.Reverse reverse) {
      checkReversalRestores(before, reverse);
    }
    checkInvariants();
  }

  private JournalModel.Outcome expectedOutcome(Operation operation) {
    if (operation instanceof Operation.CreateBook op) {
      return model.createBookOutcome(op.book());
    } else if (operation instanceof Operation.OpenAccount op) {
      return model.openAccountOutcome(op.account());
    } else if (operation instanceof Operation.CloseAccount op) {
      return model.closeAccountOutcome(op.book(), op.code());
    } else if (operation instanceof Operation.Record op) {
      return model.recordOutcome(op.entry());
    } else if (operation instanceof Operation.Reverse op) {
      return model.recordOutcome(op.reversal());
    } else if (operation instanceof Operation.Lock op) {
      return model.lockOutcome(op.book(), op.date());
    } else if (operation instanceof Operation.RecordAll op) {
      JournalModel trial = model.copy();
      boolean anyNew = false;
      for (JournalEntry entry : op.entries()) {
        JournalModel.Outcome outcome = trial.recordOutcome(entry);
        if (!outcome.accepted()) {
          return outcome;
        }
        if (!outcome.repeat()) {
          trial.record(entry);
          anyNew = true;
        }
      }
      return anyNew ? JournalModel.Outcome.ACCEPTED : JournalModel.Outcome.REPEAT;
    }
    throw new AssertionError(operation);
  }

  private Object execute(Operation operation) {
    if (operation instanceof Operation.CreateBook op) {
      return journal.createBook(op.book());
    } else if (operation instanceof Operation.OpenAccount op) {
      return journal.openAccount(op.account());
    } else if (operation instanceof Operation.CloseAccount op) {
      journal.closeAccount(op.book(), op.code());
      return null;
    } else if (operation instanceof Operation.Record op) {
      return journal.record(op.entry());
    } else if (operation instanceof Operation.Reverse op) {
      JournalEntry reversal = op.reversal();
      JournalEntry recorded =
          journal.reverse(op.original().book(), op.original().id(), reversal.id(), reversal.date(), reversal.memo());
      assertEquals(reversal, recorded, "reverse() records the exact opposite entry");
      return recorded;
    } else if (operation instanceof Operation.Lock op) {
      journal.lock(op.book(), op.date());
      return null;
    } else if (operation instanceof Operation.RecordAll op) {
      return journal.recordAll(op.entries());
    }
    throw new AssertionError(operation);
  }

  private void applyToModel(Operation operation) {
    if (operation instanceof Operation.CreateBook op) {
      model.createBook(op.book());
    } else if (operation instanceof Operation.OpenAccount op) {
      model.openAccount(op.account());
    } else if (operation instanceof Operation.CloseAccount op) {
      model.closeAccount(op.book(), op.code());
    } else if (operation instanceof Operation.Record op) {
      model.record(op.entry());
    } else if (operation instanceof Operation.Reverse op) {
      model.record(op.reversal());
    } else if (operation instanceof Operation.Lock op) {
      model.lock(op.book(), op.date());
    } else if (operation instanceof Operation.RecordAll op) {
      for (JournalEntry entry : op.entries()) {
        if (!model.recordOutcome(entry).repeat()) {
          model.record(entry);
        }
      }
    }
  }

  /** After a reversal every account's all-time balance is what it was less the original's effect. */
  private void checkReversalRestores(Snapshot before, Operation.Reverse reverse) {
    BookId book = reverse.original().book();
    Map<AccountCode, Long> effect = new HashMap<>();
    for (Posting p : reverse.original().postings()) {
      effect.merge(p.account(), p.signedMinor(), Long::sum);
    }
    for (Account account : model.accounts(book)) {
      long was = before.ownNets.get(book).get(account.code());
      long now = model.ownNet(book, account.code(), LocalDate.MAX);
      assertEquals(was - effect.getOrDefault(account.code(), 0L), now,
          "reversal restores account " + account.code());
    }
  }

  /** Every invariant of the journal, checked against the model. */
  void checkInvariants() {
    for (BookId book : model.bookIds()) {
      List<JournalEntry> entries = journal.entries(book);
      assertEquals(model.entries(book), entries, "entries of " + book + " in recording order");
      for (JournalEntry entry : entries) {
        assertEquals(0, JournalModel.imbalance(entry), () -> "entry " + entry.id() + " balances");
      }
      checkReversedAtMostOnce(book, entries);
      assertEquals(model.lockDate(book), journal.lockDate(book), "lock date of " + book);
      List<Account> accounts = model.accounts(book);
      assertEquals(accounts.size(), journal.accounts(book).size(), "number of accounts in " + book);
      for (Account account : accounts) {
        assertEquals(Optional.of(account), journal.account(book, account.code()));
        assertEquals(model.isOpen(book, account.code()), journal.isOpen(book, account.code()),
            "open or closed: " + account.code());
      }
      for (LocalDate asOf : sampleDates(book)) {
        checkBalances(book, accounts, asOf);
      }
    }
  }

  private List<LocalDate> sampleDates(BookId book) {
    List<LocalDate> dates = new ArrayList<>();
    for (int day = -1; day <= OperationGenerator.DAYS; day += 11) {
      dates.add(OperationGenerator.START.plusDays(day));
    }
    model.lockDate(book).ifPresent(dates::add);
    dates.add(LocalDate.MAX);
    return dates;
  }

  private void checkBalances(BookId book, List<Account> accounts, LocalDate asOf) {
    for (Account account : accounts) {
      AccountBalance balance = journal.balance(book, account.code(), asOf);
      assertEquals(model.rolledNet(book, account.code(), asOf), balance.net().getAmountMinorLong(),
          () -> "balance of " + account.code() + " as of " + asOf + " equals the fold of its postings");
    }
    TrialBalance trial = journal.trialBalance(book, asOf);
    assertEquals(trial.totalDebit(), trial.totalCredit(), "trial balance of " + book + " nets to zero");
    Money assets = trial.total(AccountType.ASSET);
    Money rightSide =
        trial.total(AccountType.LIABILITY)
            .plus(trial.total(AccountType.EQUITY))
            .plus(trial.total(AccountType.INCOME))
            .minus(trial.total(AccountType.EXPENSE));
    assertEquals(assets, rightSide, "assets = liabilities + equity + income - expenses");
    long topLevel = accounts.stream().filter(a -> a.control().isEmpty()).count();
    assertEquals(topLevel, trial.lines().size(), "one trial-balance line per top-level account");
    for (TrialBalance.Line line : trial.lines()) {
      checkRollsUp(book, line, asOf);
    }
  }

  private void checkRollsUp(BookId book, TrialBalance.Line line, LocalDate asOf) {
    assertEquals(model.rolledNet(book, line.account().code(), asOf), line.net().getAmountMinorLong(),
        "trial balance line " + line.account().code());
    assertTrue(line.debit().isZero() || line.credit().isZero(), "a balance sits in one column");
    if (!line.subLedger().isEmpty()) {
      Money sum = line.subLedger().stream().map(TrialBalance.Line::net).reduce(Money::plus).orElseThrow();
      assertEquals(line.net(), sum, "control account " + line.account().code() + " = sum of its sub-ledgers");
      line.subLedger().forEach(sub -> checkRollsUp(book, sub, asOf));
    }
  }

  private void checkReversedAtMostOnce(BookId book, List<JournalEntry> entries) {
    Map<Object, Integer> reversals = new HashMap<>();
    for (JournalEntry entry : entries) {
      entry.reverses().ifPresent(original -> {
        reversals.merge(original, 1, Integer::sum);
        assertEquals(Optional.of(entry), journal.reversalOf(book, original), "reversalOf " + original);
      });
    }
    reversals.forEach((original, n) -> assertEquals(1, n, "entry " + original + " reversed once"));
  }

  /** What a refused request must leave untouched. */
  private record Snapshot(
      Map<BookId, List<JournalEntry>> entries,
      Map<BookId, List<String>> accounts,
      Map<BookId, Optional<LocalDate>> lockDates,
      Map<BookId, Map<AccountCode, Long>> ownNets) {

    static Snapshot of(Journal journal, List<BookId> books) {
      Map<BookId, List<JournalEntry>> entries = new HashMap<>();
      Map<BookId, List<String>> accounts = new HashMap<>();
      Map<BookId, Optional<LocalDate>> lockDates = new HashMap<>();
      Map<BookId, Map<AccountCode, Long>> nets = new HashMap<>();
      for (BookId book : books) {
        entries.put(book, journal.entries(book));
        List<String> states = new ArrayList<>();
        Map<AccountCode, Long> bookNets = new HashMap<>();
        for (Account account : journal.accounts(book)) {
          states.add(account + (journal.isOpen(book, account.code()) ? " open" : " closed"));
          AccountBalance all = journal.balance(book, account.code(), LocalDate.MAX);
          // own postings only: the rolled balance of a leaf, zero for a control account
          boolean control = journal.accounts(book).stream()
              .anyMatch(a -> a.control().equals(Optional.of(account.code())));
          bookNets.put(account.code(), control ? 0L : all.net().getAmountMinorLong());
        }
        accounts.put(book, states);
        lockDates.put(book, journal.lockDate(book));
        nets.put(book, bookNets);
      }
      return new Snapshot(entries, accounts, lockDates, nets);
    }
  }
}
