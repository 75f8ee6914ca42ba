package org.shgledger.group;

import java.util.Objects;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.AllocationOrder;
import org.shgledger.loan.Loan;
import org.shgledger.loan.PaymentRule;

/**
 * An internal loan: which member borrowed, on what terms, and the entry that paid it out.
 *
 * @param id the loan's id in the group, not null
 * @param member the borrower, not null
 * @param terms the terms agreed (a schedule, or an open loan), not null
 * @param channel how the money was paid out: cash, or into her own bank account, not null
 * @param disbursement the id of the entry that paid it out, not null
 * @param allocationOrder the order in which its payments pay fines, interest and principal: the
 *     group's default on the day it was paid out, kept so that a later change of the default never
 *     splits recorded payments again, not null
 * @param paymentRule how payments beyond what is due, and its settlement, are split: {@link
 *     PaymentRule#TIME_USED} for every loan paid out since issue 14, {@link
 *     PaymentRule#SCHEDULE_AHEAD} for a loan recorded before, kept so that its recorded payments
 *     split as their entries did, not null
 */
public record MemberLoan(
    LoanId id, MemberId member, Loan terms, Channel channel, EntryId disbursement, AllocationOrder allocationOrder,
    PaymentRule paymentRule) {

  /**
   * Creates a loan record.
   *
   * @param id the loan's id in the group, not null
   * @param member the borrower, not null
   * @param terms the terms agreed (a schedule, or an open loan), not null
   * @param channel how the money was paid out: cash, or into her own bank account, not null
   * @param disbursement the id of the entry that paid it out, not null
   * @param allocationOrder the order in which its payments pay fines, interest and principal: the
   *     group's default on the day it was paid out, kept so that a later change of the default never
   *     splits recorded payments again, not null
   * @param paymentRule how payments beyond what is due, and its settlement, are split, not null
   * @throws NullPointerException if any argument is null
   */
  public MemberLoan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(disbursement, "disbursement");
    Objects.requireNonNull(allocationOrder, "allocationOrder");
    Objects.requireNonNull(paymentRule, "paymentRule");
  }

  /**
   * Creates a record of a loan paid out today, under {@link PaymentRule#TIME_USED}.
   *
   * @param id the loan's id in the group, not null
   * @param member the borrower, not null
   * @param terms the terms agreed (a schedule, or an open loan), not null
   * @param channel how the money was paid out, not null
   * @param disbursement the id of the entry that paid it out, not null
   * @param allocationOrder the order in which its payments pay fines, interest and principal, not null
   * @throws NullPointerException if any argument is null
   */
  public MemberLoan(
      LoanId id, MemberId member, Loan terms, Channel channel, EntryId disbursement, AllocationOrder allocationOrder) {
    this(id, member, terms, channel, disbursement, allocationOrder, PaymentRule.TIME_USED);
  }
}
