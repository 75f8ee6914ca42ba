package org.shgledger.programme;

/** A service an incident was referred to. */
public enum SupportService {
  /** The police. */
  POLICE,
  /** Legal aid. */
  LEGAL_AID,
  /** Health care. */
  HEALTH,
  /** A shelter home. */
  SHELTER,
  /** Psychosocial support, counselling. */
  PSYCHOSOCIAL,
  /** The district's Child Welfare Committee. */
  CHILD_WELFARE_COMMITTEE,
  /** The police's Anti-Human Trafficking Unit. */
  ANTI_TRAFFICKING_UNIT
}
