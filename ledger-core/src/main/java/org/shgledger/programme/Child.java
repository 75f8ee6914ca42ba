package org.shgledger.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.MemberId;

/**
 * A member's child in the programme's register: what the indicators need and nothing more. There
 * is no name and no date of birth: an opaque key, the mother's member id, the year of birth (to
 * tell school age) and the school status over time.
 *
 * <p>The status history is kept whole, in the order it was recorded; nothing is changed or
 * removed. The status on a day is the latest change dated on or before it; of two changes dated
 * the same day, the one recorded later stands, which is how a mistake is corrected.
 *
 * @param key the child's key in the group, not null
 * @param member the mother (or the member who cares for the child), not null
 * @param birthYear the year of birth, from {@value #MIN_BIRTH_YEAR} to {@value #MAX_BIRTH_YEAR}
 * @param statuses the status changes in recording order, at least one (the status the child had
 *     when registered), at most {@value #MAX_STATUSES}, not null; copied
 */
public record Child(ChildKey key, MemberId member, int birthYear, List<SchoolStatusChange> statuses) {

  /** The earliest birth year accepted. */
  public static final int MIN_BIRTH_YEAR = 1900;

  /** The latest birth year accepted. */
  public static final int MAX_BIRTH_YEAR = 9999;

  /** The most status changes one child may have. */
  public static final int MAX_STATUSES = 1_000;

  /**
   * Creates a child's record.
   *
   * @param key the child's key in the group, not null
   * @param member the mother (or the member who cares for the child), not null
   * @param birthYear the year of birth, from {@value #MIN_BIRTH_YEAR} to {@value #MAX_BIRTH_YEAR}
   * @param statuses the status changes in recording order, at least one (the status the child had
   *     when registered), at most {@value #MAX_STATUSES}, not null; copied
   * @throws NullPointerException if any argument or status change is null
   * @throws IllegalArgumentException if the birth year is out of range or there are no status
   *     changes or too many
   */
  public Child {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    if (birthYear < MIN_BIRTH_YEAR || birthYear > MAX_BIRTH_YEAR) {
      throw new IllegalArgumentException(
          "birth year must be from " + MIN_BIRTH_YEAR + " to " + MAX_BIRTH_YEAR + ": " + birthYear);
    }
    statuses = List.copyOf(statuses);
    if (statuses.isEmpty() || statuses.size() > MAX_STATUSES) {
      throw new IllegalArgumentException(
          "child " + key + " needs 1 to " + MAX_STATUSES + " status changes, not " + statuses.size());
    }
  }

  /**
   * The day she was registered: the earliest status change.
   *
   * @return the date, not null
   */
  public LocalDate registered() {
    return statuses.stream().map(SchoolStatusChange::date).min(LocalDate::compareTo).orElseThrow();
  }

  /**
   * Her status at the end of a day: the latest change dated on or before it (of two on the same
   * day, the one recorded later).
   *
   * @param date the day, not null
   * @return the change in force, or empty before she was registered
   */
  public Optional<SchoolStatusChange> statusOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    SchoolStatusChange inForce = null;
    for (SchoolStatusChange change : statuses) {
      if (!change.date().isAfter(date) && (inForce == null || !change.date().isBefore(inForce.date()))) {
        inForce = change;
      }
    }
    return Optional.ofNullable(inForce);
  }

  /**
   * Her age in years reached during a year: the year less her birth year.
   *
   * @param year the year
   * @return the age, negative for a year before her birth
   */
  public int ageIn(int year) {
    return year - birthYear;
  }
}
