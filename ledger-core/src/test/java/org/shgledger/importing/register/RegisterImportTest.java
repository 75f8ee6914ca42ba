package org.shgledger.importing.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.register.RegisterFixtures.SHG;
import static org.shgledger.importing.register.RegisterFixtures.rupees;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Attendance;
import org.shgledger.group.Chart;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.journal.AccountCode;
import org.shgledger.store.LedgerStore;

/** The roster, meeting register and opening-balances imports, on SQLite. */
class RegisterImportTest {

  @TempDir Path directory;
  private LedgerStore store;
  private SavingsGroups groups;

  @BeforeEach
  void open() {
    store = LedgerStore.openSqlite(directory.resolve("shg.db"));
    groups = store.engine();
    groups.createGroup(RegisterFixtures.group());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ImportResult roster(Path file) {
    return RosterImport.run(groups, SHG, file, ImportLimits.DEFAULT, false);
  }

  private ImportResult meetings(Path file) {
    return MeetingImport.run(groups, SHG, file, ImportLimits.DEFAULT, false);
  }

  @Test
  void theExampleRosterAndRegisterGiveTheBooksOfThreeMeetings() {
    ImportResult members = roster(RegisterFixtures.resource(directory, "roster.csv"));
    assertEquals(4, members.recorded().size());
    ImportResult register = meetings(RegisterFixtures.resource(directory, "meetings.csv"));
    // 3 rolls; savings 9, voluntary 1, fine 1, repayment 1, withdrawal 1, loan 1
    assertEquals(17, register.recorded().size(), register.recorded().toString());
    assertEquals(0, register.alreadyRecorded());

    var journal = store.journal();
    LocalDate end = LocalDate.of(2024, 6, 30);
    assertEquals(rupees("814"), journal.balance(SHG, Chart.CASH, end).normalBalance());
    assertEquals(rupees("850"), journal.balance(SHG, Chart.COMPULSORY_SAVINGS, end).normalBalance());
    assertEquals(rupees("150"), journal.balance(SHG, Chart.memberAccount(Chart.COMPULSORY_SAVINGS, MemberId.of("M03")), end).normalBalance());
    assertEquals(rupees("50"), journal.balance(SHG, Chart.VOLUNTARY_SAVINGS, end).normalBalance());
    assertEquals(rupees("100"), journal.balance(SHG, Chart.memberAccount(Chart.MEMBER_LOANS, MemberId.of("M02")), end).normalBalance());
    assertEquals(rupees("4"), journal.balance(SHG, Chart.LOAN_INTEREST, end).normalBalance());
    assertEquals(rupees("10"), journal.balance(SHG, Chart.FINES, end).normalBalance());

    assertEquals(Attendance.ABSENT, groups.registry().meeting(SHG, LocalDate.of(2024, 4, 6)).orElseThrow()
        .attendance().get(MemberId.of("M03")));
    assertEquals(3, groups.registry().meetings(SHG).size());
    var loan = groups.loans(SHG).get(0);
    assertEquals("20240504-M02", loan.id().value());
    assertEquals(rupees("200"), loan.terms().principal());
    assertTrue(journal.entry(SHG, org.shgledger.journal.EntryId.of("MTG:2024-06-08:M02:REPAY")).isPresent());
  }

  @Test
  void bankAccountNumbersAreMaskedOnImport() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    var account = groups.member(SHG, MemberId.of("M01")).bankAccount().orElseThrow();
    assertEquals("XXXXXXX8901", account.maskedNumber());
    assertEquals("SBIN0001234", account.ifsc());
  }

  @Test
  void importingTheSameFilesAgainRecordsNothing() {
    Path rosterFile = RegisterFixtures.resource(directory, "roster.csv");
    Path register = RegisterFixtures.resource(directory, "meetings.csv");
    roster(rosterFile);
    meetings(register);
    int entries = store.journal().entries(SHG).size();

    ImportResult again = roster(rosterFile);
    assertEquals(List.of(), again.recorded());
    assertEquals(4, again.alreadyRecorded());
    ImportResult twice = meetings(register);
    assertEquals(List.of(), twice.recorded());
    assertEquals(17, twice.alreadyRecorded());
    assertEquals(entries, store.journal().entries(SHG).size());
  }

  @Test
  void aDryRunChecksEverythingAndKeepsNothing() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    ImportResult dry = MeetingImport.run(groups, SHG, RegisterFixtures.resource(directory, "meetings.csv"),
        ImportLimits.DEFAULT, true);
    assertTrue(dry.dryRun());
    assertEquals(17, dry.recorded().size());
    assertEquals(0, store.journal().entries(SHG).size());
    assertEquals(0, groups.registry().meetings(SHG).size());
  }

  @Test
  void aBadLastRowLeavesTheStoreUnchanged() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    // every row is well formed; the last withdraws more than M04 ever saved
    Path file = RegisterFixtures.write(directory, "bad-last.csv", """
        date,member,savings,loan_given,savings_withdrawn
        2024-04-06,M01,100,,
        2024-05-04,M01,100,150,
        2024-05-04,M04,100,,500
        """);
    ImportException e = assertThrows(ImportException.class, () -> meetings(file));
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().startsWith(file + ":4:5: the books refuse 2024-05-04 M04: withdrawal of INR 500.00"),
        e.getMessage());
    assertEquals(0, store.journal().entries(SHG).size());
    assertEquals(0, groups.registry().meetings(SHG).size());
    assertEquals(0, groups.loans(SHG).size());
  }

  @Test
  void anExplicitSplitMustBeWhatTheLoanHistoryGives() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "split.csv", """
        date,member,savings,loan_given,repaid_principal,repaid_interest
        2024-04-06,M01,500,,,
        2024-04-06,M02,,400,,
        2024-05-06,M02,,,30,10
        """);
    ImportException e = assertThrows(ImportException.class, () -> meetings(file));
    assertTrue(e.getMessage().contains(":4:5: "), e.getMessage());
    assertTrue(e.getMessage().contains("into principal 32.00 and interest 8.00"), e.getMessage());
    assertTrue(e.getMessage().contains("the row says principal 30.00 and interest 10.00"), e.getMessage());
  }

  @Test
  void openingBalancesAreOneBalancedEntryAndLoansThatLaterRepaymentsFind() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.resource(directory, "opening.csv");
    ImportResult opening = OpeningImport.run(groups, SHG, file, ImportLimits.DEFAULT, false);
    assertEquals(3, opening.recorded().size(), opening.recorded().toString());
    var journal = store.journal();
    LocalDate asOf = LocalDate.of(2024, 4, 1);
    assertEquals(rupees("1520"), journal.balance(SHG, Chart.CASH, asOf).normalBalance());
    assertEquals(rupees("12000"), journal.balance(SHG, Chart.BANK, asOf).normalBalance());
    assertEquals(rupees("4000"), journal.balance(SHG, Chart.MEMBER_LOANS, asOf).normalBalance());
    assertEquals(rupees("10000"), journal.balance(SHG, Chart.GRANTS, asOf).normalBalance());
    assertEquals(rupees("2420"), journal.balance(SHG, Chart.SURPLUS, asOf).normalBalance());
    assertEquals(rupees("4800"), journal.balance(SHG, Chart.COMPULSORY_SAVINGS, asOf).normalBalance());
    assertEquals(2, groups.loans(SHG).size());

    ImportResult again = OpeningImport.run(groups, SHG, file, ImportLimits.DEFAULT, false);
    assertEquals(List.of(), again.recorded());

    // the next meeting's repayment pays the opening loan
    Path register = RegisterFixtures.write(directory, "after.csv", """
        date,member,repaid_total
        2024-05-04,M03,120
        """);
    assertEquals(1, meetings(register).recorded().size() - 1);
    assertEquals(rupees("900"), journal.balance(SHG, Chart.memberAccount(Chart.MEMBER_LOANS, MemberId.of("M03")),
        LocalDate.of(2024, 5, 4)).normalBalance());
  }

  @Test
  void openingBalancesGoIntoANewBookOnly() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    meetings(RegisterFixtures.resource(directory, "meetings.csv"));
    int entries = store.journal().entries(SHG).size();
    Path file = RegisterFixtures.resource(directory, "opening.csv");
    ImportException e = assertThrows(ImportException.class,
        () -> OpeningImport.run(groups, SHG, file, ImportLimits.DEFAULT, false));
    assertTrue(e.getMessage().contains("opening balances go into a group's new book only"), e.getMessage());
    assertEquals(entries, store.journal().entries(SHG).size());
    assertFalse(groups.loans(SHG).size() > 1);
  }

  @Test
  void aRepaymentPaysTheOldestLoanUnlessTheLoanColumnNamesAnother() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "two-loans.csv", """
        date,member,savings,loan_given,repaid_total,loan
        2024-04-06,M01,1000,,,
        2024-04-06,M02,,200,,
        2024-05-04,M02,,300,,
        2024-06-08,M02,,,50,
        2024-06-08,M03,,,,
        2024-07-06,M02,,,60,20240504-M02
        """);
    meetings(file);
    var older = groups.registry().loanEvents(SHG, org.shgledger.group.LoanId.of("20240406-M02"));
    var newer = groups.registry().loanEvents(SHG, org.shgledger.group.LoanId.of("20240504-M02"));
    assertEquals(List.of("MTG:2024-06-08:M02:REPAY"), older.stream().map(e -> e.id().value()).toList());
    assertEquals(List.of("MTG:2024-07-06:M02:REPAY"), newer.stream().map(e -> e.id().value()).toList());
    // again: each payment is found on the loan that holds it, whatever stands outstanding now
    assertEquals(List.of(), meetings(file).recorded());
  }
}
