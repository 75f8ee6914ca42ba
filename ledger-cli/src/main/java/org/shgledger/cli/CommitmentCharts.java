package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.shgledger.cli.output.HtmlRenderer;

/**
 * The pictures of the donor's page ({@code shg commitment}): a small chart per target of its
 * indicator at each quarter's end, and the people reached by outreach each month against the
 * monthly target. Inline SVG in black and grey only, so that a black-and-white printer loses
 * nothing: lines, dots, bars and a dashed target line, never colour alone. No script, font or
 * stylesheet, nothing fetched. A withheld value is never drawn: its place on the line is a gap,
 * marked with the withheld mark under it, so the picture tells no more than the table.
 */
final class CommitmentCharts {

  /** The most quarters a trend draws: a five-year commitment's twenty. */
  static final int MAX_POINTS = 20;

  /** The most small charts, one per target: a targets file names a few dozen at most. */
  static final int MAX_PANELS = 40;

  /** The small charts side by side in a row. */
  static final int PANELS_A_ROW = 5;

  private static final int PANEL_WIDTH = 170;
  private static final int PANEL_HEIGHT = 78;
  private static final int TITLE_LINE = 10;
  private static final int TITLE_CHARACTERS = 28;
  private static final int PLOT_LEFT = 8;
  private static final int PLOT_TOP = 24;
  private static final int PLOT_WIDTH = 150;
  private static final int PLOT_HEIGHT = 36;
  private static final String INK = "#111";
  private static final String GREY = "#777";

  private CommitmentCharts() {}

  /**
   * One value of a trend: a count, or withheld with its mark.
   *
   * @param day the quarter's end (or the page's day, for the last), not null
   * @param count the count, or empty when withheld or none
   * @param mark what is written for a withheld value ({@code <5}, {@code x}), empty otherwise, not null
   */
  record Point(LocalDate day, OptionalLong count, String mark) {
    Point {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(count, "count");
      Objects.requireNonNull(mark, "mark");
    }
  }

  /**
   * One target's trend.
   *
   * @param label the indicator's label, not null
   * @param points its values in time order, 1 to {@value #MAX_POINTS}, not null
   */
  record Trend(String label, List<Point> points) {
    Trend {
      Objects.requireNonNull(label, "label");
      points = List.copyOf(points);
      if (points.isEmpty() || points.size() > MAX_POINTS) {
        throw new IllegalArgumentException("a trend has 1 to " + MAX_POINTS + " points, not " + points.size());
      }
    }
  }

  /**
   * Draws a small chart per trend, {@value #PANELS_A_ROW} a row: the label, the line of the values
   * with a dot at each, the largest value at the top of its axis, the last value at the line's end,
   * and the first and last days under it.
   *
   * @param trends the trends, 1 to {@value #MAX_PANELS}, not null
   * @param title the picture's accessible title, not null
   * @return one {@code <svg>} element, not null
   * @throws IllegalArgumentException if there are no trends or too many
   */
  static String trends(List<Trend> trends, String title) {
    if (trends.isEmpty() || trends.size() > MAX_PANELS) {
      throw new IllegalArgumentException("a trends chart has 1 to " + MAX_PANELS + " panels, not " + trends.size());
    }
    int rows = (trends.size() + PANELS_A_ROW - 1) / PANELS_A_ROW;
    int width = PANEL_WIDTH * PANELS_A_ROW;
    int height = PANEL_HEIGHT * rows;
    StringBuilder svg = open(width, height, title);
    for (int i = 0; i < trends.size(); i++) {
      panel(trends.get(i), (i % PANELS_A_ROW) * PANEL_WIDTH, (i / PANELS_A_ROW) * PANEL_HEIGHT, svg);
    }
    return svg.append("</svg>").toString();
  }

  private static void panel(Trend trend, int left, int top, StringBuilder svg) {
    List<String> title = wrap(trend.label());
    for (int line = 0; line < title.size(); line++) {
      text(svg, left + 2, top + 9 + line * TITLE_LINE, "start", 8, "bold", title.get(line));
    }
    long largest = trend.points().stream().mapToLong(p -> p.count().orElse(0)).max().orElse(0);
    // the axis runs from 0 to the largest value shown, at least 1 so that a line of zeros lies on it
    long axisTop = Math.max(1, largest);
    int x0 = left + PLOT_LEFT;
    int yBase = top + PLOT_TOP + PLOT_HEIGHT;
    svg.append("<line x1=\"").append(x0).append("\" y1=\"").append(yBase).append("\" x2=\"").append(x0 + PLOT_WIDTH)
        .append("\" y2=\"").append(yBase).append("\" stroke=\"").append(GREY).append("\" stroke-width=\"0.6\"/>\n");
    text(svg, x0 - 2, top + PLOT_TOP + 3, "end", 6.5, "normal", String.valueOf(largest));
    int n = trend.points().size();
    StringBuilder path = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < n; i++) {
      Point point = trend.points().get(i);
      double x = n == 1 ? x0 + PLOT_WIDTH : x0 + (double) PLOT_WIDTH * i / (n - 1);
      if (point.count().isEmpty()) {
        drawing = false;
        if (!point.mark().isEmpty()) {
          text(svg, x, yBase - 2, "middle", 6.5, "normal", point.mark());
        }
        continue;
      }
      double y = yBase - (double) PLOT_HEIGHT * point.count().getAsLong() / axisTop;
      path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M")).append(coordinate(x)).append(' ')
          .append(coordinate(y));
      drawing = true;
      svg.append("<circle cx=\"").append(coordinate(x)).append("\" cy=\"").append(coordinate(y))
          .append("\" r=\"1.6\" fill=\"").append(INK).append("\"/>\n");
    }
    if (path.length() > 0) {
      svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(INK)
          .append("\" stroke-width=\"1.2\"/>\n");
    }
    Point last = trend.points().get(n - 1);
    text(svg, x0 + PLOT_WIDTH, top + PLOT_TOP - 2, "end", 7.5, "bold",
        last.count().isPresent() ? String.valueOf(last.count().getAsLong()) : last.mark());
    text(svg, x0, yBase + 9, "start", 6.5, "normal", month(trend.points().get(0).day()));
    if (n > 1) {
      text(svg, x0 + PLOT_WIDTH, yBase + 9, "end", 6.5, "normal", month(last.day()));
    }
  }

  /**
   * One month's outreach bar.
   *
   * @param to the month's last day, not null
   * @param reached the people reached in it, not negative
   */
  record Month(LocalDate to, long reached) {
    Month {
      Objects.requireNonNull(to, "to");
      if (reached < 0) {
        throw new IllegalArgumentException("people reached cannot be negative: " + reached);
      }
    }
  }

  private static final int OUTREACH_WIDTH = 420;
  private static final int OUTREACH_HEIGHT = 150;
  private static final int OUTREACH_LEFT = 10;
  private static final int OUTREACH_TOP = 14;
  private static final int OUTREACH_PLOT = 112;

  /**
   * Draws the people reached each month as grey bars with the number over each, and the monthly
   * target as a dashed line across them, labelled.
   *
   * @param months the months in time order, 1 to 24, not null
   * @param target the monthly target, or empty for none, not null
   * @param targetLabel the words by the target's line ("target 10000"), not null
   * @param title the picture's accessible title, not null
   * @return one {@code <svg>} element, not null
   * @throws IllegalArgumentException if there are no months or too many
   */
  static String outreach(List<Month> months, OptionalLong target, String targetLabel, String title) {
    if (months.isEmpty() || months.size() > 24) {
      throw new IllegalArgumentException("an outreach chart has 1 to 24 months, not " + months.size());
    }
    long largest = Math.max(1, Math.max(target.orElse(0),
        months.stream().mapToLong(Month::reached).max().orElse(0)));
    StringBuilder svg = open(OUTREACH_WIDTH, OUTREACH_HEIGHT, title);
    int base = OUTREACH_TOP + OUTREACH_PLOT;
    int plotWidth = OUTREACH_WIDTH - OUTREACH_LEFT * 2;
    double slot = (double) plotWidth / months.size();
    for (int i = 0; i < months.size(); i++) {
      Month month = months.get(i);
      double height = (double) OUTREACH_PLOT * month.reached() / largest;
      double x = OUTREACH_LEFT + slot * i + slot * 0.15;
      svg.append("<rect x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(base - height))
          .append("\" width=\"").append(coordinate(slot * 0.7)).append("\" height=\"").append(coordinate(height))
          .append("\" fill=\"#9a9a9a\" stroke=\"").append(INK).append("\" stroke-width=\"0.5\"/>\n");
      text(svg, x + slot * 0.35, base - height - 2, "middle", 7, "normal", String.valueOf(month.reached()));
      text(svg, x + slot * 0.35, base + 10, "middle", 7, "normal", month(month.to()));
    }
    svg.append("<line x1=\"").append(OUTREACH_LEFT).append("\" y1=\"").append(base).append("\" x2=\"")
        .append(OUTREACH_WIDTH - OUTREACH_LEFT).append("\" y2=\"").append(base).append("\" stroke=\"").append(INK)
        .append("\" stroke-width=\"0.6\"/>\n");
    if (target.isPresent()) {
      double y = base - (double) OUTREACH_PLOT * target.getAsLong() / largest;
      svg.append("<line x1=\"").append(OUTREACH_LEFT).append("\" y1=\"").append(coordinate(y)).append("\" x2=\"")
          .append(OUTREACH_WIDTH - OUTREACH_LEFT).append("\" y2=\"").append(coordinate(y)).append("\" stroke=\"")
          .append(INK).append("\" stroke-width=\"1\" stroke-dasharray=\"5 3\"/>\n");
      text(svg, OUTREACH_LEFT + 2, y - 3, "start", 7.5, "bold", targetLabel);
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(int width, int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    svg.append("<title>").append(HtmlRenderer.escape(title)).append("</title>\n");
    return svg;
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, double size, String weight,
      String text) {
    svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y)).append("\" text-anchor=\"")
        .append(anchor).append("\" font-size=\"").append(coordinate(size)).append('"');
    if (!weight.equals("normal")) {
      svg.append(" font-weight=\"").append(weight).append('"');
    }
    svg.append(" fill=\"").append(INK).append("\">").append(HtmlRenderer.escape(text)).append("</text>\n");
  }

  /** A coordinate to one decimal, without a trailing {@code .0}: the same picture, byte for byte, everywhere. */
  private static String coordinate(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10)
        : (tenths < 0 && tenths > -10 ? "-" : "") + (tenths / 10) + "." + Math.abs(tenths % 10);
  }

  /** A day as its year and month, {@code 2025-06}: the axis names months, not days. */
  private static String month(LocalDate day) {
    return day.toString().substring(0, 7);
  }

  /** A label in at most two lines of about {@value #TITLE_CHARACTERS} characters, cut with an ellipsis. */
  static List<String> wrap(String label) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > TITLE_CHARACTERS) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    if (lines.size() > 2) {
      String second = lines.get(1);
      lines = new ArrayList<>(List.of(lines.get(0),
          (second.length() > TITLE_CHARACTERS - 1 ? second.substring(0, TITLE_CHARACTERS - 1) : second) + "\u2026"));
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() > TITLE_CHARACTERS + 8) {
        lines.set(i, lines.get(i).substring(0, TITLE_CHARACTERS + 7) + "\u2026");
      }
    }
    return lines;
  }
}
