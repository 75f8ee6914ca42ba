package org.shgledger.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyFormatsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void indianGroupingPutsLakhsAndCroresInTheirPlaces() {
    assertEquals("1,00,000.00", MoneyFormats.indian(Money.parse("INR 100000")));
    assertEquals("1,23,45,678.50", MoneyFormats.indian(Money.parse("INR 12345678.50")));
    assertEquals("999.00", MoneyFormats.indian(Money.parse("INR 999")));
    assertEquals("-12,345.67", MoneyFormats.indian(Money.parse("INR -12345.67")));
  }

  /** A message names the currency, as each report does, beside the amount grouped as people read it. */
  @Test
  void aMessageWritesTheCurrencyAndTheAmountWithIndianGrouping() {
    assertEquals("INR -49,98,800.00", MoneyFormats.withCurrency(Money.parse("INR -4998800")));
    assertEquals("INR 1,23,45,678.50", MoneyFormats.withCurrency(Money.parse("INR 12345678.50")));
    assertEquals("INR 100.00", MoneyFormats.withCurrency(Money.parse("INR 100")));
    assertEquals(Money.parse("INR -4998800"), MoneyFormats.parse("INR -49,98,800.00", INR), "read back");
  }

  @Test
  void plainAmountsHaveNoGroupingForMachines() {
    assertEquals("12345678.50", MoneyFormats.plain(Money.parse("INR 12345678.50")));
    assertEquals("0.00", MoneyFormats.plain(Money.parse("INR 0")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,00,000.00|100000.00", "100,000.00|100000.00", "100000|100000.00", "₹ 1,234.5|1234.50",
        "Rs. 12,34,567.89|1234567.89", "-5|-5.00", ".50|0.50", "12,345|12345.00", "0|0.00"
      })
  void readsAmounts(String text, String expected) {
    assertEquals(Money.parse("INR " + expected), MoneyFormats.parse(text, INR));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.005", "1,00", "12,34", "1,0,000", "abc", "1e5", "NaN", "1..2", "--1"})
  void refusesWhatIsNotAnAmount(String text) {
    assertThrows(IllegalArgumentException.class, () -> MoneyFormats.parse(text, INR));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.01", "-0.50", "999", "1000", "100000", "12345678.50", "-12345.67"})
  void readsBackWhatItWrites(String amount) {
    Money money = Money.parse("INR " + amount);
    assertEquals(money, MoneyFormats.parse(MoneyFormats.indian(money), INR));
    assertEquals(money, MoneyFormats.parse(MoneyFormats.plain(money), INR));
  }
}
