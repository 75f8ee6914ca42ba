package org.shgledger.programme;

/**
 * What kind of incident a group reported: the six core types of the Gender-Based Violence
 * Information Management System's classification (GBVIMS, "GBV Classification Tool"), in its
 * order, and three the programme watches for besides. Each incident has one type: under GBVIMS, the
 * first in this order that applies (docs/privacy.md).
 */
public enum IncidentType {
  /** GBVIMS 1: rape. */
  RAPE,
  /** GBVIMS 2: sexual assault. */
  SEXUAL_ASSAULT,
  /** GBVIMS 3: physical assault. */
  PHYSICAL_ASSAULT,
  /** GBVIMS 4: forced marriage. */
  FORCED_MARRIAGE,
  /** GBVIMS 5: denial of resources, opportunities or services. */
  DENIAL_OF_RESOURCES,
  /** GBVIMS 6: psychological or emotional abuse. */
  PSYCHOLOGICAL_ABUSE,
  /** Trafficking or attempted trafficking. */
  TRAFFICKING,
  /** A child marriage the group learnt of in time and that was prevented. */
  CHILD_MARRIAGE_PREVENTED,
  /** A girl gone missing. */
  MISSING_GIRL
}
