package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.ReportOutput.amount;
import static org.shgledger.cli.ReportOutput.at;
import static org.shgledger.cli.ReportOutput.rows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.TextRenderer;

/**
 * {@code shg passbook}: a member's lines with her running savings and loan balances, from
 * {@link ReportBooks} (M01 saved once twice by mistake, corrected; M02 borrowed 600 and repaid 120
 * of it with 12 of interest; M03 was fined 10) and from the seed group, whose M10 is in arrears.
 */
class PassbookCommandTest {

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

  private static Run passbook(String member, String... more) {
    return ReportOutput.shg(new String[] {"passbook", "SHG01", member, "--db", db.toString()}, more);
  }

  /**
   * A flat loan's passbook gives its effective rate beside its flat rate, so that she can compare
   * it with a moneylender's (issue 14); in Hindi and Bengali too.
   */
  @Test
  void aFlatLoanIsShownWithItsEffectiveRate() {
    Run english = ReportOutput.shg(new String[] {"passbook", "SHG01", "M01", "--db", seedDb.toString()});
    assertEquals(ExitCodes.OK, english.exitCode(), english.err());
    String flattened = english.out().replaceAll("\\s+", " ");
    assertTrue(flattened.contains("Loan 20241110-M01: 2 % a month, flat, costs as much as 41.52 % a year on the"
        + " declining balance (its effective rate)"), english.out());
    for (String lang : new String[] {"hi", "bn"}) {
      Run other = ReportOutput.shg(new String[] {"passbook", "SHG01", "M01", "--db", seedDb.toString(), "--lang", lang});
      assertTrue(other.out().replaceAll("\\s+", " ").contains("41.52 %"), other.out());
    }
  }

  @Test
  void csvHasOneRowPerEntryWithEachMovementBesideItsBalance() {
    Run run = passbook("M02", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(String.join("\r\n",
            "date,particulars,savings,savings_balance,loan,loan_balance,interest,fines",
            "2025-03-08,Savings,100.00,100.00,0.00,0.00,0.00,0.00",
            "2025-04-05,Savings,100.00,200.00,0.00,0.00,0.00,0.00",
            "2025-05-03,Savings,100.00,300.00,0.00,0.00,0.00,0.00",
            "2025-06-07,Savings,100.00,400.00,0.00,0.00,0.00,0.00",
            "2025-06-07,Loan taken,0.00,400.00,600.00,600.00,0.00,0.00",
            "2025-06-28,Loan repaid,0.00,400.00,-120.00,480.00,12.00,0.00",
            ""),
        run.out());
  }

  @Test
  void aCorrectionTakesBackTheLineItCorrectsAndSaysWhy() {
    Run run = passbook("M01");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("""
        Member passbook
        ===============
        Group:                SHG01
        Group name:           Roshni Mahila Samooh
        Member:               M01
        From:                 2025-03-01 (the day she joined)
        To:                   2025-06-28 (the date of the latest entry)
        Currency:             INR
        Savings at the start: 0.00
        Loan at the start:    0.00
        Savings at the end:   400.00
        Loan at the end:      0.00

        Date        Particulars               Saved  Savings  Loan  Owed  Interest  Fine
        ----------  ----------------------  -------  -------  ----  ----  --------  ----
        2025-03-08  Savings                  100.00   100.00        0.00
        2025-04-05  Savings                  100.00   200.00        0.00
        2025-05-03  Savings                  100.00   300.00        0.00
        2025-05-03  Savings                  100.00   400.00        0.00
        2025-05-04  Correction: saving      -100.00   300.00        0.00
                    entered twice
        2025-06-07  Savings                  100.00   400.00        0.00
        ----------  ----------------------  -------  -------  ----  ----  --------  ----
                    Total                    400.00

        Saved: paid into her savings, compulsory and voluntary (negative: paid out);
        Savings: her savings after the line. Loan: lent to her (negative: principal she
        repaid); Owed: loan principal she still owes. Interest and Fine: what she paid.
        A correction shows the amounts of the line it corrects, negated.
        """, run.out());
  }

  @Test
  void jsonHasHerBalancesAsFactsAndTheLinesAddUpToThem() {
    Object json = ReportOutput.json(passbook("M02", "--format", "json", "--from", "2025-06-01").out());

    assertEquals("passbook", at(json, "report"));
    Map<String, Object> facts = at(json, "facts");
    assertEquals(List.of("group", "group_name", "member", "from", "to", "currency", "opening_savings",
        "opening_loan", "closing_savings", "closing_loan"), List.copyOf(facts.keySet()));
    assertEquals("2025-06-01", facts.get("from"));
    assertEquals("300.00", facts.get("opening_savings"));
    assertEquals(List.of("date", "particulars", "savings", "savings_balance", "loan", "loan_balance",
        "interest", "fines"), at(json, "tables", "lines", "columns"));
    List<Map<String, Object>> lines = rows(json, "lines");
    Map<String, Object> last = lines.get(lines.size() - 1);
    Map<String, Object> total = at(json, "tables", "lines", "total");
    assertAll(
        () -> assertEquals(3, lines.size(), "June: a saving, the loan, a repayment"),
        () -> assertEquals(facts.get("closing_savings"), last.get("savings_balance")),
        () -> assertEquals(facts.get("closing_loan"), last.get("loan_balance")),
        () -> assertEquals(amount((String) facts.get("closing_savings")),
            amount((String) facts.get("opening_savings")).add(amount((String) total.get("savings")))),
        () -> assertEquals(amount((String) facts.get("closing_loan")),
            amount((String) facts.get("opening_loan")).add(amount((String) total.get("loan")))),
        () -> assertEquals("12.00", total.get("interest")),
        () -> assertFalse(total.containsKey("savings_balance"), "a balance is not added up"));
  }

  @Test
  void herNameOnlyWhenAskedFor() {
    assertFalse(passbook("M02").out().contains("Member M02"));
    assertTrue(passbook("M02", "--names").out().contains("\nName:                 Member M02\n"));
    assertEquals("Member M02", at(ReportOutput.json(passbook("M02", "--names", "--format", "json").out()),
        "facts", "member_name"));
  }

  @Test
  void theSeedGroupsMemberInArrearsAgreesWithTheStatement() {
    Run run = ReportOutput.shg(new String[] {"passbook", "SHG01", "M10", "--db", seedDb.toString(), "--format", "json"});
    Object json = ReportOutput.json(run.out());
    Map<String, Object> total = at(json, "tables", "lines", "total");

    assertAll(
        () -> assertEquals("1200.00", at(json, "facts", "closing_savings")),
        () -> assertEquals("2040.00", at(json, "facts", "closing_loan"), "3,000 less 300 + 300 + 20 + 340"),
        () -> assertEquals("360.00", total.get("interest"), "60 + 60 + 180 + 60"),
        () -> assertEquals("10.00", total.get("fines"), "her absence in December"));
    Run text = ReportOutput.shg(new String[] {"passbook", "SHG01", "M10", "--db", seedDb.toString()});
    for (String line : text.out().split("\n")) {
      assertTrue(TextRenderer.width(line) <= 80, line);
    }
    assertTrue(text.out().contains("\n2025-02-10  Loan repaid            1,100.00    -20.00  2,380.00    180.00\n"),
        text.out());
  }

  @Test
  void amountsOfLakhsAreGroupedTheIndianWay(@TempDir Path other) {
    Path big = other.resolve("big.db");
    ReportBooks.record(big);
    ReportOutput.addLakhs(big);

    Run saver = Run.shg("passbook", "SHG01", "M01", "--db", big.toString());
    Run borrower = Run.shg("passbook", "SHG01", "M03", "--db", big.toString());

    assertTrue(saver.out().contains("Savings at the end:   1,50,400.00\n"), saver.out());
    assertTrue(saver.out().contains("\n2025-06-30  Savings         1,50,000.00  1,50,400.00        0.00\n"),
        saver.out());
    assertTrue(borrower.out().lines().map(line -> line.replaceAll(" {2,}", " ")).toList()
        .contains("2025-06-30 Loan taken 400.00 1,50,000.00 1,50,000.00"), borrower.out());
  }

  @Test
  void hindiLabelsWithTheSameNumbers() {
    Run run = passbook("M01", "--lang", "hi");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("सदस्य पासबुक\n"), run.out());
    assertAll(
        () -> assertTrue(run.out().contains("(जिस दिन वह सदस्य बनी)"), "the day she joined"),
        () -> assertTrue(run.out().contains("सुधार: saving entered twice"), "a correction, its memo as recorded"),
        () -> assertTrue(run.out().contains("अंत में बचत:"), "savings at the end"));
    Run loans = passbook("M02", "--lang", "hi");
    assertTrue(loans.out().contains("ऋण लिया"), loans.out());
    assertTrue(loans.out().contains("ऋण की किस्त"), loans.out());
    assertTrue(passbook("M03", "--lang", "hi").out().contains("जुर्माना"));
  }

  @Test
  void anUnknownMemberOrGroupIsNotFoundAndAMalformedIdOrDateAUsageError() {
    Run unknown = passbook("M09");
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("shg: rejected (MEMBER_NOT_FOUND): group SHG01: there is no member M09\n", unknown.err());
    assertEquals(ExitCodes.NOT_FOUND, Run.shg("passbook", "NOPE", "M01", "--db", db.toString()).exitCode());

    assertEquals(ExitCodes.USAGE, passbook("M 01").exitCode());
    assertEquals(ExitCodes.USAGE, passbook("M01", "--from", "1-4-2025").exitCode());
    assertEquals(ExitCodes.USAGE, passbook("M01", "--from", "2025-06-02", "--to", "2025-06-01").exitCode());
    assertEquals(ExitCodes.USAGE, Run.shg("passbook", "SHG01", "--db", db.toString()).exitCode(), "no member");
  }

  @Test
  void aPeriodBeforeSheJoinedIsHerEmptyPassbook() {
    Object json = ReportOutput.json(passbook("M01", "--to", "2025-02-28", "--format", "json").out());
    assertEquals("2025-02-28", at(json, "facts", "from"));
    assertEquals(List.of(), rows(json, "lines"));
    assertEquals(new BigDecimal("0.00"), amount((String) at(json, "facts", "closing_savings")));
  }
}
