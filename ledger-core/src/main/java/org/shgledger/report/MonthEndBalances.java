package org.shgledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The members' savings and the loans outstanding at each month end of a period: the series the
 * group statement draws as a chart. Built by {@link MonthEndBalancesBuilder}.
 *
 * @param points the balances at the end of the day before the period (what it opens with), each
 *     month end inside it, and its last day if that is not a month end; in date order, at least
 *     two; not null
 */
public record MonthEndBalances(List<Point> points) {

  /**
   * Creates the series.
   *
   * @param points the balances at the end of the day before the period (what it opens with), each
   *     month end inside it, and its last day if that is not a month end; in date order, at least
   *     two; not null
   * @throws NullPointerException if the list or a point is null
   * @throws IllegalArgumentException if there are fewer than two points
   */
  public MonthEndBalances {
    points = List.copyOf(points);
    if (points.size() < 2) {
      throw new IllegalArgumentException("a series of month ends has two points at least, not " + points.size());
    }
  }

  /**
   * The balances at the end of one day.
   *
   * @param date the day, not null
   * @param savings the members' savings, compulsory and voluntary (2000 + 2100), not null
   * @param loans the loans outstanding (1200), not null
   */
  public record Point(LocalDate date, Money savings, Money loans) {
    /**
     * Creates a point.
     *
     * @param date the day, not null
     * @param savings the members' savings, compulsory and voluntary (2000 + 2100), not null
     * @param loans the loans outstanding (1200), not null
     * @throws NullPointerException if any argument is null
     */
    public Point {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(savings, "savings");
      Objects.requireNonNull(loans, "loans");
    }
  }
}
