package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code shg account}: an account's ledger with its running balance, from {@link ReportBooks}:
 * cash in hand (300.00 at the start of the financial year, 223.00 at the latest entry), the
 * members' savings with their sub-ledgers, and one member's savings alone.
 */
class AccountCommandTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    ReportBooks.record(db);
  }

  private static Run account(String code, String... more) {
    return ReportOutput.shg(new String[] {"account", "SHG01", code, "--db", db.toString()}, more);
  }

  @Test
  void csvHasEveryPostingWithItsEntryAndTheRunningBalanceAndRunsNoFormula() {
    Run run = account("1000", "--format", "csv", "--from", "2025-06-01");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("date,entry,member,memo,debit,credit,balance", lines.get(0));
    assertEquals("2025-06-07,2025-06-07-SAVE-M01,,M01 saves (compulsory),100.00,0.00,510.00", lines.get(1));
    assertEquals("2025-06-07,2025-06-07-LOAN-M02,,loan L-M02-1 to M02,0.00,600.00,110.00", lines.get(4));
    // memos that a spreadsheet would run are neutralised; the amounts stay numbers
    assertEquals("2025-06-28,2025-06-28-DONATION,,'-1+2,5.00,0.00,222.00", lines.get(lines.size() - 2));
    assertEquals("2025-06-28,2025-06-28-DONATION-2,,'@SUM(A1:A9),1.00,0.00,223.00", lines.get(lines.size() - 1));
  }

  @Test
  void textOfAControlAccountNamesEachMember() {
    Run run = account("2000", "--from", "2025-06-01");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("""
        Account ledger
        ==============
        Group:           SHG01
        Group name:      Roshni Mahila Samooh
        Account:         2000
        Account name:    Members' compulsory savings
        From:            2025-06-01
        To:              2025-06-28 (the date of the latest entry)
        Currency:        INR
        Opening balance: 900.00
        Closing balance: 1,200.00

        Date        Member  Particulars             Debit  Credit   Balance
        ----------  ------  ----------------------  -----  ------  --------
        2025-06-07  M01     M01 saves (compulsory)         100.00  1,000.00
        2025-06-07  M02     M02 saves (compulsory)         100.00  1,100.00
        2025-06-07  M03     M03 saves (compulsory)         100.00  1,200.00
        ----------  ------  ----------------------  -----  ------  --------
                            Total                          300.00

        Balances are on the credit side, as for members' savings, loans taken, the
        group's funds and income: credits add to them, debits take away.
        """, run.out());
  }

  @Test
  void entriesShowsTheEntryIdsInTextToo() {
    Run run = account("2000:M01", "--entries");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.contains("Date        Entry             Member  Particulars         Debit  Credit  Balance"),
        run.out());
    assertTrue(lines.contains("2025-05-04  2025-05-04-REVER          saving entered     100.00           300.00"),
        run.out());
    assertTrue(lines.contains("From:            2025-04-01 (the start of the financial year)"), run.out());
  }

  @Test
  void jsonReadsBackAndTheBalanceRunsFromTheOpeningToTheClosing() {
    Object json = ReportOutput.json(account("1000", "--format", "json").out());

    assertEquals("account", at(json, "report"));
    Map<String, Object> facts = at(json, "facts");
    assertEquals(List.of("group", "group_name", "account", "account_name", "from", "to", "currency",
        "opening_balance", "closing_balance"), List.copyOf(facts.keySet()));
    assertEquals(List.of("date", "entry", "member", "memo", "debit", "credit", "balance"),
        at(json, "tables", "lines", "columns"));
    List<Map<String, Object>> lines = rows(json, "lines");
    BigDecimal running = amount((String) facts.get("opening_balance"));
    for (Map<String, Object> line : lines) {
      running = running.add(amount((String) line.get("debit"))).subtract(amount((String) line.get("credit")));
      assertEquals(running, amount((String) line.get("balance")), "after " + line.get("entry"));
    }
    BigDecimal closing = running;
    Map<String, Object> total = at(json, "tables", "lines", "total");
    assertAll(
        () -> assertEquals("300.00", facts.get("opening_balance")),
        () -> assertEquals("223.00", facts.get("closing_balance")),
        () -> assertEquals(amount("223.00"), closing),
        () -> assertEquals(ReportOutput.jsonSum(lines, "debit"), amount((String) total.get("debit"))),
        () -> assertEquals(ReportOutput.jsonSum(lines, "credit"), amount((String) total.get("credit"))));
  }

  @Test
  void amountsOfLakhsAreGroupedTheIndianWay(@TempDir Path other) {
    Path big = other.resolve("big.db");
    ReportBooks.record(big);
    ReportOutput.addLakhs(big);

    Run run = Run.shg("account", "SHG01", "1100", "--db", big.toString());

    List<String> lines = run.out().lines().map(line -> line.replaceAll(" {2,}", " ")).toList();
    assertTrue(lines.contains("Closing balance: 2,00,503.50"), run.out());
    assertTrue(lines.contains("2025-06-30 M01 saves 1,50,000.00 3,50,503.50"), run.out());
    for (String line : run.out().split("\n")) {
      assertTrue(TextRenderer.width(line) <= 80, line);
    }
  }

  @Test
  void hindiLabelsWithTheSameNumbers() {
    Run run = account("1000", "--lang", "hi");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("खाता बही\n"), run.out());
    assertTrue(run.out().contains("प्रारंभिक शेष: 300.00"), run.out());
    assertTrue(run.out().contains("शेष नामे पक्ष में है"), run.out());
    assertTrue(run.out().contains("हाथ में नकद"), "a standard account's name in Hindi");
  }

  @Test
  void anUnknownAccountOrGroupIsNotFoundAndAMalformedCodeOrDateAUsageError() {
    Run unknown = account("1900");
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("shg: rejected (ACCOUNT_NOT_FOUND): book SHG01: there is no account 1900\n", unknown.err());
    assertEquals(ExitCodes.NOT_FOUND, account("2000:M09").exitCode(), "no such member's sub-ledger");
    assertEquals(ExitCodes.NOT_FOUND, Run.shg("account", "NOPE", "1000", "--db", db.toString()).exitCode());

    assertEquals(ExitCodes.USAGE, account("cash in hand").exitCode());
    assertEquals(ExitCodes.USAGE, account("1000", "--to", "2025-13-01").exitCode());
    assertEquals(ExitCodes.USAGE, account("1000", "--from", "2025-06-02", "--to", "2025-06-01").exitCode());
  }
}
