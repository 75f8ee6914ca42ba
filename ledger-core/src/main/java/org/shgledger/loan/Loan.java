package org.shgledger.loan;

import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.money.RoundingPolicy;

/**
 * A loan to a member, as agreed when it was paid out: either {@link LoanTerms} (a fixed schedule
 * of instalments) or {@link OpenLoanTerms} (no schedule; interest monthly on what is outstanding).
 * {@link LoanHistory} follows either kind through fines and payments.
 */
public sealed interface Loan permits LoanTerms, OpenLoanTerms {

  /** The most a loan may lend, in minor units: ₹100 crore, the journal's limit on one posting. */
  long MAX_PRINCIPAL_MINOR = 100_000_000_000L;

  /** The earliest disbursement date accepted. */
  LocalDate MIN_DISBURSEMENT_DATE = LocalDate.of(1900, 1, 1);

  /** The latest disbursement date accepted; with 600 months of instalments the dates stay valid. */
  LocalDate MAX_DISBURSEMENT_DATE = LocalDate.of(2999, 12, 31);

  /**
   * The amount lent.
   *
   * @return the principal, positive, not null
   */
  Money principal();

  /**
   * The interest rate.
   *
   * @return the rate, not null
   */
  InterestRate rate();

  /**
   * The day the money was paid out; no interest is charged for days before it.
   *
   * @return the date, not null
   */
  LocalDate disbursementDate();

  /**
   * How each amount of interest is rounded.
   *
   * @return the policy, not null
   */
  RoundingPolicy interestRounding();

  /**
   * The loan's currency, which is the principal's.
   *
   * @return the currency, not null
   */
  default CurrencyUnit currency() {
    return principal().getCurrencyUnit();
  }
}
