package org.shgledger.server;

import java.util.Locale;

/**
 * What a user of the server may do (docs/server.md, "Roles"). A role is checked against the group
 * or unit each request names, never against the request alone.
 */
public enum Role {
  /** Everything: every group and unit, read and record. */
  ADMIN,
  /** The groups of her unit and of the units under it: read and record. */
  COORDINATOR,
  /** One group: read and record. */
  TREASURER,
  /** Every group's books read-only (or her unit's, if she has one), members' names never shown. */
  AUDITOR,
  /** Indicators and unit totals only (of her unit, if she has one), with small cells withheld. */
  DONOR;

  /**
   * The role's word, as the command line and the access log write it.
   *
   * @return the lower-case name, such as {@code coordinator}
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a role's word.
   *
   * @param word {@code admin}, {@code coordinator}, {@code treasurer}, {@code auditor} or {@code donor}, not null
   * @return the role
   * @throws IllegalArgumentException if the word names no role
   */
  public static Role of(String word) {
    for (Role role : values()) {
      if (role.word().equals(word)) {
        return role;
      }
    }
    throw new IllegalArgumentException("a role is admin, coordinator, treasurer, auditor or donor, not '" + word + "'");
  }
}
