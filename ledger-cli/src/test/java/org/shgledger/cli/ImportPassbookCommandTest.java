package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
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
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      store.journal().createBook(new Book(GROUP, "Asha", INR));
      for (Account account : Chart.standardAccounts(GROUP, INR)) {
        store.journal().openAccount(account);
      }
      Money cash = Money.of(INR, 5000);
      store.journal().record(JournalEntry.of(EntryId.of("opening"), GROUP, LocalDate.of(2025, 3, 31),
          "Opening cash", List.of(Posting.debit(Chart.CASH, cash), Posting.credit(Chart.SURPLUS, cash))));
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
    assertEquals("", run.err(), "no progress bar when not on a terminal");
    assertEquals(1, entries());
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

  private int entries() {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      return store.journal().entries(GROUP).size();
    }
  }
}
