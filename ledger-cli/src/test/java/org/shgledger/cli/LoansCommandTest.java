package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.ReportOutput.amount;
import static org.shgledger.cli.ReportOutput.at;
import static org.shgledger.cli.ReportOutput.csvHeaders;
import static org.shgledger.cli.ReportOutput.csvTables;
import static org.shgledger.cli.ReportOutput.rows;
import static org.shgledger.cli.ReportOutput.sum;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.TextRenderer;

/**
 * {@code shg loans}: the seed group's seven loans at its year end, as worked out in
 * seeds/shg01-roshni/README.md (M10 in arrears: 2,040 owed, 840 overdue, 80 days past due since 10
 * January; M07's loan closed in December), and {@link ReportBooks}' one loan, repaid a little
 * before its first due date.
 */
class LoansCommandTest {

  @TempDir static Path dir;
  static Path db;
  static Path seedDb;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    ReportBooks.record(db);
    seedDb = dir.resolve("seed.db");
    SeedBooks.build(SeedBooks.groups().get(0), seedDb);
  }

  private static Run seedLoans(String... more) {
    return ReportOutput.shg(new String[] {"loans", "SHG01", "--db", seedDb.toString()}, more);
  }

  @Test
  void csvHasOneRowPerLoanThenTheDemandCollectionAndBalance() {
    Run run = seedLoans("--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(List.of(
            "loan,member,disbursed,principal,method,outstanding,interest_due,overdue,days_past_due,status",
            "loan,arrears,current_demand,demand,collection,advance,balance"),
        csvHeaders(run.out()));
    List<String> lines = run.out().lines().toList();
    assertEquals("20240710-M07,M07,2024-07-10,1500.00,flat,0.00,0.00,0.00,0,closed", lines.get(2));
    assertEquals("20240910-M10,M10,2024-09-10,3000.00,flat,2040.00,0.00,840.00,80,overdue", lines.get(3));
    assertEquals("20241110-M01,M01,2024-11-10,3000.00,flat,1800.00,0.00,0.00,0,current", lines.get(4));

    List<List<CSVRecord>> tables = csvTables(run.out());
    List<CSVRecord> loans = tables.get(0);
    List<CSVRecord> dcb = tables.get(1);
    assertAll(
        () -> assertEquals(amount("15000.00"), sum(loans, "principal"), "lent in the year"),
        () -> assertEquals(amount("7440.00"), sum(loans, "outstanding"), "the balance of 1200"),
        () -> assertEquals(amount("840.00"), sum(loans, "overdue")),
        // the year's collection is the principal and interest the register records
        () -> assertEquals(amount("8920.00"), sum(dcb, "collection").add(sum(dcb, "advance")),
            "principal 7,560 + interest 1,360"),
        () -> assertEquals(sum(dcb, "demand").subtract(sum(dcb, "collection")), sum(dcb, "balance"),
            "balance = demand − collection"),
        () -> assertEquals(amount("840.00"), sum(dcb, "balance"), "M10's arrears"));
  }

  @Test
  void textFitsEightyColumnsAndLeavesOutTheDayAndMethodOfEachLoan() {
    Run run = seedLoans();

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("""
        PAR30 (%):  27.42 (2,040.00 of 7,440.00 outstanding is over 30 days past due)

        Loans on 2025-03-31
        Loan          Member       Lent      Owed  Interest due  Overdue  Days  Status
        ------------  ------  ---------  --------  ------------  -------  ----  -------
        20240610-M03  M03      2,000.00    200.00                            0  current
        20240710-M07  M07      1,500.00      0.00                            0  closed
        20240910-M10  M10      3,000.00  2,040.00                 840.00    80  overdue
        """), run.out());
    assertTrue(run.out().contains("""
        Total            0.00  9,760.00  9,760.00   8,920.00     0.00   840.00
        """), run.out());
    for (String line : run.out().split("\n")) {
      assertTrue(TextRenderer.width(line) <= 80, line);
    }
    String html = seedLoans("--format", "html").out();
    assertTrue(html.contains("data-key=\"disbursed\">Paid out</th>"), "HTML has room for the day");
    assertTrue(html.contains("data-key=\"method\">Method</th>"), "and the method");
  }

  @Test
  void jsonHasParThirtyAsANumberAndBothTables() {
    Object json = ReportOutput.json(seedLoans("--format", "json").out());

    assertEquals("loans", at(json, "report"));
    Map<String, Object> facts = at(json, "facts");
    assertEquals(List.of("group", "group_name", "as_of", "dcb_from", "currency", "par30_percent"),
        List.copyOf(facts.keySet()));
    assertAll(
        () -> assertEquals("2025-03-31", facts.get("as_of")),
        () -> assertEquals("2024-04-01", facts.get("dcb_from")),
        () -> assertEquals(new BigDecimal("27.42"), facts.get("par30_percent"), "2,040 ÷ 7,440"),
        () -> assertEquals(List.of("loans", "dcb"), List.copyOf(((Map<?, ?>) at(json, "tables")).keySet())));
    Map<String, Object> m10 = rows(json, "loans").get(2);
    assertEquals("20240910-M10", m10.get("loan"));
    assertEquals(new BigDecimal("80"), m10.get("days_past_due"));
    assertEquals("overdue", m10.get("status"));
    assertEquals("9760.00", at(json, "tables", "dcb", "total", "demand"));
  }

  @Test
  void parThirtyCountsOnlyLoansMoreThanThirtyDaysPastDue() {
    // M10 missed her instalment of 10 December: 30 days late on 9 January, 31 on the 10th
    Object thirty = ReportOutput.json(seedLoans("--as-of", "2025-01-09", "--format", "json").out());
    Object thirtyOne = ReportOutput.json(seedLoans("--as-of", "2025-01-10", "--format", "json").out());

    assertEquals(new BigDecimal("30"), rows(thirty, "loans").get(2).get("days_past_due"));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) at(thirty, "facts", "par30_percent")));
    assertEquals(new BigDecimal("31"), rows(thirtyOne, "loans").get(2).get("days_past_due"));
    assertTrue(BigDecimal.ZERO.compareTo((BigDecimal) at(thirtyOne, "facts", "par30_percent")) < 0);
    assertEquals("2024-04-01", at(thirtyOne, "facts", "dcb_from"), "the DCB period: the financial year so far");
  }

  @Test
  void aRepaymentBeforeItsDueDateIsCollectedInAdvance() {
    Object json = ReportOutput.json(Run.shg("loans", "SHG01", "--db", db.toString(), "--format", "json").out());

    Map<String, Object> loan = rows(json, "loans").get(0);
    Map<String, Object> dcb = rows(json, "dcb").get(0);
    assertAll(
        () -> assertEquals("L-M02-1", loan.get("loan")),
        () -> assertEquals("480.00", loan.get("outstanding")),
        () -> assertEquals("current", loan.get("status")),
        () -> assertEquals("0.00", dcb.get("demand"), "nothing falls due before 7 July"),
        () -> assertEquals("132.00", dcb.get("advance"), "the first instalment, paid on 28 June"));
  }

  @Test
  void amountsOfLakhsAreGroupedTheIndianWay(@TempDir Path other) {
    Path big = other.resolve("big.db");
    ReportBooks.record(big);
    ReportOutput.addLakhs(big);

    Run run = Run.shg("loans", "SHG01", "--db", big.toString());

    List<String> lines = run.out().lines().map(line -> line.replaceAll(" {2,}", " ")).toList();
    assertTrue(lines.contains("L-M03-1 M03 1,50,000.00 1,50,000.00 0 current"), run.out());
    assertTrue(lines.contains("Total 1,50,600.00 1,50,480.00"), run.out());
  }

  @Test
  void hindiLabelsWithTheSameNumbers() {
    Run run = seedLoans("--lang", "hi");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("ऋण रिपोर्ट\n"), run.out());
    assertAll(
        () -> assertTrue(run.out().contains("PAR30, जोखिम में ऋण (%):"), "PAR30"),
        () -> assertTrue(run.out().contains("अतिदेय"), "overdue"),
        () -> assertTrue(run.out().contains(" चालू\n"), "current"),
        () -> assertTrue(run.out().contains(" बंद\n"), "closed"),
        () -> assertTrue(run.out().contains("मांग, वसूली और शेष, 2024-04-01 से 2025-03-31 तक"), "DCB"));
    assertFalse(seedLoans("--format", "csv").out().contains("चालू"), "English unless asked");
  }

  @Test
  void anUnknownGroupIsNotFoundAndABadDateOrPeriodAUsageError() {
    assertEquals(ExitCodes.NOT_FOUND, Run.shg("loans", "NOPE", "--db", db.toString()).exitCode());
    assertEquals(ExitCodes.USAGE, seedLoans("--as-of", "yesterday").exitCode());

    Run backwards = seedLoans("--as-of", "2025-03-31", "--from", "2025-04-01");
    assertEquals(ExitCodes.USAGE, backwards.exitCode());
    assertTrue(backwards.err().startsWith(
        "shg: --from 2025-04-01 is after the last day of the report, --as-of 2025-03-31\n"), backwards.err());
  }
}
