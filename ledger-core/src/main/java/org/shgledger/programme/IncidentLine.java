package org.shgledger.programme;

import java.util.Objects;
import java.util.Optional;

/**
 * One count of an {@link IncidentReport}'s quarter: the total of incidents or of referrals, or a
 * part of one in a breakdown.
 *
 * @param key the stable key: {@code incidents}, {@code type.rape}, {@code status.closed}, {@code
 *     age.12-17}, {@code age.not-recorded}, {@code group.SHG01}, {@code referrals}, {@code
 *     referral.police}, not null
 * @param breakdown the breakdown it is a part of ({@code type}, {@code status}, {@code age},
 *     {@code group}, {@code referral}), or empty for a total, not null
 * @param value a {@link Value.Count}, or {@link Value.Withheld} once protected, not null
 */
public record IncidentLine(String key, Optional<String> breakdown, Value value) {

  /**
   * Checks for null.
   *
   * @param key the stable key: {@code incidents}, {@code type.rape}, {@code status.closed}, {@code
   *     age.12-17}, {@code age.not-recorded}, {@code group.SHG01}, {@code referrals}, {@code
   *     referral.police}, not null
   * @param breakdown the breakdown it is a part of ({@code type}, {@code status}, {@code age},
   *     {@code group}, {@code referral}), or empty for a total, not null
   * @param value a {@link Value.Count}, or {@link Value.Withheld} once protected, not null
   * @throws IllegalArgumentException if the value is neither a count nor withheld
   */
  public IncidentLine {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(breakdown, "breakdown");
    Objects.requireNonNull(value, "value");
    if (!(value instanceof Value.Count) && !(value instanceof Value.Withheld)) {
      throw new IllegalArgumentException("an incident count is a count or withheld, not " + value);
    }
  }

  /**
   * The line with another value.
   *
   * @param other the value, not null
   * @return a new line, not null
   */
  public IncidentLine with(Value other) {
    return new IncidentLine(key, breakdown, other);
  }

  /**
   * The count, or -1 when withheld.
   *
   * @return the count
   */
  public long count() {
    return value instanceof Value.Count count ? count.value() : -1;
  }
}
