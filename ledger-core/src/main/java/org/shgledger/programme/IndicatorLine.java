package org.shgledger.programme;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;

/**
 * One line of an {@link IndicatorReport}: an indicator's value on the report's day, its target and
 * how far the value has come towards it.
 *
 * @param key the indicator's stable key, such as {@code members_adolescent} or {@code
 *     training.orientation} (see {@link ProgrammeIndicators} for them all), not null
 * @param partOf the key of the line whose value this line's is a part of, when the parts add up
 *     to it exactly (adult and adolescent members add up to members), not null (may be empty)
 * @param countsPeople whether the value counts people (members, children, attendees; loans, each
 *     of which is one member's): such values are subject to {@link SmallCells}
 * @param currency the currency of an amount, or of the amounts behind a rate; empty for counts,
 *     not null
 * @param value the value, not null
 * @param target the target from a targets file, positive, not null (may be empty)
 * @param percentOfTarget value ÷ target × 100, rounded down to one decimal place (so that 100.0
 *     means the target is met); {@link Value#NONE} without a target, not null
 */
public record IndicatorLine(
    String key,
    Optional<String> partOf,
    boolean countsPeople,
    Optional<CurrencyUnit> currency,
    Value value,
    Optional<BigDecimal> target,
    Value percentOfTarget) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9-]*)?");

  /**
   * Creates a line.
   *
   * @param key the indicator's stable key, such as {@code members_adolescent} or {@code
   *     training.orientation} (see {@link ProgrammeIndicators} for them all), not null
   * @param partOf the key of the line whose value this line's is a part of, when the parts add up
   *     to it exactly (adult and adolescent members add up to members), not null (may be empty)
   * @param countsPeople whether the value counts people (members, children, attendees; loans, each
   *     of which is one member's): such values are subject to {@link SmallCells}
   * @param currency the currency of an amount, or of the amounts behind a rate; empty for counts,
   *     not null
   * @param value the value, not null
   * @param target the target from a targets file, positive, not null (may be empty)
   * @param percentOfTarget value ÷ target × 100, rounded down to one decimal place (so that 100.0
   *     means the target is met); {@link Value#NONE} without a target, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the key is malformed or the target is not positive
   */
  public IndicatorLine {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("an indicator key is like members_adult or training.orientation: '" + key + "'");
    }
    Objects.requireNonNull(partOf, "partOf");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(percentOfTarget, "percentOfTarget");
    if (target.isPresent() && target.get().signum() <= 0) {
      throw new IllegalArgumentException("a target is positive: " + key + " = " + target.get());
    }
  }

  /**
   * A line with no target.
   *
   * @param key the key, not null
   * @param partOf the total it is a part of, not null
   * @param countsPeople whether it counts people
   * @param currency its currency, not null
   * @param value its value, not null
   * @return the line, not null
   */
  static IndicatorLine of(String key, Optional<String> partOf, boolean countsPeople, Optional<CurrencyUnit> currency,
      Value value) {
    return new IndicatorLine(key, partOf, countsPeople, currency, value, Optional.empty(), Value.NONE);
  }

  /**
   * Whether the line is a part of a breakdown (its text and HTML are indented under its total).
   *
   * @return true if {@link #partOf()} is present
   */
  public boolean isPart() {
    return partOf.isPresent();
  }

  /**
   * The same line with another value and percentage of target.
   *
   * @param newValue the value, not null
   * @param newPercent the percentage, not null
   * @return a new line, not null
   */
  IndicatorLine with(Value newValue, Value newPercent) {
    return new IndicatorLine(key, partOf, countsPeople, currency, newValue, target, newPercent);
  }

  /**
   * The same line with a target and the percentage of it reached.
   *
   * @param newTarget the target, positive, not null
   * @param newPercent the percentage, not null
   * @return a new line, not null
   */
  IndicatorLine withTarget(BigDecimal newTarget, Value newPercent) {
    return new IndicatorLine(key, partOf, countsPeople, currency, value, Optional.of(newTarget), newPercent);
  }
}
