package org.shgledger.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a report's tables as CSV for spreadsheets (docs/formats.md#csv): RFC 4180 through Apache
 * Commons CSV (quotes only where needed, records ending in CRLF), the column keys as the header,
 * one record per row; no title, facts, notes, figures or total rows (a figure's own table of
 * numbers, {@link Figure#data()}, is a table like the others).
 *
 * <p>Amounts are plain numbers with the currency's decimals and no grouping ({@code -1234.50});
 * dates are ISO. A text cell that a spreadsheet would take for a formula, one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, is neutralised with a
 * leading apostrophe (OWASP's advice on CSV injection), so {@code =HYPERLINK(...)} is shown, never
 * run. Only text cells are neutralised: an amount cell can only hold a number, so a negative
 * amount stays a number.
 *
 * <p>A report with more than one table writes them one after another, each with its own header,
 * separated by one empty line.
 */
public final class CsvRenderer implements Renderer {

  /** RFC 4180: comma, double quotes where needed, CRLF. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** Creates the renderer. */
  public CsvRenderer() {}

  @Override
  public void render(Report report, Writer out) throws IOException {
    boolean first = true;
    for (Table table : report.tables()) {
      if (!first) {
        out.write("\r\n");
      }
      writeTable(table, out);
      first = false;
    }
    out.flush();
  }

  /**
   * Writes one table: its header of column keys, then its rows.
   *
   * @param table the table, not null
   * @param out where to write; not closed, not null
   * @throws IOException if writing fails
   */
  public static void writeTable(Table table, Appendable out) throws IOException {
    RowWriter rows = start(table.columns(), out);
    for (Row row : table.rows()) {
      rows.write(row);
    }
    rows.flush();
  }

  /**
   * Starts a table written row by row, for a table too large to hold (the general ledger of a
   * big book): the header now, each row as it is given, exactly as {@link #writeTable} writes it.
   *
   * @param columns the table's columns, not null
   * @param out where to write; not closed, not null
   * @return the writer of the rows, not null
   * @throws IOException if writing fails
   */
  public static RowWriter start(List<Column> columns, Appendable out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    List<String> header = new ArrayList<>();
    for (Column column : columns) {
      header.add(column.key());
    }
    printer.printRecord(header);
    return new RowWriter(printer);
  }

  /** Writes the rows of a table that {@link #start} began. */
  public static final class RowWriter {
    private final CSVPrinter printer;

    private RowWriter(CSVPrinter printer) {
      this.printer = printer;
    }

    /**
     * Writes a row.
     *
     * @param row the row, its cells in the columns' order, not null
     * @throws IOException if writing fails
     */
    public void write(Row row) throws IOException {
      List<String> record = new ArrayList<>(row.cells().size());
      for (Cell cell : row.cells()) {
        record.add(cell(cell));
      }
      printer.printRecord(record);
    }

    /**
     * Flushes what was written to the destination.
     *
     * @throws IOException if writing fails
     */
    public void flush() throws IOException {
      printer.flush();
    }
  }

  /**
   * A cell's CSV value, before quoting.
   *
   * @param cell the cell, not null
   * @return the value, not null
   */
  static String cell(Cell cell) {
    if (cell instanceof Cell.Text text) {
      return neutralise(text.value());
    }
    return Cells.plain(cell);
  }

  /**
   * A text that a spreadsheet will show rather than evaluate: a leading apostrophe before a text
   * starting with {@code = + - @}, a tab or a carriage return, the text unchanged otherwise.
   *
   * @param text the text, not null
   * @return the safe text, not null
   */
  public static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
