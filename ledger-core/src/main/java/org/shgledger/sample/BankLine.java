package org.shgledger.sample;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.money.MoneyFormats;

/**
 * One line of a generated bank statement: exactly one of the withdrawal and the deposit is
 * positive, the other zero, and the balance is the account's after the line.
 *
 * @param date the transaction date, not null
 * @param narration the bank's description, without commas or quotes, not null
 * @param reference a cheque or reference number, or the empty string, not null
 * @param withdrawal the amount taken out, zero for a deposit, not null
 * @param deposit the amount paid in, zero for a withdrawal, not null
 * @param balance the balance after the line, not null
 */
public record BankLine(
    LocalDate date, String narration, String reference, Money withdrawal, Money deposit, Money balance) {

  /**
   * Creates a line.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if not exactly one of withdrawal and deposit is positive, or
   *     the narration holds a comma, quote or line break
   */
  public BankLine {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(narration, "narration");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(withdrawal, "withdrawal");
    Objects.requireNonNull(deposit, "deposit");
    Objects.requireNonNull(balance, "balance");
    if (withdrawal.isPositive() == deposit.isPositive() || withdrawal.isNegative() || deposit.isNegative()) {
      throw new IllegalArgumentException("a bank line is a withdrawal or a deposit: " + MoneyFormats.withCurrency(withdrawal)
          + ", " + MoneyFormats.withCurrency(deposit));
    }
    if (narration.matches("(?s).*[,\"\\r\\n].*") || reference.matches("(?s).*[,\"\\r\\n].*")) {
      throw new IllegalArgumentException("a generated narration needs no quoting: " + narration);
    }
  }
}
