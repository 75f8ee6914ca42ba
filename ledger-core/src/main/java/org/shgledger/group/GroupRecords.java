package org.shgledger.group;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * What may be read of a {@link GroupRegistry}: groups, members, office bearers, meetings, loans
 * and their events. {@link SavingsGroups#registry()} hands out this view, so that reports read
 * the registry and only the engine writes it, after its rules.
 */
public interface GroupRecords {
  /**
   * A group's definition.
   *
   * @param code the group's code, not null
   * @return the group, or empty
   */
  Optional<Group> group(BookId code);

  /**
   * All groups, in code order.
   *
   * @return the groups, not null
   */
  List<Group> groups();

  /**
   * A member of a group.
   *
   * @param group the group, not null
   * @param member the member's id, not null
   * @return the member, or empty
   */
  Optional<Member> member(BookId group, MemberId member);

  /**
   * All members a group has ever had, in id order.
   *
   * @param group the group, not null
   * @return the members, not null
   */
  List<Member> members(BookId group);

  /**
   * Every office-bearer term of a group, in the order they were recorded.
   *
   * @param group the group, not null
   * @return the terms, not null
   */
  List<BearerTerm> terms(BookId group);

  /**
   * A group's meeting on a date.
   *
   * @param group the group, not null
   * @param date the date, not null
   * @return the meeting, or empty
   */
  Optional<Meeting> meeting(BookId group, LocalDate date);

  /**
   * All meetings of a group, in date order.
   *
   * @param group the group, not null
   * @return the meetings, not null
   */
  List<Meeting> meetings(BookId group);

  /**
   * A loan of a group.
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @return the loan, or empty
   */
  Optional<MemberLoan> loan(BookId group, LoanId loan);

  /**
   * All loans a group has made, in id order.
   *
   * @param group the group, not null
   * @return the loans, not null
   */
  List<MemberLoan> loans(BookId group);

  /**
   * The loans a group has made to one member, in id order: what a repayment looks for, without
   * reading (and rebuilding the schedules of) every other member's loans.
   *
   * @param group the group, not null
   * @param member the borrower, not null
   * @return her loans, not null
   */
  default List<MemberLoan> loansOf(BookId group, MemberId member) {
    java.util.Objects.requireNonNull(member, "member");
    return loans(group).stream().filter(loan -> loan.member().equals(member)).toList();
  }

  /**
   * The penalties and payments of a loan, in the order they were recorded.
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @return the events, not null
   */
  List<LoanEvent> loanEvents(BookId group, LoanId loan);

  /**
   * The penalties and payments of a group's loans, each loan's in the order they were recorded:
   * {@link #loanEvents(BookId, LoanId)} of all its loans at once, which a store reads with one
   * query. A loan without events is left out. (This default asks loan by loan, for the loans of
   * {@link #loans}; the registries of this library override it.)
   *
   * @param group the group, not null
   * @return each loan's events by its id, not null
   */
  default Map<LoanId, List<LoanEvent>> loanEvents(BookId group) {
    Map<LoanId, List<LoanEvent>> events = new HashMap<>();
    for (MemberLoan loan : loans(group)) {
      List<LoanEvent> ofLoan = loanEvents(group, loan.id());
      if (!ofLoan.isEmpty()) {
        events.put(loan.id(), ofLoan);
      }
    }
    return events;
  }

  /**
   * The terms of the loans a bank gave a group, in the order they were received (by date, then
   * by the receipt's entry id).
   *
   * @param group the group, not null
   * @return the bank loans with terms on record, not null
   */
  List<BankLoan> bankLoans(BookId group);
}
