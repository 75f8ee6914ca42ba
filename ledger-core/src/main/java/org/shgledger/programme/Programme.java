package org.shgledger.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.LoanId;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;

/**
 * The programme's registers kept beside a group's books, with their rules: members' children and
 * their schooling, training sessions, and what loans were for. It checks each record against the
 * books (the group, the member and her membership on the day, the loan) before it writes to the
 * {@link ProgrammeRegister}, and writes inside the engine's unit of work on the group, so that
 * over a {@code LedgerStore} a record is checked and written in one transaction.
 *
 * <pre>{@code
 * Programme programme = new Programme(store.engine(), store.programme());
 * programme.registerChild(SHG01, ChildKey.of("M01-C1"), MemberId.of("M01"), 2016,
 *     new SchoolStatusChange(LocalDate.of(2025, 4, 1), SchoolStatus.BRIDGE_COURSE));
 * programme.recordSchoolStatus(SHG01, ChildKey.of("M01-C1"),
 *     new SchoolStatusChange(LocalDate.of(2025, 7, 1), SchoolStatus.ENROLLED));
 * }</pre>
 *
 * <p>Every write is repeat-safe: the same record again changes nothing and returns what is
 * recorded; a different record under a key or id in use is refused. A refused record leaves no
 * trace. Unknown groups, members and loans are the engine's {@link GroupException}s.
 */
public final class Programme {

  /** The oldest a child may be, in years reached in the year she is registered. */
  public static final int MAX_CHILD_AGE = 18;

  private final SavingsGroups groups;
  private final ProgrammeRegister register;

  /**
   * Creates the registers over an engine's books.
   *
   * @param groups the engine, not null
   * @param register where the registers are kept, not null
   */
  public Programme(SavingsGroups groups, ProgrammeRegister register) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.register = Objects.requireNonNull(register, "register");
  }

  /**
   * The engine whose books these registers are kept beside.
   *
   * @return the engine, not null
   */
  public SavingsGroups groups() {
    return groups;
  }

  /**
   * Where the registers are kept.
   *
   * @return the register, not null
   */
  public ProgrammeRegister register() {
    return register;
  }

  // ---------------------------------------------------------------- children

  /**
   * Registers a member's child with the school status she has on the day of registration.
   *
   * @param group the group, not null
   * @param key the child's key, not null
   * @param member the mother, a member on the day, not null
   * @param birthYear the child's year of birth: not after the day's year, at most {@value
   *     #MAX_CHILD_AGE} years before it
   * @param first the status on the day of registration, not null
   * @return the child as recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#NOT_A_MEMBER_ON_DATE}, {@link
   *     ProgrammeRejection#INVALID_BIRTH_YEAR}, {@link ProgrammeRejection#CHILD_EXISTS} if the key
   *     is registered with another member, birth year or first status
   */
  public Child registerChild(BookId group, ChildKey key, MemberId member, int birthYear, SchoolStatusChange first) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(first, "first");
    return groups.atomically(group, () -> {
      Member mother = groups.member(group, member);
      requireMemberOn(group, mother, first.date());
      int year = first.date().getYear();
      if (birthYear > year || year - birthYear > MAX_CHILD_AGE) {
        throw new ProgrammeException(ProgrammeRejection.INVALID_BIRTH_YEAR,
            "group " + group + ": child " + key + " born in " + birthYear + " would be " + (year - birthYear)
                + " in " + year + "; children are registered from birth to " + MAX_CHILD_AGE);
      }
      Optional<Child> existing = register.child(group, key);
      if (existing.isPresent()) {
        Child known = existing.get();
        if (known.member().equals(member) && known.birthYear() == birthYear && known.statuses().get(0).equals(first)) {
          return known;
        }
        throw new ProgrammeException(ProgrammeRejection.CHILD_EXISTS,
            "group " + group + ": child " + key + " is registered already, under " + known.member() + ", born "
                + known.birthYear() + ", from " + known.registered());
      }
      Child child = new Child(key, member, birthYear, List.of(first));
      register.addChild(group, child);
      return child;
    });
  }

  /**
   * Records a change of a child's school status from a day on. The same status on the same day
   * again changes nothing; another status on a day that has one replaces it from then on (the
   * earlier change stays in the history).
   *
   * @param group the group, not null
   * @param key the child's key, not null
   * @param change the new status and its first day, not before she was registered, not null
   * @return the child with her history, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#CHILD_NOT_FOUND}, {@link
   *     ProgrammeRejection#STATUS_BEFORE_REGISTRATION}
   */
  public Child recordSchoolStatus(BookId group, ChildKey key, SchoolStatusChange change) {
    Objects.requireNonNull(change, "change");
    return groups.atomically(group, () -> {
      Child child = child(group, key);
      if (change.date().isBefore(child.registered())) {
        throw new ProgrammeException(ProgrammeRejection.STATUS_BEFORE_REGISTRATION,
            "group " + group + ": child " + key + " was registered on " + child.registered()
                + " and has no status on " + change.date());
      }
      if (child.statusOn(change.date()).filter(change::equals).isPresent()) {
        return child;
      }
      register.addSchoolStatus(group, key, change);
      return register.child(group, key).orElseThrow();
    });
  }

  /**
   * A registered child.
   *
   * @param group the group, not null
   * @param key the child's key, not null
   * @return the child, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#CHILD_NOT_FOUND}
   */
  public Child child(BookId group, ChildKey key) {
    groups.group(group);
    return register.child(group, Objects.requireNonNull(key, "key")).orElseThrow(
        () -> new ProgrammeException(ProgrammeRejection.CHILD_NOT_FOUND,
            "group " + group + ": there is no child " + key));
  }

  /**
   * Every child registered in a group, in key order.
   *
   * @param group the group, not null
   * @return the children, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public List<Child> children(BookId group) {
    groups.group(group);
    return register.children(group);
  }

  // ---------------------------------------------------------------- trainings

  /**
   * Records a training session.
   *
   * @param group the group, not null
   * @param training the session, whose attendees were all members on its day, not null
   * @return the session as recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND} for an attendee who was never a member
   * @throws ProgrammeException {@link ProgrammeRejection#ATTENDEE_NOT_A_MEMBER} for one who was
   *     not a member on the day, {@link ProgrammeRejection#TRAINING_EXISTS} if the id is recorded
   *     with another topic, date or attendees
   */
  public Training recordTraining(BookId group, Training training) {
    Objects.requireNonNull(training, "training");
    return groups.atomically(group, () -> {
      groups.group(group);
      List<MemberId> absent = training.attendees().stream()
          .filter(id -> !groups.member(group, id).isMemberOn(training.date()))
          .toList();
      if (!absent.isEmpty()) {
        throw new ProgrammeException(ProgrammeRejection.ATTENDEE_NOT_A_MEMBER,
            "group " + group + ": training " + training.id() + " on " + training.date() + " names "
                + absent.stream().map(MemberId::value).reduce((a, b) -> a + ", " + b).orElseThrow()
                + ", not a member on that day");
      }
      Optional<Training> existing = register.training(group, training.id());
      if (existing.isPresent()) {
        if (existing.get().equals(training)) {
          return existing.get();
        }
        Training known = existing.get();
        throw new ProgrammeException(ProgrammeRejection.TRAINING_EXISTS,
            "group " + group + ": training " + training.id() + " is recorded already (" + known.topic() + " on "
                + known.date() + ", " + known.attendees().size() + " attendees)");
      }
      register.addTraining(group, training);
      return training;
    });
  }

  /**
   * Every training session of a group, in date order.
   *
   * @param group the group, not null
   * @return the sessions, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public List<Training> trainings(BookId group) {
    groups.group(group);
    return register.trainings(group);
  }

  // ---------------------------------------------------------------- loan purposes

  /**
   * Records what a loan was for; a purpose put again replaces the earlier one (a correction),
   * which the store keeps as history. The same purpose again changes nothing.
   *
   * @param group the group, not null
   * @param loan a loan the group has made, not null
   * @param purpose its purpose, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#LOAN_NOT_FOUND}
   */
  public void setLoanPurpose(BookId group, LoanId loan, LoanPurpose purpose) {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(purpose, "purpose");
    groups.atomically(group, () -> {
      groups.group(group);
      if (groups.registry().loan(group, loan).isEmpty()) {
        throw new GroupException(GroupRejection.LOAN_NOT_FOUND, "group " + group + ": there is no loan " + loan);
      }
      if (register.loanPurpose(group, loan).filter(purpose::equals).isEmpty()) {
        register.putLoanPurpose(group, loan, purpose);
      }
      return null;
    });
  }

  /**
   * The purposes of a group's loans, for every loan that has one.
   *
   * @param group the group, not null
   * @return loan id to purpose, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Map<LoanId, LoanPurpose> loanPurposes(BookId group) {
    groups.group(group);
    return register.loanPurposes(group);
  }

  private static void requireMemberOn(BookId group, Member member, LocalDate date) {
    if (!member.isMemberOn(date)) {
      throw new ProgrammeException(ProgrammeRejection.NOT_A_MEMBER_ON_DATE,
          "group " + group + ": " + member.id() + " was not a member on " + date + " (joined " + member.joined()
              + member.exited().map(left -> ", left " + left).orElse("") + ")");
    }
  }
}
