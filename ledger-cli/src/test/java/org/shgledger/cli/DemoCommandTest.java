package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg demo}: builds the seed group SHG01 Roshni Mahila Samooh and prints its trial balance
 * at the end of its first financial year, leaving nothing behind. The expected numbers were worked
 * out by hand from the story in seeds/shg01-roshni/README.md:
 *
 * <pre>
 * cash      = collected 25,010 − lent 15,000 − banked 9,700                      =    310.00
 * bank      = banked 9,700 + Revolving Fund 15,000 + interest 266 − charges 53.10 = 24,912.90
 * loans     = lent 15,000 − principal repaid 7,560                                =  7,440.00
 * savings   = 12 women × 1,200 + M13 600 + M14 450                                = 15,450.00
 * debits    = 310 + 24,912.90 + 7,440 + 53.10 = 32,716.00
 * credits   = 15,450 + 600 + 15,000 + 1,360 + 40 + 266 = 32,716.00
 * </pre>
 *
 * <p>The demo takes a few seconds, so it runs once for the whole class.
 */
class DemoCommandTest {

  private static final String HEADER =
      """
      Demo: Roshni Mahila Samooh [SHG01], a made-up Self Help Group.
      Its books were built just now, by the same imports as 'shg import', from the
      files in seeds/shg01-roshni/: 14 members, 12 meetings, 15 bank lines
      (0 to Suspense). The scratch database they were built in is deleted when the
      demo ends.

      Roshni Mahila Samooh [SHG01]
      Trial balance as of 2025-03-31, amounts in INR
      """;

  @TempDir static Path scratch;
  @TempDir static Path environmentDatabase;

  private static UnaryOperator<String> environment;
  private static Run run;

  @BeforeAll
  static void runTheDemo() {
    DemoCommand.scratchParent = scratch;
    environment = DbOptions.environment;
    // were the demo to use the user's books, it would find them here
    DbOptions.environment = name -> environmentDatabase.resolve("user.db").toString();
    run = Run.shg("demo");
  }

  @AfterAll
  static void restore() {
    DemoCommand.scratchParent = null;
    DbOptions.environment = environment;
  }

  @Test
  void succeedsQuietly() {
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void namesTheGroupAndWhereItsBooksCameFrom() {
    assertTrue(run.out().startsWith(HEADER), run.out());
  }

  @Test
  void printsTheFiguresWorkedOutByHand() {
    assertAll(
        () -> assertEquals("310.00", debit("1000"), "cash in hand"),
        () -> assertEquals("24,912.90", debit("1100"), "bank"),
        () -> assertEquals("7,440.00", debit("1200"), "loans to members"),
        () -> assertEquals("2,040.00", debit("1200:M10"), "the loan in arrears"),
        () -> assertEquals("15,450.00", credit("2000"), "compulsory savings"),
        () -> assertEquals("600.00", credit("2100"), "voluntary savings"),
        () -> assertEquals("15,000.00", credit("3000"), "revolving fund"),
        () -> assertEquals("1,360.00", credit("4000"), "interest on member loans"),
        () -> assertEquals("40.00", credit("4100"), "fines"),
        () -> assertEquals("266.00", credit("4200"), "interest from bank"),
        () -> assertEquals("53.10", debit("5100"), "bank charges"),
        () -> assertEquals("Total 32,716.00 32,716.00", line("Total")),
        () -> assertTrue(run.out().endsWith("32,662.90 = 16,050.00 + 15,000.00 + 1,666.00 − 53.10 (holds)\n"),
            run.out()));
  }

  @Test
  void showsMembersByIdOnly() {
    for (String name : List.of("Sunita", "Shanti", "Devi", "Kumari")) {
      assertFalse(run.out().contains(name), name);
    }
  }

  @Test
  void leavesNothingBehind() throws Exception {
    try (var left = Files.list(scratch)) {
      assertEquals(List.of(), left.toList(), "the scratch database is deleted");
    }
    assertFalse(Files.exists(environmentDatabase.resolve("user.db")), "the books SHG_DB names are untouched");
  }

  @Test
  void printsTheSameEveryTimeWithOrWithoutVerbose() {
    assertEquals(run.out(), Run.shg("--verbose", "demo").out());
  }

  @Test
  void wrapsTheHeaderToFitATerminalWithoutSplittingACount() {
    String wrapped = DemoCommand.wrap("one two three ".repeat(10) + "(14\u00a0members)");

    assertTrue(wrapped.lines().allMatch(line -> line.length() <= 78), wrapped);
    assertTrue(wrapped.contains("(14 members)"), wrapped);
    assertFalse(wrapped.contains("\u00a0"), wrapped);
  }

  /** The row of an account: code, name, then the debit or the credit, spaces collapsed. */
  private static String line(String code) {
    return run.out().lines().map(String::strip).filter(l -> l.startsWith(code + " "))
        .findFirst().orElseThrow(() -> new AssertionError("no line " + code + " in\n" + run.out()))
        .replaceAll(" {2,}", " ");
  }

  /** The amount in the debit column of an account's row: the row ends in it. */
  private static String debit(String code) {
    String row = rawLine(code);
    assertTrue(row.length() < creditColumnEnd(), "a debit ends before the credit column: " + row);
    return row.substring(row.lastIndexOf(' ') + 1);
  }

  private static String credit(String code) {
    String row = rawLine(code);
    assertEquals(creditColumnEnd(), row.length(), "a credit ends at the credit column's end: " + row);
    return row.substring(row.lastIndexOf(' ') + 1);
  }

  private static String rawLine(String code) {
    return run.out().lines().filter(l -> l.strip().startsWith(code + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + code + " in\n" + run.out()));
  }

  /** The heading row ends with the credit column's title, right-aligned like its amounts. */
  private static int creditColumnEnd() {
    return run.out().lines().filter(l -> l.startsWith("code ")).findFirst().orElseThrow().length();
  }
}
