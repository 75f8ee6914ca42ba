package org.shgledger.group;

import java.util.Objects;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.Loan;

/**
 * An internal loan: which member borrowed, on what terms, and the entry that paid it out.
 *
 * @param id the loan's id in the group, not null
 * @param member the borrower, not null
 * @param terms the terms agreed (a schedule, or an open loan), not null
 * @param channel how the money was paid out: cash, or into her own bank account, not null
 * @param disbursement the id of the entry that paid it out, not null
 */
public record MemberLoan(LoanId id, MemberId member, Loan terms, Channel channel, EntryId disbursement) {

  /**
   * Creates a loan record.
   *
   * @throws NullPointerException if any argument is null
   */
  public MemberLoan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(disbursement, "disbursement");
  }
}
