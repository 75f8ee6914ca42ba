package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One member's term in an office, from her election to the last day of her term.
 *
 * @param role the office, not null
 * @param member the member elected, not null
 * @param from the first day of the term, not null
 * @param to the last day of the term, on or after {@code from}, not null
 */
public record BearerTerm(Role role, MemberId member, LocalDate from, LocalDate to) {

  /**
   * Creates a term.
   *
   * @param role the office, not null
   * @param member the member elected, not null
   * @param from the first day of the term, not null
   * @param to the last day of the term, on or after {@code from}, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the term ends before it starts
   */
  public BearerTerm {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a term cannot end (" + to + ") before it starts (" + from + ")");
    }
  }

  /**
   * Whether two terms share at least one day.
   *
   * @param other the other term, not null
   * @return true if they overlap
   */
  public boolean overlaps(BearerTerm other) {
    return !other.to.isBefore(from) && !to.isBefore(other.from);
  }

  /**
   * Whether the term covers a date.
   *
   * @param date the date, not null
   * @return true if the member held the office that day
   */
  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
