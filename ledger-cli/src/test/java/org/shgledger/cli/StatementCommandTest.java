package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.ReportOutput.amount;
import static org.shgledger.cli.ReportOutput.at;
import static org.shgledger.cli.ReportOutput.csvHeaders;
import static org.shgledger.cli.ReportOutput.csvTables;
import static org.shgledger.cli.ReportOutput.rows;
import static org.shgledger.cli.ReportOutput.sum;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.TextRenderer;

/**
 * {@code shg statement}: the group statement of {@link ReportBooks}' small group, whose figures
 * are worked out below, and of the seed group SHG01, whose figures seeds/shg01-roshni/README.md
 * works out; in every format, read back as a program would, and in Hindi.
 *
 * <p>ReportBooks from 2025-04-01 (the start of the financial year) to 2025-06-28 (the latest
 * entry): cash 300.00 and bank 0.00 at the start (March's savings); receipts: savings 900.00 (the
 * saving recorded twice and its reversal cancel), principal repaid 120.00, interest 12.00, the fine
 * 10.00, bank interest 3.50 and 6.00 into the formula account, 1,051.50 in all; payments: the loan
 * 600.00 and the expense 25.00, 625.00; cash 223.00 and bank 503.50 at the end, and 300.00 +
 * 1,051.50 − 625.00 = 726.50. Income 31.50 less expenditure 25.00 is a surplus of 6.50, the
 * balance sheet's unclosed line: assets 1,206.50 = savings 1,200.00 + 6.50.
 */
class StatementCommandTest {

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

  private static Run statement(String... more) {
    return ReportOutput.shg(new String[] {"statement", "SHG01", "--db", db.toString()}, more);
  }

  private static Run seedStatement(String... more) {
    return ReportOutput.shg(new String[] {"statement", "SHG01", "--db", seedDb.toString()}, more);
  }

  @Test
  void csvWritesEachPartAsATableWhoseHeaderSaysWhichPartItIs() {
    Run run = statement("--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(List.of(
            "code,account,opening,closing",
            "code,account,receipts,payments",
            "code,account,income,expenditure",
            "code,account,assets,liabilities",
            "member,compulsory_savings,voluntary_savings,loan_outstanding,overdue,attendance_percent",
            "date,savings,loans_outstanding"),
        csvHeaders(run.out()));
    assertTrue(run.out().startsWith(String.join("\r\n",
        "code,account,opening,closing",
        "1000,Cash in hand,300.00,223.00",
        "1100,Bank — group SB account,0.00,503.50",
        "",
        "code,account,receipts,payments",
        "1200,Loans to members,120.00,600.00",
        "2000,Members' compulsory savings,900.00,0.00",
        "4000,Interest on member loans,12.00,0.00",
        "4100,Fines and penalties,10.00,0.00",
        "4200,Interest from bank,3.50,0.00",
        "4900,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",6.00,0.00",
        "5200,\"Meeting, stationery and bookkeeping costs\",0.00,25.00",
        "")), run.out());
    assertTrue(run.out().contains(String.join("\r\n",
        "code,account,assets,liabilities",
        "1000,Cash in hand,223.00,0.00",
        "1100,Bank — group SB account,503.50,0.00",
        "1200,Loans to members,480.00,0.00",
        "2000,Members' compulsory savings,0.00,1200.00",
        "\"\",\"Surplus of the year, not yet closed\",0.00,6.50",
        "",
        "member,compulsory_savings,voluntary_savings,loan_outstanding,overdue,attendance_percent",
        "M01,400.00,0.00,0.00,0.00,",
        "M02,400.00,0.00,480.00,0.00,",
        "M03,400.00,0.00,0.00,0.00,",
        "",
        "date,savings,loans_outstanding",
        "2025-03-31,300.00,0.00",
        "2025-04-30,600.00,0.00",
        "2025-05-31,900.00,0.00",
        "2025-06-28,1200.00,480.00",
        "")), run.out());
  }

  @Test
  void theSeedGroupsYearReconcilesReadBackFromTheCsv() {
    Run run = seedStatement("--format", "csv");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<List<CSVRecord>> tables = csvTables(run.out());
    List<CSVRecord> cashAndBank = tables.get(0);
    List<CSVRecord> receiptsAndPayments = tables.get(1);
    List<CSVRecord> incomeAndExpenditure = tables.get(2);
    List<CSVRecord> balanceSheet = tables.get(3);
    List<CSVRecord> members = tables.get(4);

    BigDecimal opening = sum(cashAndBank, "opening");
    BigDecimal closing = sum(cashAndBank, "closing");
    BigDecimal receipts = sum(receiptsAndPayments, "receipts");
    BigDecimal payments = sum(receiptsAndPayments, "payments");
    BigDecimal assets = sum(balanceSheet, "assets");
    BigDecimal liabilities = sum(balanceSheet, "liabilities");
    assertAll(
        // the figures of seeds/shg01-roshni/README.md
        () -> assertEquals(amount("0"), opening, "nothing at the start of the group's first year"),
        () -> assertEquals(amount("25222.90"), closing, "cash 310.00 + bank 24,912.90"),
        () -> assertEquals(amount("40276.00"), receipts, "collected 25,010 + grant 15,000 + bank interest 266"),
        () -> assertEquals(amount("15053.10"), payments, "lent 15,000 + bank charges 53.10"),
        // receipts − payments = the change in cash and bank
        () -> assertEquals(closing.subtract(opening), receipts.subtract(payments), "receipts − payments"),
        // the balance sheet balances
        () -> assertEquals(amount("32662.90"), assets),
        () -> assertEquals(assets, liabilities, "assets = liabilities and funds"),
        // its unclosed line is the year's surplus
        () -> assertEquals(sum(incomeAndExpenditure, "income").subtract(sum(incomeAndExpenditure, "expenditure")),
            new BigDecimal(balanceSheet.get(balanceSheet.size() - 1).get("liabilities"))),
        // the member table adds up to the accounts of the balance sheet
        () -> assertEquals(line(balanceSheet, "2000", "liabilities"), sum(members, "compulsory_savings")),
        () -> assertEquals(line(balanceSheet, "2100", "liabilities"), sum(members, "voluntary_savings")),
        () -> assertEquals(line(balanceSheet, "1200", "assets"), sum(members, "loan_outstanding")),
        () -> assertEquals(amount("840.00"), sum(members, "overdue"), "M10's arrears"),
        () -> assertEquals(14, members.size()));
  }

  @Test
  void jsonHasTheDocumentedShapeAndReconcilesReadBack() {
    Run run = statement("--format", "json");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    Object json = ReportOutput.json(run.out());

    assertEquals("statement", at(json, "report"));
    assertEquals("Group statement", at(json, "title"));
    assertEquals(Map.of("group", "SHG01", "group_name", "Roshni Mahila Samooh", "from", "2025-04-01",
        "to", "2025-06-28", "currency", "INR"), at(json, "facts"));
    Map<String, Object> tables = at(json, "tables");
    assertEquals(List.of("cash_and_bank", "receipts_and_payments", "income_and_expenditure", "balance_sheet",
        "members", "month_ends"), List.copyOf(tables.keySet()));
    assertEquals(List.of("code", "account", "receipts", "payments"),
        at(json, "tables", "receipts_and_payments", "columns"));

    Map<String, Object> cash = at(json, "tables", "cash_and_bank", "total");
    Map<String, Object> flows = at(json, "tables", "receipts_and_payments", "total");
    BigDecimal opening = new BigDecimal((String) cash.get("opening"));
    BigDecimal closing = new BigDecimal((String) cash.get("closing"));
    BigDecimal receipts = new BigDecimal((String) flows.get("receipts"));
    BigDecimal payments = new BigDecimal((String) flows.get("payments"));
    Map<String, Object> sheet = at(json, "tables", "balance_sheet", "total");
    assertAll(
        () -> assertEquals(amount("300.00"), opening),
        () -> assertEquals(amount("1051.50"), receipts),
        () -> assertEquals(amount("625.00"), payments),
        () -> assertEquals(amount("726.50"), closing),
        () -> assertEquals(closing.subtract(opening), receipts.subtract(payments), "receipts − payments"),
        () -> assertEquals(receipts, ReportOutput.jsonSum(rows(json, "receipts_and_payments"), "receipts"), "the total is the rows'"),
        () -> assertEquals("1206.50", sheet.get("assets")),
        () -> assertEquals(sheet.get("assets"), sheet.get("liabilities"), "the balance sheet balances"),
        () -> assertEquals("6.50", rows(json, "balance_sheet").get(4).get("liabilities"), "the year's surplus"),
        () -> assertNull(rows(json, "balance_sheet").get(4).get("code"), "the surplus has no account yet"),
        () -> assertEquals("31.50", at(json, "tables", "income_and_expenditure", "total", "income")));
    Map<String, Object> m02 = rows(json, "members").get(1);
    assertEquals("M02", m02.get("member"));
    assertEquals("480.00", m02.get("loan_outstanding"));
    assertTrue(m02.containsKey("attendance_percent"));
    assertNull(m02.get("attendance_percent"), "the group held no meetings: no attendance, not 0 %");
  }

  @Test
  void attendanceIsANumberAndNamesComeOnlyWhenAskedFor() {
    Object json = ReportOutput.json(seedStatement("--format", "json").out());
    Map<String, Object> m14 = rows(json, "members").get(13);
    assertEquals("M14", m14.get("member"));
    assertEquals(new BigDecimal("88.9"), m14.get("attendance_percent"), "8 of the 9 meetings since she joined");
    assertFalse(m14.containsKey("name"));
    assertFalse(seedStatement("--format", "html").out().contains("Khushboo"));

    Run named = seedStatement("--names");
    assertTrue(named.out().contains("Khushboo"), named.out());
    assertEquals("member,name,compulsory_savings,voluntary_savings,loan_outstanding,overdue,attendance_percent",
        csvHeaders(seedStatement("--names", "--format", "csv").out()).get(4));
  }

  @Test
  void textReadsAsAStatementForTheMeetingInEightyColumns() {
    Run run = statement();

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("""
        Group statement
        ===============
        Group:      SHG01
        Group name: Roshni Mahila Samooh
        From:       2025-04-01 (the start of the financial year)
        To:         2025-06-28 (the date of the latest entry)
        Currency:   INR

        Cash and bank
        Code  Account                  Opening balance  Closing balance
        ----  -----------------------  ---------------  ---------------
        1000  Cash in hand                      300.00           223.00
        1100  Bank — group SB account             0.00           503.50
        ----  -----------------------  ---------------  ---------------
              Total                             300.00           726.50

        Receipts and payments
        Code  Account                                    Receipts  Payments
        ----  -----------------------------------------  --------  --------
        1200  Loans to members                             120.00    600.00
        2000  Members' compulsory savings                  900.00
        4000  Interest on member loans                      12.00
        4100  Fines and penalties                           10.00
        4200  Interest from bank                             3.50
        4900  =HYPERLINK("http://evil.example","click")      6.00
        5200  Meeting, stationery and bookkeeping costs               25.00
        ----  -----------------------------------------  --------  --------
              Total                                      1,051.50    625.00

        Opening cash and bank + receipts − payments = closing cash and bank
        300.00 + 1,051.50 − 625.00 = 726.50 (it agrees)
        """), run.out());
    assertTrue(run.out().contains("""
        Income − expenditure = surplus for the period
        31.50 − 25.00 = 6.50
        """), run.out());
    assertTrue(run.out().contains("""
        Assets = liabilities and funds
        1,206.50 = 1,206.50 (the balance sheet balances)
        """), run.out());
    assertTrue(run.out().contains("""
        Members on 2025-06-28
        Member   Savings  Voluntary  Loan owed  Overdue  Attendance %
        ------  --------  ---------  ---------  -------  ------------
        M01       400.00
        M02       400.00                480.00
        M03       400.00
        ------  --------  ---------  ---------  -------  ------------
        Total   1,200.00                480.00
        """), run.out());
    for (Run each : List.of(run, seedStatement(), seedStatement("--names"), seedStatement("--lang", "hi"))) {
      for (String line : each.out().split("\n")) {
        assertTrue(TextRenderer.width(line) <= 80, line);
      }
    }
  }

  @Test
  void aPeriodCanBeAskedForAndIsThenSaidPlainly() {
    Run run = statement("--from", "2025-05-01", "--to", "2025-05-31");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("From:       2025-05-01\nTo:         2025-05-31\n"), run.out());
    // May: the three savings, the fine, and the saving recorded twice cancelled by its reversal
    assertTrue(run.out().contains("600.00 + 310.00 − 0.00 = 910.00 (it agrees)"), run.out());
    // --to alone: the financial year it falls in
    assertTrue(statement("--to", "2025-03-31").out().contains(
        "From:       2024-04-01 (the start of the financial year)\nTo:         2025-03-31\n"));
  }

  @Test
  void amountsOfLakhsAreGroupedTheIndianWay(@TempDir Path other) {
    Path big = other.resolve("big.db");
    ReportBooks.record(big);
    ReportOutput.addLakhs(big);

    Run run = ReportOutput.shg(new String[] {"statement", "SHG01", "--db", big.toString()});

    List<String> lines = run.out().lines().map(line -> line.strip().replaceAll(" {2,}", " ")).toList();
    assertAll(
        () -> assertTrue(lines.contains("1100 Bank — group SB account 0.00 2,00,503.50"), "cash and bank"),
        () -> assertTrue(lines.contains("2000 Members' compulsory savings 1,50,900.00"), "receipts"),
        () -> assertTrue(lines.contains("1200 Loans to members 120.00 1,50,600.00"), "payments"),
        () -> assertTrue(lines.contains("3000 Revolving fund / grants 2,00,000.00"), "balance sheet"),
        () -> assertTrue(lines.contains("Total 3,51,206.50 3,51,206.50"), "its totals"),
        () -> assertTrue(lines.contains("M01 1,50,400.00"), "a member's savings"),
        () -> assertTrue(lines.contains("M03 400.00 1,50,000.00"), "a member's loan"));
  }

  @Test
  void hindiLabelsWithTheSameNumbers() {
    Run run = statement("--lang", "hi");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("समूह विवरण\n"), run.out());
    assertAll(
        () -> assertTrue(run.out().contains("से:"), "from"),
        () -> assertTrue(run.out().contains("(वित्तीय वर्ष की शुरुआत)"), "the start of the financial year"),
        () -> assertTrue(run.out().contains("\nप्राप्ति और भुगतान\n"), "receipts and payments"),
        () -> assertTrue(run.out().lines().anyMatch(l -> l.startsWith("कोड") && l.contains("प्राप्तियाँ")
            && l.endsWith("भुगतान")), "their columns"),
        () -> assertTrue(run.out().contains("300.00 + 1,051.50 − 625.00 = 726.50 (मेल खाता है)"), "it agrees"),
        () -> assertTrue(run.out().contains("\nआय और व्यय\n"), "income and expenditure"),
        () -> assertTrue(run.out().contains("\n2025-06-28 का तुलन पत्र\n"), "balance sheet"),
        () -> assertTrue(run.out().contains("(तुलन पत्र संतुलित है)"), "it balances"),
        () -> assertTrue(run.out().contains("कुल"), "total"),
        // the standard chart's accounts have Hindi names; what the group wrote stays as written
        () -> assertTrue(run.out().contains("सदस्यों की अनिवार्य बचत"), "a standard account's name"),
        () -> assertFalse(run.out().contains("Members' compulsory savings"), "not in English"));
    assertEquals("code,account,receipts,payments", csvHeaders(statement("--lang", "hi", "--format", "csv").out()).get(1),
        "CSV headers are never translated");
  }

  @Test
  void htmlIsOneSelfContainedPageWithAChartOfSavingsAndLoans() throws IOException {
    Path file = dir.resolve("statement.html");
    Run run = seedStatement("--format", "html", "--output", file.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.out());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertAll(
        () -> assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), "a page"),
        () -> assertTrue(html.contains("<svg viewBox="), "an inline chart"),
        () -> assertTrue(html.contains("<figcaption>Savings and loans outstanding at each month end, "
            + "2024-04-01 to 2025-03-31</figcaption>"), "its caption"),
        // nothing to fetch, from anywhere
        () -> assertFalse(html.contains("http://"), "no http URL"),
        () -> assertFalse(html.contains("https://"), "no https URL"),
        () -> assertFalse(html.contains(" src="), "no src"),
        () -> assertFalse(html.contains(" href="), "no links"),
        () -> assertFalse(html.contains("url("), "no CSS urls"),
        () -> assertFalse(html.contains("<script"), "no script"),
        () -> assertFalse(html.contains("<img"), "no image"),
        () -> assertTrue(html.contains("<td class=\"num\">25,222.90</td>"), "Indian grouping"),
        // a page to print and hand round tells its reader no command to type
        () -> assertFalse(html.contains("shg "), "no command"),
        () -> assertFalse(html.contains("--"), "no option"),
        () -> assertTrue(seedStatement().out().contains("shg statement --names adds their names"),
            "the text, read at the terminal, keeps the hint"),
        () -> assertTrue(html.contains("<p class=\"signer\">Treasurer</p>"), "signed"));
    // one point a month, from the opening to the year end, on both lines
    int points = html.split("<circle ", -1).length - 1;
    assertEquals(2 * 13, points);

    String hindi = seedStatement("--format", "html", "--lang", "hi").out();
    assertTrue(hindi.startsWith("<!DOCTYPE html>\n<html lang=\"hi\">"), hindi);
    assertTrue(hindi.contains("सदस्यों की बचत (2000 + 2100)"), "the chart's legend in Hindi");
  }

  @Test
  void anUnknownGroupIsNotFoundAndAMissingDatabaseAnInputOutputError(@TempDir Path other) {
    Path file = other.resolve("statement.html");
    Run unknown = Run.shg("statement", "NOPE", "--db", db.toString(), "--format", "html", "--output", file.toString());
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("shg: rejected (GROUP_NOT_FOUND): group NOPE does not exist\n", unknown.err());
    assertFalse(Files.exists(file), "no statement, no file");

    Run missing = Run.shg("statement", "SHG01", "--db", other.resolve("no.db").toString());
    assertEquals(ExitCodes.IO_ERROR, missing.exitCode());
    assertFalse(Files.exists(other.resolve("no.db")));
  }

  @Test
  void aBadDateOrAPeriodThatEndsBeforeItStartsIsAUsageError() {
    assertEquals(ExitCodes.USAGE, statement("--to", "31/03/2025").exitCode());
    assertEquals(ExitCodes.USAGE, statement("--from", "2025-02-30").exitCode());

    Run backwards = statement("--from", "2025-06-01", "--to", "2025-05-31");
    assertEquals(ExitCodes.USAGE, backwards.exitCode());
    assertTrue(backwards.err().startsWith(
        "shg: --from 2025-06-01 is after the last day of the report, --to 2025-05-31\n"), backwards.err());

    Run afterTheLatest = statement("--from", "2025-07-01");
    assertEquals(ExitCodes.USAGE, afterTheLatest.exitCode());
    assertTrue(afterTheLatest.err().startsWith("shg: --from 2025-07-01 is after the last day of the report, "
        + "2025-06-28 (the date of the latest entry); give --to as well\n"), afterTheLatest.err());
  }

  /** An amount column of the balance sheet's line for an account. */
  private static BigDecimal line(List<CSVRecord> table, String code, String column) {
    return table.stream().filter(r -> r.get("code").equals(code)).map(r -> new BigDecimal(r.get(column)))
        .findFirst().orElseThrow(() -> new AssertionError("no line " + code));
  }
}
