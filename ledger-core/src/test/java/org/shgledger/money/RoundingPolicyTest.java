package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RoundingPolicyTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void paiseKeepTwoDecimalPlacesAndRoundWithTheGivenMode() {
    RoundingPolicy paise = RoundingPolicy.minorUnits(RoundingMode.HALF_UP);
    assertEquals(Money.parse("INR 33.33"), paise.round(INR, new BigDecimal("33.3333")));
    assertEquals(Money.parse("INR 0.13"), paise.round(INR, new BigDecimal("0.125")));
    assertEquals(Money.parse("INR 0.12"),
        RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN).round(INR, new BigDecimal("0.125")));
  }

  @Test
  void wholeRupeesRoundToUnitsButStayAtTheCurrencyScale() {
    RoundingPolicy rupees = RoundingPolicy.wholeUnits(RoundingMode.HALF_UP);
    Money rounded = rupees.round(BigMoney.parse("INR 166.6667"));
    assertEquals(Money.parse("INR 167.00"), rounded);
    assertEquals(2, rounded.getScale());
    assertEquals(Money.parse("INR 166.00"), RoundingPolicy.wholeUnits(RoundingMode.DOWN).round(INR, new BigDecimal("166.99")));
  }

  @Test
  void theStepIsThePolicysSmallestAmount() {
    assertEquals(Money.parse("INR 0.01"), RoundingPolicy.minorUnits(RoundingMode.HALF_UP).step(INR));
    assertEquals(Money.parse("INR 1.00"), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP).step(INR));
    assertEquals(Money.parse("JPY 1"), RoundingPolicy.minorUnits(RoundingMode.HALF_UP).step(CurrencyUnit.JPY));
  }

  @Test
  void unnecessaryRoundingRefusesToLosePrecision() {
    RoundingPolicy exact = RoundingPolicy.wholeUnits(RoundingMode.UNNECESSARY);
    assertEquals(Money.parse("INR 5.00"), exact.round(INR, new BigDecimal("5.00")));
    assertThrows(ArithmeticException.class, () -> exact.round(INR, new BigDecimal("5.50")));
  }

  @Test
  void anAmountIsExactWhenItIsAWholeNumberOfSteps() {
    RoundingPolicy rupees = RoundingPolicy.wholeUnits(RoundingMode.HALF_UP);
    assertTrue(rupees.isExact(Money.parse("INR 12.00")));
    assertTrue(rupees.isExact(Money.parse("INR 0.00")));
    assertFalse(rupees.isExact(Money.parse("INR 12.50")));
    assertTrue(RoundingPolicy.minorUnits(RoundingMode.HALF_UP).isExact(Money.parse("INR 12.55")));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> new RoundingPolicy(null, RoundingMode.HALF_UP));
    assertThrows(NullPointerException.class, () -> RoundingPolicy.minorUnits(null));
  }
}
