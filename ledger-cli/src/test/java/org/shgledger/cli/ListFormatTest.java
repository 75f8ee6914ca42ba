package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing commands ({@code group list}, {@code member list}, {@code bearer list}, {@code loan
 * show}, {@code unit show}) take {@code --format text|csv|json}: CSV and JSON come from the same
 * renderers, with the same envelope, as every report's; text is their own plain layout.
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
        {"loan", "show", "SHG01", "M02", "--as-of", "2024-06-30"}, {"unit", "show", "CL-N"}}) {
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
  void htmlIsNotAListingFormat() {
    books.fails(ExitCodes.USAGE, "'html' is not a format of a listing; use text, csv or json",
        "member", "list", "SHG01", "--format", "html");
  }
}
