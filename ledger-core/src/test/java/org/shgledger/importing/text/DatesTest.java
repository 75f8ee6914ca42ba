package org.shgledger.importing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

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
