package org.shgledger.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.group.LoanId;
import org.shgledger.journal.BookId;

/**
 * Where the programme's registers are kept beside a group's books: members' children and their
 * schooling, training sessions and their attendees, and what each loan was for. None of it is
 * money, and none of it is in the journal.
 *
 * <p>As with {@link org.shgledger.group.GroupRegistry}, writes are plain: {@link Programme}
 * checks every rule (the group, the member, the dates) before it writes. Nothing is changed or
 * removed: a child's status history and the trainings only grow; a loan's purpose put again
 * replaces it as the current one while the store keeps the earlier as history. Every
 * implementation gives back records {@code equals} to those put, in the orders each method
 * states. Implementations: {@link InMemoryProgrammeRegister}, and {@code
 * org.shgledger.store.JdbcProgrammeRegister} in the same database as the books.
 */
public interface ProgrammeRegister {

  /**
   * A child of a group's member.
   *
   * @param group the group, not null
   * @param key the child's key, not null
   * @return the child with her whole status history, or empty
   */
  Optional<Child> child(BookId group, ChildKey key);

  /**
   * Every child registered in a group, in key order.
   *
   * @param group the group, not null
   * @return the children, not null
   */
  List<Child> children(BookId group);

  /**
   * Registers a child with her status history (usually the one status she had when registered).
   *
   * @param group the group, not null
   * @param child the child, whose key is not yet registered in the group, not null
   */
  void addChild(BookId group, Child child);

  /**
   * Adds a change to a registered child's status history.
   *
   * @param group the group, not null
   * @param key the child's key, not null
   * @param change the change, not null
   */
  void addSchoolStatus(BookId group, ChildKey key, SchoolStatusChange change);

  /**
   * A training session of a group.
   *
   * @param group the group, not null
   * @param id the session's id, not null
   * @return the session, or empty
   */
  Optional<Training> training(BookId group, TrainingId id);

  /**
   * Every training session of a group, in date order, sessions of one day in id order.
   *
   * @param group the group, not null
   * @return the sessions, not null
   */
  List<Training> trainings(BookId group);

  /**
   * Records a training session whose id is not yet recorded in the group.
   *
   * @param group the group, not null
   * @param training the session, not null
   */
  void addTraining(BookId group, Training training);

  /**
   * What a loan was for.
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @return the purpose last put, or empty if none was
   */
  Optional<LoanPurpose> loanPurpose(BookId group, LoanId loan);

  /**
   * The purposes of a group's loans, for every loan that has one.
   *
   * @param group the group, not null
   * @return loan id to purpose, in loan-id order, not null
   */
  Map<LoanId, LoanPurpose> loanPurposes(BookId group);

  /**
   * Records what a loan was for, replacing the purpose put before (which the store keeps as
   * history).
   *
   * @param group the group, not null
   * @param loan the loan's id, not null
   * @param purpose the purpose, not null
   */
  void putLoanPurpose(BookId group, LoanId loan, LoanPurpose purpose);

  /**
   * The secret that keys this database's pseudonyms ({@link Pseudonyms}): 32 random bytes,
   * created on first use and kept with the books, so that a member's pseudonym is the same in
   * every export from these books and cannot be worked out by anyone without them.
   *
   * @return a copy of the secret, 32 bytes, not null
   */
  byte[] pseudonymSecret();

  /**
   * The community safety register kept in the same place (docs/privacy.md): incidents, counted
   * and never told.
   *
   * @return the incident register, not null
   */
  IncidentRegister incidents();

  /**
   * The groups' income-generating activities kept in the same place (issue 18).
   *
   * @return the livelihood register, not null
   */
  LivelihoodRegister livelihoods();

  /**
   * The units' outreach and advocacy events kept in the same place (issue 18).
   *
   * @return the outreach register, not null
   */
  OutreachRegister outreach();
}
