package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg livelihood record|update|list} and {@code shg outreach record|list}, and what they
 * add to {@code shg indicators}: the commitment's last three targets.
 */
class LivelihoodCommandsTest {

  @TempDir Path directory;

  @Test
  void anActivityIsRecordedOnceAndItsIncomeIsAHistoryOfReadings() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02");

    assertEquals("recorded in SHG01: activity M01-A1: M01, small-shop from 2025-02-01, INR 1,500.00 a month\n",
        books.ok("livelihood", "record", "SHG01", "M01", "--activity", "small-shop", "--started", "2025-02-01",
            "--monthly-income", "1500").out());
    assertEquals("activity M01-A1: M01, small-shop from 2025-02-01, INR 1,500.00 a month: recorded already; nothing"
            + " new recorded\n",
        books.ok("livelihood", "record", "SHG01", "M01", "--activity", "small-shop", "--started", "2025-02-01",
            "--monthly-income", "1500").out());
    assertEquals("activity M01-A1: INR 2,200.00 a month on 2025-08-01\n",
        books.ok("livelihood", "update", "SHG01", "M01-A1", "--monthly-income", "2,200", "--date", "2025-08-01").out());
    assertEquals("activity M01-A1: INR 2,200.00 a month on 2025-08-01 already; nothing new recorded\n",
        books.ok("livelihood", "update", "SHG01", "M01-A1", "--monthly-income", "2200", "--date", "2025-08-01").out());

    // CSV ends its lines with CR LF (RFC 4180); read here as lines
    assertEquals("id,member,activity,started,loan,monthly_income,reading_date\n"
            + "M01-A1,M01,small-shop,2025-02-01,,1500.00,2025-02-01\n",
        books.ok("livelihood", "list", "SHG01", "--as-of", "2025-07-31", "--format", "csv").out()
            .replace("\r\n", "\n"));

    books.fails(ExitCodes.NOT_FOUND, "rejected (LIVELIHOOD_NOT_FOUND)",
        "livelihood", "update", "SHG01", "M01-A9", "--monthly-income", "10");
    books.fails(ExitCodes.REJECTED, "rejected (READING_BEFORE_START)",
        "livelihood", "update", "SHG01", "M01-A1", "--monthly-income", "10", "--date", "2025-01-01");
    books.fails(ExitCodes.REJECTED, "rejected (NOT_A_MEMBER_ON_DATE)",
        "livelihood", "record", "SHG01", "M02", "--activity", "vending", "--started", "2024-01-01");
    books.fails(ExitCodes.NOT_FOUND, "LOAN_NOT_FOUND",
        "livelihood", "record", "SHG01", "M02", "--activity", "vending", "--started", "2025-01-01", "--loan", "L9");
    books.fails(ExitCodes.USAGE, "'poultry' is not one of tailoring, small-shop",
        "livelihood", "record", "SHG01", "M02", "--activity", "poultry", "--started", "2025-01-01");
    books.fails(ExitCodes.USAGE, "cannot be negative",
        "livelihood", "update", "SHG01", "M01-A1", "--monthly-income", "-5");
  }

  @Test
  void anOutreachEventIsAUnitsCountOfPeopleReached() {
    TestBooks books = TestBooks.withMembers(directory, "M01");
    books.ok("unit", "create", "PATNA", "--name", "Patna");
    books.ok("unit", "add-group", "PATNA", "SHG01");

    assertEquals("recorded in PATNA: outreach 20250620-1: petition on 2025-06-20, 300 reached, 1250 signatures,"
            + " held by SHG01\n",
        books.ok("outreach", "record", "PATNA", "--date", "2025-06-20", "--kind", "petition", "--reached", "300",
            "--signatures", "1250", "--groups", "SHG01").out());
    assertTrue(books.ok("outreach", "record", "PATNA", "--date", "2025-06-20", "--kind", "petition", "--reached",
        "300", "--signatures", "1250", "--groups", "SHG01").out().endsWith("recorded already; nothing new recorded\n"));
    books.ok("outreach", "record", "PATNA", "--date", "2025-06-02", "--kind", "street-play", "--reached", "450");

    assertEquals("id,date,kind,reached,signatures,groups\n"
            + "20250602-1,2025-06-02,street-play,450,,\n"
            + "20250620-1,2025-06-20,petition,300,1250,SHG01\n",
        books.ok("outreach", "list", "PATNA", "--to", "2025-06-30", "--format", "csv").out()
            .replace("\r\n", "\n"));

    books.fails(ExitCodes.NOT_FOUND, "UNIT_NOT_FOUND",
        "outreach", "record", "GAYA", "--date", "2025-06-20", "--kind", "rally", "--reached", "10");
    books.fails(ExitCodes.USAGE, "people reached are 0 to",
        "outreach", "record", "PATNA", "--date", "2025-06-20", "--kind", "rally", "--reached", "-1");
    books.fails(ExitCodes.USAGE, "unknown option",
        "outreach", "record", "PATNA", "--date", "2025-06-20", "--kind", "rally", "--reached", "10", "--name", "x");
  }

  @Test
  void theIndicatorsCountTheCommitmentsLastThreeTargets() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02", "M03", "M04", "M05", "M06");
    books.ok("unit", "create", "PATNA", "--name", "Patna");
    books.ok("unit", "add-group", "PATNA", "SHG01");
    for (int n = 1; n <= 6; n++) {
      books.ok("livelihood", "record", "SHG01", "M0" + n, "--activity", "tailoring", "--started", "2025-01-15",
          "--monthly-income", String.valueOf(1000 * n));
    }
    books.ok("outreach", "record", "PATNA", "--date", "2025-06-14", "--kind", "rally", "--reached", "1200");

    String csv = books.ok("indicators", "PATNA", "--as-of", "2025-06-30", "--targets", "commitment",
        "--format", "csv").out().replace("\r\n", "\n");
    assertTrue(csv.contains("\nMembers generating a sustainable income (a reading in the last 6 months),6,15000,0.0,"
        + "members_earning\n"), csv);
    assertTrue(csv.contains("\nPeople reached by outreach in the month,1200,10000,12.0,outreach_reached_monthly\n"),
        csv);
    assertTrue(csv.contains("\nMembers who borrowed from the group (access to capital),0,3000,0.0,members_with_loan\n"),
        csv);
    // 1000 ... 6000: the mean of 3000 and 4000
    assertTrue(csv.contains("\nlabel,currency,median,indicator\nMedian monthly income: tailoring,INR,3500.00,"
        + "livelihood_income.tailoring\n"), csv);
    // a month's reach is a level, not a total: it has no yearly pace
    assertTrue(csv.contains(",members_earning\n") && !csv.substring(csv.indexOf("needed_per_year"))
        .contains("outreach_reached_monthly"), csv);
  }

  @Test
  void theDonorsPageDrawsEachTargetsShareAsABarAndNamesNoOne() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02", "M03", "M04", "M05", "M06");
    books.ok("unit", "create", "PATNA", "--name", "Patna");
    books.ok("unit", "add-group", "PATNA", "SHG01");
    for (int n = 1; n <= 6; n++) {
      books.ok("livelihood", "record", "SHG01", "M0" + n, "--activity", "tailoring", "--started", "2025-01-15",
          "--monthly-income", String.valueOf(1000 * n));
    }
    books.ok("outreach", "record", "PATNA", "--date", "2025-06-14", "--kind", "rally", "--reached", "1200",
        "--groups", "SHG01");

    String html = books.ok("indicators", "PATNA", "--as-of", "2025-06-30", "--targets", "commitment",
        "--format", "html").out();
    assertTrue(html.contains("<svg") && html.contains("<title>Share of each target reached</title>"), html);
    // 1,200 of 10,000 reached: 12.0%
    assertTrue(html.contains(">People reached by outreach in the month</text>") && html.contains(">12.0%</text>"), html);
    // no member's name or id anywhere on the page
    assertTrue(!html.contains("Member M0") && !java.util.regex.Pattern.compile("\\bM0[0-9]\\b").matcher(html).find(),
        html);
    String text = books.ok("indicators", "PATNA", "--as-of", "2025-06-30", "--targets", "commitment").out();
    assertTrue(!text.contains("Share of each target reached"), "the bars are the HTML page's alone");
  }
}
