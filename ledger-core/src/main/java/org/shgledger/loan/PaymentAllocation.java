package org.shgledger.loan;

import java.util.Objects;
import org.joda.money.Money;

/**
 * How one payment on a loan is split: into fines, interest and principal (each the credit of one
 * journal posting), and any excess that nothing on the loan can take. The parts sum to the payment.
 *
 * @param fines what pays fines and penalties, zero or more, not null
 * @param interest what pays interest, zero or more, not null
 * @param principal what repays principal, zero or more, not null
 * @param excess what is beyond everything the loan will ever ask (see {@link
 *     LoanHistory#allocate}), zero or more, not null
 */
public record PaymentAllocation(Money fines, Money interest, Money principal, Money excess) {

  /**
   * Creates an allocation.
   *
   * @param fines what pays fines and penalties, zero or more, not null
   * @param interest what pays interest, zero or more, not null
   * @param principal what repays principal, zero or more, not null
   * @param excess what is beyond everything the loan will ever ask (see {@link
   *     LoanHistory#allocate}), zero or more, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a part is negative or the parts are in different currencies
   */
  public PaymentAllocation {
    Objects.requireNonNull(fines, "fines");
    Objects.requireNonNull(interest, "interest");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(excess, "excess");
    if (!fines.isSameCurrency(interest) || !fines.isSameCurrency(principal) || !fines.isSameCurrency(excess)) {
      throw new IllegalArgumentException("the parts of an allocation are in one currency: " + partsText(fines, interest, principal, excess));
    }
    if (fines.isNegative() || interest.isNegative() || principal.isNegative() || excess.isNegative()) {
      throw new IllegalArgumentException("the parts of an allocation cannot be negative: " + partsText(fines, interest, principal, excess));
    }
  }

  /**
   * The whole payment: the sum of the four parts.
   *
   * @return the payment, not null
   */
  public Money total() {
    return applied().plus(excess);
  }

  /**
   * What the loan takes: fines plus interest plus principal.
   *
   * @return the amount, not null
   */
  public Money applied() {
    return fines.plus(interest).plus(principal);
  }

  /**
   * Whether part of the payment is beyond what the loan can take; {@link LoanHistory#withPayment}
   * refuses such a payment, so the caller must refuse it or record only {@link #applied()}.
   *
   * @return true if the excess is positive
   */
  public boolean hasExcess() {
    return excess.isPositive();
  }

  private static String partsText(Money fines, Money interest, Money principal, Money excess) {
    return "fines " + fines + ", interest " + interest + ", principal " + principal + ", excess " + excess;
  }
}
