package org.shgledger.journal;

/**
 * Every reason the journal can refuse a request, each with its own name, like TigerBeetle's
 * result codes. A refused request leaves no trace.
 *
 * <h2>Recording an entry</h2>
 *
 * <p>{@link Journal#record(JournalEntry)} checks in exactly this order and reports the first
 * failure, so the same bad entry always gets the same reason:
 *
 * <ol>
 *   <li>{@link #BOOK_NOT_FOUND}
 *   <li>{@link #ENTRY_EXISTS_WITH_DIFFERENT_CONTENT} (an entry with the same id and the same
 *       content is not an error: the original is returned and nothing is recorded; this comes
 *       before the other checks so that a retry succeeds even after, say, the period was locked)
 *   <li>{@link #TOO_FEW_POSTINGS}
 *   <li>{@link #TOO_MANY_POSTINGS}
 *   <li>{@link #AMOUNT_NOT_POSITIVE}
 *   <li>{@link #AMOUNT_TOO_LARGE}
 *   <li>{@link #CURRENCY_MISMATCH}
 *   <li>{@link #ACCOUNT_NOT_FOUND}
 *   <li>{@link #ACCOUNT_CLOSED}
 *   <li>{@link #POSTING_TO_CONTROL_ACCOUNT}
 *   <li>{@link #UNBALANCED}
 *   <li>{@link #DATE_LOCKED}
 *   <li>{@link #REVERSED_ENTRY_NOT_FOUND}
 *   <li>{@link #REVERSAL_DOES_NOT_MATCH}
 *   <li>{@link #REVERSAL_BEFORE_ORIGINAL}
 *   <li>{@link #ALREADY_REVERSED}
 *   <li>{@link #BALANCE_CONSTRAINT_VIOLATED}
 * </ol>
 *
 * <p>The other operations (creating books, opening and closing accounts, locking a period) have
 * their own reasons, listed on each method of {@link Journal}.
 */
public enum Rejection {
  /** The book does not exist. */
  BOOK_NOT_FOUND,
  /** A book with this id exists with a different name or currency. */
  BOOK_EXISTS,
  /** An entry with this id is already recorded in the book with different content. */
  ENTRY_EXISTS_WITH_DIFFERENT_CONTENT,
  /** The entry has fewer than two postings. */
  TOO_FEW_POSTINGS,
  /** The entry has more than {@link Journal#MAX_POSTINGS} postings. */
  TOO_MANY_POSTINGS,
  /** A posting's amount is zero or negative; the side says which way money moves. */
  AMOUNT_NOT_POSITIVE,
  /** A posting's amount is above {@link Journal#MAX_AMOUNT_MINOR} minor units. */
  AMOUNT_TOO_LARGE,
  /** An amount, or an account being opened, is not in the book's currency. */
  CURRENCY_MISMATCH,
  /** A posting names an account the book does not have. */
  ACCOUNT_NOT_FOUND,
  /** A posting names a closed account, or an account being opened exists and is closed. */
  ACCOUNT_CLOSED,
  /** A posting names a control account; post to one of its sub-ledgers instead. */
  POSTING_TO_CONTROL_ACCOUNT,
  /** Debits and credits differ. */
  UNBALANCED,
  /** The entry is dated on or before the book's lock date. */
  DATE_LOCKED,
  /** The entry to reverse is not in the book. */
  REVERSED_ENTRY_NOT_FOUND,
  /** A reversal's postings are not the exact opposite of the original's, line by line. */
  REVERSAL_DOES_NOT_MATCH,
  /** A reversal is dated before the entry it reverses. */
  REVERSAL_BEFORE_ORIGINAL,
  /** The entry has already been reversed; nothing is reversed twice. */
  ALREADY_REVERSED,
  /** The entry would take a constrained account past its limit on its date or a later one. */
  BALANCE_CONSTRAINT_VIOLATED,
  /** An account with this code exists in the book with a different definition. */
  ACCOUNT_EXISTS,
  /** The control account named by a new sub-ledger does not exist. */
  CONTROL_ACCOUNT_NOT_FOUND,
  /** The control account named by a new sub-ledger is closed. */
  CONTROL_ACCOUNT_CLOSED,
  /** A sub-ledger's type differs from its control account's. */
  CONTROL_ACCOUNT_TYPE_MISMATCH,
  /** The would-be control account already has postings of its own, which would not roll up. */
  CONTROL_ACCOUNT_HAS_POSTINGS,
  /** An account to close still has open sub-ledgers. */
  ACCOUNT_HAS_OPEN_SUB_ACCOUNTS,
  /** An account to close has a non-zero balance. */
  ACCOUNT_BALANCE_NOT_ZERO,
  /** The new lock date is before the current one; a locked period is never reopened. */
  LOCK_DATE_MOVES_BACKWARD;

  /**
   * Whether this reason means that something named in the request does not exist, as opposed to
   * a request that breaks a rule; programs report the two differently (the CLI's exit codes).
   *
   * @return true for the "not found" reasons
   */
  public boolean isNotFound() {
    return switch (this) {
      case BOOK_NOT_FOUND, ACCOUNT_NOT_FOUND, REVERSED_ENTRY_NOT_FOUND, CONTROL_ACCOUNT_NOT_FOUND -> true;
      default -> false;
    };
  }
}
