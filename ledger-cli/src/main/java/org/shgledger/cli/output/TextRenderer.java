package org.shgledger.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report for people at a terminal or a printer (docs/formats.md#text): the title, the
 * facts as "label: value (note)", then each table, note (with its hint) and figure's caption in
 * order; {@link Signatures} are for the printed HTML page and left out. Lines end in {@code \n}.
 *
 * <p>Tables are aligned in columns two spaces apart, headed by the column labels and a rule of
 * dashes; amounts and numbers are right-aligned, amounts in Indian grouping ({@code 1,00,000.00}).
 * Rows of a deeper level are indented two spaces per level in their text columns. The total row,
 * if any, follows a second rule. A table wider than {@value #WIDTH} columns has its widest text
 * columns wrapped onto more lines, down to {@value #MIN_WRAPPED} characters each, so that most
 * tables fit an 80-column terminal or a portrait page; amounts are never wrapped. Widths count
 * what a terminal shows: combining marks, such as the vowel signs of Devanagari, take no column.
 */
public final class TextRenderer implements Renderer {

  /** The width tables are fitted to where they can be. */
  public static final int WIDTH = 80;

  /** The narrowest a text column is wrapped to. */
  static final int MIN_WRAPPED = 12;

  private static final String GAP = "  ";
  private static final String INDENT = "  ";

  /** Creates the renderer. */
  public TextRenderer() {}

  @Override
  public void render(Report report, Writer out) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(report.title()).append('\n');
    text.append("=".repeat(Math.min(WIDTH, Math.max(1, width(report.title()))))).append('\n');
    if (!report.facts().isEmpty()) {
      int labelWidth = 0;
      for (Fact fact : report.facts()) {
        labelWidth = Math.max(labelWidth, width(fact.label()));
      }
      for (Fact fact : report.facts()) {
        String value = Cells.forPeople(fact.value(), false);
        text.append(pad(fact.label() + ":", labelWidth + 1, false)).append(' ').append(value);
        if (!fact.note().isEmpty()) {
          text.append(value.isEmpty() ? "" : " ").append('(').append(fact.note()).append(')');
        }
        stripTrailing(text);
        text.append('\n');
      }
    }
    for (Block block : report.blocks()) {
      if (block instanceof Signatures) {
        continue;  // signed on the printed HTML page; a terminal has nothing to sign
      }
      text.append('\n');
      if (block instanceof Table table) {
        table(table, text);
      } else if (block instanceof Note note) {
        paragraphs(note.text(), text);
        if (!note.hint().isEmpty()) {
          paragraphs(note.hint(), text);
        }
      } else if (block instanceof Figure figure && figure.data().isPresent()) {
        // a picture cannot be printed as text: the numbers it draws instead
        table(figure.data().get(), text);
      } else if (block instanceof Figure figure) {
        // a picture cannot be printed as text; its numbers are in the report's tables
        if (!figure.caption().isEmpty()) {
          text.append('[').append(figure.caption()).append("]\n");
        }
      }
    }
    out.write(text.toString());
    out.flush();
  }

  private static void paragraphs(String paragraphs, StringBuilder text) {
    for (String paragraph : paragraphs.split("\n", -1)) {
      for (String line : wrap(paragraph, WIDTH)) {
        text.append(line).append('\n');
      }
    }
  }

  /**
   * Writes one table as aligned text.
   *
   * @param table the table, not null
   * @param text where to append it, not null
   */
  static void table(Table table, StringBuilder text) {
    List<Column> columns = table.columns();
    int count = columns.size();
    List<String[]> rows = new ArrayList<>();
    for (Row row : table.rows()) {
      rows.add(strings(columns, row));
    }
    String[] total = table.total().map(row -> strings(columns, row)).orElse(null);
    String[] header = new String[count];
    int[] widths = new int[count];
    for (int c = 0; c < count; c++) {
      header[c] = columns.get(c).label();
      widths[c] = width(header[c]);
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], width(row[c]));
      }
      if (total != null) {
        widths[c] = Math.max(widths[c], width(total[c]));
      }
    }
    fit(columns, widths);

    if (!table.caption().isEmpty()) {
      text.append(table.caption()).append('\n');
    }
    line(columns, widths, header, text);
    String[] rule = new String[count];
    for (int c = 0; c < count; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    line(columns, widths, rule, text);
    for (String[] row : rows) {
      line(columns, widths, row, text);
    }
    if (total != null) {
      line(columns, widths, rule, text);
      line(columns, widths, total, text);
    }
  }

  /** The row's cells as text, text cells indented by the row's level. */
  private static String[] strings(List<Column> columns, Row row) {
    String[] cells = new String[columns.size()];
    for (int c = 0; c < cells.length; c++) {
      Column column = columns.get(c);
      String cell = Cells.forPeople(row.cells().get(c), column.blankWhenZero());
      if (!column.kind().rightAligned() && row.level() > 0 && !cell.isEmpty()) {
        cell = INDENT.repeat(row.level()) + cell;
      }
      cells[c] = cell;
    }
    return cells;
  }

  /** Narrows the widest text columns, one character at a time, until the table fits or cannot. */
  private static void fit(List<Column> columns, int[] widths) {
    while (total(widths) > WIDTH) {
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (columns.get(c).kind() == Column.Kind.TEXT && widths[c] > MIN_WRAPPED
            && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return;
      }
      widths[widest]--;
    }
  }

  private static int total(int[] widths) {
    int sum = GAP.length() * (widths.length - 1);
    for (int width : widths) {
      sum += width;
    }
    return sum;
  }

  /** One row, over as many lines as its wrapped text cells need. */
  private static void line(List<Column> columns, int[] widths, String[] cells, StringBuilder text) {
    List<List<String>> parts = new ArrayList<>();
    int lines = 1;
    for (int c = 0; c < cells.length; c++) {
      List<String> wrapped = width(cells[c]) <= widths[c] ? List.of(cells[c]) : wrap(cells[c], widths[c]);
      parts.add(wrapped);
      lines = Math.max(lines, wrapped.size());
    }
    for (int l = 0; l < lines; l++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        String part = l < parts.get(c).size() ? parts.get(c).get(l) : "";
        line.append(c == 0 ? "" : GAP).append(pad(part, widths[c], columns.get(c).kind().rightAligned()));
      }
      stripTrailing(line);
      text.append(line).append('\n');
    }
  }

  /**
   * Breaks text into lines of at most {@code width} columns, at spaces where it can, inside a word
   * where it must.
   *
   * @param text the text, not null
   * @param width the width, at least 1
   * @return the lines, at least one, not null
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String rest = word;
      while (width(rest) > width) {
        // a word longer than the column: whatever fits on this line, then the next
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        int cut = cutAt(rest, width);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      int needed = (line.length() == 0 ? 0 : 1) + width(rest);
      if (line.length() > 0 && width(line.toString()) + needed > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The index in the text after the most characters that fit in a width, at least one. */
  private static int cutAt(String text, int width) {
    int shown = 0;
    int index = 0;
    while (index < text.length()) {
      int codePoint = text.codePointAt(index);
      int next = index + Character.charCount(codePoint);
      int columns = columns(codePoint);
      if (shown + columns > width && index > 0) {
        break;
      }
      shown += columns;
      index = next;
    }
    // never split a letter from the marks that follow it
    while (index < text.length() && columns(text.codePointAt(index)) == 0) {
      index += Character.charCount(text.codePointAt(index));
    }
    return index;
  }

  /**
   * How many terminal columns a text takes: one per character, none for combining marks and
   * format characters.
   *
   * @param text the text, not null
   * @return the width
   */
  public static int width(String text) {
    return text.codePoints().map(TextRenderer::columns).sum();
  }

  private static int columns(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT ? 0 : 1;
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - width(text)));
    return right ? spaces + text : text + spaces;
  }

  private static void stripTrailing(StringBuilder text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    text.setLength(end);
  }
}
