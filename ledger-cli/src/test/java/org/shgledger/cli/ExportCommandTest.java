package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shg export}: the whole books as a general ledger, a trial balance or a journal. */
class ExportCommandTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    ReportBooks.record(db);
  }

  static Run export(String format, String... more) {
    String[] base = {"export", "SHG01", "--db", db.toString(), "--format", format};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Run.shg(args);
  }

  static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
  }

  @Test
  void theGeneralLedgerHasOneRowPerPostingInDateOrder() throws IOException {
    Run run = export("gl-csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("date,entry,memo,code,account,debit,credit,reverses\r\n"
        + "2025-03-08,2025-03-08-SAVE-M01,M01 saves (compulsory),1000,Cash in hand,100.00,0.00,\r\n"
        + "2025-03-08,2025-03-08-SAVE-M01,M01 saves (compulsory),2000:M01,Members' compulsory savings — M01,0.00,100.00,\r\n"),
        run.out());
    List<CSVRecord> rows = csv(run.out());
    // 12 savings, the mistake and its reversal, fine, banking, loan, interest, expense: 2 postings
    // each; the repayment 3; the two formula entries 2 each
    assertEquals(2 * 19 + 3 + 2 * 2, rows.size());
    String previous = "";
    for (CSVRecord row : rows) {
      assertTrue(row.get("date").compareTo(previous) >= 0, "date order at " + row);
      previous = row.get("date");
    }
    assertTrue(run.out().contains("2025-05-04,2025-05-04-REVERSE,saving entered twice,1000,Cash in hand,0.00,100.00,"
        + "2025-05-03-SAVE-M01-again\r\n"), run.out());
  }

  @Test
  void theGeneralLedgerAddsUpToTheTrialBalance() throws IOException {
    Map<String, BigDecimal> fromLedger = new TreeMap<>();
    for (CSVRecord row : csv(export("gl-csv").out())) {
      String code = row.get("code").contains(":") ? row.get("code").substring(0, row.get("code").indexOf(':'))
          : row.get("code");
      fromLedger.merge(code, new BigDecimal(row.get("debit")).subtract(new BigDecimal(row.get("credit"))),
          BigDecimal::add);
    }
    fromLedger.values().removeIf(amount -> amount.signum() == 0);
    Map<String, BigDecimal> fromTrialBalance = new TreeMap<>();
    for (CSVRecord row : csv(export("trial-balance-csv").out())) {
      fromTrialBalance.put(row.get("code"),
          new BigDecimal(row.get("debit")).subtract(new BigDecimal(row.get("credit"))));
    }
    assertEquals(fromTrialBalance, fromLedger);
  }

  @Test
  void everyTextThatASpreadsheetWouldRunIsNeutralisedAndAmountsStayNumbers() throws IOException {
    String out = export("gl-csv").out();

    assertTrue(out.contains("2025-06-28,2025-06-28-DONATION,'-1+2,1000,Cash in hand,5.00,0.00,\r\n"), out);
    assertTrue(out.contains("2025-06-28,2025-06-28-DONATION,'-1+2,4900,"
        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",0.00,5.00,\r\n"), out);
    assertTrue(out.contains(",'@SUM(A1:A9),"), out);
    for (CSVRecord row : csv(out)) {
      for (String cell : row.values()) {
        assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "a formula: " + row);
      }
      assertTrue(row.get("debit").matches("\\d+\\.\\d\\d"), row.toString());
      assertTrue(row.get("credit").matches("\\d+\\.\\d\\d"), row.toString());
    }
  }

  @Test
  void theTrialBalanceCsvIsShgTrialBalancesCsv() {
    Run export = export("trial-balance-csv");
    Run trialBalance = Run.shg("trial-balance", "SHG01", "--db", db.toString(), "--format", "csv");

    assertEquals(ExitCodes.OK, export.exitCode(), export.err());
    assertTrue(export.out().startsWith("code,account,debit,credit\r\n1000,Cash in hand,223.00,0.00\r\n"), export.out());
    assertEquals(trialBalance.out(), export.out());
  }

  @Test
  void theHledgerJournalDeclaresItsCommodityAndAccountsAndAssertsBalances() {
    String journal = export("hledger").out();

    assertTrue(journal.contains("\ncommodity 1000.00 INR\n"), journal);
    assertTrue(journal.contains("\naccount Assets  ; type: A\n"), journal);
    assertTrue(journal.contains("\naccount Assets:1000 Cash in hand  ; type: A\n"), journal);
    assertTrue(journal.contains("\naccount Liabilities:2000 Members' compulsory savings:M01  ; type: L\n"), journal);
    // a colon in a name would be a level of hierarchy
    assertTrue(journal.contains("\naccount Income:4900 =HYPERLINK(\"http-//evil.example\",\"click\")  ; type: R\n"),
        journal);
    assertTrue(journal.contains("""

        2025-05-04 * (2025-05-04-REVERSE) saving entered twice
            ; reverses: 2025-05-03-SAVE-M01-again
            Assets:1000 Cash in hand                         -100.00 INR
            Liabilities:2000 Members' compulsory savings:M01  100.00 INR
        """), journal);
    // a semicolon would start a comment, and two spaces end an account name
    assertTrue(journal.contains("\n2025-06-21 * (2025-06-21-EXPENSE) expense: register, pens and ink\n"), journal);
    // the year end (31 March) and the last entry
    assertTrue(journal.contains("""

        2025-03-31 * balances as of 2025-03-31
            Assets:1000 Cash in hand                            0.00 INR = 300.00 INR
            Liabilities:2000 Members' compulsory savings:M01    0.00 INR = -100.00 INR
        """), journal);
    assertTrue(journal.contains("\n2025-06-28 * balances as of 2025-06-28\n"
        + "    Assets:1000 Cash in hand                            0.00 INR = 223.00 INR\n"), journal);
    assertTrue(journal.indexOf("2025-06-28 * balances") > journal.lastIndexOf("(2025-06-28-DONATION-2)"), journal);
  }

  @Test
  void theLedgerJournalUsesLedgersDirectives() {
    String journal = export("ledger").out();

    assertTrue(journal.contains("\ncommodity INR\n    format 1000.00 INR\ntag reverses\n"), journal);
    assertTrue(journal.contains("\naccount Assets:1000 Cash in hand\n"), journal);
    assertTrue(!journal.contains("type:"), journal);
  }

  @Test
  void toAFileWrittenWhole() throws IOException {
    Path file = dir.resolve("shg01.journal");
    Run run = export("hledger", "--output", file.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(export("hledger").out(), Files.readString(file));
  }

  @Test
  void aMissingOrUnknownFormatIsAUsageErrorAndAnUnknownGroupNotFound() {
    Run missing = Run.shg("export", "SHG01", "--db", db.toString());
    assertEquals(ExitCodes.USAGE, missing.exitCode());
    Run unknown = export("xlsx");
    assertEquals(ExitCodes.USAGE, unknown.exitCode());
    assertTrue(unknown.err().contains("use gl-csv, trial-balance-csv, hledger, ledger or tally-xml"), unknown.err());
    Run group = Run.shg("export", "NOPE", "--db", db.toString(), "--format", "gl-csv");
    assertEquals(ExitCodes.NOT_FOUND, group.exitCode());
  }
}
