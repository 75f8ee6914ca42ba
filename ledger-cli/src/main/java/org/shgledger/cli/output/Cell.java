package org.shgledger.cli.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One value in a report: a {@link Fact}'s value or a {@link Table}'s cell. The kind of value, not
 * the text it will become, is what a report holds, so that each format writes it its own way: an
 * amount is {@code 1,00,000.00} in text and HTML, {@code 100000.00} in CSV and a string
 * {@code "100000.00"} in JSON; a text that begins with {@code =} is written as it is in text, HTML
 * and JSON but neutralised in CSV, so that a spreadsheet never runs it as a formula.
 *
 * <p>Text from outside the program (names, memos, anything a person typed) must always be a
 * {@link Text} cell; only {@link Amount}, {@link Date} and {@link Number} cells are written
 * without neutralising, and they cannot hold text.
 */
public sealed interface Cell {

  /**
   * Words: a name, a code, a memo. Neutralised in CSV when it would start a formula.
   *
   * @param value the text, not null (empty is allowed)
   */
  record Text(String value) implements Cell {
    /** Checks for null. */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An amount of money, written with the currency's decimal places.
   *
   * @param value the amount, not null
   */
  record Amount(Money value) implements Cell {
    /** Checks for null. */
    public Amount {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A date, written ISO 8601 ({@code 2025-06-30}) in every format.
   *
   * @param value the date, not null
   */
  record Date(LocalDate value) implements Cell {
    /** Checks for null. */
    public Date {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A number that is not money: a count, a percentage, days past due. Written exactly, as {@link
   * BigDecimal#toPlainString()}.
   *
   * @param value the number, not null
   */
  record Number(BigDecimal value) implements Cell {
    /** Checks for null. */
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A count withheld to protect the people it counts, in a number or amount column: written as
   * its mark in every format ({@code <5} for a count of fewer than 5 people, {@code x} for one
   * withheld so that another cannot be worked out), a string in JSON. The mark is the program's
   * own, never text from outside.
   *
   * @param mark 1 to 8 characters, none of them a letter other than {@code x}, not starting with
   *     a character a spreadsheet would evaluate, not null
   */
  record Withheld(String mark) implements Cell {
    /**
     * Checks the mark.
     *
     * @throws IllegalArgumentException if it is not a short mark such as {@code <5} or {@code x}
     */
    public Withheld {
      Objects.requireNonNull(mark, "mark");
      if (!mark.matches("x|<[0-9]{1,7}")) {
        throw new IllegalArgumentException("a withheld cell's mark is x or <N: '" + mark + "'");
      }
    }
  }

  /** No value: blank in text, HTML and CSV, {@code null} in JSON. */
  record Empty() implements Cell {}

  /**
   * A text cell.
   *
   * @param value the text, not null
   * @return the cell, not null
   */
  static Cell text(String value) {
    return new Text(value);
  }

  /**
   * An amount cell.
   *
   * @param value the amount, not null
   * @return the cell, not null
   */
  static Cell amount(Money value) {
    return new Amount(value);
  }

  /**
   * A date cell.
   *
   * @param value the date, not null
   * @return the cell, not null
   */
  static Cell date(LocalDate value) {
    return new Date(value);
  }

  /**
   * A number cell.
   *
   * @param value the number, not null
   * @return the cell, not null
   */
  static Cell number(BigDecimal value) {
    return new Number(value);
  }

  /**
   * A whole-number cell.
   *
   * @param value the number
   * @return the cell, not null
   */
  static Cell number(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  /**
   * A withheld cell.
   *
   * @param mark its mark, such as {@code <5} or {@code x}, not null
   * @return the cell, not null
   */
  static Cell withheld(String mark) {
    return new Withheld(mark);
  }

  /**
   * The empty cell.
   *
   * @return the cell, not null
   */
  static Cell empty() {
    return new Empty();
  }

  /**
   * Whether this is the empty cell.
   *
   * @return true for {@link Empty}
   */
  default boolean isEmpty() {
    return this instanceof Empty;
  }
}
