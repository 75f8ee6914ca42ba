package org.shgledger.report;

import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;

/** How a loan is repaid: one of the scheduled methods, or an open loan with no schedule. */
public enum LoanMethod {
  /** Scheduled, flat interest on the original principal. */
  FLAT,
  /** Scheduled, declining balance with equal instalments. */
  EMI,
  /** Scheduled, declining balance with equal principal. */
  EQUAL_PRINCIPAL,
  /** No schedule: monthly interest on what is outstanding, principal repaid at will. */
  OPEN;

  /**
   * The method of a loan's terms.
   *
   * @param loan the terms, not null
   * @return the method, not null
   */
  public static LoanMethod of(Loan loan) {
    if (loan instanceof LoanTerms terms) {
      return switch (terms.method()) {
        case FLAT -> FLAT;
        case EMI -> EMI;
        case EQUAL_PRINCIPAL -> EQUAL_PRINCIPAL;
      };
    }
    return OPEN;
  }
}
