package org.shgledger.programme;

import java.math.BigDecimal;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The value of one line of an {@link IndicatorReport}: a count, an amount, a percentage, nothing
 * (a rate with nothing to divide by), or a count withheld to protect the people it counts.
 */
public sealed interface Value {

  /**
   * A number of groups, people, loans or children.
   *
   * @param value zero or more
   */
  record Count(long value) implements Value {
    /**
     * Creates a count.
     *
     * @param value zero or more
     * @throws IllegalArgumentException if the count is negative
     */
    public Count {
      if (value < 0) {
        throw new IllegalArgumentException("a count cannot be negative: " + value);
      }
    }
  }

  /**
   * An amount of money.
   *
   * @param value the amount, not null
   */
  record Amount(Money value) implements Value {
    /**
     * Checks for null.
     *
     * @param value the amount, not null
     */
    public Amount {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A percentage, such as {@code 96.40} for 96.4 %.
   *
   * @param value the percentage, not null
   */
  record Percent(BigDecimal value) implements Value {
    /**
     * Checks for null.
     *
     * @param value the percentage, not null
     */
    public Percent {
      Objects.requireNonNull(value, "value");
    }
  }

  /** No value: a rate whose base is zero, a percentage of a target that was not given. */
  record None() implements Value {}

  /**
   * A value withheld from the report so that no one can be picked out (see {@link SmallCells}).
   *
   * @param reason why, not null
   */
  record Withheld(Reason reason) implements Value {
    /**
     * Checks for null.
     *
     * @param reason why, not null
     */
    public Withheld {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a value was withheld. */
  enum Reason {
    /** It counts fewer people than the threshold: shown as {@code <5}. */
    SMALL,
    /**
     * It is not small, but showing it with the total would let a small cell be worked out by
     * subtraction: shown as {@code x}.
     */
    COMPLEMENTARY
  }

  /** The empty value. */
  Value NONE = new None();

  /**
   * A count.
   *
   * @param value zero or more
   * @return the value, not null
   */
  static Value count(long value) {
    return new Count(value);
  }
}
