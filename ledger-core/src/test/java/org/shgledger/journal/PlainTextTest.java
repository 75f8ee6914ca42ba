package org.shgledger.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule for text people write and reports print: one line of visible text, in stored order. */
class PlainTextTest {

  /** Every character that breaks a line or reorders what is shown (the adversarial suite's forgers). */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"000A", "000D", "000B", "000C", "0085", "2028", "2029", "202A", "202E", "2066",
      "2069", "200E", "200F", "061C", "001B", "0000"})
  void refusesWhatBreaksALineOrReordersTheText(String hex) {
    String text = "Asha" + (char) Integer.parseInt(hex, 16) + "M02 9,99,999.00";

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlainText.check("a member's name", text));
    assertEquals(true, e.getMessage().startsWith("a member's name must be one line of visible text: character 5 is U+"
        + hex), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Sunita Devi", "सुनीता देवी", "সুনীতা দেবী", "Asha (M02), 1,000.00"})
  void keepsTextInAnyScript(String text) {
    assertEquals(text, PlainText.check("a member's name", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"paid\tin cash"})
  void aDescriptionMayHoldATab(String text) {
    assertEquals(text, PlainText.checkDescription("a description", text));
    assertThrows(IllegalArgumentException.class, () -> PlainText.check("a name", text));
  }
}
