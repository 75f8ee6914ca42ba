package org.shgledger.journal;

/**
 * A limit on an account's own balance that the journal enforces: an entry that would break it, on
 * its date or on any later date, is rejected with {@link Rejection#BALANCE_CONSTRAINT_VIOLATED}.
 *
 * <p>Checking every later date matters because entries may be recorded out of date order: a cash
 * payment back-dated to before the deposit that funded it would leave the cash box negative for
 * those days, which cannot have happened.
 *
 * <p>The names follow TigerBeetle's account flags.
 */
public enum BalanceConstraint {
  /** No limit. */
  NONE,
  /**
   * The account's debits may never exceed its credits: a liability, equity or income account that
   * may not go below zero.
   */
  DEBITS_MUST_NOT_EXCEED_CREDITS,
  /**
   * The account's credits may never exceed its debits: an asset such as cash in hand or the bank
   * account, which may not go below zero.
   */
  CREDITS_MUST_NOT_EXCEED_DEBITS;

  /**
   * The constraint that keeps an account of the given type from going below zero on its normal
   * side.
   *
   * @param type the account type, not null
   * @return the matching constraint, not null
   */
  public static BalanceConstraint nonNegative(AccountType type) {
    return type.normalSide() == Side.DEBIT
        ? CREDITS_MUST_NOT_EXCEED_DEBITS
        : DEBITS_MUST_NOT_EXCEED_CREDITS;
  }
}
