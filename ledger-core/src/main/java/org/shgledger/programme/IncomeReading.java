package org.shgledger.programme;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * What an activity earned a month, as the member told the group on a day.
 *
 * @param date the day of the reading, not null
 * @param monthlyIncome the month's income, in the group's currency, zero or more, not null
 */
public record IncomeReading(LocalDate date, Money monthlyIncome) {

  /**
   * Checks the reading.
   *
   * @param date the day of the reading, not null
   * @param monthlyIncome the month's income, in the group's currency, zero or more, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the income is negative
   */
  public IncomeReading {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(monthlyIncome, "monthlyIncome");
    if (monthlyIncome.isNegative()) {
      throw new IllegalArgumentException("a monthly income is zero or more, not " + monthlyIncome);
    }
  }
}
