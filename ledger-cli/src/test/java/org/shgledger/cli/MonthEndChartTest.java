package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The statement's chart: which days it shows, its round steps, and SVG that needs nothing else. */
class MonthEndChartTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void aYearIsItsOpeningAndTwelveMonthEnds() {
    List<LocalDate> days = MonthEndChart.days(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));

    assertEquals(13, days.size());
    assertEquals(LocalDate.of(2024, 3, 31), days.get(0), "the balances the period opens with");
    assertEquals(LocalDate.of(2025, 2, 28), days.get(11));
    assertEquals(LocalDate.of(2025, 3, 31), days.get(12));
  }

  @Test
  void aPeriodEndingInsideAMonthEndsOnItsLastDay() {
    assertEquals(List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 31),
            LocalDate.of(2025, 6, 28)),
        MonthEndChart.days(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 28)));
    assertEquals(List.of(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10)),
        MonthEndChart.days(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10)));
  }

  @Test
  void gridStepsAreOneTwoOrFiveTimesAPowerOfTenAndAtLeastOneRupee() {
    assertEquals(0, new BigDecimal("5000").compareTo(MonthEndChart.step(new BigDecimal("16050.00"))));
    assertEquals(0, new BigDecimal("200000").compareTo(MonthEndChart.step(new BigDecimal("1000000"))));
    assertEquals(0, new BigDecimal("2").compareTo(MonthEndChart.step(new BigDecimal("7.50"))));
    assertEquals(0, BigDecimal.ONE.compareTo(MonthEndChart.step(new BigDecimal("0.30"))));
    assertEquals(0, BigDecimal.ONE.compareTo(MonthEndChart.step(BigDecimal.ZERO)), "nothing saved or lent yet");
  }

  @Test
  void theSvgEscapesItsWordsAndFetchesNothing() {
    List<MonthEndChart.Point> points = List.of(
        new MonthEndChart.Point(LocalDate.of(2025, 3, 31), ReportBooks.inr("0"), ReportBooks.inr("0")),
        new MonthEndChart.Point(LocalDate.of(2025, 4, 30), ReportBooks.inr("150000"), ReportBooks.inr("480")));

    String svg = MonthEndChart.svg(points, INR, "A <b>title</b>", "Savings & co", "Loans \"out\"", Locale.ENGLISH);

    assertTrue(svg.startsWith("<svg viewBox=\"0 0 860 320\""), svg);
    assertTrue(svg.contains("<title id=\"chart-title\">A &lt;b&gt;title&lt;/b&gt;</title>"), svg);
    assertTrue(svg.contains(">Savings &amp; co</text>"), svg);
    assertTrue(svg.contains(">Loans &quot;out&quot;</text>"), svg);
    assertTrue(svg.contains(">1,50,000</text>"), "the top of the scale, grouped the Indian way: " + svg);
    assertFalse(svg.contains("http"), "not even an xmlns: inline SVG in HTML needs none");
    assertThrows(IllegalArgumentException.class,
        () -> MonthEndChart.svg(points.subList(0, 1), INR, "t", "s", "l", Locale.ENGLISH));
  }
}
