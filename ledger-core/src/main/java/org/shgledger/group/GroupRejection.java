package org.shgledger.group;

/**
 * Every reason the savings-group engine can refuse an operation on its own account. Rules of the
 * journal itself (a locked period, an id reused with other content) keep their journal {@link
 * org.shgledger.journal.Rejection}.
 */
public enum GroupRejection {
  /** There is no group with this code. */
  GROUP_NOT_FOUND,
  /** A group with this code exists with a different definition. */
  GROUP_EXISTS,
  /** There is no member with this id in the group. */
  MEMBER_NOT_FOUND,
  /** A member with this id exists with a different definition. */
  MEMBER_EXISTS,
  /** The member was not a member on the operation's date (not yet joined, or already left). */
  NOT_A_MEMBER_ON_DATE,
  /** The member has left the group. */
  MEMBER_HAS_LEFT,
  /** The operation pays into the member's own bank account, and she has none on record. */
  NO_MEMBER_BANK_ACCOUNT,
  /** Another member holds the office for part of the term. */
  OFFICE_TAKEN,
  /** A meeting on this date is already recorded with a different roll. */
  MEETING_EXISTS,
  /** The roll names someone who was not a member on the meeting's date. */
  ATTENDANCE_OF_NON_MEMBER,
  /** An amount is zero, negative or in another currency. */
  INVALID_AMOUNT,
  /** Cash in hand would go below zero, on the date or later. */
  INSUFFICIENT_CASH,
  /** The group's bank balance would go below zero, on the date or later. */
  INSUFFICIENT_BANK_BALANCE,
  /** The member's savings would go below zero. */
  INSUFFICIENT_SAVINGS,
  /** More would be repaid than is owed. */
  REPAYMENT_EXCEEDS_DEBT,
  /** There is no loan with this id in the group. */
  LOAN_NOT_FOUND,
  /** A loan with this id exists with different terms. */
  LOAN_EXISTS,
  /** A loan's terms are in another currency than the group's. */
  LOAN_IN_OTHER_CURRENCY,
  /** A payment or penalty is dated before the loan's latest event; loan events go in date order. */
  LOAN_EVENT_OUT_OF_ORDER,
  /** A loan payment can be reversed only when it is the loan's latest payment still standing. */
  LOAN_PAYMENT_NOT_LATEST,
  /** The surplus to distribute is more than the accumulated surplus. */
  INSUFFICIENT_SURPLUS,
  /** There are no members (or none with savings) to share among. */
  NOTHING_TO_SHARE_BY,
  /** Share-out needs every member loan repaid first. */
  MEMBER_LOANS_OUTSTANDING,
  /** Share-out needs the bank and federation loans repaid first. */
  EXTERNAL_LOANS_OUTSTANDING,
  /** The financial year has been closed already. */
  YEAR_ALREADY_CLOSED,
  /**
   * A date that the operation cannot take: not a financial year's last day, before a loan was paid
   * out, a group's formation or a bank account's opening before {@link DateLimits#EARLIEST}.
   */
  INVALID_DATE,
  /** A penalty with this id is recorded already with another date or amount. */
  PENALTY_EXISTS,
  /**
   * A reversal of a loan disbursement, a loan payment or an exit cannot itself be reversed: record
   * the disbursement, payment or exit again under a new id.
   */
  REVERSAL_OF_CORRECTION,
  /**
   * A loan disbursement or payment (or an exit that repaid loans) is reversed on its own date, so
   * that the loan's history and its account agree on every day.
   */
  LOAN_REVERSAL_NOT_ON_ITS_DATE,
  /** The member's accounts have entries dated after the exit date asked for. */
  MEMBER_HAS_LATER_ENTRIES,
  /** This exit settlement was reversed; settle her exit again under a new id. */
  EXIT_REVERSED,
  /** A member who has left still holds money in her accounts, so the fund cannot be shared out. */
  UNSETTLED_MEMBER_ACCOUNTS,
  /**
   * The account named cannot take what is asked: it is not in the group's chart, or not of the
   * kind it must be (what rounding leaves of a share-out stays in an equity or income account).
   */
  INVALID_ACCOUNT,
  /**
   * An entry the engine does not make itself (a bank line, a reclassification, opening balances)
   * names an account whose balance the engine keeps in step with its own records: a member's loan
   * (1200), the accumulated surplus (3100) or interest on member loans (4000). See {@link
   * Chart#ownedByEngine}.
   */
  ACCOUNT_OWNED_BY_ENGINE,
  /**
   * A year-end closing is not reversed: its year is closed and locked, and reversing the closing
   * in the open year would move last year's income into this one. A mistake of a closed year is
   * corrected by an entry dated in the open year.
   */
  YEAR_END_NOT_REVERSIBLE,
  /**
   * The operation is dated before its group was formed (a member joining, a meeting, an entry):
   * almost always a mistyped date. See {@link DateLimits}.
   */
  DATE_BEFORE_FORMATION,
  /**
   * The operation is dated more than the engine's margin ({@link DateLimits#futureDays()}, 31 days
   * unless set) after today: almost always a mistyped date.
   */
  DATE_TOO_FAR_AHEAD,
  /**
   * The group's stored records contradict each other, as the engine never writes them (a loan's
   * stored payments more than its stored terms ever ask): the database was changed outside
   * shg-ledger, and {@code shg verify} names the row that changed.
   */
  RECORDS_INCONSISTENT,
  /** The welfare fund would pay out more than it holds, on the date or later. */
  INSUFFICIENT_FUND,
  /**
   * The book is a field copy ({@code shg sync clone}, docs/sync.md) and the operation is one the
   * server's API does not take, so it could never be sent: record it on the server and pull.
   */
  NOT_ON_FIELD_COPY;

  /**
   * Whether this reason means that something named does not exist (a group, a member, a loan),
   * as opposed to an operation that breaks a rule; programs report the two differently.
   *
   * @return true for the "not found" reasons
   */
  public boolean isNotFound() {
    return this == GROUP_NOT_FOUND || this == MEMBER_NOT_FOUND || this == LOAN_NOT_FOUND;
  }
}
