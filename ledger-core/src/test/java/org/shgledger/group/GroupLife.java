package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.LedgerException;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;

import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.PaymentAllocation;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.Allocator;
import org.shgledger.money.RoundingPolicy;

/**
 * One group's life, driven by random events against the engine and against a model that knows
 * only the table of entries (docs/engine.md) and keeps plain balances. After every step the
 * engine's books must equal the model's: no money created or destroyed outside recorded flows.
 */
final class GroupLife {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);

  /** Accepted and refused events by kind, over a whole property run. */
  static final class Tally {
    final Map<String, AtomicLong> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, AtomicLong> refused = new java.util.concurrent.ConcurrentHashMap<>();
    volatile int lives;
    volatile boolean sawFailure;

    long accepted() {
      return accepted.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long total() {
      return accepted() + refused.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long accepted(String kind) {
      AtomicLong n = accepted.get(kind);
      return n == null ? 0 : n.get();
    }

    @Override
    public String toString() {
      return "accepted " + accepted + ", refused " + refused;
    }
  }

  /** An event of the group's life: what to do to the engine and what the model expects. */
  private record Event(String kind, String description, Runnable engine, Expectation expected, LocalDate date) {
    Event(String kind, String description, Runnable engine, Expectation expected) {
      this(kind, description, engine, expected, null);
    }

    @Override
    public String toString() {
      return kind + ": " + description;
    }
  }

  /** The model's verdict: accepted with these balance changes, or refused for this reason. */
  private record Expectation(Map<AccountCode, Long> changes, GroupRejection refusal, Runnable onAccept) {
    static Expectation refuse(GroupRejection reason) {
      return new Expectation(Map.of(), reason, () -> {});
    }
  }

  private final SavingsGroups groups;
  private final Tally tally;
  private final Group group = new Group(SHG, "Roshni", INR, FORMED, MeetingFrequency.MONTHLY,
      Money.of(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(java.math.BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));

  /** The model: balances on each account's normal side, in paise. */
  private final Map<AccountCode, Long> balances = new HashMap<>();
  private final Map<MemberId, Boolean> active = new LinkedHashMap<>();
  private final Map<MemberId, Boolean> hasBankAccount = new HashMap<>();
  /** Recorded entries the model knows, with their changes, for reversals. */
  private final Map<EntryId, Map<AccountCode, Long>> effects = new LinkedHashMap<>();
  private final Map<EntryId, MemberId> exits = new HashMap<>();
  /** Entries that have been reversed (each at most once). */
  private final List<EntryId> reversed = new ArrayList<>();
  /** Each reversal and the entry it reverses. */
  private final Map<EntryId, EntryId> reversalOf = new HashMap<>();
  /** The model's loans: terms, borrower, disbursement entry, and events (payments name their entry). */
  private record ModelLoan(LoanId id, MemberId member, Loan terms, EntryId disbursement) {}

  private record ModelLoanEvent(boolean payment, EntryId id, LocalDate date, Money amount) {}

  private final Map<LoanId, ModelLoan> loans = new LinkedHashMap<>();
  private final Map<LoanId, List<ModelLoanEvent>> loanEvents = new HashMap<>();
  private LocalDate today = FORMED;
  private LocalDate lockedUpTo;
  private int nextId;

  /** A new group's life on an engine whose journal and registry are empty. */
  GroupLife(Tally tally, SavingsGroups groups) {
    this.tally = tally;
    this.groups = groups;
    tally.lives++;
    groups.createGroup(group);
  }

  // ---------------------------------------------------------------- events

  void step(Random random) {
    today = today.plusDays(random.nextInt(12));
    Event event = nextEvent(random);
    try {
      run(event);
    } catch (RuntimeException | AssertionError e) {
      tally.sawFailure = true;
      throw e;
    }
  }

  private Event nextEvent(Random random) {
    List<MemberId> members = active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    if (members.size() < 3 || random.nextInt(100) < 4) {
      return join(random);
    }
    MemberId member = members.get(random.nextInt(members.size()));
    Channel channel = random.nextInt(4) == 0 ? Channel.BANK : Channel.CASH;
    long amount = amount(random);
    int roll = random.nextInt(100);
    if (roll < 26) {
      SavingsKind kind = random.nextInt(4) == 0 ? SavingsKind.VOLUNTARY : SavingsKind.COMPULSORY;
      return money("save", new GroupOperation.Save(member, kind, inr(amount), channel),
          flow(channel.account(), account(kind.control(), member), amount));
    } else if (roll < 32) {
      SavingsKind kind = random.nextInt(2) == 0 ? SavingsKind.VOLUNTARY : SavingsKind.COMPULSORY;
      if (channel == Channel.BANK && !hasBankAccount.getOrDefault(member, false)) {
        return money("withdraw savings", new GroupOperation.WithdrawSavings(member, kind, inr(amount), channel),
            Expectation.refuse(GroupRejection.NO_MEMBER_BANK_ACCOUNT));
      }
      return money("withdraw savings", new GroupOperation.WithdrawSavings(member, kind, inr(amount), channel),
          flow(account(kind.control(), member), channel.account(), amount));
    } else if (roll < 38) {
      return money("bank cash", new GroupOperation.BankCash(inr(amount)), flow(Chart.BANK, Chart.CASH, amount));
    } else if (roll < 41) {
      return money("withdraw from bank", new GroupOperation.WithdrawFromBank(inr(amount)), flow(Chart.CASH, Chart.BANK, amount));
    } else if (roll < 44) {
      return money("fine", new GroupOperation.Fine(member, inr(amount % 5000 + 1), "late", channel),
          flow(channel.account(), Chart.FINES, amount % 5000 + 1));
    } else if (roll < 45) {
      return bankLine(random, amount);
    } else if (roll < 46) {
      return money("bank interest", new GroupOperation.BankInterest(inr(amount)), flow(Chart.BANK, Chart.BANK_INTEREST, amount));
    } else if (roll < 48) {
      return money("bank charges", new GroupOperation.BankCharges(inr(amount % 2000 + 1)),
          flow(Chart.BANK_CHARGES, Chart.BANK, amount % 2000 + 1));
    } else if (roll < 50) {
      return money("bank loan", new GroupOperation.ReceiveBankLoan(inr(amount * 10)), flow(Chart.BANK, Chart.BANK_LOAN, amount * 10));
    } else if (roll < 52) {
      long principal = amount;
      long interest = amount / 10;
      return money("repay bank loan", new GroupOperation.RepayBankLoan(inr(principal), inr(interest)),
          flows(Chart.BANK_LOAN, principal, Chart.INTEREST_PAID, interest, Chart.BANK, -(principal + interest)));
    } else if (roll < 54) {
      return money("federation loan", new GroupOperation.ReceiveFederationLoan(inr(amount), channel),
          flow(channel.account(), Chart.FEDERATION_LOAN, amount));
    } else if (roll < 56) {
      long principal = amount / 2;
      long interest = amount / 20 + 1;
      return money("repay federation loan", new GroupOperation.RepayFederationLoan(inr(principal), inr(interest), channel),
          flows(Chart.FEDERATION_LOAN, principal, Chart.INTEREST_PAID, interest, channel.account(), -(principal + interest)));
    } else if (roll < 57) {
      return money("grant", new GroupOperation.ReceiveGrant(inr(amount * 5), channel), flow(channel.account(), Chart.GRANTS, amount * 5));
    } else if (roll < 59) {
      return money("expense", new GroupOperation.PayExpense(inr(amount % 3000 + 1), "stationery", channel),
          flow(Chart.EXPENSES, channel.account(), amount % 3000 + 1));
    } else if (roll < 61) {
      return money("other income", new GroupOperation.OtherIncome(inr(amount % 3000 + 1), "fees", channel),
          flow(channel.account(), Chart.OTHER_INCOME, amount % 3000 + 1));
    } else if (roll < 68) {
      return disburse(member, channel, random);
    } else if (roll < 78) {
      int pick = random.nextInt(6);
      return pick == 0 ? penalty(random) : pick == 1 ? settle(random) : repay(random);
    } else if (roll < 85) {
      return reverse(random);
    } else if (roll < 88) {
      return exit(member, random.nextInt(5) == 0 ? Channel.BANK : Channel.CASH);
    } else if (roll < 90) {
      return bankAccount(member);
    } else if (roll < 94) {
      return yearEnd();
    } else {
      return distribute(random);
    }
  }

  private long amount(Random random) {
    return 100 * (1 + random.nextInt(random.nextBoolean() ? 20 : 2000)) + (random.nextInt(3) == 0 ? random.nextInt(100) : 0);
  }

  private Event join(Random random) {
    MemberId id = MemberId.of(String.format("M%02d", 1 + random.nextInt(12)));
    boolean left = active.containsKey(id) && !active.get(id);
    Member member = Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FORMED);
    // someone who left is not re-admitted under her old id: her record says she left
    return new Event("join", id.toString(), () -> groups.addMember(SHG, member),
        left ? Expectation.refuse(GroupRejection.MEMBER_HAS_LEFT)
            : new Expectation(Map.of(), null, () -> active.putIfAbsent(id, true)));
  }

  private Event bankAccount(MemberId member) {
    MemberBankAccount account = MemberBankAccount.of("SBI", "SBIN0001234", "9876543210", FORMED);
    return new Event("bank account", member.toString(), () -> groups.setBankAccount(SHG, member, account),
        new Expectation(Map.of(), null, () -> hasBankAccount.put(member, true)));
  }

  private Event money(String kind, GroupOperation operation, Expectation expected) {
    EntryId id = EntryId.of("E" + (++nextId));
    return new Event(kind, operation + " on " + today + " as " + id,
        () -> groups.record(SHG, id, today, operation), withEffect(id, expected));
  }

  /**
   * A line of the bank statement, as the passbook import records it through the engine: its rule
   * may name any account, and the engine refuses the ones it keeps in step with its own records
   * (a member's loan, the surplus, loan interest) and the savings of a member who has left.
   */
  private Event bankLine(Random random, long amount) {
    List<MemberId> everyone = new ArrayList<>(active.keySet());
    MemberId member = everyone.get(random.nextInt(everyone.size()));
    boolean deposit = random.nextBoolean();
    AccountCode counterpart;
    Expectation expected;
    switch (random.nextInt(7)) {
      case 0 -> counterpart = account(Chart.MEMBER_LOANS, member);
      case 1 -> counterpart = Chart.SURPLUS;
      case 2 -> counterpart = Chart.LOAN_INTEREST;
      case 3, 4 -> counterpart = account(random.nextBoolean() ? Chart.COMPULSORY_SAVINGS : Chart.VOLUNTARY_SAVINGS, member);
      case 5 -> counterpart = deposit ? Chart.BANK_INTEREST : Chart.BANK_CHARGES;
      default -> counterpart = Chart.CASH;
    }
    if (Chart.ownedByEngine(counterpart).isPresent()) {
      expected = Expectation.refuse(GroupRejection.ACCOUNT_OWNED_BY_ENGINE);
    } else if (counterpart.value().contains(":") && !active.get(member)) {
      expected = Expectation.refuse(GroupRejection.MEMBER_HAS_LEFT);
    } else {
      expected = deposit ? flow(Chart.BANK, counterpart, amount) : flow(counterpart, Chart.BANK, amount);
    }
    EntryId id = EntryId.of("pb:" + (++nextId));
    GroupOperation line = new GroupOperation.BankLine(deposit, inr(amount), counterpart, "UPI/" + counterpart);
    Recording recording = new Recording(id, today, line, Optional.of("passbook life.csv:" + nextId));
    return new Event("bank line", line + " on " + today + " as " + id,
        () -> groups.recordAll(SHG, List.of(recording)), withEffect(id, expected));
  }

  private Expectation withEffect(EntryId id, Expectation expected) {
    if (expected.refusal() != null) {
      return expected;
    }
    return new Expectation(expected.changes(), null, () -> {
      effects.put(id, expected.changes());
      expected.onAccept().run();
    });
  }

  private Event reverse(Random random) {
    // reversals of reversals are candidates too: the journal allows re-instating an entry once
    List<EntryId> candidates = effects.keySet().stream().filter(id -> !reversed.contains(id)).toList();
    if (candidates.isEmpty()) {
      return yearEnd();
    }
    EntryId original = candidates.get(random.nextInt(candidates.size()));
    EntryId reversal = EntryId.of("R" + (++nextId));
    Map<AccountCode, Long> opposite = new LinkedHashMap<>();
    effects.get(original).forEach((account, change) -> opposite.put(account, -change));
    LocalDate originalDate = groups.journal().entry(SHG, original).orElseThrow().date();
    boolean loanEntry = isLoanEntry(original);
    // a loan entry is reversed on its own date; mostly do so, sometimes try a later day
    LocalDate date = loanEntry && (lockedUpTo == null || originalDate.isAfter(lockedUpTo)) && random.nextInt(10) < 8
        ? originalDate : today;
    Expectation expected;
    EntryId corrected = reversalOf.get(original);
    if (breaksLatestFirst(original)) {
      expected = Expectation.refuse(GroupRejection.LOAN_PAYMENT_NOT_LATEST);
    } else if (!exits.containsKey(original) && touchesAMemberWhoLeft(original)) {
      expected = Expectation.refuse(GroupRejection.MEMBER_HAS_LEFT);
    } else if (original.value().startsWith("YE")) {
      expected = Expectation.refuse(GroupRejection.YEAR_END_NOT_REVERSIBLE);
    } else if (corrected != null && (isLoanEntry(corrected) || exits.containsKey(corrected))) {
      expected = Expectation.refuse(GroupRejection.REVERSAL_OF_CORRECTION);
    } else if (loanEntry && !date.equals(originalDate)) {
      expected = Expectation.refuse(GroupRejection.LOAN_REVERSAL_NOT_ON_ITS_DATE);
    } else {
      expected = check(opposite, date);
    }
    MemberId exited = exits.get(original);
    Expectation withLink = expected.refusal() != null ? expected : new Expectation(opposite, null, () -> {
      reversed.add(original);
      reversalOf.put(reversal, original);
      effects.put(reversal, opposite);
      if (exited != null) {
        active.put(exited, true);
      }
    });
    return new Event("reverse", original + " of " + originalDate + " as " + reversal + " on " + date,
        () -> groups.reverse(SHG, original, reversal, date, "correction"), withLink, date);
  }

  /** Whether an entry moved money on the sub-ledgers of a member who has since left. */
  private boolean touchesAMemberWhoLeft(EntryId entry) {
    return groups.journal().entry(SHG, entry).orElseThrow().postings().stream()
        .map(posting -> posting.account().value())
        .filter(code -> code.contains(":"))
        .map(code -> MemberId.of(code.substring(code.indexOf(':') + 1)))
        .anyMatch(member -> Boolean.FALSE.equals(active.get(member)));
  }

  /** Whether an entry paid a loan out or into a loan (an exit that cleared loans included). */
  private boolean isLoanEntry(EntryId entry) {
    return loans.values().stream().anyMatch(l -> l.disbursement().equals(entry))
        || loanEvents.values().stream().flatMap(List::stream).anyMatch(e -> e.payment() && e.id().equals(entry));
  }

  private Event exit(MemberId member, Channel channel) {
    long compulsory = balance(account(Chart.COMPULSORY_SAVINGS, member));
    long voluntary = balance(account(Chart.VOLUNTARY_SAVINGS, member));
    long loan = 0;
    long interest = 0;
    long penalties = 0;
    Map<LoanId, Money> clearing = new LinkedHashMap<>();
    for (ModelLoan modelLoan : standingLoans()) {
      if (modelLoan.member().equals(member)) {
        PaymentAllocation split = modelHistory(modelLoan).settlement(today);
        loan += split.principal().getAmountMinorLong();
        interest += split.interest().getAmountMinorLong();
        penalties += split.fines().getAmountMinorLong();
        if (split.applied().isPositive()) {
          clearing.put(modelLoan.id(), split.applied());
        }
      }
    }
    long undistributed = balance(Chart.SURPLUS) + incomeLessExpense();
    long share = 0;
    List<MemberId> members = active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
    List<BigDecimal> weights = members.stream()
        .map(m -> BigDecimal.valueOf(balance(account(Chart.COMPULSORY_SAVINGS, m)) + balance(account(Chart.VOLUNTARY_SAVINGS, m)))).toList();
    if (undistributed != 0 && weights.stream().anyMatch(w -> w.signum() > 0)) {
      share = Allocator.allocate(Money.ofMinor(INR, undistributed), weights, RoundingPolicy.minorUnits(RoundingMode.UNNECESSARY))
          .get(members.indexOf(member)).getAmountMinorLong();
    }
    long net = compulsory + voluntary + share - loan - interest - penalties;
    EntryId id = EntryId.of("X" + (++nextId));
    Map<AccountCode, Long> changes = new LinkedHashMap<>();
    changes.put(account(Chart.COMPULSORY_SAVINGS, member), -compulsory);
    changes.put(account(Chart.VOLUNTARY_SAVINGS, member), -voluntary);
    changes.put(Chart.SURPLUS, -share);
    changes.put(account(Chart.MEMBER_LOANS, member), -loan);
    changes.merge(Chart.LOAN_INTEREST, interest, Long::sum);
    changes.merge(Chart.FINES, penalties, Long::sum);
    changes.put(channel.account(), -net);
    Expectation expected;
    if (net > 0 && channel == Channel.BANK && !hasBankAccount.getOrDefault(member, false)) {
      expected = Expectation.refuse(GroupRejection.NO_MEMBER_BANK_ACCOUNT);
    } else {
      Expectation checked = check(changes);
      boolean nothing = changes.values().stream().allMatch(v -> v == 0);
      expected = checked.refusal() != null ? checked : new Expectation(changes, null, () -> {
        active.put(member, false);
        if (!nothing) {
          effects.put(id, changes);
          exits.put(id, member);
          LocalDate date = today;
          clearing.forEach((loanId, amount) -> loanEvents.get(loanId).add(new ModelLoanEvent(true, id, date, amount)));
        }
      });
    }
    return new Event("exit", member + " on " + today + " via " + channel + " as " + id,
        () -> groups.settleExit(SHG, id, member, today, channel), expected);
  }

  private Event yearEnd() {
    LocalDate yearEnd = group.financialYearStarting(today).minusDays(1);
    EntryId id = EntryId.of("YE" + yearEnd.getYear());
    if (yearEnd.isBefore(FORMED) || (lockedUpTo != null && !lockedUpTo.isBefore(yearEnd))) {
      boolean locked = lockedUpTo != null && !lockedUpTo.isBefore(yearEnd);
      Expectation expected = locked ? Expectation.refuse(GroupRejection.YEAR_ALREADY_CLOSED)
          : new Expectation(Map.of(), null, () -> lockedUpTo = yearEnd);
      if (!locked && yearEnd.isBefore(FORMED)) {
        return new Event("year end", "nothing yet", () -> {}, new Expectation(Map.of(), null, () -> {}));
      }
      return new Event("year end", yearEnd.toString(), () -> groups.closeYear(SHG, id, yearEnd), expected);
    }
    // Every entry so far is dated on or before today, but some may be after the year end: the
    // model only closes what was dated within the year, so it keeps dated balances for that.
    Map<AccountCode, Long> changes = new LinkedHashMap<>();
    long net = 0;
    for (AccountCode code : incomeAndExpense()) {
      long asOf = datedBalance(code, yearEnd);
      if (asOf != 0) {
        changes.put(code, -asOf);
        net += code.value().startsWith("4") ? asOf : -asOf;
      }
    }
    changes.put(Chart.SURPLUS, net);
    return new Event("year end", yearEnd.toString(), () -> groups.closeYear(SHG, id, yearEnd),
        new Expectation(changes, null, () -> {
          lockedUpTo = yearEnd;
          if (changes.values().stream().anyMatch(v -> v != 0)) {
            effects.put(id, changes);
          }
        }), yearEnd);
  }

  private Event distribute(Random random) {
    long surplus = balance(Chart.SURPLUS);
    long total = surplus > 0 ? 1 + random.nextInt((int) Math.min(surplus, 1_000_000)) : 100;
    List<MemberId> members = active.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
    List<BigDecimal> weights = members.stream()
        .map(m -> BigDecimal.valueOf(Math.max(0, balance(account(Chart.COMPULSORY_SAVINGS, m)) + balance(account(Chart.VOLUNTARY_SAVINGS, m))))).toList();
    EntryId id = EntryId.of("D" + (++nextId));
    Expectation expected;
    if (total > surplus) {
      expected = Expectation.refuse(GroupRejection.INSUFFICIENT_SURPLUS);
    } else if (weights.stream().allMatch(w -> w.signum() == 0)) {
      expected = Expectation.refuse(GroupRejection.NOTHING_TO_SHARE_BY);
    } else {
      List<Money> shares = Allocator.allocate(Money.ofMinor(INR, total), weights, RoundingPolicy.minorUnits(RoundingMode.UNNECESSARY));
      Map<AccountCode, Long> changes = new LinkedHashMap<>();
      long credited = 0;
      for (int i = 0; i < members.size(); i++) {
        // the group keeps whole rupees: each share is rounded down, the rest stays in the surplus
        long share = shares.get(i).getAmountMinorLong() / 100 * 100;
        changes.put(account(Chart.VOLUNTARY_SAVINGS, members.get(i)), share);
        credited += share;
      }
      changes.put(Chart.SURPLUS, -credited);
      expected = withEffect(id, new Expectation(changes, null, () -> {}));
    }
    LocalDate date = today;
    return new Event("distribute", total + " paise on " + date, () -> groups.distributeSurplus(SHG, id, date, Money.ofMinor(INR, total)), expected);
  }

  // ---------------------------------------------------------------- loans

  private Event disburse(MemberId member, Channel channel, Random random) {
    LoanId loanId = LoanId.of("L" + (++nextId));
    EntryId id = EntryId.of("LD" + nextId);
    long principal = 100 * (10 + random.nextInt(200));
    InterestRate rate = InterestRate.perMonth(BigDecimal.valueOf(1 + random.nextInt(2)));
    Loan terms = switch (random.nextInt(4)) {
      case 0 -> LoanTerms.of(inr(principal), rate, RepaymentMethod.FLAT, 2 + random.nextInt(10), Frequency.MONTHLY, today);
      case 1 -> LoanTerms.of(inr(principal), rate, RepaymentMethod.EMI, 2 + random.nextInt(10), Frequency.MONTHLY, today);
      case 2 -> LoanTerms.of(inr(principal), rate, RepaymentMethod.EQUAL_PRINCIPAL, 2 + random.nextInt(10), Frequency.FORTNIGHTLY, today);
      default -> OpenLoanTerms.of(inr(principal), rate, today);
    };
    Expectation expected;
    if (channel == Channel.BANK && !hasBankAccount.getOrDefault(member, false)) {
      expected = Expectation.refuse(GroupRejection.NO_MEMBER_BANK_ACCOUNT);
    } else {
      Expectation checked = flow(account(Chart.MEMBER_LOANS, member), channel.account(), principal);
      expected = checked.refusal() != null ? checked : new Expectation(checked.changes(), null, () -> {
        effects.put(id, checked.changes());
        loans.put(loanId, new ModelLoan(loanId, member, terms, id));
        loanEvents.put(loanId, new ArrayList<>());
      });
    }
    return new Event("disburse loan", terms + " to " + member + " via " + channel + " as " + id,
        () -> groups.disburseLoan(SHG, id, loanId, member, terms, channel), expected);
  }

  private List<ModelLoan> standingLoans() {
    return loans.values().stream().filter(l -> !reversed.contains(l.disbursement())).toList();
  }

  private LoanHistory modelHistory(ModelLoan loan) {
    LoanHistory history = LoanHistory.of(loan.terms());
    for (ModelLoanEvent event : loanEvents.get(loan.id())) {
      if (!event.payment()) {
        history = history.withFine(event.date(), event.amount());
      } else if (!reversed.contains(event.id())) {
        history = history.withPayment(event.date(), event.amount(), FlatEarlyInterest.FULL);
      }
    }
    return history;
  }

  /** What a loan payment split so changes: the channel in, fines, interest and her loan out. */
  private static Map<AccountCode, Long> paymentChanges(Channel channel, PaymentAllocation split, MemberId member) {
    Map<AccountCode, Long> changes = new LinkedHashMap<>();
    changes.put(channel.account(), split.applied().getAmountMinorLong());
    changes.merge(Chart.FINES, split.fines().getAmountMinorLong(), Long::sum);
    changes.merge(Chart.LOAN_INTEREST, split.interest().getAmountMinorLong(), Long::sum);
    changes.merge(account(Chart.MEMBER_LOANS, member), -split.principal().getAmountMinorLong(), Long::sum);
    return changes;
  }

  /** Settles a loan early, by either rule for a flat one (issue 14). */
  private Event settle(Random random) {
    List<ModelLoan> standing = standingLoans();
    if (standing.isEmpty()) {
      return yearEnd();
    }
    ModelLoan loan = standing.get(random.nextInt(standing.size()));
    LoanHistory history = modelHistory(loan);
    FlatEarlyInterest rule = random.nextBoolean() ? FlatEarlyInterest.FULL : FlatEarlyInterest.NONE;
    Channel channel = random.nextInt(4) == 0 ? Channel.BANK : Channel.CASH;
    EntryId id = EntryId.of("LS" + (++nextId));
    LocalDate date = today;
    PaymentAllocation split = history.settlement(date, rule);
    Expectation expected;
    if (split.applied().isZero()) {
      expected = Expectation.refuse(GroupRejection.REPAYMENT_EXCEEDS_DEBT);
    } else {
      Map<AccountCode, Long> changes = paymentChanges(channel, split, loan.member());
      Expectation checked = check(changes);
      expected = checked.refusal() != null ? checked : new Expectation(changes, null, () -> {
        effects.put(id, changes);
        loanEvents.get(loan.id()).add(new ModelLoanEvent(true, id, date, split.applied()));
      });
    }
    return new Event("settle loan", loan.id() + " (" + rule + ") for " + split.applied() + " on " + date + " as " + id,
        () -> groups.settleLoan(SHG, id, loan.id(), date, channel, rule), expected);
  }

  private Event repay(Random random) {
    List<ModelLoan> standing = standingLoans();
    if (standing.isEmpty()) {
      return yearEnd();
    }
    ModelLoan loan = standing.get(random.nextInt(standing.size()));
    LoanHistory history = modelHistory(loan);
    Money everything = history.settlement(today).applied();
    long owed = everything.getAmountMinorLong();
    long amount = switch (random.nextInt(5)) {
      case 0 -> owed + 1 + random.nextInt(1000);
      case 1 -> owed;
      default -> 1 + random.nextInt((int) Math.max(1, Math.min(owed, 200_000)));
    };
    Channel channel = random.nextInt(4) == 0 ? Channel.BANK : Channel.CASH;
    EntryId id = EntryId.of("LP" + (++nextId));
    LocalDate date = today;
    Expectation expected;
    if (amount <= 0) {
      expected = Expectation.refuse(GroupRejection.INVALID_AMOUNT);
    } else if (amount > owed) {
      expected = Expectation.refuse(GroupRejection.REPAYMENT_EXCEEDS_DEBT);
    } else {
      PaymentAllocation split = history.allocate(date, inr(amount));
      Map<AccountCode, Long> changes = paymentChanges(channel, split, loan.member());
      Expectation checked = check(changes);
      expected = checked.refusal() != null ? checked : new Expectation(changes, null, () -> {
        effects.put(id, changes);
        loanEvents.get(loan.id()).add(new ModelLoanEvent(true, id, date, inr(amount)));
      });
    }
    return new Event("repay loan", amount + " paise on " + loan.id() + " (owes " + owed + ") on " + date + " as " + id,
        () -> groups.repayLoan(SHG, id, loan.id(), date, inr(amount), channel), expected);
  }

  private Event penalty(Random random) {
    List<ModelLoan> standing = standingLoans();
    if (standing.isEmpty()) {
      return yearEnd();
    }
    ModelLoan loan = standing.get(random.nextInt(standing.size()));
    EntryId id = EntryId.of("PEN" + (++nextId));
    Money amount = inr(100 * (1 + random.nextInt(50)));
    LocalDate date = today;
    return new Event("loan penalty", amount + " on " + loan.id() + " on " + date,
        () -> groups.chargeLoanPenalty(SHG, id, loan.id(), date, amount),
        new Expectation(Map.of(), null, () -> loanEvents.get(loan.id()).add(new ModelLoanEvent(false, id, date, amount))));
  }

  /** Whether reversing an entry would break the latest-first rule for loan payments. */
  private boolean breaksLatestFirst(EntryId original) {
    for (ModelLoan loan : loans.values()) {
      List<EntryId> standing = loanEvents.get(loan.id()).stream()
          .filter(e -> e.payment() && !reversed.contains(e.id())).map(ModelLoanEvent::id).toList();
      if (loan.disbursement().equals(original) && !standing.isEmpty()) {
        return true;
      }
      if (standing.contains(original) && !standing.get(standing.size() - 1).equals(original)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the model's rules

  /** A simple flow: the amount moves from the credited account to the debited one. */
  private Expectation flow(AccountCode debit, AccountCode credit, long amount) {
    Map<AccountCode, Long> changes = new LinkedHashMap<>();
    changes.merge(debit, normalSign(debit) * amount, Long::sum);
    changes.merge(credit, -normalSign(credit) * amount, Long::sum);
    return check(changes);
  }

  /** Changes given as (account, debit-positive amount) pairs. */
  private Expectation flows(Object... pairs) {
    Map<AccountCode, Long> changes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      AccountCode code = (AccountCode) pairs[i];
      long debit = (Long) pairs[i + 1];
      changes.merge(code, normalSign(code) * debit, Long::sum);
    }
    return check(changes);
  }

  /** Refuses what would take a limited account below zero, checking accounts in posting order. */
  private Expectation check(Map<AccountCode, Long> changes) {
    return check(changes, today);
  }

  /** As the journal does: the change may not take a limited account below zero on its date or later. */
  private Expectation check(Map<AccountCode, Long> changes, LocalDate date) {
    for (Map.Entry<AccountCode, Long> change : changes.entrySet()) {
      AccountCode code = change.getKey();
      if (isLimited(code) && change.getValue() < 0 && lowestFrom(code, date) + change.getValue() < 0) {
        return Expectation.refuse(refusalFor(code));
      }
    }
    return new Expectation(changes, null, () -> {});
  }

  /** The lowest balance of an account at the end of a date and of every later date with changes. */
  private long lowestFrom(AccountCode code, LocalDate date) {
    long lowest = datedBalance(code, date);
    java.util.TreeSet<LocalDate> later = new java.util.TreeSet<>();
    for (Object[] dated : datedChanges) {
      if (((LocalDate) dated[0]).isAfter(date)) {
        later.add((LocalDate) dated[0]);
      }
    }
    for (LocalDate day : later) {
      lowest = Math.min(lowest, datedBalance(code, day));
    }
    return lowest;
  }

  private static GroupRejection refusalFor(AccountCode code) {
    String value = code.value();
    if (code.equals(Chart.CASH)) {
      return GroupRejection.INSUFFICIENT_CASH;
    } else if (code.equals(Chart.BANK)) {
      return GroupRejection.INSUFFICIENT_BANK_BALANCE;
    } else if (value.startsWith("2000:") || value.startsWith("2100:")) {
      return GroupRejection.INSUFFICIENT_SAVINGS;
    }
    return GroupRejection.REPAYMENT_EXCEEDS_DEBT;
  }

  private static boolean isLimited(AccountCode code) {
    String value = code.value();
    return value.startsWith("1") || value.startsWith("2");
  }

  /** +1 for accounts whose normal side is debit (assets, expenses), -1 otherwise. */
  private static long normalSign(AccountCode code) {
    char first = code.value().charAt(0);
    return first == '1' || first == '5' || first == '9' ? 1 : -1;
  }

  private final List<Object[]> datedChanges = new ArrayList<>();

  private void run(Event event) {
    Map<AccountCode, Long> before = new HashMap<>(balances);
    int entriesBefore = groups.journal().entries(SHG).size();
    LedgerException refused = null;
    try {
      event.engine().run();
    } catch (LedgerException e) {
      refused = e;
    }
    Expectation expected = event.expected();
    if (expected.refusal() == null) {
      if (refused != null) {
        fail("the model accepts " + event + " but the engine refused it: " + refused.getMessage(), refused);
      }
      expected.changes().forEach((code, change) -> balances.merge(code, change, Long::sum));
      if (!expected.changes().isEmpty()) {
        datedChanges.add(new Object[] {event.date() == null ? today : event.date(), expected.changes()});
      }
      expected.onAccept().run();
      count(event.kind(), true);
      List<org.shgledger.journal.JournalEntry> all = groups.journal().entries(SHG);
      for (org.shgledger.journal.JournalEntry entry : all.subList(entriesBefore, all.size())) {
        if (event.kind().equals("settle loan")) {
          continue; // settlements came after entries carried their kind: no old book holds one
        }
        // a book written before entries carried their kind reads as one written today
        org.shgledger.journal.JournalEntry legacy = LegacyKinds.classify(
            entry.withKind(org.shgledger.journal.EntryKind.GENERAL, Optional.empty(), Optional.empty()),
            entry.reverses().flatMap(original -> groups.journal().entry(SHG, original)));
        assertEquals(List.of(entry.kind(), entry.member(), entry.loan()),
            List.of(legacy.kind(), legacy.member(), legacy.loan()), () -> event + ": " + entry);
      }
    } else {
      if (refused == null) {
        fail("the model refuses " + event + " with " + expected.refusal() + " but the engine accepted it");
      }
      GroupRejection reason = refused instanceof GroupException g ? g.reason() : null;
      String message = refused.getMessage();
      assertEquals(expected.refusal(), reason, () -> event + ": " + message);
      assertEquals(before, balances);
      assertEquals(entriesBefore, groups.journal().entries(SHG).size(), "a refused event records nothing");
      count(event.kind() + " " + expected.refusal(), false);
    }
    checkInvariants(event);
  }

  private void count(String kind, boolean accepted) {
    (accepted ? tally.accepted : tally.refused).computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  // ---------------------------------------------------------------- invariants

  private void checkInvariants(Event event) {
    org.shgledger.journal.JournalReader journal = groups.journal();
    LocalDate asOf = LocalDate.MAX;
    TrialBalance trial = journal.trialBalance(SHG, asOf);
    assertEquals(trial.totalDebit(), trial.totalCredit(), "the trial balance balances");
    assertEquals(trial.total(AccountType.ASSET),
        trial.total(AccountType.LIABILITY).plus(trial.total(AccountType.EQUITY))
            .plus(trial.total(AccountType.INCOME)).minus(trial.total(AccountType.EXPENSE)),
        "assets = liabilities + equity + income - expenses");
    for (var account : journal.accounts(SHG)) {
      long engine = journal.balance(SHG, account.code(), asOf).normalBalance().getAmountMinorLong();
      if (account.control().isEmpty() && !Chart.MEMBER_CONTROLS.contains(account.code())) {
        assertEquals(balance(account.code()), engine,
            () -> "after " + event + ": account " + account.code() + " moved only by recorded flows");
      }
      if (account.control().isPresent()) {
        assertEquals(balance(account.code()), engine, () -> "after " + event + ": member account " + account.code());
      }
      if (isLimited(account.code())) {
        assertTrue(engine >= 0, () -> "account " + account.code() + " is never below zero, but is " + engine);
      }
    }
    for (AccountCode control : Chart.MEMBER_CONTROLS) {
      long sum = journal.accounts(SHG).stream().filter(a -> a.control().equals(Optional.of(control)))
          .mapToLong(a -> journal.balance(SHG, a.code(), asOf).normalBalance().getAmountMinorLong()).sum();
      assertEquals(sum, journal.balance(SHG, control, asOf).normalBalance().getAmountMinorLong(),
          "members' " + control + " sub-ledgers add up to the control account");
    }
    Map<MemberId, Long> outstanding = new HashMap<>();
    for (MemberLoan loan : groups.loans(SHG)) {
      outstanding.merge(loan.member(),
          groups.loanState(SHG, loan.id(), today).outstandingPrincipal().getAmountMinorLong(), Long::sum);
    }
    for (MemberId member : active.keySet()) {
      long ledger = journal.balance(SHG, account(Chart.MEMBER_LOANS, member), asOf).normalBalance().getAmountMinorLong();
      assertEquals(outstanding.getOrDefault(member, 0L), ledger,
          () -> "after " + event + ": " + member + "'s loan account equals the outstanding principal of her loans");
    }
    for (Map.Entry<MemberId, Boolean> member : active.entrySet()) {
      assertEquals(member.getValue(), groups.member(SHG, member.getKey()).exited().isEmpty(),
          "membership of " + member.getKey());
    }
    assertFalse(trial.lines().isEmpty());
  }

  // ---------------------------------------------------------------- model balances

  private long balance(AccountCode code) {
    return balances.getOrDefault(code, 0L);
  }

  private long datedBalance(AccountCode code, LocalDate asOf) {
    long total = 0;
    for (Object[] dated : datedChanges) {
      if (!((LocalDate) dated[0]).isAfter(asOf)) {
        @SuppressWarnings("unchecked")
        Map<AccountCode, Long> changes = (Map<AccountCode, Long>) dated[1];
        total += changes.getOrDefault(code, 0L);
      }
    }
    return total;
  }

  private long incomeLessExpense() {
    long net = 0;
    for (AccountCode code : incomeAndExpense()) {
      net += code.value().startsWith("4") ? balance(code) : -balance(code);
    }
    return net;
  }

  private static List<AccountCode> incomeAndExpense() {
    return List.of(Chart.LOAN_INTEREST, Chart.FINES, Chart.BANK_INTEREST, Chart.OTHER_INCOME,
        Chart.INTEREST_PAID, Chart.BANK_CHARGES, Chart.EXPENSES);
  }

  private static AccountCode account(AccountCode control, MemberId member) {
    return Chart.memberAccount(control, member);
  }

  private static Money inr(long paise) {
    return Money.ofMinor(INR, paise);
  }
}
