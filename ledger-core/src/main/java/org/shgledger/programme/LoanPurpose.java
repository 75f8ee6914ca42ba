package org.shgledger.programme;

/** What a member's loan was for, as she told the group when it was given. */
public enum LoanPurpose {
  /** Income: a shop, animals, tools, stock, seed. */
  LIVELIHOOD,
  /** School fees, books, uniforms. */
  EDUCATION,
  /** Medical treatment and medicines. */
  HEALTH,
  /** Food and household needs. */
  CONSUMPTION,
  /** Anything else: a house repair, a wedding, repaying a moneylender. */
  OTHER
}
