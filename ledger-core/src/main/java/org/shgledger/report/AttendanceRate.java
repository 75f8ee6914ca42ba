package org.shgledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A member's attendance over a period: of the group's meetings held while she was a member, how
 * many she attended (present or late; leave and absence do not count, and a meeting whose roll
 * does not name her counts as not attended).
 *
 * @param meetings meetings held in the period while she was a member, positive
 * @param attended those she attended, from 0 to {@code meetings}
 */
public record AttendanceRate(int meetings, int attended) {

  /**
   * Creates a rate.
   *
   * @param meetings meetings held in the period while she was a member, positive
   * @param attended those she attended, from 0 to {@code meetings}
   * @throws IllegalArgumentException if there are no meetings, or attended is out of range
   */
  public AttendanceRate {
    if (meetings < 1 || attended < 0 || attended > meetings) {
      throw new IllegalArgumentException(
          "attended " + attended + " of " + meetings + " meetings: need 0 <= attended <= meetings, meetings >= 1");
    }
  }

  /**
   * The rate in percent, rounded half up to one decimal place: 2 of 3 meetings is 66.7.
   *
   * @return the percentage, from 0.0 to 100.0, not null
   */
  public BigDecimal percent() {
    return BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(meetings), 1, RoundingMode.HALF_UP);
  }
}
