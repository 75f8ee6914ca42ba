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
import org.shgledger.cli.output.TextRenderer;

/**
 * {@code shg demo}: builds the seed group SHG01 Roshni Mahila Samooh and prints its statement for
 * its first financial year, leaving nothing behind. The expected numbers were worked out by hand
 * from the story in seeds/shg01-roshni/README.md:
 *
 * <pre>
 * receipts      = collected 25,010 + Revolving Fund 15,000 + bank interest 266      = 40,276.00
 * payments      = lent 15,000 + bank charges 53.10                                  = 15,053.10
 * cash and bank = 0 + 40,276 − 15,053.10 = cash 310 + bank 24,912.90               = 25,222.90
 * surplus       = interest 1,360 + fines 40 + bank interest 266 − charges 53.10     =  1,612.90
 * assets        = 310 + 24,912.90 + loans 7,440                                     = 32,662.90
 *               = savings 15,450 + 600 + fund 15,000 + surplus 1,612.90
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

      Group statement
      ===============
      Group:      SHG01
      Group name: Roshni Mahila Samooh
      From:       2024-04-01 (the start of the financial year)
      To:         2025-03-31 (the end of the financial year)
      Currency:   INR
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
    DbOptions.environment = name -> name.equals(DbOptions.ENVIRONMENT_VARIABLE)
        ? environmentDatabase.resolve("user.db").toString() : null;
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
        () -> assertEquals("1000 Cash in hand 0.00 310.00", line("1000 Cash")),
        () -> assertEquals("1100 Bank — group SB account 0.00 24,912.90", line("1100 Bank")),
        () -> assertEquals("1200 Loans to members 7,560.00 15,000.00", line("1200 Loans to members 7,560")),
        () -> assertEquals("2000 Members' compulsory savings 15,450.00", line("2000 Members' compulsory savings 15")),
        () -> assertEquals("3000 Revolving fund / grants 15,000.00", line("3000 Revolving")),
        () -> assertEquals("Total 40,276.00 15,053.10", line("Total 40")),
        () -> assertEquals("0.00 + 40,276.00 − 15,053.10 = 25,222.90 (it agrees)", line("0.00 +")),
        () -> assertEquals("1,666.00 − 53.10 = 1,612.90", line("1,666.00 −")),
        () -> assertEquals("Surplus of the year, not yet closed 1,612.90", line("Surplus of the year")),
        () -> assertEquals("32,662.90 = 32,662.90 (the balance sheet balances)", line("32,662.90 =")),
        () -> assertEquals("M10 1,200.00 2,040.00 840.00 91.7", line("M10"), "the loan in arrears"),
        () -> assertEquals("Total 15,450.00 600.00 7,440.00 840.00", line("Total 15")),
        () -> assertEquals("2025-03-31 16,050.00 7,440.00", line("2025-03-31 16")));
  }

  @Test
  void showsTheOtherSeedGroupsInAFewLines() {
    String out = run.out();
    int pragati = out.indexOf("Demo: Pragati Mahila Samooh [SHG02]");
    int ujala = out.indexOf("Demo: Ujala Mahila Samooh [SHG03]");

    assertTrue(pragati > 0 && ujala > pragati, out);
    assertTrue(out.substring(pragati).lines().count() <= 25, "two short blocks after SHG01's statement");
    assertTrue(out.substring(pragati, ujala).contains("bank loan 57,765.00"), out.substring(pragati));
  }

  @Test
  void fitsAnEightyColumnTerminal() {
    for (String line : run.out().split("\n")) {
      assertTrue(TextRenderer.width(line) <= 80, line);
    }
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

  /** The first line that starts with the given text once spaces are collapsed, spaces collapsed. */
  private static String line(String start) {
    return run.out().lines().map(l -> l.strip().replaceAll(" {2,}", " ")).filter(l -> l.startsWith(start))
        .findFirst().orElseThrow(() -> new AssertionError("no line " + start + " in\n" + run.out()));
  }
}
