package org.shgledger.group;

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
      throw new IllegalArgumentException("a bank loan's principal must be above zero: " + principal);
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
}
