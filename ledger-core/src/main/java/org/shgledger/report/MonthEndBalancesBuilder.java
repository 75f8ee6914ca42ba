package org.shgledger.report;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalReader;

/**
 * Builds {@link MonthEndBalances} from a group's journal. It only reads.
 *
 * <pre>{@code
 * MonthEndBalances series = new MonthEndBalancesBuilder(journal).build(code, from, to);
 * }</pre>
 */
public final class MonthEndBalancesBuilder {

  private final JournalReader journal;

  /**
   * Creates the builder over a journal.
   *
   * @param journal the journal, not null
   */
  public MonthEndBalancesBuilder(JournalReader journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * The savings and loans outstanding at each of the {@link #days days} of a period.
   *
   * @param code the group, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @return the series, not null
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public MonthEndBalances build(BookId code, LocalDate from, LocalDate to) {
    Objects.requireNonNull(code, "code");
    List<MonthEndBalances.Point> points = new ArrayList<>();
    for (LocalDate day : days(from, to)) {
      points.add(new MonthEndBalances.Point(day,
          balance(code, Chart.COMPULSORY_SAVINGS, day).plus(balance(code, Chart.VOLUNTARY_SAVINGS, day)),
          balance(code, Chart.MEMBER_LOANS, day)));
    }
    return new MonthEndBalances(points);
  }

  /**
   * The days a series of a period holds: the day before the period (the opening balances), each
   * month end inside it, and its last day if that is not a month end.
   *
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @return the days in order, at least two, not null
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static List<LocalDate> days(LocalDate from, LocalDate to) {
    Reports.requirePeriod(from, to);
    List<LocalDate> days = new ArrayList<>();
    days.add(from.minusDays(1));
    LocalDate monthEnd = from.with(TemporalAdjusters.lastDayOfMonth());
    while (!monthEnd.isAfter(to)) {
      days.add(monthEnd);
      monthEnd = monthEnd.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
    }
    if (!days.get(days.size() - 1).equals(to)) {
      days.add(to);
    }
    return days;
  }

  private Money balance(BookId code, AccountCode account, LocalDate day) {
    return journal.balance(code, account, day).normalBalance();
  }
}
