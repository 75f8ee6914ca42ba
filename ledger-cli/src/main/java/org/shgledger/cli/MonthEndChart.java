package org.shgledger.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.cli.output.HtmlRenderer;
import org.shgledger.money.MoneyFormats;
import org.shgledger.report.MonthEndBalances;

/**
 * A line chart of the members' savings and the loans outstanding at each month end of a period,
 * drawn as inline SVG for the HTML group statement from {@link MonthEndBalances}: two lines over a grid, amounts up the side in
 * Indian grouping under their unit (₹), months along the bottom, a legend on top. No script, font or stylesheet is
 * needed, and nothing is fetched: the page stays self-contained and prints as it shows. The two
 * lines differ in dash as well as colour, so they can be told apart on a black-and-white print.
 *
 * <p>Amounts are converted to {@code double} only to place points on the picture; every number
 * printed on it is a tick value formatted as money.
 */
final class MonthEndChart {

  /** The picture's size in CSS pixels; the page scales it down on a narrow screen. */
  static final int WIDTH = 860;

  static final int HEIGHT = 320;

  private static final int LEFT = 84;
  private static final int RIGHT = 24;
  private static final int TOP = 48;
  private static final int BOTTOM = 56;

  /** Savings: green, solid. */
  static final String SAVINGS_COLOUR = "#1b7a3a";

  /** Loans: orange, dashed. */
  static final String LOANS_COLOUR = "#c05a00";

  private MonthEndChart() {}

  /**
   * Draws the chart.
   *
   * @param points the points in date order, at least two, not null
   * @param currency the currency of the amounts, not null
   * @param title the chart's accessible title, not null
   * @param savingsLabel the legend for the savings line, not null
   * @param loansLabel the legend for the loans line, not null
   * @param locale the language of the month names, not null
   * @return one {@code <svg>} element, not null
   * @throws IllegalArgumentException if there are fewer than two points
   */
  static String svg(List<MonthEndBalances.Point> points, CurrencyUnit currency, String title, String savingsLabel,
      String loansLabel, Locale locale) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("a chart needs two points at least, not " + points.size());
    }
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = BigDecimal.ZERO;
    for (MonthEndBalances.Point point : points) {
      for (Money amount : List.of(point.savings(), point.loans())) {
        low = low.min(amount.getAmount());
        high = high.max(amount.getAmount());
      }
    }
    BigDecimal step = step(high.subtract(low));
    BigDecimal bottom = floor(low, step);
    BigDecimal top = ceiling(high, step);
    if (top.compareTo(bottom) == 0) {
      top = bottom.add(step);
    }
    Scale scale = new Scale(points.get(0).date(), points.get(points.size() - 1).date(), bottom, top);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
        .append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"chart-title\" font-size=\"12\">\n");
    svg.append("<title id=\"chart-title\">").append(HtmlRenderer.escape(title)).append("</title>\n");

    // the grid and the amounts up the side
    svg.append("<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n");
    for (BigDecimal tick = bottom; tick.compareTo(top) <= 0; tick = tick.add(step)) {
      double y = scale.y(tick);
      svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(px(y)).append("\" x2=\"")
          .append(WIDTH - RIGHT).append("\" y2=\"").append(px(y)).append("\"/>\n");
    }
    svg.append("</g>\n<g fill=\"#333\" text-anchor=\"end\">\n");
    for (BigDecimal tick = bottom; tick.compareTo(top) <= 0; tick = tick.add(step)) {
      svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(px(scale.y(tick) + 4)).append("\">")
          .append(HtmlRenderer.escape(amount(tick, currency))).append("</text>\n");
    }
    // the unit of those amounts, over them
    svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(TOP - 14)
        .append("\" font-size=\"15\" font-weight=\"bold\">").append(HtmlRenderer.escape(unit(currency))).append("</text>\n");
    svg.append("</g>\n");

    // the months along the bottom: each month's name, and the year under January and the first
    svg.append("<g fill=\"#333\" text-anchor=\"middle\">\n");
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", locale);
    int every = Math.max(1, (points.size() + 12) / 13);
    for (int i = 0; i < points.size(); i++) {
      if (i % every != 0 && i != points.size() - 1) {
        continue;
      }
      LocalDate date = points.get(i).date();
      double x = scale.x(date);
      svg.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
          .append(px(x)).append("\" y2=\"").append(HEIGHT - BOTTOM + 5).append("\" stroke=\"#999\"/>\n");
      svg.append("<text x=\"").append(px(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 19).append("\">")
          .append(HtmlRenderer.escape(month.format(date))).append("</text>\n");
      if (i == 0 || date.getMonthValue() == 1) {
        svg.append("<text x=\"").append(px(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 35).append("\">")
            .append(date.getYear()).append("</text>\n");
      }
    }
    svg.append("</g>\n");
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#666\"/>\n");

    // the two lines, each point marked
    series(svg, points, scale, true, SAVINGS_COLOUR, "");
    series(svg, points, scale, false, LOANS_COLOUR, "7 4");

    // the legend
    legend(svg, LEFT, SAVINGS_COLOUR, "", savingsLabel);
    legend(svg, LEFT + (WIDTH - LEFT - RIGHT) / 2, LOANS_COLOUR, "7 4", loansLabel);
    svg.append("</svg>");
    return svg.toString();
  }

  private static void series(StringBuilder svg, List<MonthEndBalances.Point> points, Scale scale, boolean savings,
      String colour, String dash) {
    StringBuilder path = new StringBuilder();
    for (MonthEndBalances.Point point : points) {
      Money amount = savings ? point.savings() : point.loans();
      path.append(path.length() == 0 ? "" : " ").append(px(scale.x(point.date()))).append(',')
          .append(px(scale.y(amount.getAmount())));
    }
    svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"");
    if (!dash.isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append(" points=\"").append(path).append("\"/>\n");
    svg.append("<g fill=\"").append(colour).append("\">\n");
    for (MonthEndBalances.Point point : points) {
      Money amount = savings ? point.savings() : point.loans();
      svg.append("<circle cx=\"").append(px(scale.x(point.date()))).append("\" cy=\"")
          .append(px(scale.y(amount.getAmount()))).append("\" r=\"3\"/>\n");
    }
    svg.append("</g>\n");
  }

  private static void legend(StringBuilder svg, int x, String colour, String dash, String label) {
    int y = TOP - 24;
    svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"").append(x + 28)
        .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"");
    if (!dash.isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append("/>\n<text x=\"").append(x + 36).append("\" y=\"").append(y + 4).append("\" fill=\"#111\">")
        .append(HtmlRenderer.escape(label)).append("</text>\n");
  }

  /** A round step that divides a range into at most six parts: 1, 2 or 5 times a power of ten. */
  static BigDecimal step(BigDecimal range) {
    if (range.signum() <= 0) {
      return BigDecimal.ONE;
    }
    BigDecimal rough = range.divide(BigDecimal.valueOf(5), 10, RoundingMode.UP);
    BigDecimal power = BigDecimal.ONE.movePointRight(rough.precision() - rough.scale() - 1);
    for (int factor : new int[] {1, 2, 5, 10}) {
      BigDecimal step = power.multiply(BigDecimal.valueOf(factor));
      if (step.compareTo(rough) >= 0 && range.divide(step, 0, RoundingMode.UP).compareTo(BigDecimal.valueOf(6)) <= 0) {
        return step.max(BigDecimal.ONE);
      }
    }
    return power.multiply(BigDecimal.TEN).max(BigDecimal.ONE);
  }

  private static BigDecimal floor(BigDecimal value, BigDecimal step) {
    return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
  }

  private static BigDecimal ceiling(BigDecimal value, BigDecimal step) {
    return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
  }

  /**
   * The unit of the amounts up the side: the rupee sign for rupees, which every reader of an
   * SHG's statement knows; another currency's ISO code, which cannot be mistaken for another's.
   */
  static String unit(CurrencyUnit currency) {
    return currency.getCode().equals("INR") ? "\u20b9" : currency.getCode();
  }

  /** A tick's amount in Indian grouping without the paise, which a round tick never has. */
  private static String amount(BigDecimal tick, CurrencyUnit currency) {
    String text = MoneyFormats.indian(Money.of(currency, tick, RoundingMode.HALF_UP));
    return text.replaceFirst("\\.0+$", "");
  }

  private static String px(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** From dates and amounts to the picture's coordinates (y grows downwards). */
  private record Scale(LocalDate first, LocalDate last, BigDecimal bottom, BigDecimal top) {

    double x(LocalDate date) {
      long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
      return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, date) / days;
    }

    double y(BigDecimal amount) {
      double span = top.subtract(bottom).doubleValue();
      return (HEIGHT - BOTTOM) - (HEIGHT - BOTTOM - TOP) * amount.subtract(bottom).doubleValue() / span;
    }
  }
}
