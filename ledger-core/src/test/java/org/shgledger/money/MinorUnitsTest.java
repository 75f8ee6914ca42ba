package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A limit in paise is checked for any amount, however large, either sign. */
class MinorUnitsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void theLimitItselfIsAllowedAndOnePaisaMoreIsNot() {
    assertFalse(MinorUnits.exceeds(Money.of(INR, new BigDecimal("100.00")), 10_000));
    assertTrue(MinorUnits.exceeds(Money.of(INR, new BigDecimal("100.01")), 10_000));
    assertTrue(MinorUnits.exceeds(Money.of(INR, new BigDecimal("-100.01")), 10_000), "the sign is ignored");
  }

  @Test
  void anAmountBeyondALongIsTooLargeNotAnOverflow() {
    Money huge = Money.of(INR, new BigDecimal("999999999999999999999999999999"));
    assertTrue(MinorUnits.exceeds(huge, Long.MAX_VALUE));
    assertTrue(MinorUnits.exceeds(huge.negated(), Long.MAX_VALUE));
  }
}
