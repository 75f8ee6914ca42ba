package org.shgledger.group;

/** How a member answered the roll at a meeting. */
public enum Attendance {
  /** Came on time. */
  PRESENT,
  /** Came late; counts as attending. */
  LATE,
  /** Excused in advance; does not count as attending. */
  LEAVE,
  /** Did not come. */
  ABSENT;

  /**
   * Whether this counts as attending for attendance rates.
   *
   * @return true for PRESENT and LATE
   */
  public boolean attended() {
    return this == PRESENT || this == LATE;
  }
}
