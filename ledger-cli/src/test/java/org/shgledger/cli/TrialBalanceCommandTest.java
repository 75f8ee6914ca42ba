package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.TextRenderer;

/** {@code shg trial-balance}: every account's balance, in each format and language. */
class TrialBalanceCommandTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    ReportBooks.record(db);
  }

  private static Run trialBalance(String... more) {
    String[] base = {"trial-balance", "SHG01", "--db", db.toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Run.shg(args);
  }

  @Test
  void csvHasExactlyTheHeaderAndOneRowPerAccountWithABalance() {
    Run run = trialBalance("--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(String.join("\r\n",
            "code,account,debit,credit",
            "1000,Cash in hand,223.00,0.00",
            "1100,Bank — group SB account,503.50,0.00",
            "1200,Loans to members,480.00,0.00",
            "2000,Members' compulsory savings,0.00,1200.00",
            "4000,Interest on member loans,0.00,12.00",
            "4100,Fines and penalties,0.00,10.00",
            "4200,Interest from bank,0.00,3.50",
            "4900,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",0.00,6.00",
            "5200,\"Meeting, stationery and bookkeeping costs\",25.00,0.00",
            ""),
        run.out());
  }

  @Test
  void membersAddsTheSubLedgerRowsCodedControlColonMember() {
    List<String> lines = trialBalance("--format", "csv", "--members").out().lines().toList();

    assertEquals(List.of(
            "1200,Loans to members,480.00,0.00",
            "1200:M02,Loans to members — M02,480.00,0.00",
            "2000,Members' compulsory savings,0.00,1200.00",
            "2000:M01,Members' compulsory savings — M01,0.00,400.00",
            "2000:M02,Members' compulsory savings — M02,0.00,400.00",
            "2000:M03,Members' compulsory savings — M03,0.00,400.00"),
        lines.subList(3, 9));
  }

  @Test
  void asOfADateLeavesOutWhatCameAfter() {
    Run run = trialBalance("--format", "csv", "--as-of", "2025-03-31");
    assertEquals("code,account,debit,credit\r\n1000,Cash in hand,300.00,0.00\r\n"
        + "2000,Members' compulsory savings,0.00,300.00\r\n", run.out());
  }

  @Test
  void textSaysTheDateIsTheLatestEntrysAndUsesIndianGrouping() {
    Run run = trialBalance("--members");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("""
        Trial balance
        =============
        Group:      SHG01
        Group name: Roshni Mahila Samooh
        As of:      2025-06-28 (the date of the latest entry)
        Currency:   INR

        Code        Account                                       Debit    Credit
        ----------  -----------------------------------------  --------  --------
        1000        Cash in hand                                 223.00
        1100        Bank — group SB account                      503.50
        1200        Loans to members                             480.00
          1200:M02    Loans to members — M02                     480.00
        2000        Members' compulsory savings                          1,200.00
          2000:M01    Members' compulsory savings — M01                    400.00
          2000:M02    Members' compulsory savings — M02                    400.00
          2000:M03    Members' compulsory savings — M03                    400.00
        4000        Interest on member loans                                12.00
        4100        Fines and penalties                                     10.00
        4200        Interest from bank                                       3.50
        4900        =HYPERLINK("http://evil.example","click")                6.00
        5200        Meeting, stationery and bookkeeping costs     25.00
        ----------  -----------------------------------------  --------  --------
                    Total                                      1,231.50  1,231.50

        Indented lines are members' sub-ledgers, already counted in the account above.

        Assets = Liabilities + Equity + Income − Expenses
        1,206.50 = 1,200.00 + 0.00 + 31.50 − 25.00 (the books balance)
        """, run.out());
    for (String line : run.out().split("\n")) {
      assertTrue(TextRenderer.width(line) <= 80, line);
    }
  }

  @Test
  void aGivenDateHasNoRemarkAndLakhsAreGroupedTheIndianWay(@TempDir Path other) {
    Path big = other.resolve("big.db");
    ReportBooks.record(big);
    try (var store = org.shgledger.store.LedgerStore.openSqlite(big)) {
      store.engine().record(ReportBooks.SHG, org.shgledger.journal.EntryId.of("GRANT"), java.time.LocalDate.of(2025, 6, 30),
          new org.shgledger.group.GroupOperation.ReceiveGrant(ReportBooks.inr("150000"), org.shgledger.group.Channel.BANK));
    }
    Run run = Run.shg("trial-balance", "SHG01", "--db", big.toString(), "--as-of", "2025-06-30");
    assertTrue(run.out().contains("As of:      2025-06-30\n"), run.out());
    assertTrue(run.out().contains("1100  Bank — group SB account                    1,50,503.50\n"), run.out());
    assertTrue(run.out().contains("Total                                      1,51,231.50  1,51,231.50\n"), run.out());
  }

  @Test
  void hindiLabelsWithTheSameNumbers() {
    Run run = trialBalance("--lang", "hi", "--members");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("तलपट\n"), run.out());
    assertTrue(run.out().contains("दिनांक तक:   2025-06-28 (अंतिम प्रविष्टि की तारीख़)"), run.out());
    assertTrue(run.out().contains("कोड         खाता"), run.out());
    assertTrue(run.out().contains("नामे       जमा"), run.out());
    assertTrue(run.out().contains("            कुल                                         1,231.50  1,231.50"), run.out());
    assertTrue(run.out().contains("(खाते संतुलित हैं)"), run.out());
  }

  @Test
  void jsonHasStableKeysAndAmountsAsStrings() {
    String json = trialBalance("--format", "json", "--lang", "hi").out();

    assertTrue(json.startsWith("{\n  \"schema\" : \"shg.trial-balance/1\",\n  \"report\" : \"trial-balance\",\n  \"title\" : \"तलपट\",\n"), json);
    assertTrue(json.contains("""
            "facts" : {
              "group" : "SHG01",
              "group_name" : "Roshni Mahila Samooh",
              "as_of" : "2025-06-28",
              "currency" : "INR"
            },
          """), json);
    assertTrue(json.contains("""
                "columns" : [
                  "code",
                  "account",
                  "debit",
                  "credit"
                ],
          """), json);
    assertTrue(json.contains("""
                  {
                    "code" : "1100",
                    "account" : "बैंक — समूह का बचत खाता",
                    "debit" : "503.50",
                    "credit" : "0.00"
                  },
          """), json);
    assertTrue(json.contains("""
                "total" : {
                  "account" : "कुल",
                  "debit" : "1231.50",
                  "credit" : "1231.50"
                }
          """), json);
  }

  @Test
  void htmlToAFileIsOnePrintablePageWithEverythingEscaped() throws IOException {
    Path file = dir.resolve("tb.html");
    Run run = trialBalance("--format", "html", "--members", "--output", file.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.out());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
    assertTrue(html.contains("<td>=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</td>"), html);
    assertTrue(html.contains("<tr class=\"level-1\"><td style=\"padding-left:2.0em\">2000:M01</td>"), html);
    assertTrue(html.contains("<td class=\"num\">1,231.50</td>"), html);
    assertFalse(html.contains("<script"), html);
  }

  @Test
  void anEmptyBookIsAsOfTodayAndSaysSo(@TempDir Path other) {
    Path empty = other.resolve("empty.db");
    Run created = Run.shg("group", "create", "SHG02", "--db", empty.toString(), "--name", "Naya Samooh",
        "--formed", "2025-01-01", "--monthly-savings", "50");
    assertEquals(ExitCodes.OK, created.exitCode(), created.err());

    Run run = Run.shg("trial-balance", "SHG02", "--db", empty.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("(today: there are no entries yet)"), run.out());
    assertEquals("code,account,debit,credit\r\n",
        Run.shg("trial-balance", "SHG02", "--db", empty.toString(), "--format", "csv").out());
  }

  @Test
  void anUnknownGroupIsNotFoundAndAMissingDatabaseAnInputOutputError(@TempDir Path other) {
    Path file = other.resolve("tb.csv");
    Run unknown = Run.shg("trial-balance", "NOPE", "--db", db.toString(), "--output", file.toString());
    assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
    assertEquals("shg: rejected (BOOK_NOT_FOUND): there is no group NOPE in the books\n", unknown.err());
    assertFalse(Files.exists(file), "no report, no file");

    Run missing = Run.shg("trial-balance", "SHG01", "--db", other.resolve("no.db").toString());
    assertEquals(ExitCodes.IO_ERROR, missing.exitCode());
    assertFalse(Files.exists(other.resolve("no.db")));
  }

  @Test
  void anOutputFileInAMissingDirectoryIsAnInputOutputErrorAndWritesNothing(@TempDir Path other) {
    Run run = trialBalance("--format", "csv", "--output", other.resolve("no/such/tb.csv").toString());
    assertEquals(ExitCodes.IO_ERROR, run.exitCode());
    assertTrue(run.err().startsWith("shg: input/output error: cannot write "), run.err());
  }

  @Test
  void aBadDateOrFormatIsAUsageError() {
    assertEquals(ExitCodes.USAGE, trialBalance("--as-of", "30/06/2025").exitCode());
    assertEquals(ExitCodes.USAGE, trialBalance("--format", "xlsx").exitCode());
  }
}
