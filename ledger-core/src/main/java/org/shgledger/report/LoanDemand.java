package org.shgledger.report;

import java.time.LocalDate;
import org.joda.money.Money;
import org.shgledger.loan.Instalment;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;
import org.shgledger.loan.LoanTerms;

/**
 * Demand, collection and balance of one loan for a period, from what its terms charge and what
 * its history paid.
 *
 * <p>Interest and principal are each paid oldest charge first (docs/loans.md), so for each part
 * three cumulative figures say everything: {@code charged(d)}, the sum of the charges falling due
 * on or before day d, and {@code paid(d)}, the sum paid by the end of day d. What is due and unpaid
 * is {@code max(0, charged − paid)}, what is paid ahead {@code max(0, paid − charged)}. With d0 the
 * day before the period and d1 its last day:
 *
 * <ul>
 *   <li>arrears = max(0, charged(d0) − paid(d0))
 *   <li>current demand = max(0, charged(d1) − max(charged(d0), paid(d0))): the period's charges
 *       less what was paid ahead of them before it
 *   <li>advance = max(0, paid(d1) − charged(d1)) − max(0, paid(d0) − charged(d1))
 *   <li>collection = paid(d1) − paid(d0) − advance
 *   <li>balance = max(0, charged(d1) − paid(d1)), which is arrears + current demand − collection
 * </ul>
 *
 * <p>Interest charged is the history's own ({@link LoanHistory#interestChargedBy}); principal
 * charged is the schedule's. An open loan's charges are its months' interest (its principal is
 * never due, so its repayments are advance).
 */
final class LoanDemand {

  private LoanDemand() {}

  /** The loan's figures for the period from {@code from} to {@code to}, both included. */
  static Dcb dcb(LoanHistory history, LocalDate from, LocalDate to) {
    LocalDate before = from.minusDays(1);
    boolean lentBefore = !history.loan().disbursementDate().isAfter(before);
    LoanState start = lentBefore ? history.stateAsOf(before) : null;
    LoanState end = history.stateAsOf(to);
    Money zero = Money.zero(history.loan().currency());
    Charged charged = new Charged(history);
    Part interest = new Part(
        lentBefore ? charged.interest(before) : zero, charged.interest(to),
        start == null ? zero : start.interestPaid(), end.interestPaid());
    Part principal = new Part(
        lentBefore ? charged.principal(before) : zero, charged.principal(to),
        start == null ? zero : start.principalPaid(), end.principalPaid());
    return interest.dcb().plus(principal.dcb());
  }

  /** One part (interest or principal): charged and paid at the end of d0 and of d1. */
  private record Part(Money charged0, Money charged1, Money paid0, Money paid1) {
    Dcb dcb() {
      Money zero = charged0.multipliedBy(0);
      Money arrears = atLeast(zero, charged0.minus(paid0));
      Money current = atLeast(zero, charged1.minus(max(charged0, paid0)));
      Money advance = atLeast(zero, paid1.minus(charged1)).minus(atLeast(zero, paid0.minus(charged1)));
      Money collection = paid1.minus(paid0).minus(advance);
      Money demand = arrears.plus(current);
      return new Dcb(arrears, current, demand, collection, advance, demand.minus(collection));
    }

    private static Money max(Money a, Money b) {
      return a.isGreaterThan(b) ? a : b;
    }

    private static Money atLeast(Money floor, Money amount) {
      return max(floor, amount);
    }
  }

  /** What a loan's terms charge, cumulatively, by a day. */
  private static final class Charged {
    private final LoanHistory history;

    Charged(LoanHistory history) {
      this.history = history;
    }

    Money interest(LocalDate by) {
      // The history's own charges: a period's interest falls when principal was paid ahead, and a
      // settled loan's period in progress charges only the days used (docs/loans.md).
      return history.interestChargedBy(by);
    }

    Money principal(LocalDate by) {
      if (history.loan() instanceof LoanTerms terms) {
        return sum(terms, by, false);
      }
      return Money.zero(history.loan().currency());
    }

    private static Money sum(LoanTerms terms, LocalDate by, boolean interest) {
      Money sum = Money.zero(terms.currency());
      for (Instalment instalment : terms.schedule().instalments()) {
        if (instalment.dueDate().isAfter(by)) {
          break;
        }
        sum = sum.plus(interest ? instalment.interest() : instalment.principal());
      }
      return sum;
    }
  }
}
