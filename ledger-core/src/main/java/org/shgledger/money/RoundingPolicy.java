package org.shgledger.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.joda.money.BigMoneyProvider;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * How a book rounds money: to which unit, and in which direction.
 *
 * <p>Many Self Help Groups keep their registers in whole rupees, others in paise; the group
 * chooses, and every calculation that can produce fractions (interest, instalments, shares of a
 * surplus) rounds through the group's policy, so there is one place where rounding happens.
 *
 * <p>The result of rounding is always a {@link Money} at the currency's own scale (an amount of
 * ₹12 under a whole-rupee policy is {@code INR 12.00}), so amounts from different policies still
 * compare and add exactly.
 *
 * @param unit the unit amounts are rounded to, not null
 * @param mode the rounding direction, not null; {@link RoundingMode#UNNECESSARY} makes rounding
 *     that would lose precision throw {@link ArithmeticException}
 */
public record RoundingPolicy(Unit unit, RoundingMode mode) {

  /** The unit that amounts are rounded to. */
  public enum Unit {
    /** The currency's minor unit: paise for INR, so two decimal places. */
    MINOR,
    /** Whole units of the currency: whole rupees for INR. */
    WHOLE
  }

  /**
   * Creates a policy.
   *
   * @param unit the unit amounts are rounded to, not null
   * @param mode the rounding direction, not null; {@link RoundingMode#UNNECESSARY} makes rounding
   *     that would lose precision throw {@link ArithmeticException}
   * @throws NullPointerException if either argument is null
   */
  public RoundingPolicy {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * Rounds to the currency's minor unit (paise) with the given mode.
   *
   * @param mode the rounding direction, not null
   * @return the policy, not null
   */
  public static RoundingPolicy minorUnits(RoundingMode mode) {
    return new RoundingPolicy(Unit.MINOR, mode);
  }

  /**
   * Rounds to whole units of the currency (whole rupees) with the given mode.
   *
   * @param mode the rounding direction, not null
   * @return the policy, not null
   */
  public static RoundingPolicy wholeUnits(RoundingMode mode) {
    return new RoundingPolicy(Unit.WHOLE, mode);
  }

  /**
   * The number of decimal places this policy keeps in the given currency.
   *
   * @param currency the currency, not null
   * @return 0 for whole units, otherwise the currency's decimal places
   */
  public int scale(CurrencyUnit currency) {
    return unit == Unit.WHOLE ? 0 : currency.getDecimalPlaces();
  }

  /**
   * The smallest positive amount this policy produces in a currency: ₹0.01 or ₹1.00.
   *
   * @param currency the currency, not null
   * @return the step, positive, not null
   */
  public Money step(CurrencyUnit currency) {
    return Money.of(currency, BigDecimal.ONE.movePointLeft(scale(currency)));
  }

  /**
   * Rounds an amount of any scale to this policy's unit.
   *
   * @param amount the amount, possibly with more decimal places than the currency has, not null
   * @return the rounded amount at the currency's scale, not null
   * @throws ArithmeticException if the mode is {@code UNNECESSARY} and rounding is needed
   */
  public Money round(BigMoneyProvider amount) {
    var big = amount.toBigMoney();
    var rounded = big.getAmount().setScale(scale(big.getCurrencyUnit()), mode);
    return Money.of(big.getCurrencyUnit(), rounded);
  }

  /**
   * Rounds a plain decimal amount to this policy's unit in the given currency.
   *
   * @param currency the currency, not null
   * @param amount the amount, any scale, not null
   * @return the rounded amount at the currency's scale, not null
   * @throws ArithmeticException if the mode is {@code UNNECESSARY} and rounding is needed
   */
  public Money round(CurrencyUnit currency, BigDecimal amount) {
    return Money.of(currency, amount.setScale(scale(currency), mode));
  }

  /**
   * Whether an amount is already a whole number of this policy's steps.
   *
   * @param amount the amount, not null
   * @return true if rounding it under this policy would not change it
   */
  public boolean isExact(Money amount) {
    return amount.getAmount().stripTrailingZeros().scale() <= scale(amount.getCurrencyUnit());
  }
}
