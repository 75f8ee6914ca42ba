package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import org.shgledger.cli.output.Cells;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.cli.output.TextRenderer;

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
        widths[column] = Math.max(widths[column], TextRenderer.width(row[column]));
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

  /**
   * Lays out a report table as a listing: its column labels as the header, then its rows as
   * people read them (amounts in Indian grouping), amounts and numbers right-aligned. Unlike
   * {@link org.shgledger.cli.output.TextRenderer} nothing is wrapped and there is no title: the
   * listing commands have always printed this plain layout, and the same table goes to the
   * renderers for CSV and JSON.
   *
   * @param table the table; its caption and total row are not printed, not null
   * @return the lines, each ending in a newline and without trailing spaces, not null
   */
  static String text(Table table) {
    List<Column> columns = table.columns();
    StringBuilder align = new StringBuilder();
    String[] header = new String[columns.size()];
    for (int c = 0; c < header.length; c++) {
      header[c] = columns.get(c).label();
      align.append(columns.get(c).kind().rightAligned() ? 'r' : 'l');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    for (Row row : table.rows()) {
      rows.add(row.cells().stream().map(cell -> Cells.forPeople(cell, false)).toArray(String[]::new));
    }
    return text(rows, align.toString());
  }

  private static String line(String[] cells, int[] widths, String align) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < widths.length; column++) {
      // padded by hand: a format width of 0, for a column whose cells are all empty, is no width
      // to String.format (MissingFormatWidthException), but is a fine width for a column
      // widths as a terminal shows them: Hindi's vowel signs take no column
      String spaces = " ".repeat(Math.max(0, widths[column] - TextRenderer.width(cells[column])));
      String cell = align.charAt(column) == 'l' ? cells[column] + spaces : spaces + cells[column];
      line.append(column == 0 ? "" : GAP).append(cell);
    }
    return line.toString().stripTrailing() + "\n";
  }
}
