package org.shgledger.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsAndDatesTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,00,000.00|100000.00", "100,000.00|100000.00", "100000|100000.00", "₹ 1,234.5|1234.50",
        "Rs. 12,34,567.89|1234567.89", "-5|-5.00", ".50|0.50", "12,345|12345.00", "0|0.00"
      })
  void readsAmounts(String text, String expected) {
    assertEquals(Money.parse("INR " + expected), Amounts.parse(text, INR));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.005", "1,00", "12,34", "1,0,000", "abc", "1e5", "NaN", "1..2", "--1"})
  void refusesWhatIsNotAnAmount(String text) {
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse(text, INR));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"05/04/2025", "5/4/2025", "05/04/25", "05-04-2025", "5 Apr 2025", "05-APR-25",
          "2025-04-05", "05 apr 2025"})
  void readsTheCommonDateForms(String text) {
    assertEquals(LocalDate.of(2025, 4, 5), Dates.ANY.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/04/2025", "2025-13-01", "yesterday", "", "05/04", "-2025-04-05", "+2025-04-05",
      "+12025-04-05"})
  void refusesImpossibleDates(String text) {
    assertThrows(IllegalArgumentException.class, () -> Dates.ANY.parse(text));
  }
}
