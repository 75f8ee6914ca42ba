package org.shgledger.cli;

import java.util.List;

/** Plain aligned text tables for the listing commands: a header row, a rule, then the rows. */
final class Tables {

  private static final String GAP = "  ";

  private Tables() {}

  /**
   * Lays out rows in columns two spaces apart, each as wide as its widest cell.
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
      String format = "%" + (align.charAt(column) == 'l' ? "-" : "") + widths[column] + "s";
      line.append(column == 0 ? "" : GAP).append(String.format(format, cells[column]));
    }
    return line.toString().stripTrailing() + "\n";
  }
}
