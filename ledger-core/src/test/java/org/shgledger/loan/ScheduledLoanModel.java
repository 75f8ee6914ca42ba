package org.shgledger.loan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder.Part;

/**
 * An exact, deliberately naive model of a scheduled loan for the properties: the unpaid interest
 * and principal of every instalment kept one by one, the allocation rule written out as
 * docs/loans.md states it. {@link LoanHistory} keeps only totals; the two must agree on every split
 * and every state.
 */
final class ScheduledLoanModel {

  private final AllocationOrder order;
  private final List<Instalment> instalments;
  private final Money[] unpaidInterest;
  private final Money[] unpaidPrincipal;
  private final Money zero;
  private Money finesDue;
  private Money finesPaid;
  private Money interestPaid;
  private Money principalPaid;

  ScheduledLoanModel(LoanTerms terms, AllocationOrder order) {
    this.order = order;
    this.instalments = terms.schedule().instalments();
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

  /** Splits a payment and applies the part the loan takes (all but the excess). */
  PaymentAllocation pay(LocalDate date, Money amount) {
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
    for (int i = 0; i < instalments.size(); i++) {
      if (!instalments.get(i).dueDate().isAfter(date)) {
        continue;
      }
      for (Part part : order.parts()) {
        if (part == Part.INTEREST) {
          interest = interest.plus(takeOne(unpaidInterest, i, left));
        } else if (part == Part.PRINCIPAL) {
          principal = principal.plus(takeOne(unpaidPrincipal, i, left));
        }
      }
    }
    finesPaid = finesPaid.plus(fines);
    interestPaid = interestPaid.plus(interest);
    principalPaid = principalPaid.plus(principal);
    return new PaymentAllocation(fines, interest, principal, left[0]);
  }

  LoanState state(LocalDate asOf) {
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
      unpaidEver = unpaidEver.plus(unpaidPrincipal[i]).plus(unpaidInterest[i]);
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

  private Money takeOne(Money[] unpaid, int i, Money[] left) {
    Money taken = min(left[0], unpaid[i]);
    unpaid[i] = unpaid[i].minus(taken);
    left[0] = left[0].minus(taken);
    return taken;
  }

  private static Money min(Money a, Money b) {
    return a.isLessThan(b) ? a : b;
  }
}
