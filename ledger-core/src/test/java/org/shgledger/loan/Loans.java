package org.shgledger.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Shorthands for the loan tests. */
final class Loans {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  private Loans() {}

  /** An amount in rupees, written as in the examples: {@code inr("305.00")}. */
  static Money inr(String amount) {
    return Money.of(INR, new BigDecimal(amount), RoundingMode.UNNECESSARY);
  }
}
