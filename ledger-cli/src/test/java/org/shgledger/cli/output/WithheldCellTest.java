package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A count withheld to protect people is written as its mark, {@code <5} or {@code x}, in every format. */
class WithheldCellTest {

  private static Report report() {
    Table table = Table.of("indicators", List.of(Column.text("label", "Indicator"), Column.number("value", "Value")),
        List.of(Row.of(Cell.text("Members"), Cell.number(503)), Row.of(Cell.text("adult"), Cell.withheld("x")),
            Row.of(Cell.text("adolescent"), Cell.withheld("<5"))));
    return new Report("r", "R", List.of(), List.of(table));
  }

  @Test
  void everyFormatWritesTheMark() {
    assertEquals("label,value\r\nMembers,503\r\nadult,x\r\nadolescent,<5\r\n", Sample.render(new CsvRenderer(), report()));
    String json = Sample.render(new JsonRenderer(), report()).replaceAll("\\s+", " ");
    assertTrue(json.contains("\"value\" : 503 }"), json);
    assertTrue(json.contains("\"value\" : \"<5\""), json);
    assertTrue(Sample.render(new TextRenderer(), report()).contains("adolescent     <5\n"),
        Sample.render(new TextRenderer(), report()));
    assertTrue(Sample.render(new HtmlRenderer(Lang.EN), report()).contains("<td class=\"num\">&lt;5</td>"));
  }

  @Test
  void aMarkStandsOnlyForANumberOrAnAmountAndIsTheProgramsOwn() {
    assertThrows(IllegalArgumentException.class, () -> Table.of("t", List.of(Column.text("label", "L")),
        List.of(Row.of(Cell.withheld("x")))));
    assertThrows(IllegalArgumentException.class, () -> Cell.withheld("=1+2"));
    assertThrows(IllegalArgumentException.class, () -> Cell.withheld("Asha"));
  }
}
