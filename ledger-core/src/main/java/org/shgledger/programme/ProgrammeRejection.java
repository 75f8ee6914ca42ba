package org.shgledger.programme;

/**
 * Every reason the programme registers refuse a record on their own account. A group, member or
 * loan that does not exist is the engine's {@link org.shgledger.group.GroupException}, as
 * everywhere else.
 */
public enum ProgrammeRejection {
  /** There is no child with this key in the group. */
  CHILD_NOT_FOUND,
  /** A child with this key is registered already, under another member or birth year. */
  CHILD_EXISTS,
  /** The birth year makes no child on the date: in the future, or more than 18 years before. */
  INVALID_BIRTH_YEAR,
  /** The member was not a member of the group on the date. */
  NOT_A_MEMBER_ON_DATE,
  /** A school status is dated before the child was registered. */
  STATUS_BEFORE_REGISTRATION,
  /** A training with this id is recorded already with another topic, date or attendees. */
  TRAINING_EXISTS,
  /** A training names someone who was not a member of the group on its date. */
  ATTENDEE_NOT_A_MEMBER,
  /**
   * A targets file's line is not {@code key = number}, repeats a key, names no indicator, or gives
   * an amount that the groups' currency cannot hold.
   */
  INVALID_TARGET,
  /** There is no incident with this id in the group. */
  INCIDENT_NOT_FOUND,
  /** An incident with this id is recorded already with another day, type, age band or status. */
  INCIDENT_EXISTS,
  /** An incident's event is dated before the incident was reported. */
  EVENT_BEFORE_INCIDENT,
  /** There is no income-generating activity with this id in the group. */
  LIVELIHOOD_NOT_FOUND,
  /** An activity with this id is recorded already with another member, kind, start or loan. */
  LIVELIHOOD_EXISTS,
  /** An income reading is dated before its activity started. */
  READING_BEFORE_START,
  /** The loan named as an activity's finance was made to another member. */
  LOAN_OF_ANOTHER_MEMBER,
  /** An outreach event with this id is recorded already in the unit with other counts. */
  OUTREACH_EXISTS,
  /** An outreach event names a group that is not under its unit. */
  GROUP_NOT_IN_UNIT;

  /**
   * Whether this reason means that something named does not exist, as opposed to a record that
   * breaks a rule; programs report the two differently.
   *
   * @return true for {@link #CHILD_NOT_FOUND}, {@link #INCIDENT_NOT_FOUND} and {@link
   *     #LIVELIHOOD_NOT_FOUND}
   */
  public boolean isNotFound() {
    return this == CHILD_NOT_FOUND || this == INCIDENT_NOT_FOUND || this == LIVELIHOOD_NOT_FOUND;
  }
}
