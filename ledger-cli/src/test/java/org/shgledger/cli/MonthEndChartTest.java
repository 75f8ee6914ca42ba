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
import org.shgledger.report.MonthEndBalances;

/**
 * The statement's chart: its round steps, and SVG that needs nothing else. Which days it shows is
 * ledger-core's MonthEndBalancesTest.
 */
class MonthEndChartTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

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
    List<MonthEndBalances.Point> points = List.of(
        new MonthEndBalances.Point(LocalDate.of(2025, 3, 31), ReportBooks.inr("0"), ReportBooks.inr("0")),
        new MonthEndBalances.Point(LocalDate.of(2025, 4, 30), ReportBooks.inr("150000"), ReportBooks.inr("480")));

    String svg = MonthEndChart.svg(points, INR, "A <b>title</b>", "Savings & co", "Loans \"out\"", Locale.ENGLISH);

    assertTrue(svg.startsWith("<svg viewBox=\"0 0 860 320\""), svg);
    assertTrue(svg.contains("<title id=\"chart-title\">A &lt;b&gt;title&lt;/b&gt;</title>"), svg);
    assertTrue(svg.contains(">Savings &amp; co</text>"), svg);
    assertTrue(svg.contains(">Loans &quot;out&quot;</text>"), svg);
    assertTrue(svg.contains(">1,50,000</text>"), "the top of the scale, grouped the Indian way: " + svg);
    assertTrue(svg.contains("font-weight=\"bold\">\u20b9</text>"), "the amounts' unit, the rupee: " + svg);
    assertEquals("USD", MonthEndChart.unit(org.joda.money.CurrencyUnit.USD), "another currency by its code");
    assertFalse(svg.contains("http"), "not even an xmlns: inline SVG in HTML needs none");
    assertThrows(IllegalArgumentException.class,
        () -> MonthEndChart.svg(points.subList(0, 1), INR, "t", "s", "l", Locale.ENGLISH));
  }
}
