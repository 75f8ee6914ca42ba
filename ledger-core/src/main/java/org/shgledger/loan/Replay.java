package org.shgledger.loan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder.Part;

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

  static Replay start(Loan loan) {
    return loan instanceof LoanTerms terms ? new Scheduled(terms) : new Open((OpenLoanTerms) loan);
  }

  abstract Replay copy();

  /** Charges whatever falls due up to the end of {@code date}, before that day's events apply. */
  abstract void advanceTo(LocalDate date);

  /** The charges known so far, in date order; for a scheduled loan, all of them. */
  abstract List<Charge> charges();

  /** Principal that may be paid on {@code date} as due rather than ahead. */
  abstract Money principalPayable(LocalDate date);

  /** Applies what is left of a payment, after all that is due, by the overpayment rule. */
  abstract void payAhead(LocalDate date, Split split, AllocationOrder order);

  /** Whether every charge that will ever come is paid. */
  abstract boolean nothingMoreToCharge();

  final void fine(LocalDate date, Money amount) {
    advanceTo(date);
    finesCharged = finesCharged.plus(amount);
  }

  final PaymentAllocation pay(LocalDate date, Money amount, AllocationOrder order) {
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
    payAhead(date, split, order);
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
   * A loan on {@link LoanTerms}. Overpayment rule: what is left after everything due pays the
   * coming instalments in advance, in due-date order, each as scheduled (its parts in the
   * allocation order); beyond the whole schedule it is excess. The schedule is never recalculated.
   */
  static final class Scheduled extends Replay {
    private final List<Charge> charges;
    private final Money scheduledInterest;

    Scheduled(LoanTerms terms) {
      super(terms);
      List<Charge> list = new ArrayList<>();
      for (Instalment instalment : terms.schedule().instalments()) {
        list.add(new Charge(instalment.dueDate(), instalment.interest(), instalment.principal()));
      }
      this.charges = List.copyOf(list);
      this.scheduledInterest = terms.schedule().totalInterest();
    }

    private Scheduled(Scheduled other) {
      super(other);
      this.charges = other.charges;
      this.scheduledInterest = other.scheduledInterest;
    }

    @Override
    Replay copy() {
      return new Scheduled(this);
    }

    @Override
    void advanceTo(LocalDate date) {
      // Every charge is known from the start.
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
    void payAhead(LocalDate date, Split split, AllocationOrder order) {
      Money interestCum = zero;
      Money principalCum = zero;
      for (Charge charge : charges) {
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
      return principalPaid.equals(loan.principal()) && !interestPaid.isLessThan(scheduledInterest);
    }
  }

  /**
   * An {@link OpenLoanTerms open loan}. Overpayment rule: once the principal is repaid, what is
   * left pays the interest of the month in progress, which is charged in full (a part month counts
   * as a month) on the principal at its start; beyond that it is excess.
   */
  static final class Open extends Replay {
    private final OpenLoanTerms terms;
    private final List<Charge> months;
    // The principal at the start of the month in progress; null until that month's first day is
    // over, since payments on that day still lower it.
    private Money startPrincipal;
    // Set once a month starts with nothing owed: no interest can ever be charged again.
    private boolean finished;

    Open(OpenLoanTerms terms) {
      super(terms);
      this.terms = terms;
      this.months = new ArrayList<>();
    }

    private Open(Open other) {
      super(other);
      this.terms = other.terms;
      this.months = new ArrayList<>(other.months);
      this.startPrincipal = other.startPrincipal;
      this.finished = other.finished;
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
                  + loan.principal() + " disbursed " + loan.disbursementDate() + " still owes "
                  + startPrincipal + " after that, before " + date);
        }
        months.add(new Charge(end, monthInterest(startPrincipal), zero));
        startPrincipal = null;
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
    void payAhead(LocalDate date, Split split, AllocationOrder order) {
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
      return finished || startPrincipal == null ? zero : monthInterest(startPrincipal);
    }

    private Money monthInterest(Money principal) {
      return loan.rate().interestForPeriod(principal, Frequency.MONTHLY, loan.interestRounding());
    }
  }
}
