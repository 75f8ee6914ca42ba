package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class AllocatorTest {

  static final RoundingPolicy PAISE = RoundingPolicy.minorUnits(RoundingMode.HALF_UP);
  static final RoundingPolicy RUPEES = RoundingPolicy.wholeUnits(RoundingMode.HALF_UP);

  static List<BigDecimal> weights(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  static List<Money> inr(String... values) {
    return java.util.Arrays.stream(values).map(v -> Money.parse("INR " + v)).toList();
  }

  @Test
  void oneRupeeInThreeEqualSharesGivesTheExtraPaisaToTheFirst() {
    assertEquals(inr("0.34", "0.33", "0.33"),
        Allocator.allocate(Money.parse("INR 1.00"), weights("1", "1", "1"), PAISE));
  }

  @Test
  void theLargestRemaindersGetTheLeftoverSteps() {
    // exact shares of ₹100 by 1:2:3 are 16.67, 33.33, 50 rupees: the 16.67 share is rounded up
    assertEquals(inr("17.00", "33.00", "50.00"),
        Allocator.allocate(Money.parse("INR 100.00"), weights("1", "2", "3"), RUPEES));
  }

  @Test
  void aSurplusIsSharedInProportionToSavings() {
    // members saved ₹1,200, ₹1,150 and ₹600; a surplus of ₹1,000 is shared in proportion
    List<Money> shares = Allocator.allocate(Money.parse("INR 1000.00"), weights("1200", "1150", "600"), PAISE);
    assertEquals(inr("406.78", "389.83", "203.39"), shares);
    assertEquals(Money.parse("INR 1000.00"), shares.stream().reduce(Money::plus).orElseThrow());
  }

  @Test
  void aZeroWeightGetsNothing() {
    assertEquals(inr("0.00", "5.00", "5.00"),
        Allocator.allocate(Money.parse("INR 10.00"), weights("0", "1", "1"), RUPEES));
  }

  @Test
  void decimalWeightsAreExact() {
    assertEquals(inr("2.50", "7.50"),
        Allocator.allocate(Money.parse("INR 10.00"), weights("0.1", "0.30"), PAISE));
  }

  @Test
  void aNegativeTotalGivesNegativeParts() {
    assertEquals(inr("-0.34", "-0.33", "-0.33"),
        Allocator.allocate(Money.parse("INR -1.00"), weights("1", "1", "1"), PAISE));
  }

  @Test
  void aTotalThatIsNotAWholeNumberOfStepsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Allocator.allocate(Money.parse("INR 10.50"), weights("1", "1"), RUPEES));
    assertEquals("total INR 10.50 is not a whole number of steps of INR 1.00", e.getMessage());
  }

  @Test
  void weightsMustBeNonNegativeAndNotAllZero() {
    assertThrows(IllegalArgumentException.class,
        () -> Allocator.allocate(Money.parse("INR 10.00"), weights("1", "-1"), PAISE));
    assertThrows(IllegalArgumentException.class,
        () -> Allocator.allocate(Money.parse("INR 10.00"), weights("0", "0"), PAISE));
    assertThrows(IllegalArgumentException.class,
        () -> Allocator.allocate(Money.parse("INR 10.00"), List.of(), PAISE));
  }
}
