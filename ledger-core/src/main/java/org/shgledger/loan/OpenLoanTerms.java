package org.shgledger.loan;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.money.RoundingPolicy;

/**
 * An open loan, the kind most SHG registers keep: no schedule; interest is due every month at the
 * monthly rate on the principal outstanding at the start of that month, and the member repays
 * what she can when she can.
 *
 * <p>Month {@code k} (from 1) runs from {@code disbursementDate + (k − 1) months} to {@code
 * disbursementDate + k months}, and its interest, {@code monthly rate × principal outstanding at
 * its start}, rounded by {@link #interestRounding()}, falls due on its last day, {@link
 * #interestDueDate(int)}. The principal at the start of a month counts every payment made up to
 * and including its first day: a payment on the day a month's interest falls due pays that
 * interest and then lowers the principal of the next month. An annual rate is taken as its twelfth
 * a month. Months are calendar months from the disbursement date, so every month charges the same
 * rate, February included. {@link LoanHistory} applies payments and tells what is due.
 *
 * @param principal the amount lent, positive, at most {@link Loan#MAX_PRINCIPAL_MINOR} minor units,
 *     not null
 * @param rate the interest rate, not null
 * @param disbursementDate the day the money is paid out, from {@link Loan#MIN_DISBURSEMENT_DATE}
 *     to {@link Loan#MAX_DISBURSEMENT_DATE}, not null
 * @param interestRounding how each month's interest is rounded, not null
 */
public record OpenLoanTerms(
    Money principal, InterestRate rate, LocalDate disbursementDate, RoundingPolicy interestRounding)
    implements Loan {

  /**
   * The most months an open loan may run with principal outstanding: 50 years. Asking what is due
   * later than that on a loan still owing is refused, rather than charging interest for centuries.
   */
  public static final int MAX_MONTHS = 600;

  /**
   * Creates open loan terms.
   *
   * @param principal the amount lent, positive, at most {@link Loan#MAX_PRINCIPAL_MINOR} minor units,
   *     not null
   * @param rate the interest rate, not null
   * @param disbursementDate the day the money is paid out, from {@link Loan#MIN_DISBURSEMENT_DATE}
   *     to {@link Loan#MAX_DISBURSEMENT_DATE}, not null
   * @param interestRounding how each month's interest is rounded, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the principal or the date is out of range, or the interest
   *     rounding mode is {@link RoundingMode#UNNECESSARY}
   */
  public OpenLoanTerms {
    LoanChecks.principal(principal);
    Objects.requireNonNull(rate, "rate");
    LoanChecks.disbursementDate(disbursementDate);
    Objects.requireNonNull(interestRounding, "interestRounding");
    if (interestRounding.mode() == RoundingMode.UNNECESSARY) {
      // a month's interest is rarely a whole number of paise: it must be rounded some way
      throw new IllegalArgumentException(
          "an open loan's interest needs a rounding mode that rounds; UNNECESSARY would fail on the first month");
    }
  }

  /**
   * Open loan terms whose interest is rounded to the currency's minor unit, {@link
   * RoundingMode#HALF_EVEN}.
   *
   * @param principal the amount lent, not null
   * @param rate the interest rate, not null
   * @param disbursementDate the day the money is paid out, not null
   * @return the terms, not null
   * @throws IllegalArgumentException as the constructor
   */
  public static OpenLoanTerms of(Money principal, InterestRate rate, LocalDate disbursementDate) {
    return new OpenLoanTerms(
        principal, rate, disbursementDate, RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN));
  }

  /**
   * The day the interest of a month falls due: the last day of that month, {@code month} months
   * after the disbursement date.
   *
   * @param month the month, from 1 to {@value #MAX_MONTHS}
   * @return the date, not null
   * @throws IllegalArgumentException if the month is out of range
   */
  public LocalDate interestDueDate(int month) {
    if (month < 1 || month > MAX_MONTHS) {
      throw new IllegalArgumentException("months of an open loan run from 1 to " + MAX_MONTHS + ": " + month);
    }
    return disbursementDate.plusMonths(month);
  }
}
