package org.shgledger.loan;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One line of a loan's {@link Schedule}: what falls due on a date and what is left owing after it
 * is paid.
 *
 * @param number the instalment's number, from 1
 * @param dueDate the day it falls due, not null
 * @param principal the principal it repays, zero or more, not null
 * @param interest the interest it pays, zero or more, not null
 * @param payment principal plus interest, not null
 * @param balanceAfter the principal still owed once it is paid, zero or more, not null
 */
public record Instalment(
    int number, LocalDate dueDate, Money principal, Money interest, Money payment, Money balanceAfter) {

  /**
   * Creates an instalment.
   *
   * @param number the instalment's number, from 1
   * @param dueDate the day it falls due, not null
   * @param principal the principal it repays, zero or more, not null
   * @param interest the interest it pays, zero or more, not null
   * @param payment principal plus interest, not null
   * @param balanceAfter the principal still owed once it is paid, zero or more, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the number is below 1, an amount is negative, the amounts
   *     are in different currencies, or the payment is not principal plus interest
   */
  public Instalment {
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(interest, "interest");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(balanceAfter, "balanceAfter");
    if (number < 1) {
      throw new IllegalArgumentException("instalments are numbered from 1: " + number);
    }
    if (principal.isNegative() || interest.isNegative() || balanceAfter.isNegative()) {
      throw new IllegalArgumentException(
          "instalment " + number + " has a negative amount: principal " + principal + ", interest "
              + interest + ", balance after " + balanceAfter);
    }
    // plus() also refuses a mix of currencies.
    if (!principal.plus(interest).equals(payment) || !balanceAfter.isSameCurrency(payment)) {
      throw new IllegalArgumentException(
          "instalment " + number + ": payment " + payment + " is not principal " + principal
              + " plus interest " + interest + " in one currency");
    }
  }
}
