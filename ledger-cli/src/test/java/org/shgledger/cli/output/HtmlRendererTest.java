package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML: one self-contained page, every text escaped, figures inline, printable on A4. */
class HtmlRendererTest {

  private final String html = Sample.render(new HtmlRenderer(Lang.HI), Sample.report());

  @Test
  void isOneCompletePageInTheReadersLanguage() {
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"hi\">\n"), html);
    assertTrue(html.contains("<meta charset=\"utf-8\">"), html);
    assertTrue(html.endsWith("</body>\n</html>\n"), html);
  }

  @Test
  void loadsNothingFromOutside() {
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), html);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<link"), html);
    assertFalse(html.contains("src="), html);
    assertFalse(html.contains("url("), html);
  }

  @Test
  void escapesEveryText() {
    assertTrue(html.contains("<title>Sample &lt;report&gt;</title>"), html);
    assertTrue(html.contains("<td style=\"padding-left:2.0em\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>"), html);
    assertTrue(html.contains("<td>Members&#39; savings</td>"), html);
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlRenderer.escape("<a href=\"x\">&'"));
  }

  @Test
  void writesTablesWithAmountsInIndianGroupingAndTheTotalAsTheirLastRowGroup() {
    assertTrue(html.contains("<caption>Accounts</caption>"), html);
    assertTrue(html.contains("<th class=\"num\" scope=\"col\" data-key=\"debit\">Debit</th>"), html);
    assertTrue(html.contains("<td class=\"num\">1,23,456.50</td><td class=\"num\"></td>"), html);
    assertTrue(html.contains("</tbody>\n<tbody class=\"total\">\n<tr><td></td><td>Total</td>"), html);
    assertTrue(html.contains("<td class=\"num neg\">-5.00</td>"), html);
  }

  @Test
  void aTotalIsNeverAFooterThatPrintingRepeatsAtEachPageBreak() {
    // a browser prints a <tfoot> at the foot of every page its table spans: the first page of a
    // long table would end in the total of all its pages
    assertFalse(html.contains("<tfoot"), html);
    assertTrue(html.contains("thead { display: table-header-group; }"), "column labels do repeat");
  }

  @Test
  void aShortTableIsKeptOnOnePageALongOneBreaksBetweenRows() {
    assertTrue(html.contains("<table id=\"table-accounts\" class=\"whole\">"), html);
    assertTrue(html.contains("table.whole { break-inside: avoid; }"), html);
    List<Row> rows = java.util.Collections.nCopies(HtmlRenderer.WHOLE_ROWS + 1,
        Row.of(Cell.text("1000"), Cell.amount(Sample.inr("1"))));
    Report longTable = Report.builder("long", "Long").add(Table.of("lines",
        List.of(Column.text("code", "Code"), Column.amount("amount", "Amount")), rows)).build();
    assertTrue(Sample.render(new HtmlRenderer(Lang.EN), longTable).contains("<table id=\"table-lines\">"));
  }

  @Test
  void everyPrintedPageIsNumberedInTheReadersLanguageUnderARunningHead() {
    assertTrue(html.contains("@bottom-right { content: \"पृष्ठ \" counter(page) \" (कुल \" counter(pages) \")\";"),
        html);
    assertTrue(html.contains("@top-left { content: \"Sample \\3c report> \u00b7 SHG01\";"),
        "the title and the group, a < escaped so that nothing ends the style: " + html);
    String english = Sample.render(new HtmlRenderer(Lang.EN), Sample.report());
    assertTrue(english.contains("content: \"Page \" counter(page) \" of \" counter(pages);"), english);
    assertEquals("counter(page) \"/\" counter(pages)", HtmlRenderer.pageNumbers("{0}/{1}"));
    assertEquals("\"a\\\"b\\\\c\\a \"", HtmlRenderer.cssString("a\"b\\c\n"));
  }

  @Test
  void signaturesHaveALineToSignAndALineToDateForEachSigner() {
    Report signed = Report.builder("signed", "Signed")
        .add(new Signatures(List.of("Prepared by", "Treasurer & co"), "Signature", "Date")).build();
    String page = Sample.render(new HtmlRenderer(Lang.EN), signed);
    assertTrue(page.contains("<section class=\"signatures\">\n"
        + "<div><p class=\"signer\">Prepared by</p><p class=\"line\">Signature</p><p class=\"line\">Date</p></div>\n"
        + "<div><p class=\"signer\">Treasurer &amp; co</p><p class=\"line\">Signature</p><p class=\"line\">Date</p></div>\n"
        + "</section>\n"), page);
    assertTrue(page.contains("section.signatures { display: grid;"), "side by side");
  }

  @Test
  void aNotesHintForTheTerminalIsNotPrinted() {
    Report report = Report.builder("hinted", "Hinted").note("Members are shown by id.", "Type --names for names.").build();
    String page = Sample.render(new HtmlRenderer(Lang.EN), report);
    assertTrue(page.contains("<p class=\"note\">Members are shown by id.</p>"), page);
    assertFalse(page.contains("--names"), page);
  }

  @Test
  void placesFiguresInlineWithTheirCaption() {
    assertTrue(html.contains("<figure id=\"figure-savings\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
    assertTrue(html.contains("<figcaption>Savings over time</figcaption>"), html);
  }
}
