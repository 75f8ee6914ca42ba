package org.shgledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.LedgerException;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.group.UnitOfWork;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * A random life of one group, driven straight into the engine: the events of {@code
 * org.shgledger.group.GroupLife} (joining, saving, withdrawing, banking, fines, bank and
 * federation loans, grants, expenses, income, member loans of every kind with payments and
 * penalties, reversals, exits, year ends, distributions) plus meetings and the rare share-out. No
 * model: the engine is checked by GroupLifeProperties; here it only has to produce books for the
 * reports to be checked against. The engine refuses some events (not enough cash, a payment
 * out of order); each accepted one is counted, so a property over these lives cannot pass on
 * empty books.
 */
final class RandomGroupLife {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);

  /** Accepted and refused events by kind, over a whole property run. */
  static final class Tally {
    final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    long accepted() {
      return accepted.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long accepted(String kind) {
      AtomicLong n = accepted.get(kind);
      return n == null ? 0 : n.get();
    }

    long total() {
      return accepted() + refused.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public String toString() {
      return "accepted " + accepted + ", refused " + refused;
    }
  }

  /** The most steps a life takes; each moves at most 11 days. */
  static final int MAX_STEPS = 140;

  /** Today for the engine: fixed on the last day a life can reach, whatever day the test runs. */
  private static final DateLimits DATES = new DateLimits(
      Clock.fixed(FORMED.plusDays(11L * MAX_STEPS).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC),
      DateLimits.DEFAULT_FUTURE_DAYS);

  final SavingsGroups groups;
  final Group group = new Group(SHG, "Roshni", INR, FORMED, MeetingFrequency.MONTHLY, Money.of(INR, 100),
      RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
      LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
  private final Tally tally;
  private final List<EntryId> recorded = new ArrayList<>();
  private final Map<LoanId, MemberId> loans = new HashMap<>();
  private LocalDate today = FORMED;
  private int nextId;

  RandomGroupLife(Tally tally) {
    this(tally, dates -> new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry(), UnitOfWork.immediate(),
        dates));
  }

  /**
   * A life in books of another kind, such as a store's.
   *
   * @param tally where events are counted
   * @param engine the engine over empty books, given the life's date limits
   */
  RandomGroupLife(Tally tally, java.util.function.Function<DateLimits, SavingsGroups> engine) {
    this.tally = tally;
    this.groups = engine.apply(DATES);
    groups.createGroup(group);
  }

  /** The day of the latest event. */
  LocalDate today() {
    return today;
  }

  /** Lives through {@code steps} random events, at most {@link #MAX_STEPS}. */
  void live(Random random, int steps) {
    if (steps > MAX_STEPS) {
      throw new IllegalArgumentException("at most " + MAX_STEPS + " steps, not " + steps);
    }
    for (int i = 0; i < steps; i++) {
      today = today.plusDays(random.nextInt(12));
      step(random);
    }
  }

  private void step(Random random) {
    List<MemberId> members = groups.membersOn(SHG, today).stream()
        .filter(m -> m.exited().isEmpty()).map(Member::id).toList();
    if (members.size() < 3 || random.nextInt(100) < 4) {
      MemberId id = MemberId.of(String.format("M%02d", 1 + random.nextInt(12)));
      attempt("join", () -> groups.addMember(SHG,
          Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, today.minusDays(random.nextInt(3)))));
      return;
    }
    MemberId member = members.get(random.nextInt(members.size()));
    Channel channel = random.nextInt(4) == 0 ? Channel.BANK : Channel.CASH;
    Money amount = Money.ofMinor(INR, 100L * (1 + random.nextInt(random.nextBoolean() ? 20 : 2000))
        + (random.nextInt(3) == 0 ? random.nextInt(100) : 0));
    Money small = Money.ofMinor(INR, 100L + random.nextInt(5000));
    int roll = random.nextInt(100);
    if (roll < 24) {
      SavingsKind kind = random.nextInt(4) == 0 ? SavingsKind.VOLUNTARY : SavingsKind.COMPULSORY;
      money("save", new GroupOperation.Save(member, kind, amount, channel));
    } else if (roll < 29) {
      SavingsKind kind = random.nextBoolean() ? SavingsKind.VOLUNTARY : SavingsKind.COMPULSORY;
      money("withdraw savings", new GroupOperation.WithdrawSavings(member, kind, small, channel));
    } else if (roll < 34) {
      money("bank cash", new GroupOperation.BankCash(amount));
    } else if (roll < 37) {
      money("withdraw from bank", new GroupOperation.WithdrawFromBank(amount));
    } else if (roll < 41) {
      money("fine", new GroupOperation.Fine(member, small, random.nextBoolean() ? "late" : "", channel));
    } else if (roll < 43) {
      money("bank interest", new GroupOperation.BankInterest(small));
    } else if (roll < 45) {
      money("bank charges", new GroupOperation.BankCharges(small));
    } else if (roll < 46) {
      money("bank loan", new GroupOperation.ReceiveBankLoan(amount.multipliedBy(10)));
    } else if (roll < 47) {
      money("repay bank loan", new GroupOperation.RepayBankLoan(small, small.dividedBy(10, RoundingMode.DOWN)));
    } else if (roll < 48) {
      money("federation loan", new GroupOperation.ReceiveFederationLoan(amount, channel));
    } else if (roll < 49) {
      money("repay federation loan", new GroupOperation.RepayFederationLoan(small, small.dividedBy(20, RoundingMode.DOWN), channel));
    } else if (roll < 50) {
      money("grant", new GroupOperation.ReceiveGrant(amount.multipliedBy(5), channel));
    } else if (roll < 53) {
      money("expense", new GroupOperation.PayExpense(small, "stationery", channel));
    } else if (roll < 55) {
      money("other income", new GroupOperation.OtherIncome(small, "fees", channel));
    } else if (roll < 62) {
      disburse(member, channel, random);
    } else if (roll < 73) {
      repayOrPenalty(random);
    } else if (roll < 80) {
      reverse(random);
    } else if (roll < 82) {
      EntryId id = EntryId.of("X" + (++nextId));
      attempt("exit", () -> groups.settleExit(SHG, id, member, today, random.nextInt(5) == 0 ? Channel.BANK : Channel.CASH)
          .map(this::remember));
    } else if (roll < 84) {
      attempt("bank account", () -> groups.setBankAccount(SHG, member,
          MemberBankAccount.of("SBI", "SBIN0001234", "9876543210", FORMED)));
    } else if (roll < 88) {
      LocalDate yearEnd = group.financialYearStarting(today).minusDays(1);
      if (!yearEnd.isBefore(FORMED)) {
        attempt("year end", () -> groups.closeYear(SHG, EntryId.of("YE" + yearEnd), yearEnd).map(this::remember));
      }
    } else if (roll < 91) {
      long surplus = groups.journal().balance(SHG, org.shgledger.group.Chart.SURPLUS, today).normalBalance().getAmountMinorLong();
      Money total = Money.ofMinor(INR, 1 + (surplus > 0 ? random.nextLong(surplus) : random.nextInt(100_000)));
      EntryId id = EntryId.of("D" + (++nextId));
      attempt("distribute", () -> remember(groups.distributeSurplus(SHG, id, today, total)));
    } else if (roll < 99) {
      meeting(random);
    } else {
      EntryId id = EntryId.of("SO" + (++nextId));
      attempt("share-out", () -> remember(groups.shareOut(SHG, id, today)));
    }
  }

  private void meeting(Random random) {
    Map<MemberId, Attendance> roll = new HashMap<>();
    Attendance[] answers = Attendance.values();
    for (Member member : groups.membersOn(SHG, today)) {
      if (random.nextInt(10) > 0) {
        roll.put(member.id(), answers[random.nextInt(answers.length)]);
      }
    }
    attempt("meeting", () -> groups.recordMeeting(new Meeting(SHG, today, roll)));
  }

  private void disburse(MemberId member, Channel channel, Random random) {
    LoanId loanId = LoanId.of("L" + (++nextId));
    EntryId id = EntryId.of("LD" + nextId);
    Money principal = Money.ofMinor(INR, 100L * (10 + random.nextInt(200)));
    InterestRate rate = InterestRate.perMonth(BigDecimal.valueOf(1 + random.nextInt(2)));
    Loan terms = switch (random.nextInt(4)) {
      case 0 -> LoanTerms.of(principal, rate, RepaymentMethod.FLAT, 2 + random.nextInt(10), Frequency.MONTHLY, today);
      case 1 -> LoanTerms.of(principal, rate, RepaymentMethod.EMI, 2 + random.nextInt(10), Frequency.MONTHLY, today);
      case 2 -> LoanTerms.of(principal, rate, RepaymentMethod.EQUAL_PRINCIPAL, 2 + random.nextInt(10), Frequency.FORTNIGHTLY, today);
      default -> OpenLoanTerms.of(principal, rate, today);
    };
    if (attempt("disburse loan", () -> remember(groups.disburseLoan(SHG, id, loanId, member, terms, channel)))) {
      loans.put(loanId, member);
    }
  }

  private void repayOrPenalty(Random random) {
    List<MemberLoan> standing = groups.loans(SHG);
    if (standing.isEmpty()) {
      return;
    }
    MemberLoan loan = standing.get(random.nextInt(standing.size()));
    if (random.nextInt(6) == 0) {
      EntryId id = EntryId.of("PEN" + (++nextId));
      Money penalty = Money.ofMinor(INR, 100L * (1 + random.nextInt(50)));
      attempt("loan penalty", () -> {
        groups.chargeLoanPenalty(SHG, id, loan.id(), today, penalty);
        return null;
      });
      return;
    }
    long owed;
    try {
      owed = groups.history(SHG, loan).settlement(today).applied().getAmountMinorLong();
    } catch (IllegalArgumentException outOfOrder) {
      owed = 100;
    }
    long paise = switch (random.nextInt(4)) {
      case 0 -> owed;
      default -> 1 + random.nextInt((int) Math.max(1, Math.min(owed, 200_000)));
    };
    EntryId id = EntryId.of("LP" + (++nextId));
    Channel channel = random.nextInt(4) == 0 ? Channel.BANK : Channel.CASH;
    attempt("repay loan", () -> remember(groups.repayLoan(SHG, id, loan.id(), today, Money.ofMinor(INR, paise), channel)));
  }

  private void reverse(Random random) {
    if (recorded.isEmpty()) {
      return;
    }
    EntryId original = recorded.get(random.nextInt(recorded.size()));
    JournalEntry entry = groups.journal().entry(SHG, original).orElseThrow();
    // loan entries are reversed on their own date; others mostly today, sometimes the same day
    LocalDate date = random.nextInt(3) == 0 || original.value().startsWith("L") || original.value().startsWith("X")
        ? entry.date() : today;
    EntryId reversal = EntryId.of("R" + (++nextId));
    attempt("reverse", () -> remember(groups.reverse(SHG, original, reversal, date, "correction")));
  }

  private void money(String kind, GroupOperation operation) {
    EntryId id = EntryId.of("E" + (++nextId));
    attempt(kind, () -> remember(groups.record(SHG, id, today, operation)));
  }

  private JournalEntry remember(JournalEntry entry) {
    recorded.add(entry.id());
    return entry;
  }

  /** Runs an event; a refusal by the engine is counted, not a failure. */
  private boolean attempt(String kind, Supplier<?> event) {
    try {
      event.get();
      tally.accepted.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      return true;
    } catch (LedgerException refused) {
      tally.refused.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      return false;
    }
  }
}
