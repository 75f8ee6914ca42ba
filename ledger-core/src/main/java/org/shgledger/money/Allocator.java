package org.shgledger.money;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * Splits an amount into parts proportional to weights so that the parts always add up to the
 * amount exactly.
 *
 * <p>The method is the largest-remainder (Hamilton) method, worked in whole steps of a {@link
 * RoundingPolicy} (paise or whole rupees): every part first gets the whole number of steps in its
 * exact share, then the steps left over go one each to the parts with the largest remainders, ties
 * going to the earlier part. Consequently:
 *
 * <ul>
 *   <li>the parts sum to the total exactly: no paisa is created or lost;
 *   <li>each part differs from its exact share by less than one step;
 *   <li>a part with weight zero gets zero;
 *   <li>the result is deterministic: the same inputs always give the same parts.
 * </ul>
 *
 * <p>The rounding mode of the policy does not matter here: largest remainder needs none. Joda-Money
 * has no allocator; this one serves interest splits, surplus distribution and share-out.
 */
public final class Allocator {

  /** The most parts one allocation may have; a group has tens of members, not thousands. */
  public static final int MAX_PARTS = 100_000;

  private Allocator() {}

  /**
   * Splits {@code total} into parts proportional to {@code weights}.
   *
   * @param total the amount to split, any sign; a negative total gives the negated parts of its
   *     absolute value; not null
   * @param weights one non-negative weight per part, at least one positive; not null, no nulls
   * @param policy the unit the parts are counted in, not null
   * @return the parts, in the order of the weights, summing exactly to {@code total}; not null
   * @throws IllegalArgumentException if there are no weights or more than {@link #MAX_PARTS}, a
   *     weight is negative, all weights are zero, or {@code total} is not a whole number of the
   *     policy's steps (for example ₹10.50 under a whole-rupee policy: the 50 paise could not be
   *     given to anyone without breaking the policy, so the caller must decide)
   */
  public static List<Money> allocate(Money total, List<BigDecimal> weights, RoundingPolicy policy) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(policy, "policy");
    if (weights.isEmpty() || weights.size() > MAX_PARTS) {
      throw new IllegalArgumentException(
          "an allocation needs between 1 and " + MAX_PARTS + " weights, got " + weights.size());
    }
    if (!policy.isExact(total)) {
      throw new IllegalArgumentException(
          "total " + withCurrency(total) + " is not a whole number of steps of "
              + withCurrency(policy.step(total.getCurrencyUnit())));
    }
    int scale = policy.scale(total.getCurrencyUnit());
    BigInteger totalSteps = total.getAmount().movePointRight(scale).toBigIntegerExact();
    BigInteger[] steps = allocateSteps(totalSteps.abs(), integerWeights(weights));
    List<Money> parts = new ArrayList<>(steps.length);
    for (BigInteger part : steps) {
      BigInteger signed = total.isNegative() ? part.negate() : part;
      parts.add(Money.of(total.getCurrencyUnit(), new BigDecimal(signed, scale)));
    }
    return Collections.unmodifiableList(parts);
  }

  /** Scales decimal weights to integers with a common power of ten, so shares are exact. */
  private static BigInteger[] integerWeights(List<BigDecimal> weights) {
    int maxScale = 0;
    for (int i = 0; i < weights.size(); i++) {
      BigDecimal weight = Objects.requireNonNull(weights.get(i), "weight " + i);
      if (weight.signum() < 0) {
        throw new IllegalArgumentException("weight " + i + " is negative: " + weight);
      }
      maxScale = Math.max(maxScale, weight.stripTrailingZeros().scale());
    }
    BigInteger[] result = new BigInteger[weights.size()];
    boolean anyPositive = false;
    for (int i = 0; i < result.length; i++) {
      result[i] = weights.get(i).movePointRight(maxScale).toBigIntegerExact();
      anyPositive |= result[i].signum() > 0;
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("all weights are zero: there is no share to give");
    }
    return result;
  }

  private static BigInteger[] allocateSteps(BigInteger totalSteps, BigInteger[] weights) {
    BigInteger weightSum = BigInteger.ZERO;
    for (BigInteger weight : weights) {
      weightSum = weightSum.add(weight);
    }
    BigInteger[] parts = new BigInteger[weights.length];
    BigInteger[] remainders = new BigInteger[weights.length];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] quotientAndRemainder = totalSteps.multiply(weights[i]).divideAndRemainder(weightSum);
      parts[i] = quotientAndRemainder[0];
      remainders[i] = quotientAndRemainder[1];
      given = given.add(parts[i]);
    }
    // Fewer than weights.length steps are left, because each floor lost less than one step.
    int leftover = totalSteps.subtract(given).intValueExact();
    Integer[] order = new Integer[weights.length];
    Arrays.setAll(order, i -> i);
    // Stable sort: equal remainders keep index order, so ties go to the earlier part.
    Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < leftover; k++) {
      parts[order[k]] = parts[order[k]].add(BigInteger.ONE);
    }
    return parts;
  }
}
