package org.shgledger.money;

import org.joda.money.BigMoneyProvider;
import org.joda.money.format.MoneyAmountStyle;
import org.joda.money.format.MoneyFormatter;
import org.joda.money.format.MoneyFormatterBuilder;

/**
 * The ways amounts are written out for people and for machines.
 *
 * <p>People in India read {@code 1,00,000.00} (lakh grouping: the first group of three digits,
 * then groups of two); accountants' spreadsheets and other programs want {@code 100000.00}. Both
 * keep all of the currency's decimal places, so a written amount never hides a paisa.
 */
public final class MoneyFormats {

  private static final MoneyFormatter INDIAN =
      new MoneyFormatterBuilder()
          .appendAmount(
              MoneyAmountStyle.ASCII_DECIMAL_POINT_GROUP3_COMMA.withExtendedGroupingSize(2))
          .toFormatter();

  private static final MoneyFormatter PLAIN =
      new MoneyFormatterBuilder()
          .appendAmount(MoneyAmountStyle.ASCII_DECIMAL_POINT_NO_GROUPING)
          .toFormatter();

  private MoneyFormats() {}

  /**
   * Writes the amount with Indian digit grouping and no currency: {@code 1,23,45,678.50}.
   *
   * @param amount the amount, not null
   * @return the text, with a leading {@code -} when negative
   */
  public static String indian(BigMoneyProvider amount) {
    return INDIAN.print(amount);
  }

  /**
   * Writes the amount with no grouping and no currency, for CSV and other programs: {@code
   * 12345678.50}.
   *
   * @param amount the amount, not null
   * @return the text, with a leading {@code -} when negative
   */
  public static String plain(BigMoneyProvider amount) {
    return PLAIN.print(amount);
  }
}
