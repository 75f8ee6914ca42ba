package org.shgledger.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder.Part;
import org.shgledger.money.RoundingPolicy;

/**
 * An exact, deliberately naive model of a scheduled loan for the properties: the unpaid interest
 * and principal of every instalment kept one by one, the allocation rule written out as
 * docs/loans.md states it. {@link LoanHistory} keeps only totals; the two must agree on every split
 * and every state. A period's interest is fixed when it begins (the day after its first day), on
 * what is outstanding then for a declining-balance loan; what is left of a payment after all that
 * is due pays the period in progress's interest, then principal, and a payment that repays all
 * the principal pays only the interest earned by its day.
 */
final class ScheduledLoanModel {

  private final AllocationOrder order;
  private final LoanTerms terms;
  private final List<Instalment> instalments;
  private final Money[] charged;
  private int begun;
  // the period whose interest was cut to what it had earned when the principal was all repaid
  private int cut = -1;
  private final Money[] unpaidInterest;
  private final Money[] unpaidPrincipal;
  private final Money zero;
  private Money finesDue;
  private Money finesPaid;
  private Money interestPaid;
  private Money principalPaid;

  ScheduledLoanModel(LoanTerms terms, AllocationOrder order) {
    this.order = order;
    this.terms = terms;
    this.instalments = terms.schedule().instalments();
    this.charged = instalments.stream().map(Instalment::interest).toArray(Money[]::new);
    this.unpaidInterest = instalments.stream().map(Instalment::interest).toArray(Money[]::new);
    this.unpaidPrincipal = instalments.stream().map(Instalment::principal).toArray(Money[]::new);
    this.zero = Money.zero(terms.currency());
    this.finesDue = zero;
    this.finesPaid = zero;
    this.interestPaid = zero;
    this.principalPaid = zero;
  }

  void fine(Money amount) {
    finesDue = finesDue.plus(amount);
  }

  private LocalDate start(int i) {
    return i == 0 ? terms.disbursementDate() : instalments.get(i - 1).dueDate();
  }

  private Money outstanding() {
    Money sum = zero;
    for (Money part : unpaidPrincipal) {
      sum = sum.plus(part);
    }
    return sum;
  }

  /** Fixes the interest of every period begun before the date. */
  private void advance(LocalDate date) {
    while (begun < instalments.size() && start(begun).isBefore(date)) {
      Money planned = instalments.get(begun).interest();
      Money outstanding = outstanding();
      Money interest;
      if (outstanding.isZero()) {
        interest = zero;
      } else if (terms.method() == RepaymentMethod.FLAT) {
        interest = planned;
      } else {
        BigDecimal exact = terms.interestBasis() == InterestBasis.PERIOD
            ? outstanding.getAmount().multiply(terms.rate().annualPercent())
                .divide(BigDecimal.valueOf(100L * terms.frequency().periodsPerYear()), MathContext.DECIMAL128)
            : outstanding.getAmount().multiply(terms.rate().annualPercent())
                .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(start(begun), instalments.get(begun).dueDate())))
                .divide(BigDecimal.valueOf(36_500), MathContext.DECIMAL128);
        interest = min(planned, terms.interestRounding().round(outstanding.getCurrencyUnit(), exact));
      }
      charged[begun] = interest;
      unpaidInterest[begun] = interest;
      begun++;
    }
  }

  private Money earned(int i, LocalDate date) {
    long used = ChronoUnit.DAYS.between(start(i), date);
    long days = ChronoUnit.DAYS.between(start(i), instalments.get(i).dueDate());
    BigDecimal exact = charged[i].getAmount().multiply(BigDecimal.valueOf(used))
        .divide(BigDecimal.valueOf(days), MathContext.DECIMAL128);
    return new RoundingPolicy(terms.interestRounding().unit(), RoundingMode.DOWN).round(zero.getCurrencyUnit(), exact);
  }

  /** Splits a payment and applies the part the loan takes (all but the excess). */
  PaymentAllocation pay(LocalDate date, Money amount) {
    advance(date);
    Money[] left = {amount};
    Money fines = zero;
    Money interest = zero;
    Money principal = zero;
    for (Part part : order.parts()) {
      switch (part) {
        case FINES -> {
          Money taken = min(left[0], finesDue);
          finesDue = finesDue.minus(taken);
          left[0] = left[0].minus(taken);
          fines = fines.plus(taken);
        }
        case INTEREST -> interest = interest.plus(take(unpaidInterest, date, left));
        case PRINCIPAL -> principal = principal.plus(take(unpaidPrincipal, date, left));
      }
    }
    int running = 0;
    while (running < instalments.size() && !instalments.get(running).dueDate().isAfter(date)) {
      running++;
    }
    if (running < instalments.size() && left[0].isPositive()) {
      boolean begunBefore = running < begun;
      Money earned = !begunBefore ? zero : running == cut ? charged[running] : earned(running, date);
      Money paidToward = charged[running].minus(unpaidInterest[running]);
      Money closing = begunBefore ? max(zero, earned.minus(paidToward)) : zero;
      if (!left[0].isLessThan(closing.plus(outstanding()))) {
        left[0] = left[0].minus(closing);
        interest = interest.plus(closing);
        if (begunBefore) {
          charged[running] = paidToward.plus(closing);
          unpaidInterest[running] = zero;
          cut = running;
        }
        principal = principal.plus(takeAll(unpaidPrincipal, left));
      } else {
        for (Part part : order.parts()) {
          if (part == Part.INTEREST && begunBefore) {
            interest = interest.plus(takeOne(unpaidInterest, running, left));
          } else if (part == Part.PRINCIPAL) {
            principal = principal.plus(takeAll(unpaidPrincipal, left));
          }
        }
        if (begunBefore && outstanding().isZero()) {
          Money paidNow = charged[running].minus(unpaidInterest[running]);
          charged[running] = max(paidNow, earned);
          unpaidInterest[running] = charged[running].minus(paidNow);
          cut = running;
        }
      }
    }
    finesPaid = finesPaid.plus(fines);
    interestPaid = interestPaid.plus(interest);
    principalPaid = principalPaid.plus(principal);
    return new PaymentAllocation(fines, interest, principal, left[0]);
  }

  LoanState state(LocalDate asOf) {
    advance(asOf);
    boolean nothingOutstanding = outstanding().isZero();
    Money interestDue = zero;
    Money principalDue = zero;
    Money outstanding = zero;
    Money overdueAmount = zero;
    Money unpaidEver = finesDue;
    int overdue = 0;
    LocalDate oldest = null;
    for (int i = 0; i < instalments.size(); i++) {
      LocalDate due = instalments.get(i).dueDate();
      outstanding = outstanding.plus(unpaidPrincipal[i]);
      // A period not yet begun charges nothing once the principal is repaid.
      unpaidEver = unpaidEver.plus(unpaidPrincipal[i])
          .plus(i >= begun && nothingOutstanding ? zero : unpaidInterest[i]);
      if (!due.isAfter(asOf)) {
        interestDue = interestDue.plus(unpaidInterest[i]);
        principalDue = principalDue.plus(unpaidPrincipal[i]);
      }
      Money unpaid = unpaidInterest[i].plus(unpaidPrincipal[i]);
      if (due.isBefore(asOf) && unpaid.isPositive()) {
        overdue++;
        overdueAmount = overdueAmount.plus(unpaid);
        oldest = oldest == null ? due : oldest;
      }
    }
    return new LoanState(asOf, outstanding, principalDue, interestDue, finesDue, overdue, overdueAmount,
        oldest == null ? 0 : ChronoUnit.DAYS.between(oldest, asOf), principalPaid, interestPaid, finesPaid,
        unpaidEver.isZero());
  }

  /** Takes from the instalments due on or before the date, oldest first. */
  private Money take(Money[] unpaid, LocalDate date, Money[] left) {
    Money taken = zero;
    for (int i = 0; i < instalments.size() && !instalments.get(i).dueDate().isAfter(date); i++) {
      taken = taken.plus(takeOne(unpaid, i, left));
    }
    return taken;
  }

  private Money takeAll(Money[] unpaid, Money[] left) {
    Money taken = zero;
    for (int i = 0; i < unpaid.length; i++) {
      taken = taken.plus(takeOne(unpaid, i, left));
    }
    return taken;
  }

  private Money takeOne(Money[] unpaid, int i, Money[] left) {
    Money taken = min(left[0], unpaid[i]);
    unpaid[i] = unpaid[i].minus(taken);
    left[0] = left[0].minus(taken);
    return taken;
  }

  private static Money min(Money a, Money b) {
    return a.isLessThan(b) ? a : b;
  }

  private static Money max(Money a, Money b) {
    return a.isGreaterThan(b) ? a : b;
  }
}
