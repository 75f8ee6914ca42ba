/**
 * Loans to members, pure calculation with no books and no input or output: the terms of a loan
 * ({@link org.shgledger.loan.LoanTerms}, {@link org.shgledger.loan.OpenLoanTerms}), the schedule of
 * instalments ({@link org.shgledger.loan.Schedule}), and a loan's history of fines and payments
 * ({@link org.shgledger.loan.LoanHistory}), which splits each payment into fines, interest and
 * principal ({@link org.shgledger.loan.PaymentAllocation}) and tells where the loan stands on any
 * day ({@link org.shgledger.loan.LoanState}). The group engine turns those splits into journal
 * entries. Formulas, rounding and the overpayment rule: docs/loans.md.
 */
package org.shgledger.loan;
