package org.shgledger.loan;

/**
 * How a scheduled loan is repaid: how each instalment is split into principal and interest. The
 * formulas and rounding are in {@link LoanTerms} and docs/loans.md.
 */
public enum RepaymentMethod {
  /**
   * Flat: interest on the original principal for every instalment, so the interest is the same
   * each time; principal in equal parts.
   */
  FLAT,
  /**
   * Declining balance with equal instalments (EMI): the same payment each time, {@code A = P·r /
   * (1 − (1 + r)^−n)}; interest on the balance outstanding, principal the rest.
   */
  EMI,
  /**
   * Declining balance with equal principal: principal in equal parts, interest on the balance
   * outstanding, so the instalments shrink.
   */
  EQUAL_PRINCIPAL
}
