package org.shgledger.server.pages;

import java.util.List;

/**
 * A member's line on the meeting form, with what was typed (empty text for nothing).
 *
 * @param id the member's id, not null
 * @param present whether she is marked present
 * @param savings her savings, not null
 * @param fine her fine, not null
 * @param loans her open loans, each with the repayment typed, not null
 */
public record MeetingMember(String id, boolean present, String savings, String fine, List<LoanField> loans) {

  /**
   * An open loan and the repayment typed for it.
   *
   * @param id the loan's id, not null
   * @param outstanding its principal outstanding, for the eye, not null
   * @param repaid the repayment typed, not null
   */
  public record LoanField(String id, String outstanding, String repaid) {}

  /** Copies the loans. */
  public MeetingMember {
    loans = List.copyOf(loans);
  }
}
