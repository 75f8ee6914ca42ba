package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text for people: aligned columns, Indian grouping, indented detail rows, 80 columns. */
class TextRendererTest {

  @Test
  void printsTitleFactsAndAlignedTablesWithIndianGrouping() {
    String text = Sample.render(new TextRenderer(), Sample.report());

    assertEquals("""
        Sample <report>
        ===============
        Group: SHG01
        As of: 2025-06-30 (the date of the latest entry)
        Cash:  1,00,000.00

        Accounts
        Code        Account                             Debit       Credit
        ----------  ----------------------------  -----------  -----------
        1000        Cash in hand                  1,23,456.50
        2000        Members' savings                           1,23,456.50
          2000:M01    =HYPERLINK("http://x","y")               1,23,456.50
        ----------  ----------------------------  -----------  -----------
                    Total                         1,23,456.50  1,23,456.50

        A note for people.

        [Savings over time]

        Date         Days  Change  Memo
        ----------  -----  ------  --------------
        2025-06-30  12.50   -5.00  -1+2, "quoted"
        """, text);
  }

  @Test
  void wrapsTheWidestTextColumnSoThatTheTableFitsEightyColumns() {
    String longName = "Interest paid on the bank loan under SHG–bank linkage, and on the federation's loan too";
    Table table = Table.of("t",
        List.of(Column.text("code", "Code"), Column.text("account", "Account"), Column.amount("debit", "Debit"),
            Column.amount("credit", "Credit")),
        List.of(Row.of(Cell.text("5000"), Cell.text(longName), Cell.amount(Sample.inr("12345678")),
            Cell.amount(Sample.inr("0")))));

    String text = Sample.render(new TextRenderer(), new Report("r", "R", List.of(), List.of(table)));

    for (String line : text.split("\n")) {
      assertTrue(TextRenderer.width(line) <= TextRenderer.WIDTH, "too wide: " + line);
    }
    assertTrue(text.contains("5000  Interest paid on the bank loan"), text);
    assertTrue(text.contains("1,23,45,678.00"), text);
    String joined = String.join(" ", text.lines().skip(5).map(l -> l.substring(6, Math.min(l.length(), 52)).strip()).toList());
    assertTrue(joined.startsWith(longName), joined);
  }

  @Test
  void countsDevanagariVowelSignsAsTheTerminalShowsThem() {
    // क (letter), ि (a spacing vowel sign: one column), ् (virama: none), ष
    assertEquals(3, TextRenderer.width("कि्ष"));
    // न, ा (spacing), म, े (non-spacing): three columns, so "नामे" lines up as three wide
    assertEquals(3, TextRenderer.width("नामे"));
    Table table = Table.of("t", List.of(Column.text("account", "खाता"), Column.amount("debit", "नामे")),
        List.of(Row.of(Cell.text("नकद"), Cell.amount(Sample.inr("5")))));
    String text = Sample.render(new TextRenderer(), new Report("r", "तलपट", List.of(), List.of(table)));
    assertEquals("""
        तलपट
        ====

        खाता   नामे
        ----  ----
        नकद   5.00
        """, text);
  }

  @Test
  void printsANotesHintAfterItsTextAndNoSignatures() {
    Report report = Report.builder("hinted", "Hinted")
        .note("Members are shown by id.\nThe totals agree.", "Type --names for names.")
        .add(new Signatures(List.of("Prepared by", "Treasurer"), "Signature", "Date"))
        .build();
    assertEquals("Hinted\n======\n\nMembers are shown by id.\nThe totals agree.\nType --names for names.\n",
        Sample.render(new TextRenderer(), report));
  }
}
