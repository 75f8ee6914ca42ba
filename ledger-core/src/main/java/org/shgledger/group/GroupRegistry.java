package org.shgledger.group;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * Where the engine keeps what is not money: groups, members, office bearers and meetings (loans
 * too: see {@link #loans}). Money lives only in the {@link org.shgledger.journal.Journal}.
 *
 * <p>Writes are plain puts: {@link SavingsGroups} checks every rule before it writes, and writes
 * here only after the journal accepted its entry, so a refused operation leaves no trace in
 * either. Every implementation gives back records {@code equals} to the last ones put, in the
 * orders each method states. Implementations: {@link InMemoryGroupRegistry}, and {@code
 * org.shgledger.store.JdbcGroupRegistry} in the same database as the journal; the contract test
 * {@code GroupRegistryContractTest} runs against each.
 */
public interface GroupRegistry {

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
   * Stores a group's definition, replacing any with the same code.
   *
   * @param group the group, not null
   */
  void putGroup(Group group);

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
   * Stores a member, replacing any with the same id in the group.
   *
   * @param group the group, not null
   * @param member the member, not null
   */
  void putMember(BookId group, Member member);

  /**
   * Every office-bearer term of a group, in the order they were recorded.
   *
   * @param group the group, not null
   * @return the terms, not null
   */
  List<BearerTerm> terms(BookId group);

  /**
   * Adds an office-bearer term.
   *
   * @param group the group, not null
   * @param term the term, not null
   */
  void addTerm(BookId group, BearerTerm term);

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
   * Stores a meeting, replacing any of the same group and date.
   *
   * @param meeting the meeting, not null
   */
  void putMeeting(Meeting meeting);

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
   * Stores a loan, replacing any with the same id in the group.
   *
   * @param group the group, not null
   * @param loan the loan, not null
   */
  void putLoan(BookId group, MemberLoan loan);

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
   * Adds a penalty or payment to a loan's events.
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @param event the event, not null
   */
  void addLoanEvent(BookId group, LoanId loan, LoanEvent event);
}
