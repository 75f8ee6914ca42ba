package org.shgledger.cli.output;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column of a {@link Table}: a stable key for programs, a label for people, and the kind of
 * value it holds.
 *
 * <p>The key is the CSV header and the JSON field name. It never changes with {@code --lang} or
 * between releases, because scripts and spreadsheets depend on it: lower-case ASCII letters, digits
 * and underscores, such as {@code loan_outstanding}. The label is what text and HTML print in
 * the column's heading, in the reader's language.
 *
 * @param key the stable key, not null
 * @param label the heading for people, not null
 * @param kind what every non-empty cell of the column is, not null
 * @param blankWhenZero whether text and HTML leave a zero amount blank, as a trial balance leaves
 *     the column an account's balance is not in; CSV and JSON always write the number
 */
public record Column(String key, String label, Kind kind, boolean blankWhenZero) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /** What a column holds; it decides alignment in text and HTML and how cells are written. */
  public enum Kind {
    /** {@link Cell.Text}: left-aligned, wrapped in text when the table is too wide. */
    TEXT,
    /** {@link Cell.Amount}: right-aligned, Indian grouping for people, plain for programs. */
    AMOUNT,
    /** {@link Cell.Date}: ISO dates. */
    DATE,
    /** {@link Cell.Number}: right-aligned, exact. */
    NUMBER;

    /**
     * Whether a cell may stand in a column of this kind: the cell of the kind, or the empty cell.
     *
     * @param cell the cell, not null
     * @return true if it fits
     */
    public boolean accepts(Cell cell) {
      // a withheld count stands where its number or amount would
      return cell.isEmpty()
          || cell instanceof Cell.Withheld && (this == NUMBER || this == AMOUNT)
          || switch (this) {
            case TEXT -> cell instanceof Cell.Text;
            case AMOUNT -> cell instanceof Cell.Amount;
            case DATE -> cell instanceof Cell.Date;
            case NUMBER -> cell instanceof Cell.Number;
          };
    }

    /**
     * Whether text and HTML align the column's cells to the right.
     *
     * @return true for amounts and numbers
     */
    public boolean rightAligned() {
      return this == AMOUNT || this == NUMBER;
    }
  }

  /**
   * Creates a column.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the key is not lower-case letters, digits and underscores
   */
  public Column {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "a column key is lower-case letters, digits and _, starting with a letter: '" + key + "'");
    }
  }

  /**
   * A text column.
   *
   * @param key the stable key, not null
   * @param label the heading, not null
   * @return the column, not null
   */
  public static Column text(String key, String label) {
    return new Column(key, label, Kind.TEXT, false);
  }

  /**
   * An amount column that prints every amount, zero included.
   *
   * @param key the stable key, not null
   * @param label the heading, not null
   * @return the column, not null
   */
  public static Column amount(String key, String label) {
    return new Column(key, label, Kind.AMOUNT, false);
  }

  /**
   * A date column.
   *
   * @param key the stable key, not null
   * @param label the heading, not null
   * @return the column, not null
   */
  public static Column date(String key, String label) {
    return new Column(key, label, Kind.DATE, false);
  }

  /**
   * A number column.
   *
   * @param key the stable key, not null
   * @param label the heading, not null
   * @return the column, not null
   */
  public static Column number(String key, String label) {
    return new Column(key, label, Kind.NUMBER, false);
  }

  /**
   * The same column, leaving zero amounts blank for people (text and HTML).
   *
   * @return a new column, not null
   */
  public Column blankingZero() {
    return new Column(key, label, kind, true);
  }
}
