package org.shgledger.unit;

import java.util.Locale;

/**
 * The six measures of a group's scorecard, after the Panchasutra (the five principles of a sound
 * Self Help Group: regular meetings, regular savings, regular internal lending, timely repayment,
 * books kept up to date), the first measured twice: meetings held and attendance. Each is scored
 * from 0 to 1; docs/units.md defines each.
 */
public enum Measure {
  /** Meetings held against those the group's meeting frequency expects. */
  MEETINGS,
  /** Members' attendance at the meetings held. */
  ATTENDANCE,
  /** The share of members who saved at every meeting held while they were members. */
  SAVINGS,
  /** Loans outstanding to members against the group's corpus, against a target. */
  LENDING,
  /** Collected against demand on members' loans in the period (demand, collection and balance). */
  REPAYMENT,
  /** Days from the last entry to the end of the period. */
  BOOKS;

  /**
   * The measure's key in a policy file and in reports: its name in lower case.
   *
   * @return the key, such as {@code attendance}, not null
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
