package org.shgledger.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static List<CsvRow> read(byte[] bytes, ImportLimits limits) {
    try (CsvTable table = CsvTable.of("f.csv", new ByteArrayInputStream(bytes), limits, null)) {
      List<CsvRow> rows = new ArrayList<>();
      for (Optional<CsvRow> row = table.next(); row.isPresent(); row = table.next()) {
        rows.add(row.get());
      }
      return rows;
    }
  }

  private static List<CsvRow> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
  }

  private static ImportProblem failure(byte[] bytes, ImportLimits limits) {
    ImportException e = assertThrows(ImportException.class, () -> read(bytes, limits));
    return e.problems().get(0);
  }

  private static ImportProblem failure(String text) {
    return failure(text.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
  }

  @Test
  void readsCommaSeparatedWithQuotesAndKeepsLineNumbers() {
    List<CsvRow> rows = read("a,b\n\n\"x, y\",\"say \"\"hi\"\"\"\r\nlast,1");
    assertEquals(4, rows.size());
    assertEquals(List.of("x, y", "say \"hi\""), rows.get(2).cells());
    assertEquals(3, rows.get(2).line());
    assertTrue(rows.get(1).isBlank());
    assertEquals(4, rows.get(3).line());
  }

  @Test
  void quotedNewlineKeepsTheNextRecordsLine() {
    List<CsvRow> rows = read("\"a\nb\",c\nd,e\n");
    assertEquals(1, rows.get(0).line());
    assertEquals(3, rows.get(1).line());
  }

  @Test
  void choosesTabsAndSkipsTheByteOrderMark() {
    List<CsvRow> rows = read("\uFEFFDate\tNarration\n01/04/2025\tA, B\n");
    assertEquals(List.of("Date", "Narration"), rows.get(0).cells());
    assertEquals("A, B", rows.get(1).cell(1));
  }

  @Test
  void refusesBytesThatAreNotUtf8WithTheirPlace() {
    byte[] bytes = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    ImportProblem problem = failure(bytes, ImportLimits.DEFAULT);
    assertEquals(2, problem.line());
    assertTrue(problem.reason().contains("UTF-8"), problem.reason());
  }

  @Test
  void refusesAByteOrderMarkInTheMiddle() {
    ImportProblem problem = failure("a,b\nc,\uFEFFd\n");
    assertEquals("f.csv:2:3: ", problem.toString().substring(0, 11));
  }

  @Test
  void refusesControlCharacters() {
    assertEquals(1, failure("a\u0000b\n").line());
  }

  @Test
  void refusesQuotesThatDoNotPair() {
    ImportProblem problem = failure("a,b\n\"c,d\ne,f\n");
    assertTrue(problem.reason().contains("quotes"), problem.reason());
    assertEquals(2, problem.line());
  }

  @Test
  void enforcesLimits() {
    ImportLimits small = new ImportLimits(100, 2, 5, 20, 10);
    assertTrue(failure("123456\n".getBytes(StandardCharsets.UTF_8), small).reason()
        .contains("at most 5"));
    assertTrue(failure("1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8), small).reason()
        .contains("more than 2 rows"));
    assertTrue(failure("1,2,3,4,5,6,7,8,9,10,11\n".getBytes(StandardCharsets.UTF_8), small)
        .reason().contains("longer than 20"));
    assertTrue(failure("1\n".repeat(60).getBytes(StandardCharsets.UTF_8),
            small.withMaxRows(1000)).reason().contains("larger than 100 bytes"));
  }

  @Test
  void problemsSayFileLineColumn() {
    ImportException e =
        new ImportException(
            List.of(new ImportProblem("p.csv", 3, 2, "bad"), new ImportProblem("p.csv", 4, 1, "x")),
            false);
    assertEquals("p.csv:3:2: bad (and 1 more problem)", e.getMessage());
  }
}
