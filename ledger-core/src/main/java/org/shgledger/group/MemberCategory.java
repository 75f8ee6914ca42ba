package org.shgledger.group;

/** Who a member is, as NGO programmes count their members. */
public enum MemberCategory {
  /** A woman of 18 or over. */
  ADULT_WOMAN,
  /** A girl of 10 to 19 in an adolescent group. */
  ADOLESCENT_GIRL
}
