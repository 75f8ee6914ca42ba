package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class MoneyFormatsTest {

  @Test
  void indianGroupingPutsLakhsAndCroresInTheirPlaces() {
    assertEquals("1,00,000.00", MoneyFormats.indian(Money.parse("INR 100000")));
    assertEquals("1,23,45,678.50", MoneyFormats.indian(Money.parse("INR 12345678.50")));
    assertEquals("999.00", MoneyFormats.indian(Money.parse("INR 999")));
    assertEquals("-12,345.67", MoneyFormats.indian(Money.parse("INR -12345.67")));
  }

  @Test
  void plainAmountsHaveNoGroupingForMachines() {
    assertEquals("12345678.50", MoneyFormats.plain(Money.parse("INR 12345678.50")));
    assertEquals("0.00", MoneyFormats.plain(Money.parse("INR 0")));
  }
}
