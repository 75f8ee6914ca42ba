package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV for spreadsheets: RFC 4180, tables only, plain amounts, nothing a spreadsheet would run. */
class CsvRendererTest {

  @Test
  void writesEachTableWithItsKeysAsHeaderPlainAmountsAndNoTotalRow() {
    String csv = Sample.render(new CsvRenderer(), Sample.report());

    assertEquals(String.join("\r\n",
            "code,account,debit,credit",
            "1000,Cash in hand,123456.50,0.00",
            "2000,Members' savings,0.00,123456.50",
            "2000:M01,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0.00,123456.50",
            "",
            "date,days,change,memo",
            "2025-06-30,12.50,-5.00,\"'-1+2, \"\"quoted\"\"\"",
            ""),
        csv);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"})
  void aTextThatWouldStartAFormulaGetsALeadingApostrophe(String text) {
    assertEquals("'" + text, CsvRenderer.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Cash in hand", "1000", "2000:M01", " =1", "a=b", "'quoted"})
  void otherTextIsLeftAsItIs(String text) {
    assertEquals(text, CsvRenderer.neutralise(text));
  }

  @Test
  void aNegativeAmountStaysANumber() {
    Table table = Table.of("t", List.of(Column.amount("amount", "Amount")),
        List.of(Row.of(Cell.amount(Sample.inr("-1234.5")))));
    String csv = Sample.render(new CsvRenderer(), new Report("r", "R", List.of(), List.of(table)));
    assertEquals("amount\r\n-1234.50\r\n", csv);
  }
}
