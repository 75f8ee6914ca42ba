package org.shgledger.money;

import java.math.BigDecimal;
import java.util.Objects;
import org.joda.money.Money;

/**
 * Limits on amounts in minor units (paise), checked without overflow.
 *
 * <p>{@link Money#getAmountMinorLong()} throws {@link ArithmeticException} for an amount beyond a
 * {@code long}, which a file or a caller can give (thirty nines in a cell). A limit check must say
 * "too large", not fail on the way to saying it, so it compares decimals.
 */
public final class MinorUnits {

  private MinorUnits() {}

  /**
   * Whether an amount, ignoring its sign, is more than a number of minor units of its currency.
   *
   * @param amount the amount, not null
   * @param maxMinor the largest allowed number of minor units, not negative
   * @return true if {@code |amount|} is above {@code maxMinor} minor units
   */
  public static boolean exceeds(Money amount, long maxMinor) {
    Objects.requireNonNull(amount, "amount");
    if (maxMinor < 0) {
      throw new IllegalArgumentException("maxMinor is negative: " + maxMinor);
    }
    BigDecimal minor = amount.getAmount().abs().movePointRight(amount.getCurrencyUnit().getDecimalPlaces());
    return minor.compareTo(BigDecimal.valueOf(maxMinor)) > 0;
  }
}
