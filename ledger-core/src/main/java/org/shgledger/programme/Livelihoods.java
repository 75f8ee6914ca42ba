package org.shgledger.programme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.Member;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;

/**
 * The income-generating activities members run and their groups oversee (issue 18), with their
 * rules. It checks each record against the books before it writes to the {@link
 * LivelihoodRegister}, inside the engine's unit of work on the group, so that over a {@code
 * LedgerStore} a record is checked and written in one transaction.
 *
 * <p>Every write is repeat-safe: the same record again changes nothing. A refused record leaves no
 * trace.
 */
public final class Livelihoods {

  /** The most activities one member runs under default ids. */
  public static final int MAX_DEFAULT_IDS_A_MEMBER = 99;

  private final SavingsGroups groups;
  private final LivelihoodRegister register;

  /**
   * Creates the register's rules over an engine's books.
   *
   * @param groups the engine, not null
   * @param register where activities are kept, not null
   */
  public Livelihoods(SavingsGroups groups, LivelihoodRegister register) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.register = Objects.requireNonNull(register, "register");
  }

  /**
   * What a record did: the activity as recorded, and whether it was recorded already.
   *
   * @param livelihood the activity, not null
   * @param repeat whether the same record was there already, so nothing was written
   */
  public record Recorded(Livelihood livelihood, boolean repeat) {}

  /**
   * Records an activity a member started.
   *
   * @param group the group, not null
   * @param livelihood the activity, with no reading or its first, not null
   * @return what was recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}, {@link GroupRejection#LOAN_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#NOT_A_MEMBER_ON_DATE} (on the day it
   *     started), {@link ProgrammeRejection#LOAN_OF_ANOTHER_MEMBER}, {@link
   *     ProgrammeRejection#LIVELIHOOD_EXISTS} if the id is recorded with another activity
   * @throws IllegalArgumentException if it has more than one reading, or one in another currency
   *     than the group's
   */
  public Recorded record(BookId group, Livelihood livelihood) {
    Objects.requireNonNull(livelihood, "livelihood");
    if (livelihood.readings().size() > 1) {
      throw new IllegalArgumentException(
          "an activity is recorded with its first reading at most; later ones are updates");
    }
    return groups.atomically(group, () -> {
      Group books = groups.group(group);
      livelihood.readings().forEach(reading -> requireCurrency(books, reading));
      Member member = groups.member(group, livelihood.member());
      if (!member.isMemberOn(livelihood.started())) {
        throw new ProgrammeException(ProgrammeRejection.NOT_A_MEMBER_ON_DATE, "group " + group + ": "
            + member.id() + " was not a member on " + livelihood.started() + " (joined " + member.joined()
            + member.exited().map(left -> ", left " + left).orElse("") + ")");
      }
      if (livelihood.loan().isPresent()) {
        MemberLoan loan = groups.registry().loan(group, livelihood.loan().get()).orElseThrow(
            () -> new GroupException(GroupRejection.LOAN_NOT_FOUND,
                "group " + group + ": there is no loan " + livelihood.loan().get()));
        if (!loan.member().equals(livelihood.member())) {
          throw new ProgrammeException(ProgrammeRejection.LOAN_OF_ANOTHER_MEMBER, "group " + group + ": loan "
              + loan.id() + " was made to " + loan.member() + ", not to " + livelihood.member());
        }
      }
      Optional<Livelihood> existing = register.livelihood(group, livelihood.id());
      if (existing.isPresent()) {
        if (sameStart(existing.get(), livelihood)) {
          return new Recorded(existing.get(), true);
        }
        throw new ProgrammeException(ProgrammeRejection.LIVELIHOOD_EXISTS, "group " + group + ": activity "
            + livelihood.id() + " is recorded already (" + existing.get().member() + ", "
            + existing.get().activity().word() + " from " + existing.get().started() + ")");
      }
      register.addLivelihood(group, livelihood);
      return new Recorded(livelihood, false);
    });
  }

  /**
   * Records an activity under the first free default id of its member, {@code M01-A1}, {@code
   * M01-A2} ...; the same record again under one of those ids is a repeat and records nothing.
   *
   * @param group the group, not null
   * @param livelihood the activity, whose id is ignored, not null
   * @return what was recorded, not null
   * @throws GroupException as {@link #record(BookId, Livelihood)}
   * @throws ProgrammeException as {@link #record(BookId, Livelihood)}
   * @throws IllegalStateException if the member has {@value #MAX_DEFAULT_IDS_A_MEMBER} default ids
   */
  public Recorded recordUnderDefaultId(BookId group, Livelihood livelihood) {
    Objects.requireNonNull(livelihood, "livelihood");
    return groups.atomically(group, () -> {
      groups.group(group);
      for (int n = 1; n <= MAX_DEFAULT_IDS_A_MEMBER; n++) {
        Livelihood named = new Livelihood(LivelihoodId.of(livelihood.member().value() + "-A" + n),
            livelihood.member(), livelihood.activity(), livelihood.started(), livelihood.loan(), livelihood.readings());
        Optional<Livelihood> existing = register.livelihood(group, named.id());
        if (existing.isEmpty() || sameStart(existing.get(), named)) {
          return record(group, named);
        }
      }
      throw new IllegalStateException("member " + livelihood.member() + " of " + group + " has "
          + MAX_DEFAULT_IDS_A_MEMBER + " activities under default ids: give the id");
    });
  }

  /**
   * Records a later income reading of an activity. A reading equal to the one standing on its day
   * records nothing.
   *
   * @param group the group, not null
   * @param id the activity's id, not null
   * @param reading the reading, in the group's currency, not null
   * @return the activity with its readings, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#LIVELIHOOD_NOT_FOUND}, {@link
   *     ProgrammeRejection#READING_BEFORE_START}
   * @throws IllegalArgumentException if the reading is in another currency than the group's
   */
  public Livelihood update(BookId group, LivelihoodId id, IncomeReading reading) {
    Objects.requireNonNull(reading, "reading");
    return groups.atomically(group, () -> {
      requireCurrency(groups.group(group), reading);
      Livelihood livelihood = livelihood(group, id);
      if (reading.date().isBefore(livelihood.started())) {
        throw new ProgrammeException(ProgrammeRejection.READING_BEFORE_START, "group " + group + ": activity " + id
            + " started on " + livelihood.started() + "; it earned nothing on " + reading.date());
      }
      if (livelihood.readingOn(reading.date()).filter(reading::equals).isPresent()) {
        return livelihood;
      }
      register.addReading(group, id, reading);
      return register.livelihood(group, id).orElseThrow();
    });
  }

  /**
   * A recorded activity.
   *
   * @param group the group, not null
   * @param id the activity's id, not null
   * @return the activity, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#LIVELIHOOD_NOT_FOUND}
   */
  public Livelihood livelihood(BookId group, LivelihoodId id) {
    groups.group(group);
    return register.livelihood(group, Objects.requireNonNull(id, "id")).orElseThrow(
        () -> new ProgrammeException(ProgrammeRejection.LIVELIHOOD_NOT_FOUND,
            "group " + group + ": there is no activity " + id));
  }

  /**
   * Every activity of a group, in id order.
   *
   * @param group the group, not null
   * @return the activities, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public List<Livelihood> livelihoods(BookId group) {
    groups.group(group);
    return register.livelihoods(group);
  }

  private static void requireCurrency(Group group, IncomeReading reading) {
    if (!reading.monthlyIncome().getCurrencyUnit().equals(group.currency())) {
      throw new IllegalArgumentException("group " + group.code() + " keeps its books in " + group.currency()
          + ", not " + reading.monthlyIncome().getCurrencyUnit());
    }
  }

  private static boolean sameStart(Livelihood known, Livelihood livelihood) {
    return known.member().equals(livelihood.member()) && known.activity() == livelihood.activity()
        && known.started().equals(livelihood.started()) && known.loan().equals(livelihood.loan())
        && known.readings().stream().limit(1).toList().equals(livelihood.readings());
  }
}
