package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** The allocator never creates or loses a paisa, and never strays a whole step from a fair share. */
class AllocatorProperties {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Property
  void partsSumExactlyToTheTotal(
      @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long totalSteps,
      @ForAll("weights") List<BigDecimal> weights,
      @ForAll("policies") RoundingPolicy policy) {
    Assume.that(weights.stream().anyMatch(w -> w.signum() > 0));
    Money total = policy.step(INR).multipliedBy(totalSteps);

    List<Money> parts = Allocator.allocate(total, weights, policy);

    assertEquals(weights.size(), parts.size());
    assertEquals(total, parts.stream().reduce(Money.zero(INR), Money::plus));
  }

  @Property
  void eachPartIsWithinOneStepOfItsExactShare(
      @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long totalSteps,
      @ForAll("weights") List<BigDecimal> weights,
      @ForAll("policies") RoundingPolicy policy) {
    Assume.that(weights.stream().anyMatch(w -> w.signum() > 0));
    Money step = policy.step(INR);
    Money total = step.multipliedBy(totalSteps);
    BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    List<Money> parts = Allocator.allocate(total, weights, policy);

    for (int i = 0; i < parts.size(); i++) {
      BigDecimal exactShare =
          total.getAmount().multiply(weights.get(i)).divide(weightSum, MathContext.DECIMAL128);
      BigDecimal gap = parts.get(i).getAmount().subtract(exactShare).abs();
      assertTrue(gap.compareTo(step.getAmount()) < 0,
          "part " + i + " = " + parts.get(i) + " is a step or more from its exact share " + exactShare);
      assertTrue(policy.isExact(parts.get(i)), "part " + i + " is a whole number of steps");
      if (weights.get(i).signum() == 0) {
        assertTrue(parts.get(i).isZero(), "a zero weight gets nothing");
      }
    }
  }

  @Provide
  Arbitrary<List<BigDecimal>> weights() {
    Arbitrary<BigDecimal> weight =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2),
            Arbitraries.integers().between(0, 20).map(BigDecimal::valueOf));
    return weight.list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<RoundingPolicy> policies() {
    return Arbitraries.of(
        RoundingPolicy.minorUnits(RoundingMode.HALF_UP),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_EVEN));
  }
}
