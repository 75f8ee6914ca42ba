package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.YEAR_END;
import static org.shgledger.report.SmallYear.YEAR_START;
import static org.shgledger.report.SmallYear.rupees;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The month-end series of the group statement's chart: which days, and the balances on them. */
class MonthEndBalancesTest {

  @Test
  void aYearIsItsOpeningAndTwelveMonthEnds() {
    List<LocalDate> days = MonthEndBalancesBuilder.days(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));

    assertEquals(13, days.size());
    assertEquals(LocalDate.of(2024, 3, 31), days.get(0), "the balances the period opens with");
    assertEquals(LocalDate.of(2025, 2, 28), days.get(11));
    assertEquals(LocalDate.of(2025, 3, 31), days.get(12));
  }

  @Test
  void aPeriodEndingInsideAMonthEndsOnItsLastDay() {
    assertEquals(List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 31),
            LocalDate.of(2025, 6, 28)),
        MonthEndBalancesBuilder.days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 28)));
    assertEquals(List.of(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10)),
        MonthEndBalancesBuilder.days(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10)));
    assertThrows(IllegalArgumentException.class,
        () -> MonthEndBalancesBuilder.days(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 9)));
  }

  @Test
  void savingsAreCompulsoryAndVoluntaryTogetherAndLoansAreThePrincipalOutstanding() {
    SmallYear year = new SmallYear();

    List<MonthEndBalances.Point> points =
        new MonthEndBalancesBuilder(year.groups.journal()).build(SHG, YEAR_START, YEAR_END).points();

    assertEquals(new MonthEndBalances.Point(LocalDate.of(2024, 3, 31), rupees(0), rupees(0)), points.get(0));
    assertEquals(new MonthEndBalances.Point(LocalDate.of(2024, 4, 30), rupees(300), rupees(0)), points.get(1));
    // May: 300 more compulsory and M01's 50 voluntary; L1's 6,000 paid out
    assertEquals(new MonthEndBalances.Point(LocalDate.of(2024, 5, 31), rupees(650), rupees(6_000)), points.get(2));
    assertEquals(new MonthEndBalances.Point(LocalDate.of(2024, 7, 31), rupees(650), rupees(4_000)), points.get(4));
  }
}
