package org.shgledger.journal;

/**
 * What an entry records, as data: reports, grading and importers read it, never the memo, which
 * is words for people. The savings-group engine gives every entry it records its kind; an entry
 * recorded straight into a {@link Journal} by an application that keeps plain books is {@link
 * #GENERAL}. Stored with the entry and covered by its hash (docs/store.md).
 *
 * <p>The names are part of the stored format: a kind is never renamed or removed, only added.
 */
public enum EntryKind {
  /** An entry recorded directly through a journal, not by the engine. */
  GENERAL,
  /** A member saves (compulsory or voluntary). */
  SAVING,
  /** A member withdraws savings. */
  SAVINGS_WITHDRAWAL,
  /** Cash banked by the treasurer. */
  CASH_BANKED,
  /** Cash drawn from the bank. */
  CASH_DRAWN,
  /** A fine a member pays. */
  FINE,
  /** Interest the bank credits. */
  BANK_INTEREST,
  /** Charges the bank deducts. */
  BANK_CHARGES,
  /** The group's bank loan received. */
  BANK_LOAN_RECEIVED,
  /** An instalment of the group's bank loan. */
  BANK_LOAN_REPAYMENT,
  /** The group's federation loan received. */
  FEDERATION_LOAN_RECEIVED,
  /** A repayment of the group's federation loan. */
  FEDERATION_LOAN_REPAYMENT,
  /** A grant received, such as the revolving fund. */
  GRANT,
  /** A cost the group pays. */
  EXPENSE,
  /** Other income, such as membership fees. */
  OTHER_INCOME,
  /** A line of the group's bank statement, imported (its reclassification included). */
  BANK_LINE,
  /** Balances carried over from paper books into a new book. */
  OPENING_BALANCES,
  /** An internal loan paid out to a member. */
  LOAN_DISBURSEMENT,
  /** A repayment of a member's loan. */
  LOAN_REPAYMENT,
  /** A financial year's income and expense closed into accumulated surplus. */
  YEAR_END,
  /** Part of the surplus shared among members in proportion to savings. */
  SURPLUS_DISTRIBUTION,
  /** A leaving member's settlement. */
  EXIT_SETTLEMENT,
  /** The whole fund paid out at the end of a cycle. */
  SHARE_OUT,
  /** The exact opposite of another entry, which it names. */
  REVERSAL,
  /** A member's gift to the group's welfare fund. */
  WELFARE_CONTRIBUTION,
  /** Help paid out of the group's welfare fund. */
  WELFARE_PAYMENT
}
