package org.shgledger.unit;

/** Every reason {@link Units} can refuse a request about units. */
public enum UnitRejection {
  /** There is no unit with this code. */
  UNIT_NOT_FOUND,
  /** A unit with this code exists with another name or parent. */
  UNIT_EXISTS,
  /** The code is a group's: a unit and a group may not share a code, so that one name means one thing. */
  CODE_IS_A_GROUP,
  /** The parent asked for is the unit itself or one of the units under it. */
  CYCLE,
  /** The group is in another unit already; a group is in at most one unit. */
  GROUP_IN_ANOTHER_UNIT,
  /** The unit would sit deeper than {@link Units#MAX_DEPTH} levels. */
  TOO_DEEP;

  /**
   * Whether this reason means that something named does not exist, as opposed to a request that
   * breaks a rule; programs report the two differently.
   *
   * @return true for {@link #UNIT_NOT_FOUND}
   */
  public boolean isNotFound() {
    return this == UNIT_NOT_FOUND;
  }
}
