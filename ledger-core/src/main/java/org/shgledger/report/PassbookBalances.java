package org.shgledger.report;

import java.util.Objects;
import org.joda.money.Money;

/**
 * A member's balances at a point of her passbook.
 *
 * @param compulsorySavings her compulsory savings (2000:M), not null
 * @param voluntarySavings her voluntary savings (2100:M), not null
 * @param loanOutstanding the principal she owes on all her loans (1200:M), not null
 */
public record PassbookBalances(Money compulsorySavings, Money voluntarySavings, Money loanOutstanding) {

  /**
   * Creates the balances.
   *
   * @param compulsorySavings her compulsory savings (2000:M), not null
   * @param voluntarySavings her voluntary savings (2100:M), not null
   * @param loanOutstanding the principal she owes on all her loans (1200:M), not null
   * @throws NullPointerException if any argument is null
   */
  public PassbookBalances {
    Objects.requireNonNull(compulsorySavings, "compulsorySavings");
    Objects.requireNonNull(voluntarySavings, "voluntarySavings");
    Objects.requireNonNull(loanOutstanding, "loanOutstanding");
  }

  /**
   * Her savings, compulsory and voluntary.
   *
   * @return the total, not null
   */
  public Money savings() {
    return compulsorySavings.plus(voluntarySavings);
  }
}
