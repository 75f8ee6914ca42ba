package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * Where a loan stands at the end of a day, after every fine and payment dated on or before it.
 *
 * <p>Something is <em>due</em> on or after its due date; it is <em>overdue</em> (in arrears) from
 * the day after, while any of it is unpaid. For a scheduled loan the units of arrears are the
 * instalments; for an open loan, whose principal has no due date, they are the months' interest.
 * Fines are due but never count as arrears.
 *
 * @param asOf the day, not null
 * @param outstandingPrincipal principal lent and not yet repaid, whether due or not, not null
 * @param principalDue principal of instalments due on or before {@code asOf} and not yet paid;
 *     always zero for an open loan, not null
 * @param interestDue interest fallen due on or before {@code asOf} and not yet paid, not null
 * @param finesDue fines charged and not yet paid, not null
 * @param overdueInstalments how many instalments (open loan: months) due before {@code asOf} are not
 *     fully paid, zero or more
 * @param overdueAmount what is unpaid of those instalments (principal and interest), not null
 * @param daysPastDue days from the oldest unpaid due date to {@code asOf}; zero when nothing is
 *     overdue
 * @param principalPaid principal repaid so far, including any paid in advance, not null
 * @param interestPaid interest paid so far, including any paid in advance, not null
 * @param finesPaid fines paid so far, not null
 * @param settled whether nothing more will ever be owed: all principal repaid, and every fine and
 *     every amount of interest charged or still to be charged paid
 */
public record LoanState(
    LocalDate asOf,
    Money outstandingPrincipal,
    Money principalDue,
    Money interestDue,
    Money finesDue,
    int overdueInstalments,
    Money overdueAmount,
    long daysPastDue,
    Money principalPaid,
    Money interestPaid,
    Money finesPaid,
    boolean settled) {

  /**
   * Creates a loan state.
   *
   * @param asOf the day, not null
   * @param outstandingPrincipal principal lent and not yet repaid, whether due or not, not null
   * @param principalDue principal of instalments due on or before {@code asOf} and not yet paid;
   *     always zero for an open loan, not null
   * @param interestDue interest fallen due on or before {@code asOf} and not yet paid, not null
   * @param finesDue fines charged and not yet paid, not null
   * @param overdueInstalments how many instalments (open loan: months) due before {@code asOf} are not
   *     fully paid, zero or more
   * @param overdueAmount what is unpaid of those instalments (principal and interest), not null
   * @param daysPastDue days from the oldest unpaid due date to {@code asOf}; zero when nothing is
   *     overdue
   * @param principalPaid principal repaid so far, including any paid in advance, not null
   * @param interestPaid interest paid so far, including any paid in advance, not null
   * @param finesPaid fines paid so far, not null
   * @param settled whether nothing more will ever be owed: all principal repaid, and every fine and
   *     every amount of interest charged or still to be charged paid
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a count or amount is negative
   */
  public LoanState {
    Objects.requireNonNull(asOf, "asOf");
    for (Money amount :
        new Money[] {outstandingPrincipal, principalDue, interestDue, finesDue, overdueAmount,
            principalPaid, interestPaid, finesPaid}) {
      Objects.requireNonNull(amount, "amount");
      if (amount.isNegative()) {
        throw new IllegalArgumentException("a loan state has no negative amounts: " + withCurrency(amount));
      }
    }
    if (overdueInstalments < 0 || daysPastDue < 0) {
      throw new IllegalArgumentException(
          "overdue instalments and days past due cannot be negative: " + overdueInstalments + ", " + daysPastDue);
    }
  }

  /**
   * Everything due now: fines, interest and principal due. A payment of this amount on {@code
   * asOf} clears the arrears.
   *
   * @return the total, not null
   */
  public Money totalDue() {
    return finesDue.plus(interestDue).plus(principalDue);
  }

  /**
   * Whether any instalment (open loan: any month's interest) is in arrears.
   *
   * @return true if days past due is positive
   */
  public boolean isOverdue() {
    return daysPastDue > 0;
  }
}
