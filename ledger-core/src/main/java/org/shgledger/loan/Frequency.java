package org.shgledger.loan;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How often instalments fall due.
 *
 * <p><b>Period rate.</b> The rate of one period is the annual rate divided by the periods in a
 * year: 12 for monthly, 26 for fortnightly and 52 for weekly instalments; a monthly rate is first
 * made annual (× 12). So 1 % a month is 1 % a monthly period, 12/26 = 0.4615… % a fortnight and
 * 12/52 = 0.2307… % a week. This is the nominal-rate convention of EMI calculators and of weekly
 * microfinance loans; it charges a full year of instalments exactly the annual rate, whereas
 * counting days (× 14/365) would charge 26 fortnights, which are 364 days, a little less. Loans
 * whose interest should follow the calendar use {@link InterestBasis#ACTUAL_365}.
 *
 * <p><b>Dates.</b> {@link #plusPeriods} counts whole periods from one date, never step by step, so
 * a month-end date stays a month-end date where the months allow: 31 January plus one month is 28
 * (or 29) February, plus two months is 31 March. {@link LoanTerms} says how due dates use it.
 */
public enum Frequency {
  /** Every month, on the same day of the month (or the month's last day when it is shorter). */
  MONTHLY(12, Period.ofMonths(1)),
  /** Every 14 days. */
  FORTNIGHTLY(26, Period.ofDays(14)),
  /** Every 7 days. */
  WEEKLY(52, Period.ofDays(7));

  private final int periodsPerYear;
  private final Period period;

  Frequency(int periodsPerYear, Period period) {
    this.periodsPerYear = periodsPerYear;
    this.period = period;
  }

  /**
   * One period as a {@link Period}: one month, 14 days or 7 days.
   *
   * @return the period, not null
   */
  public Period period() {
    return period;
  }

  /**
   * The number of periods in a year, which divides the annual rate into a period rate.
   *
   * @return 12, 26 or 52
   */
  public int periodsPerYear() {
    return periodsPerYear;
  }

  /**
   * The date a number of periods after another.
   *
   * @param date the date counted from, not null
   * @param periods the number of periods, zero or more
   * @return the date, not null
   * @throws IllegalArgumentException if {@code periods} is negative
   * @throws ArithmeticException if {@code periods} is beyond an {@code int}
   * @throws java.time.DateTimeException if the result is beyond the supported dates
   */
  public LocalDate plusPeriods(LocalDate date, long periods) {
    Objects.requireNonNull(date, "date");
    if (periods < 0) {
      throw new IllegalArgumentException("periods cannot be negative: " + periods);
    }
    // One multiplied period from the date, not repeated steps: 31 January plus two months is
    // 31 March, where stepping a month at a time would give 28 March.
    return date.plus(period.multipliedBy(Math.toIntExact(periods)));
  }
}
