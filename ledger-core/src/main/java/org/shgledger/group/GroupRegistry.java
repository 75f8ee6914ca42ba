package org.shgledger.group;

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
public interface GroupRegistry extends GroupRecords {
  /**
   * Stores a group's definition, replacing any with the same code.
   *
   * @param group the group, not null
   */
  void putGroup(Group group);

  /**
   * Stores a member, replacing any with the same id in the group.
   *
   * @param group the group, not null
   * @param member the member, not null
   */
  void putMember(BookId group, Member member);

  /**
   * Adds an office-bearer term.
   *
   * @param group the group, not null
   * @param term the term, not null
   */
  void addTerm(BookId group, BearerTerm term);

  /**
   * Stores a meeting, replacing any of the same group and date.
   *
   * @param meeting the meeting, not null
   */
  void putMeeting(Meeting meeting);

  /**
   * Stores a loan, replacing any with the same id in the group.
   *
   * @param group the group, not null
   * @param loan the loan, not null
   */
  void putLoan(BookId group, MemberLoan loan);

  /**
   * Adds a penalty or payment to a loan's events.
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @param event the event, not null
   */
  void addLoanEvent(BookId group, LoanId loan, LoanEvent event);

  /**
   * Stores a bank loan's terms; putting the terms of a receipt already on record again writes
   * nothing (a repeated import or command).
   *
   * @param group the group, not null
   * @param loan the terms, not null
   */
  void putBankLoan(BookId group, BankLoan loan);
}
