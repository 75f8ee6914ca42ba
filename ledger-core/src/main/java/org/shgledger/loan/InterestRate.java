package org.shgledger.loan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.money.RoundingPolicy;

/**
 * A simple (nominal) interest rate, quoted in percent per month ("2 % a month", as most Self Help
 * Groups say it) or per year ("12 % a year", as banks do).
 *
 * <p>The percent is a {@link BigDecimal}, never a {@code double}, and is kept without trailing
 * zeros, so {@code perMonth(new BigDecimal("1.50"))} equals {@code perMonth(new
 * BigDecimal("1.5"))}. A monthly rate is twelve times smaller than the same annual rate: 1 % a
 * month is 12 % a year. How a rate becomes the rate of one weekly or fortnightly period is
 * described on {@link Frequency}.
 *
 * @param percent the rate in percent, from 0 to the equivalent of {@value #MAX_ANNUAL_PERCENT} % a
 *     year, at most {@value #MAX_SCALE} decimal places, not null
 * @param per the period the percent is quoted for, not null
 */
public record InterestRate(BigDecimal percent, Per per) {

  /**
   * The highest rate accepted, in percent a year (10 % a month). SHGs lend at 1–3 % a month; a
   * higher rate is almost certainly a typing mistake (12 a month meant as 12 a year).
   */
  public static final int MAX_ANNUAL_PERCENT = 120;

  /** The most decimal places a rate may have: 0.000001 % is far finer than any rate quoted. */
  public static final int MAX_SCALE = 6;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

  /** The period a rate is quoted for. */
  public enum Per {
    /** Percent a month. */
    MONTH,
    /** Percent a year. */
    YEAR
  }

  /**
   * Creates a rate.
   *
   * @param percent the rate in percent, from 0 to the equivalent of {@value #MAX_ANNUAL_PERCENT} % a
   *     year, at most {@value #MAX_SCALE} decimal places, not null
   * @param per the period the percent is quoted for, not null
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if the percent is negative, has more than {@value
   *     #MAX_SCALE} decimal places, or is above {@value #MAX_ANNUAL_PERCENT} % a year
   */
  public InterestRate {
    Objects.requireNonNull(percent, "percent");
    Objects.requireNonNull(per, "per");
    percent = plain(percent);
    if (percent.signum() < 0) {
      throw new IllegalArgumentException("an interest rate cannot be negative: " + percent + " %");
    }
    if (percent.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(
          "an interest rate has at most " + MAX_SCALE + " decimal places: " + percent.toPlainString() + " %");
    }
    BigDecimal annual = per == Per.MONTH ? percent.multiply(BigDecimal.valueOf(12)) : percent;
    if (annual.compareTo(BigDecimal.valueOf(MAX_ANNUAL_PERCENT)) > 0) {
      throw new IllegalArgumentException(
          "an interest rate of " + percent.toPlainString() + " % a " + per.name().toLowerCase()
              + " is above the limit of " + MAX_ANNUAL_PERCENT + " % a year");
    }
  }

  /**
   * A rate in percent a month.
   *
   * @param percent the percent, for example {@code 2} for 2 % a month, not null
   * @return the rate, not null
   * @throws IllegalArgumentException as the constructor
   */
  public static InterestRate perMonth(BigDecimal percent) {
    return new InterestRate(percent, Per.MONTH);
  }

  /**
   * A rate in percent a year.
   *
   * @param percent the percent, for example {@code 12} for 12 % a year, not null
   * @return the rate, not null
   * @throws IllegalArgumentException as the constructor
   */
  public static InterestRate perYear(BigDecimal percent) {
    return new InterestRate(percent, Per.YEAR);
  }

  /**
   * The same rate in percent a year: a monthly rate times twelve. Exact.
   *
   * @return the annual percent, not null
   */
  public BigDecimal annualPercent() {
    return per == Per.MONTH ? plain(percent.multiply(BigDecimal.valueOf(12))) : percent;
  }

  /** Without trailing zeros, and never in exponent form: 18, not 18.0 or 1.8E+1. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Whether this rate charges nothing.
   *
   * @return true for 0 %
   */
  public boolean isZero() {
    return percent.signum() == 0;
  }

  /**
   * The rate as it is quoted.
   *
   * @return for example {@code "1.5% a month"} or {@code "12% a year"}
   */
  @Override
  public String toString() {
    return percent.toPlainString() + "% a " + per.name().toLowerCase();
  }

  /**
   * Interest for one period of a frequency on a balance: balance × annual percent ÷ (100 ×
   * periods a year), rounded once, at the end.
   */
  Money interestForPeriod(Money balance, Frequency frequency, RoundingPolicy rounding) {
    return rounded(balance, annualPercent(), HUNDRED.multiply(BigDecimal.valueOf(frequency.periodsPerYear())), rounding);
  }

  /** Interest for a number of days on a balance, actual/365: balance × annual percent × days ÷ 36,500. */
  Money interestForDays(Money balance, long days, RoundingPolicy rounding) {
    return rounded(balance, annualPercent().multiply(BigDecimal.valueOf(days)), HUNDRED.multiply(DAYS_A_YEAR), rounding);
  }

  /** The rate of one period of a frequency as a fraction (not percent), to 34 significant digits. */
  BigDecimal periodRate(Frequency frequency) {
    return annualPercent()
        .divide(HUNDRED.multiply(BigDecimal.valueOf(frequency.periodsPerYear())), MathContext.DECIMAL128);
  }

  // The quotient keeps 34 significant digits before the policy rounds it. A quotient whose exact
  // value lies on a rounding boundary (x.xx5) terminates well within 34 digits, so rounding the
  // 34-digit value gives the same result as rounding the exact one.
  private static Money rounded(Money balance, BigDecimal numerator, BigDecimal denominator, RoundingPolicy rounding) {
    BigDecimal exact = balance.getAmount().multiply(numerator).divide(denominator, MathContext.DECIMAL128);
    return rounding.round(balance.getCurrencyUnit(), exact);
  }
}
