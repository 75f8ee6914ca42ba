package org.shgledger.group;

/** How often a group meets, and so how often compulsory savings fall due. */
public enum MeetingFrequency {
  /** Every week. */
  WEEKLY,
  /** Every second week. */
  FORTNIGHTLY,
  /** Every month, the most common. */
  MONTHLY
}
