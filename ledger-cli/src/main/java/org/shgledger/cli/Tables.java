package org.shgledger.cli;

import java.util.List;

/** Plain aligned text tables for the listing commands: a header row, a rule, then the rows. */
final class Tables {

  private static final String GAP = "  ";

  private Tables() {}

  /**
   * Lays out rows in columns two spaces apart, each as wide as its widest cell; a column whose
   * cells are all empty takes no width.
   *
   * @param rows the header row first, then the others; every row as long as {@code align}, not null
   * @param align one letter per column: {@code l} left-aligned (words, dates), {@code r}
   *     right-aligned (amounts, counts)
   * @return the lines, each ending in a newline and without trailing spaces, not null
   */
  static String text(List<String[]> rows, String align) {
    int[] widths = new int[align.length()];
    for (String[] row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      text.append(line(rows.get(i), widths, align));
      if (i == 0) {
        String[] rule = new String[widths.length];
        for (int column = 0; column < widths.length; column++) {
          rule[column] = "-".repeat(widths[column]);
        }
        text.append(line(rule, widths, align));
      }
    }
    return text.toString();
  }

  private static String line(String[] cells, int[] widths, String align) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < widths.length; column++) {
      // padded by hand: a format width of 0, for a column whose cells are all empty, is no width
      // to String.format (MissingFormatWidthException), but is a fine width for a column
      String spaces = " ".repeat(Math.max(0, widths[column] - cells[column].length()));
      String cell = align.charAt(column) == 'l' ? cells[column] + spaces : spaces + cells[column];
      line.append(column == 0 ? "" : GAP).append(cell);
    }
    return line.toString().stripTrailing() + "\n";
  }
}
