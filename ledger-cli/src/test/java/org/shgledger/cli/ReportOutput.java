package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanId;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.store.LedgerStore;

/**
 * Reads the reports' output back as a program would, for the report command tests: a CSV's
 * tables with Commons CSV, a JSON document with jackson-core into maps, lists, strings and
 * decimals. Also {@link #addLakhs}, which puts amounts of lakhs into {@link ReportBooks}' group.
 */
final class ReportOutput {

  private ReportOutput() {}

  /** Runs {@code shg} with the arguments, then more. */
  static Run shg(String[] base, String... more) {
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Run.shg(args);
  }

  /**
   * The tables of a CSV report: split at the empty line between tables, each parsed with its own
   * header, as RFC 4180 with CRLF.
   */
  static List<List<CSVRecord>> csvTables(String csv) {
    List<List<CSVRecord>> tables = new ArrayList<>();
    for (String table : csv.split("\r\n\r\n", -1)) {
      try (CSVParser parser = CSVParser.parse(table,
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
        tables.add(parser.getRecords());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tables;
  }

  /** The header line of each table of a CSV report. */
  static List<String> csvHeaders(String csv) {
    List<String> headers = new ArrayList<>();
    for (String table : csv.split("\r\n\r\n", -1)) {
      headers.add(table.substring(0, table.indexOf("\r\n")));
    }
    return headers;
  }

  /** The sum of a CSV column of amounts, read as decimals. */
  static BigDecimal sum(List<CSVRecord> table, String column) {
    return table.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * A JSON document as Java values: objects as insertion-ordered maps, arrays as lists, strings,
   * numbers as {@link BigDecimal}, null; nothing may follow the one value.
   */
  static Object json(String text) {
    try (JsonParser parser = new JsonFactory().createParser(new StringReader(text))) {
      parser.nextToken();
      Object value = value(parser);
      assertNull(parser.nextToken(), "nothing after the JSON value");
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String name = parser.currentName();
          parser.nextToken();
          Object previous = object.put(name, value(parser));
          assertNull(previous, "key " + name + " twice");
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getDecimalValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return parser.getBooleanValue();
      }
      default -> throw new AssertionError("unexpected JSON token " + token);
    }
  }

  /** A member of a JSON object, by a path of keys. */
  @SuppressWarnings("unchecked")
  static <T> T at(Object json, String... keys) {
    Object at = json;
    for (String key : keys) {
      if (!(at instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new AssertionError("no " + key + " in " + at);
      }
      at = map.get(key);
    }
    return (T) at;
  }

  /** The rows of a JSON table. */
  static List<Map<String, Object>> rows(Object json, String table) {
    return at(json, "tables", table, "rows");
  }

  /** The sum of a JSON column of amounts, which are strings. */
  static BigDecimal jsonSum(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> new BigDecimal((String) r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** An amount with two decimals, as CSV and JSON write it. */
  static BigDecimal amount(String value) {
    return new BigDecimal(value).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The day {@link #addLakhs} records on. */
  static final LocalDate LAKHS_DAY = LocalDate.of(2025, 6, 30);

  /**
   * Adds amounts of lakhs to {@link ReportBooks}' group on {@link #LAKHS_DAY}, so that Indian
   * grouping shows: a grant of 2,00,000 into the bank, M01 saving 1,50,000 through the bank, and
   * a loan of 1,50,000 to M03 paid in cash drawn from the bank.
   */
  static void addLakhs(java.nio.file.Path db) {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      var engine = store.engine();
      engine.record(ReportBooks.SHG, EntryId.of("GRANT"), LAKHS_DAY,
          new GroupOperation.ReceiveGrant(ReportBooks.inr("200000"), Channel.BANK));
      engine.record(ReportBooks.SHG, EntryId.of("BIG-SAVE-M01"), LAKHS_DAY,
          new GroupOperation.Save(ReportBooks.M01, SavingsKind.COMPULSORY, ReportBooks.inr("150000"), Channel.BANK));
      engine.record(ReportBooks.SHG, EntryId.of("DRAW"), LAKHS_DAY,
          new GroupOperation.WithdrawFromBank(ReportBooks.inr("150000")));
      engine.disburseLoan(ReportBooks.SHG, EntryId.of("BIG-LOAN-M03"), LoanId.of("L-M03-1"), ReportBooks.M03,
          LoanTerms.of(ReportBooks.inr("150000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 10,
              Frequency.MONTHLY, LAKHS_DAY),
          Channel.CASH);
    }
  }
}
