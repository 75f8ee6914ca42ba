package org.shgledger.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a report as one self-contained, printable HTML page (docs/formats.md#html): styles
 * inline, no scripts, fonts, images or anything else fetched from the network, which a
 * Content-Security-Policy in the page itself forbids. It opens in any browser offline and prints on
 * A4 portrait.
 *
 * <p>The title is the heading, the facts a definition list, each table a {@code <table>} with its
 * caption, column labels in {@code <thead>}, rows in {@code <tbody>} and the total row in a
 * {@code <tbody class="total">} of its own after them; amounts right-aligned in Indian grouping.
 * Every piece of text is escaped. {@link Figure}s are the one exception: their SVG, drawn by the
 * program, is placed in the page as it is, inside a {@code <figure>} with its caption. A {@link
 * Note}'s hint, a command to type, is left out: the page is for reading, not for a terminal.
 *
 * <p>Printed, each page has a running head (the title, and the group when the report has one) and
 * its number, "Page 2 of 3" in the reader's language, drawn in the page's margin boxes (CSS Paged
 * Media, which Chromium draws from version 131; there they replace the browser's own header and
 * footer of date and file path). A browser without margin boxes prints the page without them.
 */
public final class HtmlRenderer implements Renderer {

  private static final String STYLE = """
      :root { color: #111; background: #fff; }
      body { font-family: "Noto Sans", "Noto Sans Devanagari", "DejaVu Sans", Arial, sans-serif;
             font-size: 11pt; margin: 1.5em auto; max-width: 60em; padding: 0 1em; }
      h1 { font-size: 1.5em; margin: 0 0 .4em; }
      h2 { font-size: 1.15em; margin: 1.4em 0 .4em; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: 0 0 1em; }
      dl.facts dt { font-weight: bold; }
      dl.facts dd { margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 0 0 1em; break-inside: auto; }
      caption { text-align: left; font-weight: bold; font-size: 1.1em; padding: .4em 0; }
      th, td { padding: .2em .5em; border-bottom: 1px solid #ccc; vertical-align: top; }
      th { text-align: left; border-bottom: 2px solid #333; }
      th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.neg { color: #a00; }
      tbody.total td { font-weight: bold; border-top: 2px solid #333; border-bottom: none; }
      tr { break-inside: avoid; }
      thead { display: table-header-group; }
      figure { margin: 1em 0; break-inside: avoid; }
      figure svg { max-width: 100%; height: auto; }
      figcaption { font-size: .9em; color: #444; }
      p.note { font-size: .9em; color: #333; }
      section.signatures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
                           gap: 1em 2em; margin: 3em 0 0; break-inside: avoid; }
      section.signatures p { margin: 0; }
      section.signatures .signer { font-weight: bold; }
      section.signatures .line { border-top: 1px solid #333; margin-top: 3em; padding-top: .2em;
                                 font-size: .9em; color: #444; }
      h1, h2, caption { break-after: avoid; }
      table.whole { break-inside: avoid; }
      tbody.total tr, table + p.note { break-before: avoid; }
      """;

  private static final String PRINT = """
      @media print { body { margin: 0; max-width: none; padding: 0; font-size: 10pt; } }
      """;

  /**
   * Layouts of their own, by report kind, after the common style: the donor's page of {@code shg
   * commitment} is one A4 sheet, so its type is smaller, its facts run in three columns, the
   * programs' key column is left off paper (CSV and JSON keep it), and its last sections stand
   * in two columns (incidents and livelihoods on the left, outreach on the right: the blocks come
   * in that interleaved order, so that floats stack them).
   */
  private static final Map<String, String> LAYOUTS = Map.of("programme-commitment", """
      body.report-programme-commitment { font-size: 9pt; max-width: 62em; }
      .report-programme-commitment h1 { font-size: 1.35em; margin-bottom: .2em; }
      .report-programme-commitment dl.facts { grid-template-columns: repeat(3, max-content auto); gap: 0 .8em; margin-bottom: .3em; }
      .report-programme-commitment dl.facts dd, #table-targets td:first-child { white-space: nowrap; }
      .report-programme-commitment table { margin-bottom: .4em; }
      .report-programme-commitment caption { font-size: 1em; padding: .15em 0; }
      .report-programme-commitment th, .report-programme-commitment td { padding: .05em .35em; }
      .report-programme-commitment figure { margin: .2em 0 .4em; }
      .report-programme-commitment figcaption { font-weight: bold; color: #111; }
      #table-targets th:last-child, #table-targets td:last-child,
      #table-incidents th:last-child, #table-incidents td:last-child,
      #table-livelihoods th:last-child, #table-livelihoods td:last-child,
      #table-livelihood-income th:last-child, #table-livelihood-income td:last-child { display: none; }
      #table-incidents, #table-livelihoods, #table-livelihood-income { float: left; clear: left; width: 54%; }
      #figure-outreach, #table-outreach-kinds { float: right; clear: right; width: 44%; }
      #figure-outreach { margin-top: 0; }
      .report-programme-commitment p.note { clear: both; margin: .3em 0 0; font-size: .85em; }
      @media print { body.report-programme-commitment { font-size: 7.5pt; max-width: none; } }
      """);

  /**
   * The most rows, the total included, of a table that is never split across pages: about half an
   * A4 page. A longer table breaks between rows, its column labels repeated on the next page.
   */
  static final int WHOLE_ROWS = 25;

  private static final Pattern PAGE_NUMBER = Pattern.compile("\\{([01])\\}");

  private final Lang lang;

  /**
   * Creates the renderer.
   *
   * @param lang the language the page declares, not null
   */
  public HtmlRenderer(Lang lang) {
    this.lang = Objects.requireNonNull(lang, "lang");
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n");
    html.append("<html lang=\"").append(lang.code()).append("\">\n<head>\n");
    html.append("<meta charset=\"utf-8\">\n");
    // the page may load nothing at all: it has to work printed, offline, in a village
    html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; img-src data:\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<meta name=\"generator\" content=\"shg\">\n");
    html.append("<title>").append(escape(report.title())).append("</title>\n");
    html.append("<style>\n").append(STYLE).append(page(report)).append(PRINT)
        .append(LAYOUTS.getOrDefault(report.kind(), "")).append("</style>\n");
    html.append("</head>\n<body class=\"report-").append(report.kind()).append("\">\n");
    body(report, html);
    html.append("</body>\n</html>\n");
    out.write(html.toString());
    out.flush();
  }

  /**
   * Writes what {@link #render} puts between {@code <body>} and {@code </body>}: the heading, the
   * facts and the blocks, for a page of another program's that wraps the report in its own layout
   * (the server's pages, docs/server.md), so that page and file show the same figures.
   *
   * @param report the report, not null
   * @param out where the fragment goes, not null
   * @throws IOException if writing fails
   */
  public void renderBody(Report report, Writer out) throws IOException {
    StringBuilder html = new StringBuilder();
    body(report, html);
    out.write(html.toString());
    out.flush();
  }

  private static void body(Report report, StringBuilder html) {
    html.append("<h1>").append(escape(report.title())).append("</h1>\n");
    if (!report.facts().isEmpty()) {
      html.append("<dl class=\"facts\">\n");
      for (Fact fact : report.facts()) {
        html.append("<dt>").append(escape(fact.label())).append("</dt><dd data-key=\"")
            .append(fact.key()).append("\">").append(escape(Cells.forPeople(fact.value(), false)));
        if (!fact.note().isEmpty()) {
          html.append(" (").append(escape(fact.note())).append(')');
        }
        html.append("</dd>\n");
      }
      html.append("</dl>\n");
    }
    for (Block block : report.blocks()) {
      if (block instanceof Table table) {
        table(table, html);
      } else if (block instanceof Note note) {
        // its hint, a command to type, is for the terminal (see Note)
        html.append("<p class=\"note\">").append(escape(note.text()).replace("\n", "<br>\n")).append("</p>\n");
      } else if (block instanceof Figure figure) {
        html.append("<figure id=\"figure-").append(figure.key()).append("\">\n")
            .append(figure.svg().strip()).append('\n');
        if (!figure.caption().isEmpty()) {
          html.append("<figcaption>").append(escape(figure.caption())).append("</figcaption>\n");
        }
        html.append("</figure>\n");
      } else if (block instanceof Signatures signatures) {
        signatures(signatures, html);
      }
    }
  }

  private static void table(Table table, StringBuilder html) {
    List<Column> columns = table.columns();
    int rows = table.rows().size() + (table.total().isPresent() ? 1 : 0);
    html.append("<table id=\"table-").append(table.key().replace('_', '-'))
        .append(rows <= WHOLE_ROWS ? "\" class=\"whole\">\n" : "\">\n");
    if (!table.caption().isEmpty()) {
      html.append("<caption>").append(escape(table.caption())).append("</caption>\n");
    }
    html.append("<thead><tr>");
    for (Column column : columns) {
      html.append(column.kind().rightAligned() ? "<th class=\"num\"" : "<th")
          .append(" scope=\"col\" data-key=\"").append(column.key()).append("\">")
          .append(escape(column.label())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Row row : table.rows()) {
      row(columns, row, html);
    }
    html.append("</tbody>\n");
    // not a <tfoot>: a browser prints that at the foot of every page the table spans, so a page
    // would end in a total that is not of its rows
    if (table.total().isPresent()) {
      html.append("<tbody class=\"total\">\n");
      row(columns, table.total().get(), html);
      html.append("</tbody>\n");
    }
    html.append("</table>\n");
  }

  private static void row(List<Column> columns, Row row, StringBuilder html) {
    html.append(row.level() == 0 ? "<tr>" : "<tr class=\"level-" + row.level() + "\">");
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      Cell cell = row.cells().get(c);
      boolean negative = cell instanceof Cell.Amount amount && amount.value().isNegative();
      html.append("<td");
      if (column.kind().rightAligned()) {
        html.append(negative ? " class=\"num neg\"" : " class=\"num\"");
      } else if (row.level() > 0) {
        html.append(" style=\"padding-left:").append(0.5 + 1.5 * row.level()).append("em\"");
      }
      html.append('>').append(escape(Cells.forPeople(cell, column.blankWhenZero()))).append("</td>");
    }
    html.append("</tr>\n");
  }

  private static void signatures(Signatures signatures, StringBuilder html) {
    html.append("<section class=\"signatures\">\n");
    for (String signer : signatures.signers()) {
      html.append("<div><p class=\"signer\">").append(escape(signer)).append("</p><p class=\"line\">")
          .append(escape(signatures.signatureLabel())).append("</p><p class=\"line\">")
          .append(escape(signatures.dateLabel())).append("</p></div>\n");
    }
    html.append("</section>\n");
  }

  /**
   * The printed page: A4, and in its margin boxes the running head (the title, then the group's
   * code and name where the report has them as facts) and the reader's words for "Page {0} of
   * {1}" with the page counters in place of the placeholders.
   */
  private String page(Report report) {
    StringBuilder head = new StringBuilder(report.title());
    String group = report.facts().stream()
        .filter(fact -> fact.key().equals("group") || fact.key().equals("group_name"))
        .map(fact -> Cells.forPeople(fact.value(), false))
        .reduce((code, name) -> code + " " + name).orElse("");
    if (!group.isEmpty()) {
      head.append(" \u00b7 ").append(group);
    }
    String margin = "font-size: 8pt; color: #444;";
    return "@page { size: A4 portrait; margin: 18mm 15mm;\n"
        + "        @top-left { content: " + cssString(head.toString()) + "; " + margin + " }\n"
        + "        @bottom-right { content: " + pageNumbers(Labels.of(lang).get("print.page_of")) + "; "
        + margin + " } }\n";
  }

  /** {@code Page {0} of {1}} as CSS content: {@code "Page " counter(page) " of " counter(pages)}. */
  static String pageNumbers(String pattern) {
    StringBuilder content = new StringBuilder();
    Matcher placeholder = PAGE_NUMBER.matcher(pattern);
    int at = 0;
    while (placeholder.find()) {
      if (placeholder.start() > at) {
        content.append(cssString(pattern.substring(at, placeholder.start()))).append(' ');
      }
      content.append(placeholder.group(1).equals("0") ? "counter(page) " : "counter(pages) ");
      at = placeholder.end();
    }
    if (at < pattern.length()) {
      content.append(cssString(pattern.substring(at)));
    }
    return content.toString().strip();
  }

  /**
   * Text as a quoted CSS string that cannot end the string or the style element: quotes and
   * backslashes escaped, and {@code <} and line breaks as hexadecimal escapes.
   */
  static String cssString(String text) {
    StringBuilder css = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        css.append('\\').append(c);
      } else if (c == '<' || c < ' ') {
        css.append('\\').append(Integer.toHexString(c)).append(' ');
      } else {
        css.append(c);
      }
    }
    return css.append('"').toString();
  }

  /**
   * Text made safe to place in HTML or SVG, as element content or in a quoted attribute: {@code &
   * < > " '} become character references.
   *
   * @param text the text, not null
   * @return the escaped text, not null
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
