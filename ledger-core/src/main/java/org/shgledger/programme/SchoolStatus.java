package org.shgledger.programme;

/** Where a child stands with school, as the programme follows it. */
public enum SchoolStatus {
  /** Not in school and never enrolled: a child the programme still has to bring to school. */
  NOT_ENROLLED,
  /** Enrolled in a mainstream school. */
  ENROLLED,
  /** In a bridge course or non-formal education, being prepared for a mainstream school. */
  BRIDGE_COURSE,
  /** Left school before finishing it. */
  DROPPED_OUT
}
