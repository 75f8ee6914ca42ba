package org.shgledger.loan;

/** How the interest of one instalment period is measured. */
public enum InterestBasis {
  /**
   * The period rate for every period, whatever its length in days ({@link Frequency} explains the
   * period rate). Every month charges the same, February included, and so does a first period that
   * is longer or shorter than the others.
   */
  PERIOD,
  /**
   * The annual rate × the actual days in the period ÷ 365 (in leap years too), the period running
   * from the previous due date (for the first instalment, from the disbursement date) to the due
   * date.
   */
  ACTUAL_365
}
