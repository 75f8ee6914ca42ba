package org.shgledger.cli;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;

/**
 * How the recording commands choose an id when none is given, and how they tell a repeat from a
 * new event.
 *
 * <p>The default id is readable and deterministic, {@code GROUP-DATE-KIND[-MEMBER]}, like the
 * demo's {@code DEMO01-2025-04-05-SAVE-M01}. Because the engine treats ids as idempotency keys,
 * running the same command twice finds its entry under that id and records nothing (the command
 * says "already recorded as ..."). A different event that would get the same id (a second fine
 * for the same member on the same day) gets the next free suffix: {@code -2}, {@code -3} ... An
 * id whose entry has been reversed is passed over, so that recording an event again after
 * reversing a wrong one records it anew.
 *
 * <p>An id given with {@code --id} is used as it is: the same event again is a repeat, another
 * event under it is refused by the journal ({@code ENTRY_EXISTS_WITH_DIFFERENT_CONTENT}).
 */
final class IdWalk {

  /** The most suffixes tried; far more events of one kind than a member has in a day. */
  static final int MAX_SUFFIX = 999;

  /**
   * The engine's refusals that mean "this id is taken by something else", so the next suffix is
   * tried: an entry, a loan or a penalty with other content, or an exit settlement reversed since.
   */
  private static final Set<GroupRejection> TAKEN =
      EnumSet.of(GroupRejection.LOAN_EXISTS, GroupRejection.PENALTY_EXISTS, GroupRejection.EXIT_REVERSED);

  private IdWalk() {}

  /**
   * What an attempt did: the suffix it used (1 for none), the engine's result, and whether the id
   * was already taken by this very event, so that nothing new was recorded.
   *
   * @param n the suffix number, 1 for the bare default id
   * @param result what the engine returned
   * @param repeat true if the event was already recorded
   * @param <T> the engine's result type
   */
  record Step<T>(int n, T result, boolean repeat) {}

  /**
   * The default id's stem: {@code GROUP-DATE-KIND} or {@code GROUP-DATE-KIND-MEMBER}.
   *
   * @param group the group, not null
   * @param date the event's date, not null
   * @param kind the event's kind in capitals, such as {@code SAVE}, not null
   * @param member the member, or null for a group event
   * @return the stem, at most 73 characters for the longest group and member ids, not null
   */
  static String stem(BookId group, LocalDate date, String kind, MemberId member) {
    return group + "-" + date + "-" + kind + (member == null ? "" : "-" + member);
  }

  /**
   * The {@code n}th candidate of a stem: the stem itself, then {@code STEM-2}, {@code STEM-3} ...
   *
   * @param stem the stem, not null
   * @param n the suffix number, from 1
   * @return the candidate text, not null
   */
  static String candidate(String stem, int n) {
    return n == 1 ? stem : stem + "-" + n;
  }

  /**
   * The entry id of the {@code n}th candidate.
   *
   * @param stem the stem, not null
   * @param n the suffix number, from 1
   * @return the id, not null
   */
  static EntryId entryId(String stem, int n) {
    return EntryId.of(candidate(stem, n));
  }

  /**
   * Runs an engine operation under the first suitable candidate id.
   *
   * @param explicit whether the caller gave the id(s), in which case only candidate 1 (the given
   *     id) is tried and every refusal stands
   * @param taken whether candidate {@code n} is already used in the books
   * @param retired whether candidate {@code n} is used by an entry since reversed (passed over)
   * @param operation runs the engine operation with candidate {@code n}
   * @param <T> the operation's result
   * @return the step that succeeded, not null
   * @throws RuntimeException the engine's refusal, when it is not about the id being taken
   * @throws Exhausted if every candidate is taken by other events
   */
  static <T> Step<T> run(boolean explicit, IntPredicate taken, IntPredicate retired, IntFunction<T> operation) {
    int limit = explicit ? 1 : MAX_SUFFIX;
    for (int n = 1; n <= limit; n++) {
      if (!taken.test(n)) {
        return new Step<>(n, operation.apply(n), false);
      }
      if (!explicit && retired.test(n)) {
        continue;
      }
      try {
        return new Step<>(n, operation.apply(n), true);
      } catch (JournalException e) {
        if (explicit || e.reason() != Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT) {
          throw e;
        }
      } catch (GroupException e) {
        if (explicit || !TAKEN.contains(e.reason())) {
          throw e;
        }
      }
    }
    // only after 999 different events of one kind on one day: ask for an id rather than guess
    throw new Exhausted("every default id up to suffix -" + MAX_SUFFIX + " is taken; give one with --id");
  }

  /** Every candidate is taken by other events: the caller asks for an id on the command line. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted(String message) {
      super(message);
    }
  }
}
