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
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.MemberId;
import org.shgledger.importing.passbook.PassbookProfile;
import org.shgledger.journal.Account;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.LedgerStore;

/** {@code shg import passbook} and {@code shg import reclassify} on a SQLite file. */
class ImportPassbookCommandTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId GROUP = BookId.of("SHG01");

  @TempDir Path dir;
  private Path db;
  private Path passbook;

  @BeforeEach
  void groupWithCash() throws IOException {
    db = dir.resolve("books.db");
    Run create = Run.shg("group", "create", "SHG01", "--name", "Asha", "--formed", "2024-04-01",
        "--monthly-savings", "100", "--db", db.toString());
    assertEquals(ExitCodes.OK, create.exitCode(), create.err());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      Money cash = Money.of(INR, 5000);
      store.engine().record(GROUP, EntryId.of("opening"), LocalDate.of(2025, 3, 31),
          new org.shgledger.group.GroupOperation.OpeningBalances(
              List.of(Posting.debit(Chart.CASH, cash), Posting.credit(Chart.SURPLUS, cash)), "Opening cash"));
    }
    passbook = dir.resolve("passbook.csv");
    Files.writeString(passbook,
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "01/04/2025,CASH DEPOSIT,,\"1,000.00\",\"1,000.00\"\n"
            + "02/04/2025,NEFT ASHA TRADERS,250.00,,750.00\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void dryRunShowsTheEntriesAndRecordsNothing() {
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--dry-run");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("2025-04-01  pb:"), run.out());
    assertTrue(run.out().contains("Cr 1000  1,000.00  CASH DEPOSIT"), run.out());
    assertTrue(run.out().contains("2 would be recorded"), run.out());
    assertTrue(run.out().contains("dry run: nothing was recorded"), run.out());
    assertEquals("shg: reading " + passbook + " ... 2 lines\n", run.err(), "one line per phase when not on a terminal");
    assertEquals(1, entries());
  }

  /** Standard error that is not a terminal gets plain lines, one per phase; --quiet, nothing. */
  @Test
  void progressIsPlainLinesWhenNotOnATerminalAndNothingWhenQuiet() {
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(), "--profile", "generic");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("shg: reading " + passbook + " ... 2 lines\nshg: recording ... done, 2 entries\n", run.err());
    assertFalse(run.err().contains("\r"), "no carriage return");
    assertFalse(run.err().contains("\u001b"), "no escape code");

    Run quiet = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(), "-q");
    assertEquals(ExitCodes.OK, quiet.exitCode(), quiet.err());
    assertEquals("", quiet.err());
  }

  @Test
  void importsOnceThenReclassifiesTheSuspenseLine() {
    Run first = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--profile", "generic");
    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    assertTrue(first.out().contains("2 recorded, 0 already in the books, 1 to Suspense"), first.out());
    Run again = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString());
    assertTrue(again.out().contains("0 recorded, 2 already in the books"), again.out());
    assertEquals(3, entries());

    String suspense;
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      suspense = store.journal().entries(GROUP).stream()
          .filter(e -> e.postings().stream().anyMatch(p -> p.account().equals(Chart.SUSPENSE)))
          .findFirst().orElseThrow().id().value();
    }
    Run moved = Run.shg("import", "reclassify", "SHG01", suspense, "5200", "--db", db.toString());
    assertEquals(ExitCodes.OK, moved.exitCode(), moved.err());
    assertTrue(moved.out().contains(suspense + "/rc  Dr 5200  250.00"), moved.out());
    assertEquals(5, entries());
  }

  @Test
  void problemsAreListedWithTheirPlaceAndNothingIsRecorded() throws IOException {
    Files.writeString(passbook,
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "01/04/2025,CASH DEPOSIT,,1000.00,1000.00\n"
            + "02/04/2025,NEFT,250.00,,800.00\n"
            + "2025-04-03,NEFT,1.00,,799.00\n",
        StandardCharsets.UTF_8);
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString());
    assertEquals(ExitCodes.REJECTED, run.exitCode());
    String[] lines = run.errLines();
    assertTrue(lines[0].startsWith("shg: " + passbook + ":3:5: the balance 800.00 should be 750.00"),
        run.err());
    assertTrue(lines[1].startsWith("shg: " + passbook + ":4:1: \"2025-04-03\" is not a date"), run.err());
    assertEquals("shg: nothing was imported", lines[lines.length - 1]);
    assertEquals(1, entries());
  }

  @Test
  void anUnknownProfileOrGroupIsRefused() {
    assertEquals(ExitCodes.USAGE,
        Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
            "--profile", "nabard").exitCode());
    assertEquals(ExitCodes.NOT_FOUND,
        Run.shg("import", "passbook", "SHG99", passbook.toString(), "--db", db.toString())
            .exitCode());
    assertEquals(ExitCodes.USAGE, Run.shg("import").exitCode());
    Path missing = dir.resolve("missing.db");
    assertEquals(ExitCodes.IO_ERROR,
        Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", missing.toString())
            .exitCode());
    assertTrue(!Files.exists(missing), "no database is created for an import");
  }

  /**
   * Without --profile the output names the layout it detected; with it, the profile chosen. A
   * negative amount in the deposit column is read as a withdrawal and said in a note.
   */
  @Test
  void theOutputNamesTheDetectedLayoutAndNotesANegativeDeposit() throws IOException {
    Files.writeString(passbook,
        "ASHA MAHILA SAMOOH,,,,,,\n"
            + "Savings Account Transactions,,,,,,\n"
            + "#,Date,Description,Chq/Ref. No.,Withdrawal (Dr.),Deposit (Cr.),Balance\n"
            + "-,-,Opening Balance,-,-,-,0.00\n"
            + "1,01 Apr 2025,CASH DEPOSIT,,,\"1,000.00\",\"1,000.00\"\n"
            + "2,02 Apr 2025,NEFT ASHA TRADERS,,,-250.00,750.00\n",
        StandardCharsets.UTF_8);
    Run dry = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(), "--dry-run");
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
    assertTrue(dry.out().contains(passbook + " (detected: kotak-debit-credit): 2 lines, 2 would be recorded"),
        dry.out());
    assertTrue(dry.out().contains("note: " + passbook + ":6:6: a negative deposit, -250.00, read as a withdrawal"
        + " of 250.00"), dry.out());
    Run chosen = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--profile", "kotak-debit-credit");
    assertEquals(ExitCodes.OK, chosen.exitCode(), chosen.err());
    assertTrue(chosen.out().contains(passbook + " (profile kotak-debit-credit): 2 lines, 2 recorded"), chosen.out());
  }

  /** A statement listed newest first is recorded oldest first, and says so. */
  @Test
  void aStatementListedNewestFirstIsRecordedOldestFirst() throws IOException {
    Files.writeString(passbook,
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "02/04/2025,NEFT ASHA TRADERS,250.00,,750.00\n"
            + "01/04/2025,CASH DEPOSIT,,\"1,000.00\",\"1,000.00\"\n",
        StandardCharsets.UTF_8);
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("(detected: generic, listed newest first): 2 lines, 2 recorded"), run.out());
    assertTrue(run.out().contains("bank balance 0.00 before 2025-04-01, 750.00 after 2025-04-02"), run.out());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      assertEquals(List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2)),
          store.journal().entries(GROUP).stream().map(JournalEntry::date).toList());
    }
  }

  /** A rules file sends a member's savings to her sub-ledger and a supplier's payment to 5200. */
  @Test
  void aRulesFileRoutesNarrationsToAMembersSubLedgerAndAnAccount() throws IOException {
    // a member of the group, so that the engine lets a bank line reach her savings
    Run join = Run.shg("member", "add", "SHG01", "M01", "--name", "Asha", "--joined", "2024-04-01", "--db", db.toString());
    assertEquals(ExitCodes.OK, join.exitCode(), join.err());
    Files.writeString(passbook,
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "01/04/2025,UPI/8812/SAVINGS M01,,500.00,500.00\n"
            + "02/04/2025,NEFT ASHA TRADERS,250.00,,250.00\n"
            + "03/04/2025,IMPS 4471 UNKNOWN,,10.00,260.00\n",
        StandardCharsets.UTF_8);
    Path rules = Files.writeString(dir.resolve("shg01.rules"), """
        # rules for SHG01
        savings.*\\bM01\\b  -> 2000:M01
        ASHA TRADERS        -> 5200
        """, StandardCharsets.UTF_8);

    Run dry = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--rules", rules.toString(), "--dry-run");
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
    assertTrue(dry.out().contains("Cr 2000:M01  500.00  UPI/8812/SAVINGS M01"), dry.out());
    assertTrue(dry.out().contains("Dr 5200  250.00  NEFT ASHA TRADERS"), dry.out());
    assertTrue(dry.out().contains("Cr 9999  10.00  IMPS 4471 UNKNOWN"), dry.out());

    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--rules", rules.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("3 recorded, 0 already in the books, 1 to Suspense"), run.out());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      LocalDate end = LocalDate.of(2025, 4, 30);
      assertEquals(Money.of(INR, -500), store.journal().balance(GROUP,
          Chart.memberAccount(Chart.COMPULSORY_SAVINGS, MemberId.of("M01")), end).net());
      assertEquals(Money.of(INR, 250), store.journal().balance(GROUP, Chart.EXPENSES, end).net());
      assertEquals(Money.of(INR, -10), store.journal().balance(GROUP, Chart.SUSPENSE, end).net());
      assertEquals(Money.of(INR, 260), store.journal().balance(GROUP, Chart.BANK, end).net());
    }
  }

  /** A bad rule is reported at its own file, line and column, and nothing is imported. */
  /** An unknown --profile is a usage error that lists the profiles there are; nothing is recorded. */
  @Test
  void anUnknownProfileIsAUsageErrorListingEveryProfile() {
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--profile", "axis");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: unknown profile 'axis': choose generic, sbi, hdfc, icici, kotak, kotak-debit-credit, idbi, bob, bob-mini or particulars",
        run.err().strip());
    assertEquals(1, entries());
  }

  /** The help of both passbook imports lists the registered profiles; none is typed in twice. */
  @Test
  void theHelpListsEveryRegisteredProfile() {
    String names = PassbookProfile.BUILT_IN.stream().map(PassbookProfile::name)
        .collect(Collectors.joining(", "));
    for (String command : List.of("passbook", "books")) {
      Run run = Run.shg("import", command, "--help");
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      assertTrue(run.out().replaceAll("\\s+", " ").contains("The bank's layout: " + names + " (default"),
          run.out());
    }
  }

  @Test
  void aBadRulesLineIsReportedWithItsLineNumber() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.rules"), """
        # rules for SHG01
        ASHA TRADERS -> 5200
        (unclosed    -> 4200
        interest     -> cash
        """, StandardCharsets.UTF_8);
    Run run = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--rules", rules.toString());
    assertEquals(ExitCodes.REJECTED, run.exitCode());
    String[] lines = run.errLines();
    assertTrue(lines[0].startsWith("shg: " + rules + ":3:"), run.err());
    assertTrue(lines[0].contains("not a regular expression"), run.err());
    assertTrue(lines[1].startsWith("shg: " + rules + ":4:17: \"cash\" is not an account"), run.err());
    assertEquals("shg: nothing was imported", lines[lines.length - 1]);
    assertEquals(1, entries());

    // well-formed, but the account is not in the group's chart: reported at the rule too
    Files.writeString(rules, "ASHA TRADERS -> 5200\nCASH -> 7777\n", StandardCharsets.UTF_8);
    Run unknown = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString(),
        "--rules", rules.toString());
    assertEquals(ExitCodes.REJECTED, unknown.exitCode());
    assertTrue(unknown.errLines()[0].startsWith("shg: " + rules + ":2:9: the group's books have no account 7777"),
        unknown.err());
    assertEquals(1, entries());
  }

  private int entries() {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      return store.journal().entries(GROUP).size();
    }
  }
}
