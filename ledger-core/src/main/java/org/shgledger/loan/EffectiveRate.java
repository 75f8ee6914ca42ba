package org.shgledger.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The declining-balance rate that costs what a schedule costs: the period rate {@code i} at which
 * the instalments, discounted one period each, repay the principal exactly. A flat loan's
 * interest runs on the whole principal to the end, so its effective rate is near twice its flat
 * rate; members compare this one with a moneylender's or a bank's (issue 14).
 */
public final class EffectiveRate {

  private static final MathContext CONTEXT = MathContext.DECIMAL64;
  // A period rate of 100 % is far beyond any schedule the terms allow (at most 10 % a month flat).
  private static final BigDecimal HIGHEST = BigDecimal.ONE;

  private EffectiveRate() {}

  /**
   * The effective rate of a schedule, in percent a year: the period rate times the periods in a
   * year, rounded half-up to two decimals. Periods are counted as equal, as the period rate counts
   * them (docs/loans.md).
   *
   * @param schedule the schedule, not null
   * @return percent a year, at least zero, not null
   */
  public static BigDecimal annualPercent(Schedule schedule) {
    LoanTerms terms = schedule.terms();
    BigDecimal perPeriod = periodRate(schedule.instalments(), terms.principal().getAmount());
    return perPeriod.multiply(BigDecimal.valueOf(100L * terms.frequency().periodsPerYear()))
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** Bisection on the present value, which falls as the rate rises: 60 halvings, far below 0.01 %. */
  private static BigDecimal periodRate(List<Instalment> instalments, BigDecimal principal) {
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = HIGHEST;
    if (presentValue(instalments, low).compareTo(principal) <= 0) {
      return BigDecimal.ZERO;
    }
    for (int i = 0; i < 60; i++) {
      BigDecimal middle = low.add(high).divide(BigDecimal.valueOf(2), CONTEXT);
      if (presentValue(instalments, middle).compareTo(principal) > 0) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static BigDecimal presentValue(List<Instalment> instalments, BigDecimal rate) {
    BigDecimal growth = BigDecimal.ONE.add(rate);
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (Instalment instalment : instalments) {
      discount = discount.divide(growth, CONTEXT);
      sum = sum.add(instalment.payment().getAmount().multiply(discount, CONTEXT), CONTEXT);
    }
    return sum;
  }
}
