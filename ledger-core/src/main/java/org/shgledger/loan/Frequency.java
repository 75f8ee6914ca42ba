package org.shgledger.loan;

import java.time.LocalDate;
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
 * <p><b>Due dates.</b> Instalment {@code k} falls due {@code k − 1} periods after the first due
 * date, always counted from the first due date, so monthly instalments starting on 31 January fall
 * due on 28 (or 29) February, 31 March, 30 April, and so on.
 */
public enum Frequency {
  /** Every month, on the same day of the month as the first due date (or the month's last day). */
  MONTHLY(12),
  /** Every 14 days. */
  FORTNIGHTLY(26),
  /** Every 7 days. */
  WEEKLY(52);

  private final int periodsPerYear;

  Frequency(int periodsPerYear) {
    this.periodsPerYear = periodsPerYear;
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
   * @throws java.time.DateTimeException if the result is beyond the supported dates
   */
  public LocalDate plusPeriods(LocalDate date, long periods) {
    Objects.requireNonNull(date, "date");
    if (periods < 0) {
      throw new IllegalArgumentException("periods cannot be negative: " + periods);
    }
    return switch (this) {
      case MONTHLY -> date.plusMonths(periods);
      case FORTNIGHTLY -> date.plusDays(14 * periods);
      case WEEKLY -> date.plusDays(7 * periods);
    };
  }
}
