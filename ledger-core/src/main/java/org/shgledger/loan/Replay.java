package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder.Part;
import org.shgledger.money.RoundingPolicy;

/**
 * Internal: what has been charged on and paid to one loan, replayed event by event in date order.
 * Mutable, so {@link LoanHistory} copies it before every change.
 *
 * <p>Interest and principal are each always paid oldest first (what is due before what is paid
 * ahead, and ahead in due-date order), so the paid part of each is a prefix of its charges: the
 * totals paid say exactly which charges are paid, and no per-instalment bookkeeping is needed.
 */
abstract class Replay {

  /** A dated charge of interest and principal: an instalment, or an open loan's month. */
  record Charge(LocalDate date, Money interest, Money principal) {}

  final Loan loan;
  final Money zero;
  Money finesCharged;
  Money finesPaid;
  Money interestPaid;
  Money principalPaid;

  Replay(Loan loan) {
    this.loan = loan;
    this.zero = Money.zero(loan.currency());
    this.finesCharged = zero;
    this.finesPaid = zero;
    this.interestPaid = zero;
    this.principalPaid = zero;
  }

  Replay(Replay other) {
    this.loan = other.loan;
    this.zero = other.zero;
    this.finesCharged = other.finesCharged;
    this.finesPaid = other.finesPaid;
    this.interestPaid = other.interestPaid;
    this.principalPaid = other.principalPaid;
  }

  static Replay start(Loan loan, PaymentRule rule) {
    boolean legacy = rule == PaymentRule.SCHEDULE_AHEAD;
    return loan instanceof LoanTerms terms ? new Scheduled(terms, legacy) : new Open((OpenLoanTerms) loan, legacy);
  }

  abstract Replay copy();

  /** Charges whatever falls due up to the end of {@code date}, before that day's events apply. */
  abstract void advanceTo(LocalDate date);

  /** The charges known so far, in date order; for a scheduled loan, all of them. */
  abstract List<Charge> charges();

  /** Principal that may be paid on {@code date} as due rather than ahead. */
  abstract Money principalPayable(LocalDate date);

  /**
   * Applies what is left of a payment, after all that is due, by the overpayment rule. With
   * {@code flatFull}, a flat loan's payment that settles it also pays the flat interest of the
   * periods not reached ({@link FlatEarlyInterest#FULL}).
   */
  abstract void payAhead(LocalDate date, Split split, AllocationOrder order, boolean flatFull);

  /** Whether every charge that will ever come is paid. */
  abstract boolean nothingMoreToCharge();

  final void fine(LocalDate date, Money amount) {
    advanceTo(date);
    finesCharged = finesCharged.plus(amount);
  }

  final PaymentAllocation pay(LocalDate date, Money amount, AllocationOrder order) {
    return pay(date, amount, order, false);
  }

  final PaymentAllocation pay(LocalDate date, Money amount, AllocationOrder order, boolean flatFull) {
    advanceTo(date);
    Split split = new Split(amount);
    for (Part part : order.parts()) {
      switch (part) {
        case FINES -> split.fines = split.fines.plus(split.take(finesCharged.minus(finesPaid)));
        case INTEREST -> split.interest = split.interest.plus(
            split.take(atLeastZero(chargedBy(date, Charge::interest).minus(interestPaid))));
        case PRINCIPAL -> split.principal = split.principal.plus(
            split.take(atLeastZero(principalPayable(date).minus(principalPaid))));
      }
    }
    payAhead(date, split, order, flatFull);
    finesPaid = finesPaid.plus(split.fines);
    interestPaid = interestPaid.plus(split.interest);
    principalPaid = principalPaid.plus(split.principal);
    return new PaymentAllocation(split.fines, split.interest, split.principal, split.remaining);
  }

  final LoanState state(LocalDate asOf) {
    advanceTo(asOf);
    Money interestCum = zero;
    Money principalCum = zero;
    int overdueInstalments = 0;
    Money overdueAmount = zero;
    LocalDate oldestUnpaid = null;
    for (Charge charge : charges()) {
      if (!charge.date().isBefore(asOf)) {
        break;
      }
      interestCum = interestCum.plus(charge.interest());
      principalCum = principalCum.plus(charge.principal());
      Money unpaid = unpaidPart(interestCum, charge.interest(), interestPaid)
          .plus(unpaidPart(principalCum, charge.principal(), principalPaid));
      if (unpaid.isPositive()) {
        overdueInstalments++;
        overdueAmount = overdueAmount.plus(unpaid);
        oldestUnpaid = oldestUnpaid == null ? charge.date() : oldestUnpaid;
      }
    }
    Money finesDue = finesCharged.minus(finesPaid);
    return new LoanState(
        asOf,
        loan.principal().minus(principalPaid),
        atLeastZero(chargedBy(asOf, Charge::principal).minus(principalPaid)),
        atLeastZero(chargedBy(asOf, Charge::interest).minus(interestPaid)),
        finesDue,
        overdueInstalments,
        overdueAmount,
        oldestUnpaid == null ? 0 : ChronoUnit.DAYS.between(oldestUnpaid, asOf),
        principalPaid,
        interestPaid,
        finesPaid,
        finesDue.isZero() && nothingMoreToCharge());
  }

  /** The sum of one part of the charges falling due on or before a date. */
  final Money chargedBy(LocalDate date, Function<Charge, Money> part) {
    Money sum = zero;
    for (Charge charge : charges()) {
      if (charge.date().isAfter(date)) {
        break;
      }
      sum = sum.plus(part.apply(charge));
    }
    return sum;
  }

  /** The unpaid part of a charge, given the running total up to it and the total paid. */
  final Money unpaidPart(Money cumulative, Money charge, Money paid) {
    Money unpaid = atLeastZero(cumulative.minus(paid));
    return unpaid.isGreaterThan(charge) ? charge : unpaid;
  }

  final Money atLeastZero(Money amount) {
    return amount.isNegative() ? zero : amount;
  }

  /**
   * The part of a period's interest earned by a day: the interest × days used ÷ days in the
   * period, rounded down to the loan's interest unit, so a settlement never charges a part of a
   * paisa (or rupee) not yet earned.
   */
  final Money earnedBy(Money periodInterest, LocalDate start, LocalDate end, LocalDate date) {
    long used = ChronoUnit.DAYS.between(start, date);
    long days = ChronoUnit.DAYS.between(start, end);
    if (used <= 0 || periodInterest.isZero()) {
      return zero;
    }
    if (used >= days) {
      return periodInterest;
    }
    BigDecimal exact = periodInterest.getAmount().multiply(BigDecimal.valueOf(used))
        .divide(BigDecimal.valueOf(days), MathContext.DECIMAL128);
    return new RoundingPolicy(loan.interestRounding().unit(), RoundingMode.DOWN).round(loan.currency(), exact);
  }

  /** A payment being split: what each part has taken so far, and what is left. */
  static final class Split {
    Money fines;
    Money interest;
    Money principal;
    Money remaining;

    Split(Money payment) {
      Money zero = payment.multipliedBy(0);
      this.fines = zero;
      this.interest = zero;
      this.principal = zero;
      this.remaining = payment;
    }

    /** Takes as much of {@code available} as is left, and returns it. */
    Money take(Money available) {
      Money taken = available.isGreaterThan(remaining) ? remaining : available;
      remaining = remaining.minus(taken);
      return taken;
    }
  }

  /**
   * A loan on {@link LoanTerms}. Every instalment's principal and due date are the schedule's. The
   * interest of a period is fixed once the period has begun (after the events of its first day):
   * for a declining-balance loan it is the schedule's, or less if the principal outstanding then is
   * below the schedule's balance (paid ahead): the period's interest on what is outstanding; for a
   * flat loan it is the schedule's. A period that begins with nothing outstanding charges nothing.
   *
   * <p>Overpayment rule: what is left after everything due pays the interest of the period in
   * progress (fixed when it began), then principal outstanding, oldest first; it never pays the
   * interest of a period not yet begun. A payment that repays all the principal settles the loan:
   * the period in progress then charges only its interest earned by the payment's day (pro rata by
   * days, rounded down), and with {@code flatFull} a flat loan also pays the flat interest of the
   * periods not reached. Beyond that it is excess.
   */
  static final class Scheduled extends Replay {
    private final LoanTerms terms;
    private final List<Charge> scheduled;
    // The charges as they stand: the schedule's, with the interest of each begun period fixed.
    private final List<Charge> charges;
    // How many periods have begun, so their interest is fixed.
    private int begun;
    // Set when a flat loan is settled with the interest of the periods not reached (FULL).
    private boolean keepScheduledInterest;
    // The period whose interest was cut to what it had earned when the principal was all repaid
    // in it, or -1: its charge is final, never prorated again.
    private int cutPeriod = -1;
    // PaymentRule.SCHEDULE_AHEAD: the schedule's charges always, what is left paying ahead as scheduled.
    private final boolean legacy;

    Scheduled(LoanTerms terms, boolean legacy) {
      super(terms);
      this.terms = terms;
      this.legacy = legacy;
      List<Charge> list = new ArrayList<>();
      for (Instalment instalment : terms.schedule().instalments()) {
        list.add(new Charge(instalment.dueDate(), instalment.interest(), instalment.principal()));
      }
      this.scheduled = List.copyOf(list);
      this.charges = new ArrayList<>(list);
    }

    private Scheduled(Scheduled other) {
      super(other);
      this.terms = other.terms;
      this.scheduled = other.scheduled;
      this.charges = new ArrayList<>(other.charges);
      this.begun = other.begun;
      this.keepScheduledInterest = other.keepScheduledInterest;
      this.cutPeriod = other.cutPeriod;
      this.legacy = other.legacy;
    }

    @Override
    Replay copy() {
      return new Scheduled(this);
    }

    /** The first day of period {@code index} (0-based): the previous due date, or the disbursement. */
    private LocalDate start(int index) {
      return index == 0 ? terms.disbursementDate() : scheduled.get(index - 1).date();
    }

    @Override
    void advanceTo(LocalDate date) {
      // A period begun before this day has seen all the events of its first day: its interest is
      // fixed on the principal outstanding after them.
      while (!legacy && begun < scheduled.size() && start(begun).isBefore(date)) {
        Charge planned = scheduled.get(begun);
        Money outstanding = loan.principal().minus(principalPaid);
        Money interest;
        if (keepScheduledInterest) {
          interest = planned.interest();
        } else if (outstanding.isZero()) {
          interest = zero;
        } else if (terms.method() == RepaymentMethod.FLAT) {
          interest = planned.interest();
        } else {
          Money onOutstanding = ScheduleCalculator.interest(terms, outstanding, start(begun), planned.date());
          interest = onOutstanding.isLessThan(planned.interest()) ? onOutstanding : planned.interest();
        }
        charges.set(begun, new Charge(planned.date(), interest, planned.principal()));
        begun++;
      }
    }

    @Override
    List<Charge> charges() {
      return charges;
    }

    @Override
    Money principalPayable(LocalDate date) {
      return chargedBy(date, Charge::principal);
    }

    @Override
    void payAhead(LocalDate date, Split split, AllocationOrder order, boolean flatFull) {
      if (legacy) {
        payAheadAsScheduled(date, split, order);
        return;
      }
      int running = 0;
      Money interestBefore = zero;
      while (running < charges.size() && !charges.get(running).date().isAfter(date)) {
        interestBefore = interestBefore.plus(charges.get(running).interest());
        running++;
      }
      if (running == charges.size() || split.remaining.isZero()) {
        return;
      }
      // The period in progress: begun (its interest fixed) unless this is its first day.
      boolean begunBefore = running < begun;
      Charge current = charges.get(running);
      Money runningInterest = begunBefore ? current.interest() : zero;
      Money paidTowardRunning = atLeastZero(interestPaid.plus(split.interest).minus(interestBefore));
      Money principalLeft = loan.principal().minus(principalPaid).minus(split.principal);
      Money earned = running == cutPeriod ? runningInterest : earnedBy(runningInterest, start(running), current.date(), date);
      boolean full = flatFull && terms.method() == RepaymentMethod.FLAT;
      Money closingInterest;
      if (full) {
        Money rest = zero;
        for (int i = running; i < scheduled.size(); i++) {
          rest = rest.plus(scheduled.get(i).interest());
        }
        closingInterest = atLeastZero(rest.minus(paidTowardRunning));
      } else {
        closingInterest = atLeastZero(earned.minus(paidTowardRunning));
      }
      if (!split.remaining.isLessThan(closingInterest.plus(principalLeft))) {
        // Settles the loan: interest up to this day, never for periods not reached (unless FULL).
        split.interest = split.interest.plus(split.take(closingInterest));
        split.principal = split.principal.plus(split.take(principalLeft));
        if (full) {
          keepScheduledInterest = true;
        } else if (begunBefore) {
          Money charged = paidTowardRunning.isGreaterThan(earned) ? paidTowardRunning : earned;
          charges.set(running, new Charge(current.date(), charged, current.principal()));
          cutPeriod = running;
        }
        return;
      }
      for (Part part : order.parts()) {
        if (part == Part.INTEREST) {
          split.interest = split.interest.plus(split.take(atLeastZero(runningInterest.minus(paidTowardRunning))));
        } else if (part == Part.PRINCIPAL) {
          split.principal = split.principal.plus(split.take(principalLeft));
        }
      }
      if (begunBefore && split.principal.plus(principalPaid).equals(loan.principal())) {
        // All principal repaid in the period: it charges no more than was earned by this day, or
        // what has been paid toward it.
        Money paidNow = atLeastZero(interestPaid.plus(split.interest).minus(interestBefore));
        Money charged = paidNow.isGreaterThan(earned) ? paidNow : earned;
        charges.set(running, new Charge(current.date(), charged, current.principal()));
        cutPeriod = running;
      }
    }

    /** PaymentRule.SCHEDULE_AHEAD: the coming instalments in advance, in due-date order, as scheduled. */
    private void payAheadAsScheduled(LocalDate date, Split split, AllocationOrder order) {
      Money interestCum = zero;
      Money principalCum = zero;
      for (Charge charge : scheduled) {
        interestCum = interestCum.plus(charge.interest());
        principalCum = principalCum.plus(charge.principal());
        if (!charge.date().isAfter(date)) {
          continue;
        }
        for (Part part : order.parts()) {
          if (part == Part.INTEREST) {
            split.interest = split.interest.plus(
                split.take(unpaidPart(interestCum, charge.interest(), interestPaid.plus(split.interest))));
          } else if (part == Part.PRINCIPAL) {
            split.principal = split.principal.plus(
                split.take(unpaidPart(principalCum, charge.principal(), principalPaid.plus(split.principal))));
          }
        }
        if (split.remaining.isZero()) {
          return;
        }
      }
    }

    @Override
    boolean nothingMoreToCharge() {
      if (!principalPaid.equals(loan.principal())) {
        return false;
      }
      if (legacy) {
        Money total = zero;
        for (Charge charge : scheduled) {
          total = total.plus(charge.interest());
        }
        return !interestPaid.isLessThan(total);
      }
      Money total = zero;
      for (int i = 0; i < charges.size(); i++) {
        if (i < begun) {
          total = total.plus(charges.get(i).interest());
        } else if (keepScheduledInterest) {
          total = total.plus(scheduled.get(i).interest());
        }
      }
      return !interestPaid.isLessThan(total);
    }
  }

  /**
   * An {@link OpenLoanTerms open loan}. Overpayment rule: once the principal is repaid, what is
   * left pays the interest of the month in progress earned by that day: the month's interest on
   * the principal at its start, pro rata by days (rounded down); beyond that it is excess. A month
   * in which all the principal is repaid charges no more than that.
   */
  static final class Open extends Replay {
    private final OpenLoanTerms terms;
    private final List<Charge> months;
    // The principal at the start of the month in progress; null until that month's first day is
    // over, since payments on that day still lower it.
    private Money startPrincipal;
    // Set once a month starts with nothing owed: no interest can ever be charged again.
    private boolean finished;
    // What the month in progress charges at most, once all the principal is repaid in it: its
    // interest earned by that day. Null while principal is outstanding.
    private Money runningCap;

    // PaymentRule.SCHEDULE_AHEAD: the month in progress is charged in full when the loan is closed.
    private final boolean legacy;

    Open(OpenLoanTerms terms, boolean legacy) {
      super(terms);
      this.terms = terms;
      this.legacy = legacy;
      this.months = new ArrayList<>();
    }

    private Open(Open other) {
      super(other);
      this.terms = other.terms;
      this.months = new ArrayList<>(other.months);
      this.startPrincipal = other.startPrincipal;
      this.finished = other.finished;
      this.runningCap = other.runningCap;
      this.legacy = other.legacy;
    }

    @Override
    Replay copy() {
      return new Open(this);
    }

    @Override
    void advanceTo(LocalDate date) {
      while (!finished) {
        LocalDate start = terms.disbursementDate().plusMonths(months.size());
        LocalDate end = terms.disbursementDate().plusMonths(months.size() + 1L);
        if (startPrincipal == null && start.isBefore(date)) {
          startPrincipal = loan.principal().minus(principalPaid);
        }
        if (end.isAfter(date)) {
          return;
        }
        if (startPrincipal.isZero()) {
          finished = true;
          return;
        }
        if (months.size() == OpenLoanTerms.MAX_MONTHS) {
          throw new IllegalArgumentException(
              "an open loan runs at most " + OpenLoanTerms.MAX_MONTHS + " months; the loan of "
                  + withCurrency(loan.principal()) + " disbursed " + loan.disbursementDate() + " still owes "
                  + withCurrency(startPrincipal) + " after that, before " + date);
        }
        months.add(new Charge(end, runningMonthInterest(), zero));
        startPrincipal = null;
        runningCap = null;
      }
    }

    @Override
    List<Charge> charges() {
      return months;
    }

    @Override
    Money principalPayable(LocalDate date) {
      return loan.principal();
    }

    @Override
    void payAhead(LocalDate date, Split split, AllocationOrder order, boolean flatFull) {
      boolean allRepaid = principalPaid.plus(split.principal).equals(loan.principal());
      if (!legacy && allRepaid && runningCap == null && startPrincipal != null && !finished) {
        // Repaid in the month: it charges its interest earned by today, or what has been paid
        // toward it if that is more (nothing is handed back).
        LocalDate start = terms.disbursementDate().plusMonths(months.size());
        LocalDate end = terms.disbursementDate().plusMonths(months.size() + 1L);
        Money earned = earnedBy(monthInterest(startPrincipal), start, end, date);
        Money paidToward = atLeastZero(interestPaid.plus(split.interest).minus(chargedBy(date, Charge::interest)));
        runningCap = paidToward.isGreaterThan(earned) ? paidToward : earned;
      }
      // All principal is payable, so anything left here means it is all repaid.
      Money owedWithRunningMonth = chargedBy(date, Charge::interest).plus(runningMonthInterest());
      split.interest = split.interest.plus(
          split.take(atLeastZero(owedWithRunningMonth.minus(interestPaid.plus(split.interest)))));
    }

    @Override
    boolean nothingMoreToCharge() {
      Money everCharged = chargedBy(LocalDate.MAX, Charge::interest).plus(runningMonthInterest());
      return principalPaid.equals(loan.principal()) && !interestPaid.isLessThan(everCharged);
    }

    /** The interest the month in progress will charge; zero if it starts with nothing owed. */
    private Money runningMonthInterest() {
      if (finished || startPrincipal == null) {
        return zero;
      }
      Money full = monthInterest(startPrincipal);
      return runningCap != null && runningCap.isLessThan(full) ? runningCap : full;
    }

    private Money monthInterest(Money principal) {
      return loan.rate().interestForPeriod(principal, Frequency.MONTHLY, loan.interestRounding());
    }
  }
}
