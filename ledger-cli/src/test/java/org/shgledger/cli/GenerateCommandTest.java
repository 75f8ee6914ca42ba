package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BenchPassbook;
import org.shgledger.store.LedgerStore;

/**
 * {@code shg generate}: deterministic for a seed, and what it writes imports cleanly through
 * {@code shg} itself.
 */
class GenerateCommandTest {

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws Exception {
    ok("generate", "--groups", "2", "--members", "12", "--years", "2", "--seed", "42",
        "--passbook-rows", "500", "--out", dir.resolve("a").toString());
    ok("generate", "--groups", "2", "--members", "12", "--years", "2", "--seed", "42",
        "--passbook-rows", "500", "--out", dir.resolve("b").toString());
    ok("generate", "--groups", "2", "--members", "12", "--years", "2", "--seed", "43",
        "--passbook-rows", "500", "--out", dir.resolve("c").toString());

    List<Path> files = files(dir.resolve("a"));
    assertEquals(files, files(dir.resolve("b")));
    assertFalse(files.isEmpty());
    for (Path file : files) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)), file.toString());
    }
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/bench/passbook.csv")),
        Files.readAllBytes(dir.resolve("c/bench/passbook.csv"))), "another seed, another passbook");
  }

  @Test
  void everyGeneratedGroupImportsCleanlyAndItsBankEndsAtThePassbooksLastBalance(@TempDir Path dir) throws Exception {
    // five groups cover the four layouts, a Revolving Fund, a bank loan lent on, members in arrears
    ok("generate", "--groups", "5", "--members", "12", "--years", "2", "--seed", "3", "--out", dir.toString());
    List<String> folders = Files.readAllLines(dir.resolve("groups.txt")).stream()
        .filter(line -> !line.startsWith("#")).toList();
    assertEquals(List.of("gen0001", "gen0002", "gen0003", "gen0004", "gen0005"), folders);

    for (String folder : folders) {
      Path group = dir.resolve(folder);
      List<String> arguments = SeedBooks.groupArguments(Files.readString(group.resolve("group.txt")));
      String code = arguments.get(0);
      String db = dir.resolve(folder + ".db").toString();
      List<String> create = new ArrayList<>(List.of("group", "create"));
      create.addAll(arguments);
      create.addAll(List.of("--db", db));
      ok(create.toArray(String[]::new));
      String[] books = {"import", "books", code, "--members", group.resolve("members.csv").toString(),
          "--meetings", group.resolve("meetings.csv").toString(), "--passbook", group.resolve("passbook.csv").toString(),
          "--rules", group.resolve("rules.txt").toString(), "--db", db};

      String first = ok(books);
      String again = ok(books);

      assertTrue(first.contains(" 0 to Suspense (9999)"), first);
      assertTrue(first.strip().endsWith("they agree"), "the books' bank account is the passbook's: " + first);
      assertTrue(again.matches("(?s).*members.csv: 12 rows, 0 recorded, 12 already in the books.*"), again);
      assertTrue(again.matches("(?s).*meetings.csv: \\d+ rows, 0 recorded, .*"), again);
      assertTrue(again.matches("(?s).*: (\\d+) lines, 0 recorded, \\1 already in the books.*"), again);
      assertEquals(ExitCodes.OK, Run.shg("verify", code, "--db", db).exitCode());
      String layout = first.replaceAll("(?s).*\\(profile (\\w+)\\).*", "$1");
      try (LedgerStore store = LedgerStore.openSqlite(Path.of(db))) {
        assertEquals(lastBalance(group.resolve("passbook.csv"), BankLayout.named(layout)),
            store.journal().balance(BookId.of(code), AccountCode.of("1100"), java.time.LocalDate.MAX).normalBalance(),
            folder + ": the bank account ends at the passbook's last balance");
      }
    }
    String register = Files.readString(dir.resolve("gen0003/meetings.csv"));
    assertTrue(Files.readString(dir.resolve("gen0003/passbook.csv")).contains("SHG LOAN DISBURSAL"), "a bank loan");
    assertTrue(Files.readString(dir.resolve("gen0001/passbook.csv")).contains("CASH WITHDRAWAL SELF"),
        "cash drawn from the bank to lend");
    assertTrue(register.contains(",Member 0001,") || Files.readString(dir.resolve("gen0003/members.csv"))
        .contains("M01,Member 0001,adult_woman"), "obviously fake names");
  }

  @ParameterizedTest
  @ValueSource(strings = {"generic", "sbi", "hdfc", "kotak"})
  void theBenchmarkPassbookHasExactlyTheLinesAskedForAndImportsAloneIntoItsGroup(String layout, @TempDir Path dir)
      throws Exception {
    int rows = 2_000;
    ok("generate", "--groups", "0", "--passbook-rows", String.valueOf(rows), "--passbook-layout", layout,
        "--years", "3", "--seed", "5", "--out", dir.toString());
    Path bench = dir.resolve("bench");
    String db = dir.resolve("bench.db").toString();

    List<String> create = new ArrayList<>(List.of("group", "create"));
    create.addAll(SeedBooks.groupArguments(Files.readString(bench.resolve("group.txt"))));
    create.addAll(List.of("--db", db));
    ok(create.toArray(String[]::new));
    String report = ok("import", "passbook", "BENCH", bench.resolve("passbook.csv").toString(),
        "--rules", bench.resolve("rules.txt").toString(), "--db", db);

    assertTrue(report.contains("(detected: " + layout + "): " + rows + " lines, " + rows + " recorded, 0 already in"
        + " the books, 0 to Suspense (9999)"), report);
    assertEquals(ExitCodes.OK, Run.shg("verify", "BENCH", "--db", db).exitCode());
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(db))) {
      assertEquals(lastBalance(bench.resolve("passbook.csv"), BankLayout.named(layout)),
          store.journal().balance(BookId.of("BENCH"), AccountCode.of("1100"), java.time.LocalDate.MAX).normalBalance(),
          "the bank account ends at the passbook's last balance");
    }
  }

  @Test
  void theBenchmarkPassbookIsWrittenWithoutHoldingItsLines() throws Exception {
    // a million lines into a writer that keeps nothing: what the generator holds is its state
    long before = usedHeap();
    var counter = new java.io.Writer() {
      long newlines;

      @Override
      public void write(char[] text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
          if (text[i] == '\n') {
            newlines++;
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    BenchPassbook.Summary summary = BenchPassbook.write(counter, 1_000_000, 9, 5, BankLayout.GENERIC);

    assertEquals(1_000_000, summary.lines());
    assertEquals(1_000_001, counter.newlines, "a header and a million lines");
    assertTrue(usedHeap() - before < 64L << 20, "no line is kept");
  }

  @Test
  void formedMovesTheGroupsBooksToAnotherStartAndIsTheFirstOfAMonth(@TempDir Path dir) throws Exception {
    // a benchmark's long register must still end before today
    ok("generate", "--groups", "2", "--members", "3", "--years", "2", "--formed", "2010-04-01", "--out",
        dir.toString());

    assertTrue(Files.readString(dir.resolve("gen0001/group.txt")).contains("\n--formed 2010-04-01\n"));
    assertTrue(Files.readString(dir.resolve("gen0002/group.txt")).contains("\n--formed 2010-05-01\n"));
    List<String> register = Files.readAllLines(dir.resolve("gen0001/meetings.csv"));
    assertTrue(register.get(1).startsWith("2010-04-10,"), register.get(1));
    assertTrue(register.get(register.size() - 1).startsWith("2012-03-10,"), register.get(register.size() - 1));
    assertEquals(ExitCodes.USAGE, Run.shg("generate", "--formed", "2010-04-02", "--out", dir.toString()).exitCode());
  }

  @Test
  void aBadSizeIsAUsageError(@TempDir Path dir) {
    assertEquals(ExitCodes.USAGE, Run.shg("generate", "--members", "0", "--out", dir.toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Run.shg("generate", "--groups", "0", "--out", dir.toString()).exitCode());
    assertEquals(ExitCodes.USAGE, Run.shg("generate", "--groups", "0", "--passbook-rows", "10",
        "--passbook-layout", "icici", "--out", dir.toString()).exitCode());
  }

  /** The balance column of the statement's last line, read the way its layout writes it. */
  static Money lastBalance(Path passbook, BankLayout layout) throws Exception {
    List<String> lines = Files.readAllLines(passbook, StandardCharsets.UTF_8);
    String last = lines.get(lines.size() - 1);
    List<String> cells = new ArrayList<>();
    try (var parser = org.apache.commons.csv.CSVParser.parse(last, org.apache.commons.csv.CSVFormat.DEFAULT)) {
      parser.getRecords().get(0).forEach(cells::add);
    }
    int column = layout == BankLayout.KOTAK ? cells.size() - 2 : cells.size() - 1;
    return Money.parse("INR " + cells.get(column).replace(",", ""));
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static String ok(String... args) {
    Run run = Run.shg(args);
    assertEquals(ExitCodes.OK, run.exitCode(), () -> String.join(" ", args) + "\n" + run.err());
    return run.out();
  }
}
