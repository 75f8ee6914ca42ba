package org.shgledger.unit;

/** A group's grade on its scorecard: A the strongest, C the weakest. */
public enum Grade {
  /** A score of at least {@link GradingPolicy#gradeA()}. */
  A,
  /** A score of at least {@link GradingPolicy#gradeB()}. */
  B,
  /** Any lower score. */
  C;

  /**
   * Whether this grade is as good as another or better.
   *
   * @param other the grade to compare with, not null
   * @return true if this grade is {@code other} or better
   */
  public boolean isAtLeast(Grade other) {
    return ordinal() <= other.ordinal();
  }
}
