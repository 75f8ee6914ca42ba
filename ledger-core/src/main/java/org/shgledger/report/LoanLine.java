package org.shgledger.report;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;

/**
 * One member loan in the portfolio, as it stands at the end of the portfolio's day.
 *
 * @param loan the loan's id, not null
 * @param member the borrower's id, not null
 * @param disbursed the day it was paid out, not null
 * @param principal the amount lent, not null
 * @param method how it is repaid, not null
 * @param outstandingPrincipal principal not yet repaid, due or not, not null
 * @param interestDue interest fallen due on or before the day and unpaid, not null
 * @param overdueAmount principal and interest of instalments (open loan: months) due before the
 *     day and unpaid, not null
 * @param daysPastDue days from the oldest unpaid due date to the day, zero when nothing is overdue
 * @param status current, overdue or closed, not null
 * @param dcb demand, collection and balance for the portfolio's period, not null
 */
public record LoanLine(
    LoanId loan,
    MemberId member,
    LocalDate disbursed,
    Money principal,
    LoanMethod method,
    Money outstandingPrincipal,
    Money interestDue,
    Money overdueAmount,
    long daysPastDue,
    LoanStatus status,
    Dcb dcb) {

  /**
   * Creates a line.
   *
   * @param loan the loan's id, not null
   * @param member the borrower's id, not null
   * @param disbursed the day it was paid out, not null
   * @param principal the amount lent, not null
   * @param method how it is repaid, not null
   * @param outstandingPrincipal principal not yet repaid, due or not, not null
   * @param interestDue interest fallen due on or before the day and unpaid, not null
   * @param overdueAmount principal and interest of instalments (open loan: months) due before the
   *     day and unpaid, not null
   * @param daysPastDue days from the oldest unpaid due date to the day, zero when nothing is
   *     overdue
   * @param status current, overdue or closed, not null
   * @param dcb demand, collection and balance for the portfolio's period, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if days past due is negative
   */
  public LoanLine {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(disbursed, "disbursed");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(outstandingPrincipal, "outstandingPrincipal");
    Objects.requireNonNull(interestDue, "interestDue");
    Objects.requireNonNull(overdueAmount, "overdueAmount");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dcb, "dcb");
    if (daysPastDue < 0) {
      throw new IllegalArgumentException("days past due cannot be negative: " + daysPastDue);
    }
  }
}
