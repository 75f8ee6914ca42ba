package org.shgledger.importing.passbook;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One transaction line of a passbook, read and reconciled.
 *
 * @param line the physical line in the file, from 1
 * @param date the transaction date, not null
 * @param narration the bank's description, stripped, possibly empty, not null
 * @param reference the cheque or reference number, stripped, possibly empty, not null
 * @param withdrawal money out of the account, zero or positive, not null
 * @param deposit money into the account, zero or positive, not null; exactly one of the two is
 *     positive
 * @param balance the balance after the line, negative when overdrawn, not null
 */
public record PassbookLine(
    long line,
    LocalDate date,
    String narration,
    String reference,
    Money withdrawal,
    Money deposit,
    Money balance) {

  /**
   * Creates a line.
   *
   * @param line the physical line in the file, from 1
   * @param date the transaction date, not null
   * @param narration the bank's description, stripped, possibly empty, not null
   * @param reference the cheque or reference number, stripped, possibly empty, not null
   * @param withdrawal money out of the account, zero or positive, not null
   * @param deposit money into the account, zero or positive, not null; exactly one of the two is
   *     positive
   * @param balance the balance after the line, negative when overdrawn, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException unless exactly one of withdrawal and deposit is positive and
   *     the other zero
   */
  public PassbookLine {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(narration, "narration");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(withdrawal, "withdrawal");
    Objects.requireNonNull(deposit, "deposit");
    Objects.requireNonNull(balance, "balance");
    if (withdrawal.isNegative() || deposit.isNegative()
        || withdrawal.isPositive() == deposit.isPositive()) {
      throw new IllegalArgumentException(
          "exactly one of withdrawal and deposit must be positive: " + withCurrency(withdrawal) + ", "
              + withCurrency(deposit));
    }
  }

  /**
   * What the line does to the balance: the deposit, or minus the withdrawal.
   *
   * @return the signed amount, not zero, not null
   */
  public Money net() {
    return deposit.minus(withdrawal);
  }
}
