package org.shgledger.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.joda.money.BigMoneyProvider;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.joda.money.format.MoneyAmountStyle;
import org.joda.money.format.MoneyFormatter;
import org.joda.money.format.MoneyFormatterBuilder;

/**
 * The one place amounts are written out for people and for machines, and read back from the text
 * people, banks and files write.
 *
 * <p>People in India read {@code 1,00,000.00} (lakh grouping: the first group of three digits,
 * then groups of two); accountants' spreadsheets and other programs want {@code 100000.00}. Both
 * keep all of the currency's decimal places, so a written amount never hides a paisa. A message
 * for people names the currency too ({@link #withCurrency}).
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

  /** Plain digits, or groups of two between the first group and the last three (Indian or Western). */
  private static final Pattern NUMBER =
      Pattern.compile("(?:\\d+|\\d{1,3}(?:,\\d{3})+|\\d{1,2}(?:,\\d{2})*,\\d{3})(?:\\.\\d+)?|\\.\\d+");

  /** The longest amount read, in characters; far beyond ₹100 crore with every comma. */
  private static final int MAX_CHARS = 40;

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
   * Writes the amount as a message shows it to a person: the currency's code, a space, then the
   * amount with Indian digit grouping, {@code INR 1,23,456.78} or {@code INR -49,98,800.00}. Every
   * message that names an amount (a rejection, an import's summary, a recording command's
   * confirmation) writes it so; the code is the one each report states as its currency, and
   * {@link #parse} reads the text back.
   *
   * @param amount the amount, not null
   * @return the text, with a {@code -} before the digits when negative
   */
  public static String withCurrency(BigMoneyProvider amount) {
    return amount.toBigMoney().getCurrencyUnit().getCode() + " " + INDIAN.print(amount);
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

  /**
   * Reads an amount as people and banks write it: {@code 1,00,000.00} (Indian grouping), {@code
   * 100,000.00} (Western), {@code 100000}, with an optional {@code ₹}, {@code Rs.}, {@code INR} or
   * the currency's code before it and a {@code -} for a negative amount (before or after the
   * currency). The digits become a {@link
   * BigDecimal}, never a {@code double}, and more decimal places than the currency has (a third
   * decimal in rupees) are refused, not rounded. Every amount an import or the command line reads
   * passes through here, so all of them accept the same forms.
   *
   * <p>It reads what {@link #indian}, {@link #plain} and {@link #withCurrency} write.
   *
   * @param text the text, surrounding spaces ignored, not null
   * @param currency the currency, which fixes the decimal places allowed, not null
   * @return the amount, negative if written with {@code -}, not null
   * @throws IllegalArgumentException with a reason a treasurer can act on if the text is empty or
   *     not an amount, or has more decimal places than the currency
   */
  public static Money parse(String text, CurrencyUnit currency) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(currency, "currency");
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("the amount is empty");
    }
    if (s.length() > MAX_CHARS) {
      throw new IllegalArgumentException("\"" + shorten(s) + "\" is too long to be an amount");
    }
    boolean negative = false;
    if (s.startsWith("-")) {
      negative = true;
      s = s.substring(1).strip();
    }
    s = stripCurrency(s, currency);
    // the sign after the currency, as withCurrency writes it: INR -500.00
    if (!negative && s.startsWith("-")) {
      negative = true;
      s = s.substring(1).strip();
    }
    if (!isPlainNumber(s) && !NUMBER.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "\"" + text.strip() + "\" is not an amount: write digits with an optional decimal point,"
              + " such as 1,00,000.00 or 100000.00");
    }
    BigDecimal value = new BigDecimal(s.replace(",", ""));
    if (value.scale() > currency.getDecimalPlaces()) {
      throw new IllegalArgumentException(
          "\"" + text.strip() + "\" has more decimal places than " + currency.getCode()
              + " has (" + currency.getDecimalPlaces() + ")");
    }
    Money money = Money.of(currency, value.setScale(currency.getDecimalPlaces()));
    return negative ? money.negated() : money;
  }

  /**
   * Digits with at most one decimal point between or before digits ({@code 1500}, {@code 1500.50},
   * {@code .5}), as most files write amounts: the common case, told without the regular expression.
   */
  private static boolean isPlainNumber(String s) {
    boolean digits = false;
    boolean point = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point && i < s.length() - 1) {
        point = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  private static String stripCurrency(String s, CurrencyUnit currency) {
    for (String prefix : new String[] {"₹", "Rs.", "Rs", "INR", currency.getCode()}) {
      if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return s.substring(prefix.length()).strip();
      }
    }
    return s;
  }

  private static String shorten(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }
}
