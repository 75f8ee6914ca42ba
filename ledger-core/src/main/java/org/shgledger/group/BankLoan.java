package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;

/**
 * The terms of a loan a bank gave the group (SHG–bank linkage), kept beside the journal entry that
 * received it so that an EMI the bank debits as one amount can be split into interest and
 * principal ({@code docs/engine.md}, "NRLM funds and bank loan lines"). The money itself is only in
 * the journal (account 2200); this is what the sanction letter says.
 *
 * @param receipt the id of the journal entry that received the loan, not null
 * @param received the day it was received, not null
 * @param principal the amount received, positive, not null
 * @param annualRatePercent the bank's rate, percent a year, zero to {@link
 *     InterestRate#MAX_ANNUAL_PERCENT}, at most {@link InterestRate#MAX_SCALE} decimals, not null
 * @param instalments how many instalments the bank expects, positive
 * @param method how the bank schedules them, not null
 */
public record BankLoan(
    EntryId receipt, LocalDate received, Money principal, BigDecimal annualRatePercent, int instalments,
    RepaymentMethod method) {

  /** The order {@link GroupRecords#bankLoans} gives: by date received, then by the receipt's id. */
  public static final java.util.Comparator<BankLoan> RECEIVED_ORDER =
      java.util.Comparator.comparing(BankLoan::received).thenComparing(BankLoan::receipt);

  /**
   * Checks the terms.
   *
   * @param receipt the id of the journal entry that received the loan, not null
   * @param received the day it was received, not null
   * @param principal the amount received, positive, not null
   * @param annualRatePercent the rate, percent a year, not null
   * @param instalments how many instalments, positive
   * @param method the schedule, not null
   * @throws IllegalArgumentException for a principal not above zero, a rate out of range or with
   *     too many decimals, or no instalments
   */
  public BankLoan {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(annualRatePercent, "annualRatePercent");
    Objects.requireNonNull(method, "method");
    if (!principal.isPositive()) {
      throw new IllegalArgumentException("a bank loan's principal must be above zero: " + withCurrency(principal));
    }
    // the same limits as a member loan's rate, through the one class that checks them
    InterestRate.perYear(annualRatePercent);
    // stored as text and read back equal: one spelling per value (12, not 12.00)
    annualRatePercent = annualRatePercent.signum() == 0 ? BigDecimal.ZERO : annualRatePercent.stripTrailingZeros();
    if (annualRatePercent.scale() < 0) {
      annualRatePercent = annualRatePercent.setScale(0);
    }
    if (instalments < 1) {
      throw new IllegalArgumentException("a bank loan needs at least one instalment: " + instalments);
    }
  }

  /**
   * The interest the bank charges on a principal outstanding for a number of days at this loan's
   * rate, on the actual/365 day count the banks' SHG loans use: principal × rate ÷ 100 × days ÷
   * 365, rounded half up to the currency's smallest unit (the paisa). Nothing for no principal or
   * no days. Example: 1,00,000 at 12 % for 30 days is 986.30.
   *
   * @param outstanding the principal outstanding, not null; zero or less charges nothing
   * @param days the days since the previous repayment (or the receipt), zero or more
   * @return the interest, zero or more, in the principal's currency, not null
   * @throws IllegalArgumentException for negative days
   */
  public Money interestOn(Money outstanding, long days) {
    Objects.requireNonNull(outstanding, "outstanding");
    if (days < 0) {
      throw new IllegalArgumentException("days cannot be negative: " + days);
    }
    if (!outstanding.isPositive() || days == 0) {
      return Money.zero(outstanding.getCurrencyUnit());
    }
    // one division at the end: exact until the rounding to the paisa
    BigDecimal interest = outstanding.getAmount().multiply(annualRatePercent).multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(36_500), outstanding.getCurrencyUnit().getDecimalPlaces(),
            java.math.RoundingMode.HALF_UP);
    return Money.of(outstanding.getCurrencyUnit(), interest);
  }
}
