package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that print a table ({@code group list}, {@code member list}, {@code bearer list},
 * {@code loan show}, {@code unit list|show}, {@code child list}, {@code training list}; {@code
 * loan-schedule} in its own test) take the options of every report (issue 15): {@code --format
 * text|csv|json|html}, {@code --output FILE} and {@code --lang}. CSV, JSON and HTML come from the
 * same renderers, with the same envelope, as every report's; text is their own plain layout, its
 * words in the language asked for.
 */
class ListFormatTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void groupWithALoanABearerAndAUnit() {
    books = TestBooks.withMembers(directory, "M01", "M02");
    books.ok("save", "SHG01", "M01", "--amount", "5000", "--date", "2024-05-04");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    books.ok("loan", "penalty", "SHG01", "M02", "--amount", "20", "--date", "2024-06-10");
    books.ok("bearer", "elect", "SHG01", "M02", "--role", "treasurer", "--from", "2024-04-01", "--to", "2025-03-31");
    books.ok("unit", "create", "CL-N", "--name", "North");
    books.ok("unit", "add-group", "CL-N", "SHG01");
    books.ok("child", "add", "SHG01", "M01", "--born", "2016", "--status", "enrolled", "--date", "2025-04-01");
    books.ok("training", "record", "SHG01", "--topic", "orientation", "--date", "2025-04-10", "--attendees", "M01,M02");
  }

  @Test
  void csvIsTheListingsTableWithPlainAmountsInLinesEndingInCrLf() {
    assertTrue(books.ok("bearer", "list", "SHG01", "--format", "csv").out().endsWith("2025-03-31\r\n"));
    assertEquals("""
        member,name,joined,left,savings,loans
        M01,Member M01,2024-04-01,,5000.00,0.00
        M02,Member M02,2024-04-01,,0.00,1000.00
        """, csv("member", "list", "SHG01", "--as-of", "2024-06-30", "--format", "csv"));
    assertEquals("""
        office,member,from,to
        treasurer,M02,2024-04-01,2025-03-31
        """, csv("bearer", "list", "SHG01", "--format", "csv"));
    assertTrue(csv("group", "list", "--format", "csv")
        .startsWith("group,name,currency,formed,members_today\nSHG01,Roshni Mahila Samooh,INR,2024-04-01,2\n"));
  }

  /** The command's CSV with its lines ending in \\n, to compare with a text block. */
  private String csv(String... args) {
    return books.ok(args).out().replace("\r\n", "\n");
  }

  @Test
  void jsonHasTheReportEnvelope() {
    for (String[] listing : new String[][] {{"group", "list"}, {"member", "list", "SHG01"}, {"bearer", "list", "SHG01"},
        {"loan", "show", "SHG01", "M02", "--as-of", "2024-06-30"}, {"unit", "show", "CL-N"}, {"unit", "list"},
        {"child", "list", "SHG01"}, {"training", "list", "SHG01"}}) {
      String[] args = java.util.Arrays.copyOf(listing, listing.length + 2);
      args[listing.length] = "--format";
      args[listing.length + 1] = "json";
      String json = books.ok(args).out();
      assertTrue(json.startsWith("{\n  \"schema\" : \"shg."), String.join(" ", listing) + ": " + json);
      assertTrue(json.contains("\"tables\" : {"), json);
    }
    String loan = books.ok("loan", "show", "SHG01", "M02", "--as-of", "2024-06-30", "--format", "json").out();
    assertTrue(loan.contains("\"overdue\" : \"120.00\""), loan);
    assertTrue(loan.contains("\"what\" : \"penalty\""), loan);
  }

  @Test
  void csvOfTheNewListingsHasTheirColumnsAndTopLevelUnitsHaveNoParent() {
    assertEquals("""
        unit,name,under,groups_in_it,groups_in_all
        CL-N,North,,1,1
        """, csv("unit", "list", "--format", "csv"));
    assertEquals("""
        child,member,born,status,since,registered
        M01-C1,M01,2016,enrolled,2025-04-01,2025-04-01
        """, csv("child", "list", "SHG01", "--as-of", "2025-06-30", "--format", "csv"));
    assertEquals("""
        training,topic,date,attending,members
        orientation-2025-04-10,orientation,2025-04-10,2,"M01, M02"
        """, csv("training", "list", "SHG01", "--format", "csv"));
  }

  @Test
  void textKeepsTheListingsOwnLayout() {
    assertEquals("""
        unit  name   under  groups in it  groups in all
        ----  -----  -----  ------------  -------------
        CL-N  North  -                 1              1
        """, books.ok("unit", "list").out());
    assertEquals("""
        Members of Roshni Mahila Samooh [SHG01], balances as of 2024-06-30, amounts in INR
        member  name        joined      left   savings     loans
        ------  ----------  ----------  ----  --------  --------
        M01     Member M01  2024-04-01        5,000.00      0.00
        M02     Member M02  2024-04-01            0.00  1,000.00
        """, books.ok("member", "list", "SHG01", "--as-of", "2024-06-30").out());
  }

  /** --lang changes the words for people, never the data, the CSV header or the JSON keys. */
  @Test
  void langTranslatesTheWordsOfTheTextAndThePageButNotTheKeys() {
    String hindi = books.ok("member", "list", "SHG01", "--as-of", "2024-06-30", "--lang", "hi").out();
    assertTrue(hindi.startsWith("Roshni Mahila Samooh [SHG01] के सदस्य, 2024-06-30 तक की शेष राशि, राशियाँ INR में\n"
        + "सदस्य"), hindi);
    assertTrue(hindi.contains("Member M02  2024-04-01            0.00  1,000.00\n"), hindi);
    String bengali = books.ok("loan", "show", "SHG01", "M02", "--as-of", "2024-06-30", "--lang", "bn").out();
    assertTrue(bengali.contains("এখন দেয়: মোট"), bengali);
    assertTrue(bengali.contains("জরিমানা"), bengali);
    assertEquals("office,member,from,to\n", csv("bearer", "list", "SHG01", "--format", "csv", "--lang", "bn")
        .lines().findFirst().orElseThrow() + "\n");
    String json = books.ok("unit", "show", "CL-N", "--format", "json", "--lang", "hi").out();
    assertTrue(json.contains("\"title\" : \"इकाई CL-N\""), json);
    assertTrue(json.contains("\"columns\" : [\n        \"group\""), json);
  }

  @Test
  void htmlIsAPageOfTheTableInTheLanguageAskedFor() {
    String page = books.ok("member", "list", "SHG01", "--format", "html", "--lang", "hi").out();
    assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"hi\">"), page);
    assertTrue(page.contains("Member M01"), page);
    assertTrue(page.contains("जुड़ीं"), page);
  }

  @Test
  void outputWritesTheFileAndNothingToStandardOutput() throws java.io.IOException {
    Path file = directory.resolve("bearers.txt");
    Run run = books.ok("bearer", "list", "SHG01", "--output", file.toString());
    assertEquals("", run.out());
    assertEquals("""
        office     member  from        to
        ---------  ------  ----------  ----------
        treasurer  M02     2024-04-01  2025-03-31
        """, java.nio.file.Files.readString(file));
    books.fails(ExitCodes.IO_ERROR, "it is the database this command reads",
        "group", "list", "--output", books.db().toString());
  }
}
