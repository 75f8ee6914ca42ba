package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON for programs: stable keys, amounts as strings, exact numbers, null for empty. */
class JsonRendererTest {

  @Test
  void writesTheReportAsOneObjectWithFactsAndTablesByKey() {
    String json = Sample.render(new JsonRenderer(), Sample.report());

    String expected = """
        {
          "schema" : "shg.sample/1",
          "report" : "sample",
          "title" : "Sample <report>",
          "facts" : {
            "group" : "SHG01",
            "as_of" : "2025-06-30",
            "cash" : "100000.00"
          },
          "tables" : {
            "accounts" : {
              "columns" : [
                "code",
                "account",
                "debit",
                "credit"
              ],
              "rows" : [
                {
                  "code" : "1000",
                  "account" : "Cash in hand",
                  "debit" : "123456.50",
                  "credit" : "0.00"
                },
                {
                  "code" : "2000",
                  "account" : "Members' savings",
                  "debit" : "0.00",
                  "credit" : "123456.50"
                },
                {
                  "code" : "2000:M01",
                  "account" : "=HYPERLINK(\\"http://x\\",\\"y\\")",
                  "debit" : "0.00",
                  "credit" : "123456.50"
                }
              ],
              "total" : {
                "account" : "Total",
                "debit" : "123456.50",
                "credit" : "123456.50"
              }
            },
            "other" : {
              "columns" : [
                "date",
                "days",
                "change",
                "memo"
              ],
              "rows" : [
                {
                  "date" : "2025-06-30",
                  "days" : 12.50,
                  "change" : "-5.00",
                  "memo" : "-1+2, \\"quoted\\""
                }
              ]
            }
          }
        }
        """;
    assertEquals(expected, json);
  }

  @Test
  void isValidJsonWithUnicodeWrittenAsItIsAndEmptyCellsAsNull() throws IOException {
    Table table = Table.of("t", List.of(Column.text("name", "नाम"), Column.number("n", "N")),
        List.of(Row.of(Cell.text("रोशनी — ₹"), Cell.empty()), Row.of(Cell.empty(), Cell.number(1000))));
    String json = Sample.render(new JsonRenderer(), new Report("r", "शीर्षक", List.of(), List.of(table)));

    assertTrue(json.contains("\"रोशनी — ₹\""), json);
    assertTrue(json.contains("\"n\" : 1000"), json);
    assertFalse(json.contains("E+"), json);
    List<JsonToken> tokens = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token);
      }
    }
    assertEquals(2, tokens.stream().filter(t -> t == JsonToken.VALUE_NULL).count());
  }
}
