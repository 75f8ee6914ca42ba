package org.shgledger.group;

/** An office a member can be elected to. */
public enum Role {
  /** Chairs meetings and speaks for the group. */
  PRESIDENT,
  /** Keeps the minutes and registers. */
  SECRETARY,
  /** Holds the cash and keeps the cash book. */
  TREASURER,
  /** A second signatory on the bank account, where the bank asks for one. */
  SIGNATORY
}
