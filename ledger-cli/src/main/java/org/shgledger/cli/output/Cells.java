package org.shgledger.cli.output;

import org.shgledger.money.MoneyFormats;

/** How cells become text, shared by the renderers and the listing commands' plain tables. */
public final class Cells {

  private Cells() {}

  /**
   * For people: amounts with Indian grouping, optionally blank when zero; text as it is.
   *
   * @param cell the cell, not null
   * @param blankZero whether a zero amount is blank
   * @return the text, not null
   */
  public static String forPeople(Cell cell, boolean blankZero) {
    if (cell instanceof Cell.Amount amount) {
      return blankZero && amount.value().isZero() ? "" : MoneyFormats.indian(amount.value());
    }
    if (cell instanceof Cell.Text text) {
      return text.value();
    }
    return plain(cell);
  }

  /**
   * For programs: amounts plain ({@code -1234.50}), dates ISO, numbers exact, text as it is,
   * a withheld cell as its mark ({@code <5}), empty as the empty string.
   *
   * @param cell the cell, not null
   * @return the text, not null
   */
  static String plain(Cell cell) {
    if (cell instanceof Cell.Text text) {
      return text.value();
    }
    if (cell instanceof Cell.Amount amount) {
      return MoneyFormats.plain(amount.value());
    }
    if (cell instanceof Cell.Date date) {
      return date.value().toString();
    }
    if (cell instanceof Cell.Number number) {
      return number.value().toPlainString();
    }
    if (cell instanceof Cell.Withheld withheld) {
      return withheld.mark();
    }
    return "";
  }
}
