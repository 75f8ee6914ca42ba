package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** HTML: one self-contained page, every text escaped, figures inline. */
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
  void writesTablesWithAmountsInIndianGroupingAndTheTotalInTheFooter() {
    assertTrue(html.contains("<caption>Accounts</caption>"), html);
    assertTrue(html.contains("<th class=\"num\" scope=\"col\" data-key=\"debit\">Debit</th>"), html);
    assertTrue(html.contains("<td class=\"num\">1,23,456.50</td><td class=\"num\"></td>"), html);
    assertTrue(html.contains("<tfoot>\n<tr><td></td><td>Total</td>"), html);
    assertTrue(html.contains("<td class=\"num neg\">-5.00</td>"), html);
  }

  @Test
  void placesFiguresInlineWithTheirCaption() {
    assertTrue(html.contains("<figure id=\"figure-savings\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
    assertTrue(html.contains("<figcaption>Savings over time</figcaption>"), html);
  }
}
