package org.shgledger.report;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;

/**
 * One line of a statement: an account (or, for a member sub-ledger, its control account) and an
 * amount. Receipts and payments use it for their categories, income and expenditure for its
 * accounts, the balance sheet for its assets, liabilities and equity.
 *
 * @param code the top-level account's code, such as {@code 2000} for members' compulsory savings
 *     (never a sub-ledger such as {@code 2000:M01}), not null
 * @param name the account's name as the chart gives it, not null
 * @param amount the amount on the line's own side (a receipt, a payment, an income, an asset);
 *     negative where corrections outweigh it, not null
 */
public record ReportLine(AccountCode code, String name, Money amount) {

  /**
   * Creates a line.
   *
   * @param code the top-level account's code, such as {@code 2000} for members' compulsory savings
   *     (never a sub-ledger such as {@code 2000:M01}), not null
   * @param name the account's name as the chart gives it, not null
   * @param amount the amount on the line's own side (a receipt, a payment, an income, an asset);
   *     negative where corrections outweigh it, not null
   * @throws NullPointerException if any argument is null
   */
  public ReportLine {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * The sum of the lines' amounts.
   *
   * @param currency the currency, for an empty list, not null
   * @param lines the lines, not null
   * @return the total, not null
   */
  public static Money total(CurrencyUnit currency, List<ReportLine> lines) {
    return lines.stream().map(ReportLine::amount).reduce(Money.zero(currency), Money::plus);
  }

  /** Checks that a total given with a list of lines is their sum. */
  static void requireTotal(String what, List<ReportLine> lines, Money total) {
    Objects.requireNonNull(total, what);
    Money sum = total(total.getCurrencyUnit(), lines);
    if (!sum.equals(total)) {
      throw new IllegalArgumentException(what + " is " + withCurrency(total) + " but its lines add up to "
          + withCurrency(sum));
    }
  }
}
