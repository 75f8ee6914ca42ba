package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.money.MinorUnits;

/** The argument checks that both kinds of loan and their histories share. */
final class LoanChecks {

  private LoanChecks() {}

  /** A principal: positive and within {@link Loan#MAX_PRINCIPAL_MINOR}. */
  static Money principal(Money principal) {
    Objects.requireNonNull(principal, "principal");
    if (!principal.isPositive() || MinorUnits.exceeds(principal, Loan.MAX_PRINCIPAL_MINOR)) {
      throw new IllegalArgumentException(
          "a loan's principal must be positive and at most " + Loan.MAX_PRINCIPAL_MINOR
              + " minor units: " + withCurrency(principal));
    }
    return principal;
  }

  /** A disbursement date within the supported years. */
  static LocalDate disbursementDate(LocalDate date) {
    Objects.requireNonNull(date, "disbursementDate");
    if (date.isBefore(Loan.MIN_DISBURSEMENT_DATE) || date.isAfter(Loan.MAX_DISBURSEMENT_DATE)) {
      throw new IllegalArgumentException(
          "a disbursement date must be between " + Loan.MIN_DISBURSEMENT_DATE + " and "
              + Loan.MAX_DISBURSEMENT_DATE + ": " + date);
    }
    return date;
  }

  /** A fine or payment: positive, in the loan's currency, within the principal limit. */
  static Money amount(String what, Money amount, CurrencyUnit currency) {
    Objects.requireNonNull(amount, what);
    if (!amount.getCurrencyUnit().equals(currency)) {
      throw new IllegalArgumentException(what + " " + withCurrency(amount) + " is not in the loan's currency "
          + currency);
    }
    if (!amount.isPositive() || MinorUnits.exceeds(amount, Loan.MAX_PRINCIPAL_MINOR)) {
      throw new IllegalArgumentException(
          what + " must be positive and at most " + Loan.MAX_PRINCIPAL_MINOR + " minor units: " + withCurrency(amount));
    }
    return amount;
  }
}
