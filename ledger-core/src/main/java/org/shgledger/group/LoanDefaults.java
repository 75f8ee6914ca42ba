package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * The loan terms a group's members usually get, as its bylaws set them: the rate, and either a
 * repayment method over a number of instalments or an open loan (no schedule). A particular loan
 * may still be given other terms.
 *
 * @param rate the interest rate, not null
 * @param method the repayment method, or empty for open loans, not null
 * @param instalments the number of instalments of a scheduled loan (1 to {@value
 *     LoanTerms#MAX_INSTALMENTS}); ignored for open loans
 * @param frequency how often instalments fall due, not null; ignored for open loans
 * @param allocationOrder the order in which a payment pays fines, interest and principal; each
 *     loan keeps the order of the day it was paid out ({@link MemberLoan#allocationOrder()}), not
 *     null
 */
public record LoanDefaults(
    InterestRate rate,
    Optional<RepaymentMethod> method,
    int instalments,
    Frequency frequency,
    AllocationOrder allocationOrder) {

  /**
   * Creates loan defaults.
   *
   * @param rate the interest rate, not null
   * @param method the repayment method, or empty for open loans, not null
   * @param instalments the number of instalments of a scheduled loan (1 to {@value
   *     LoanTerms#MAX_INSTALMENTS}); ignored for open loans
   * @param frequency how often instalments fall due, not null; ignored for open loans
   * @param allocationOrder the order in which a payment pays fines, interest and principal; each
   *     loan keeps the order of the day it was paid out ({@link MemberLoan#allocationOrder()}), not
   *     null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a scheduled loan's instalments are out of range
   */
  public LoanDefaults {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(allocationOrder, "allocationOrder");
    if (method.isPresent() && (instalments < 1 || instalments > LoanTerms.MAX_INSTALMENTS)) {
      throw new IllegalArgumentException(
          "a scheduled loan has 1 to " + LoanTerms.MAX_INSTALMENTS + " instalments, got " + instalments);
    }
  }

  /**
   * Scheduled loans: a method over a number of monthly instalments, payments allocated in the
   * {@link AllocationOrder#STANDARD standard order}.
   *
   * @param rate the rate, not null
   * @param method the method, not null
   * @param instalments the number of monthly instalments
   * @return the defaults, not null
   */
  public static LoanDefaults scheduled(InterestRate rate, RepaymentMethod method, int instalments) {
    return new LoanDefaults(rate, Optional.of(method), instalments, Frequency.MONTHLY, AllocationOrder.STANDARD);
  }

  /**
   * Open loans: interest monthly on what is outstanding, repaid when the member can; payments
   * allocated in the {@link AllocationOrder#STANDARD standard order}.
   *
   * @param rate the rate, not null
   * @return the defaults, not null
   */
  public static LoanDefaults open(InterestRate rate) {
    return new LoanDefaults(rate, Optional.empty(), 1, Frequency.MONTHLY, AllocationOrder.STANDARD);
  }

  /**
   * These defaults with payments allocated in another order.
   *
   * @param order the order, not null
   * @return the defaults, not null
   */
  public LoanDefaults withAllocationOrder(AllocationOrder order) {
    return new LoanDefaults(rate, method, instalments, frequency, order);
  }

  /**
   * The terms of a loan of this kind.
   *
   * @param principal the amount lent, not null
   * @param disbursed the day it is paid out, not null
   * @param rounding the group's rounding: instalments are rounded to its unit, interest to paise
   * @return the terms, not null
   * @throws IllegalArgumentException if the terms cannot be built (see {@link LoanTerms})
   */
  public Loan termsFor(Money principal, LocalDate disbursed, RoundingPolicy rounding) {
    if (method.isEmpty()) {
      return OpenLoanTerms.of(principal, rate, disbursed);
    }
    return LoanTerms.of(principal, rate, method.get(), instalments, frequency, disbursed)
        .withInstalmentMultiple(rounding.step(principal.getCurrencyUnit()))
        .withInstalmentRounding(rounding.mode());
  }
}
