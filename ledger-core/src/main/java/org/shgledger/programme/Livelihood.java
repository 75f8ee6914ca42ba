package org.shgledger.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;

/**
 * An income-generating activity a member runs and the group oversees: its kind, the day it
 * started, the group loan that financed it if any, and the monthly income readings taken since.
 * No name, no place: the member is known by her id, as in the books.
 *
 * @param id the activity's id in the group, not null
 * @param member the member who runs it, not null
 * @param activity its kind, not null
 * @param started the day it started, not null
 * @param loan the group loan that financed it, not null (may be empty)
 * @param readings its income readings in recording order, none dated before it started, at most
 *     {@value #MAX_READINGS}, not null
 */
public record Livelihood(LivelihoodId id, MemberId member, LivelihoodActivity activity, LocalDate started,
    Optional<LoanId> loan, List<IncomeReading> readings) {

  /** The most readings one activity keeps (one a month for 50 years). */
  public static final int MAX_READINGS = 600;

  /**
   * Checks the activity.
   *
   * @param id the activity's id in the group, not null
   * @param member the member who runs it, not null
   * @param activity its kind, not null
   * @param started the day it started, not null
   * @param loan the group loan that financed it, not null (may be empty)
   * @param readings its income readings in recording order, none dated before it started, at most
   *     {@value #MAX_READINGS}, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a reading is dated before the start, or there are too many
   */
  public Livelihood {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(loan, "loan");
    readings = List.copyOf(readings);
    if (readings.size() > MAX_READINGS) {
      throw new IllegalArgumentException("an activity keeps at most " + MAX_READINGS + " readings");
    }
    for (IncomeReading reading : readings) {
      if (reading.date().isBefore(started)) {
        throw new IllegalArgumentException("activity " + id + " started on " + started + "; no reading is dated "
            + reading.date());
      }
    }
  }

  /**
   * The reading that stands on a day: the latest dated on or before it; of two dated the same day,
   * the one recorded later, which is how a mistaken reading is corrected.
   *
   * @param day the day, not null
   * @return the reading, or empty if none is dated by then
   */
  public Optional<IncomeReading> readingOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    IncomeReading standing = null;
    for (IncomeReading reading : readings) {
      if (!reading.date().isAfter(day) && (standing == null || !reading.date().isBefore(standing.date()))) {
        standing = reading;
      }
    }
    return Optional.ofNullable(standing);
  }

  /**
   * The same activity with one more reading.
   *
   * @param reading the reading, not null
   * @return a new activity, not null
   */
  public Livelihood with(IncomeReading reading) {
    List<IncomeReading> more = new ArrayList<>(readings);
    more.add(Objects.requireNonNull(reading, "reading"));
    return new Livelihood(id, member, activity, started, loan, more);
  }
}
