package org.shgledger.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a report as one JSON object for programs (docs/formats.md#json), with Jackson's streaming
 * generator, indented two spaces, lines ending in {@code \n}:
 *
 * <pre>{@code
 * {
 *   "schema" : "shg.trial-balance/1",
 *   "report" : "trial-balance",
 *   "title" : "Trial balance",
 *   "facts" : { "group" : "SHG01", "as_of" : "2025-06-30", "currency" : "INR" },
 *   "tables" : {
 *     "accounts" : {
 *       "columns" : [ "code", "account", "debit", "credit" ],
 *       "rows" : [ { "code" : "1000", "account" : "Cash in hand", "debit" : "230.00", "credit" : "0.00" } ],
 *       "total" : { "debit" : "1230.00", "credit" : "1230.00" }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Amounts are strings with the currency's decimals ({@code "1230.00"}), so that no reader turns
 * them into binary fractions; numbers that are not money are JSON numbers, written exactly; dates
 * are ISO strings; an empty cell is {@code null}. A row is an object keyed by its table's column
 * keys, in column order; {@code total} is there only when the table has a total row, and holds
 * only its non-empty cells. Notes and figures are for people and are left out; a figure's own table
 * of numbers ({@link Figure#data()}) is written as a table.
 *
 * <p>{@code schema} comes first so that a program can read it before the rest and refuse a
 * contract it does not know: {@code shg.<report>/<version>}, whose JSON Schema is {@code
 * docs/schemas/shg.<report>.schema.json}. The version is {@link #SCHEMA_VERSION}; it goes up only
 * for a breaking change (docs/formats.md#json).
 */
public final class JsonRenderer implements Renderer {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      // 1E+3 is valid JSON but not what a person or a spreadsheet expects from 1000
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  /**
   * The version of every report's JSON contract, the {@code 1} of {@code shg.statement/1}: raised,
   * for the report whose shape broke, when a field is removed, renamed or changes type or meaning.
   */
  public static final int SCHEMA_VERSION = 1;

  /** Creates the renderer. */
  public JsonRenderer() {}

  @Override
  public void render(Report report, Writer out) throws IOException {
    // the generator must not close the caller's stream, which may be standard output
    JsonGenerator json = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    json.setPrettyPrinter(
        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
    json.writeStartObject();
    json.writeStringField("schema", schema(report.kind()));
    json.writeStringField("report", report.kind());
    json.writeStringField("title", report.title());
    json.writeObjectFieldStart("facts");
    for (Fact fact : report.facts()) {
      json.writeFieldName(fact.key());
      value(json, fact.value());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("tables");
    for (Table table : report.tables()) {
      json.writeObjectFieldStart(table.key());
      json.writeArrayFieldStart("columns");
      for (Column column : table.columns()) {
        json.writeString(column.key());
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rows");
      for (Row row : table.rows()) {
        json.writeStartObject();
        fields(json, table.columns(), row, false);
        json.writeEndObject();
      }
      json.writeEndArray();
      if (table.total().isPresent()) {
        json.writeObjectFieldStart("total");
        fields(json, table.columns(), table.total().get(), true);
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
    json.flush();
    out.write('\n');
    out.flush();
  }

  /**
   * The name of the JSON contract of a kind of report, as its {@code schema} field carries it.
   *
   * @param kind the report's kind, such as {@code trial-balance}, not null
   * @return the contract's name, such as {@code shg.trial-balance/1}
   */
  public static String schema(String kind) {
    return "shg." + kind + "/" + SCHEMA_VERSION;
  }

  private static void fields(JsonGenerator json, List<Column> columns, Row row, boolean skipEmpty)
      throws IOException {
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = row.cells().get(c);
      if (skipEmpty && cell.isEmpty()) {
        continue;
      }
      json.writeFieldName(columns.get(c).key());
      value(json, cell);
    }
  }

  private static void value(JsonGenerator json, Cell cell) throws IOException {
    if (cell.isEmpty()) {
      json.writeNull();
    } else if (cell instanceof Cell.Number number) {
      json.writeNumber(number.value());
    } else {
      json.writeString(Cells.plain(cell));
    }
  }
}
