package org.shgledger.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.shgledger.cli.output.HtmlRenderer;

/**
 * The donor's picture of a commitment: one horizontal bar per target, filled to the share reached,
 * drawn as inline SVG for the HTML indicators page. No script, font or stylesheet, nothing fetched;
 * a withheld share is drawn as an empty bar with its mark, so the picture gives away no more than
 * the table beside it. Shares over 100 fill the bar and say their number.
 */
final class TargetsChart {

  /** The picture's width in CSS pixels; the page scales it down on a narrow screen. */
  static final int WIDTH = 860;

  /** The most bars drawn: a targets file names at most a few dozen indicators. */
  static final int MAX_BARS = 200;

  private static final int LABEL_WIDTH = 380;
  private static final int SHARE_WIDTH = 70;
  private static final int ROW = 26;
  private static final int TOP = 8;
  private static final int BAR = 14;
  private static final String FILL = "#1b7a3a";
  private static final String TRACK = "#e4e4e4";

  private TargetsChart() {}

  /**
   * One target's bar.
   *
   * @param label the indicator's label, not null
   * @param percent the share of the target reached, or null when withheld or none
   * @param shown what is written after the bar: the share, or the withheld mark, not null
   */
  record Bar(String label, BigDecimal percent, String shown) {
    Bar {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(shown, "shown");
    }
  }

  /**
   * Draws the bars.
   *
   * @param bars the bars in the report's order, 1 to {@value #MAX_BARS}, not null
   * @param title the picture's accessible title, not null
   * @return one {@code <svg>} element, not null
   * @throws IllegalArgumentException if there are no bars or too many
   */
  static String svg(List<Bar> bars, String title) {
    if (bars.isEmpty() || bars.size() > MAX_BARS) {
      throw new IllegalArgumentException("a targets chart has 1 to " + MAX_BARS + " bars, not " + bars.size());
    }
    int height = TOP * 2 + ROW * bars.size();
    int track = WIDTH - LABEL_WIDTH - SHARE_WIDTH - 16;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    svg.append("<title>").append(HtmlRenderer.escape(title)).append("</title>\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW;
      int middle = y + ROW / 2;
      svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(middle + 4)
          .append("\" text-anchor=\"end\" font-size=\"12\">").append(HtmlRenderer.escape(bar.label())).append("</text>\n");
      svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(middle - BAR / 2).append("\" width=\"")
          .append(track).append("\" height=\"").append(BAR).append("\" fill=\"").append(TRACK).append("\"/>\n");
      if (bar.percent() != null && bar.percent().signum() > 0) {
        // the bar's length in whole pixels; a share over 100 fills it
        long filled = bar.percent().min(BigDecimal.valueOf(100)).multiply(BigDecimal.valueOf(track))
            .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).longValueExact();
        svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(middle - BAR / 2).append("\" width=\"")
            .append(Math.max(1, filled)).append("\" height=\"").append(BAR).append("\" fill=\"").append(FILL)
            .append("\"/>\n");
      }
      svg.append("<text x=\"").append(LABEL_WIDTH + track + 8).append("\" y=\"").append(middle + 4)
          .append("\" font-size=\"12\">").append(HtmlRenderer.escape(bar.shown())).append("</text>\n");
    }
    return svg.append("</svg>").toString();
  }
}
