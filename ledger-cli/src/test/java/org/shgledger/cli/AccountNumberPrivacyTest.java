package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.LedgerStore;

/**
 * Issue 13 item 6, through the command line: the seed group SHG01 (whose roster holds Sunita
 * Devi's account 20417755301 and Rinku Devi's 2463001700058214) gets a month of bank lines that
 * name them as banks do, and neither the books nor any export keeps a full account number; a
 * pseudonymised export keeps no name either, however it is spelt. A book written before account
 * numbers were masked is protected by its exports and reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountNumberPrivacyTest {

  private static final BookId SHG01 = BookId.of("SHG01");
  private static final List<String> FULL_NUMBERS = List.of("20417755301", "2463001700058214", "37290100004417");
  private static final Pattern NAMES = Pattern.compile("(?i)sunita|rinku|kiran");

  private Path directory;
  private Path db;

  @BeforeAll
  void buildTheSeedGroupAndItsApril(@TempDir Path directory) throws IOException {
    this.directory = directory;
    db = directory.resolve("shg.db");
    SeedBooks.build(SeedBooks.seed("shg01-roshni"), db);
    // the seed statement ends on 31 March 2025 at 24,912.90
    Path april = directory.resolve("april.csv");
    Files.writeString(april, String.join("\n",
        "Date,Narration,Withdrawal,Deposit,Balance",
        "05/04/2025,UPI/20417755301/SUNITADEVI/SBIN,500.00,,24412.90",
        "06/04/2025,TRF TO a/c 2463001700058214 RINKU DEVI,1000.00,,23412.90",
        "07/04/2025,NEFT FROM 3729 0100 0044 17 kiran  devi,,250.00,23662.90",
        ""), StandardCharsets.UTF_8);
    Run imported = Run.shg("import", "passbook", "SHG01", april.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
    assertNoFullNumber("the import's own output", imported.out());
  }

  @Test
  void theBooksKeepOnlyTheLastFourDigits() {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      List<String> memos = store.journal().entries(SHG01).stream().map(JournalEntry::memo)
          .filter(memo -> memo.contains("DEVI") || memo.contains("devi")).toList();
      assertEquals(List.of("UPI/XXXXXXX5301/SUNITADEVI/SBIN", "TRF TO a/c XXXXXXXXXXXX8214 RINKU DEVI",
          "NEFT FROM XXXX XXXX XX44 17 kiran  devi"), memos);
    }
  }

  @Test
  void aPseudonymisedGeneralLedgerHasNoAccountNumberAndNoNameInAnySpelling() {
    Run export = Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize", "--db", db.toString());

    assertEquals(ExitCodes.OK, export.exitCode(), export.err());
    assertNoFullNumber("gl-csv --pseudonymize", export.out());
    assertFalse(NAMES.matcher(export.out()).find(), export.out());
    assertTrue(Pattern.compile(",UPI/XXXXXXX5301/P-[0-9a-f]{12}/SBIN,").matcher(export.out()).find(), export.out());
    assertTrue(Pattern.compile(",TRF TO a/c XXXXXXXXXXXX8214 P-[0-9a-f]{12},").matcher(export.out()).find(),
        export.out());
    assertTrue(Pattern.compile(",NEFT FROM XXXX XXXX XX44 17 P-[0-9a-f]{12},").matcher(export.out()).find(),
        export.out());
  }

  /** Entries recorded before this version hold full numbers and cannot be changed: outputs mask them. */
  @Test
  void anOldBooksFullNumbersNeverLeaveThroughAnExportOrAReport() throws IOException {
    Path old = Files.copy(db, directory.resolve("old.db"));
    try (LedgerStore store = LedgerStore.openSqlite(old)) {
      // as the journal kept it before masking: straight to the journal, past the engine
      Money amount = Money.of(CurrencyUnit.of("INR"), 100);
      store.journal().record(JournalEntry.of(EntryId.of("OLD-1"), SHG01, LocalDate.of(2025, 4, 8),
          "withdrawn to her a/c 20417755301 (Sunita Devi)",
          List.of(Posting.debit(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, MemberId.of("M01")), amount),
              Posting.credit(Chart.BANK, amount))));
    }
    for (String format : List.of("gl-csv", "trial-balance-csv", "hledger", "ledger")) {
      Run export = Run.shg("export", "SHG01", "--format", format, "--db", old.toString());
      assertEquals(ExitCodes.OK, export.exitCode(), export.err());
      assertNoFullNumber(format, export.out());
    }
    Run gl = Run.shg("export", "SHG01", "--format", "gl-csv", "--db", old.toString());
    assertTrue(gl.out().contains(",withdrawn to her a/c XXXXXXX5301 (Sunita Devi),"), gl.out());
    Run pseudonymised = Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize", "--db", old.toString());
    assertTrue(Pattern.compile(",withdrawn to her a/c XXXXXXX5301 \\(P-[0-9a-f]{12}\\),")
        .matcher(pseudonymised.out()).find(), pseudonymised.out());

    List<List<String>> reports = List.of(List.of("passbook", "SHG01", "M01"),
        List.of("passbook", "SHG01", "M01", "--pseudonymize", "--format", "csv"),
        List.of("account", "SHG01", "1100", "--format", "json"), List.of("account", "SHG01", "2000"));
    for (List<String> command : reports) {
      Run report = Run.shg(withDb(command, old));
      assertEquals(ExitCodes.OK, report.exitCode(), report.err());
      if (command.get(0).equals("account")) {
        assertTrue(report.out().contains("XXXXXXX5301"), command + " shows the memo: " + report.out());
      }
      assertNoFullNumber(String.join(" ", command), report.out());
    }
    Run verify = Run.shg("verify", "SHG01", "--db", old.toString());
    assertEquals(ExitCodes.OK, verify.exitCode(), "the books themselves are as they were: " + verify.err());
  }

  private static String[] withDb(List<String> command, Path database) {
    List<String> all = new java.util.ArrayList<>(command);
    all.add("--db");
    all.add(database.toString());
    return all.toArray(String[]::new);
  }

  private static void assertNoFullNumber(String what, String output) {
    for (String number : FULL_NUMBERS) {
      assertFalse(output.contains(number), what + " holds " + number + ":\n" + output);
    }
    assertFalse(output.contains("3729 0100 0044 17"), what + ":\n" + output);
  }
}
