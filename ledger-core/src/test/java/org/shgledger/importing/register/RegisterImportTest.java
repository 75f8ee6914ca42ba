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
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
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

  /** A register's welfare column records each member's gift to the group's welfare fund, once. */
  @Test
  void theWelfareColumnRecordsGiftsToTheWelfareFund() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "welfare.csv", """
        date,member,savings,welfare
        2024-04-06,M01,100,10
        2024-04-06,M02,100,
        """);

    meetings(file);
    ImportResult again = meetings(file);

    LocalDate day = LocalDate.of(2024, 4, 6);
    assertEquals(rupees("10"), store.journal().balance(SHG, Chart.WELFARE_FUND, day).normalBalance());
    assertEquals(rupees("210"), store.journal().balance(SHG, Chart.CASH, day).normalBalance());
    assertEquals(org.shgledger.journal.EntryKind.WELFARE_CONTRIBUTION, store.journal()
        .entry(SHG, org.shgledger.journal.EntryId.of("MTG:2024-04-06:M01:WELFARE")).orElseThrow().kind());
    assertEquals(List.of(), again.recorded());
  }

  /**
   * 1,000 written without quotes splits into 1 and 000 and moves every later field one column on:
   * the row is one field longer than the header, its last one empty, and read as it stands it
   * would record savings of 1. Refused, unless the header too ends with the separator that some
   * spreadsheets add to every line (the adversarial suite's register-unquoted-grouping).
   */
  @Test
  void aRowOneFieldLongerThanTheHeaderIsRefusedUnlessTheHeaderEndsWithASeparatorToo() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path split = RegisterFixtures.write(directory, "split-grouping.csv", """
        date,member,present,savings,voluntary_savings
        2024-04-06,M01,Y,1,000,
        """);

    ImportException e = assertThrows(ImportException.class, () -> meetings(split));

    assertTrue(e.getMessage().startsWith(split + ":2:6: the row has 6 fields but the header 5"), e.getMessage());
    assertEquals(0, store.journal().entries(SHG).size());
    Path trailing = RegisterFixtures.write(directory, "trailing.csv", """
        date,member,present,savings,voluntary_savings,
        2024-04-06,M01,Y,1000,,
        """);
    meetings(trailing);
    assertEquals(rupees("1000"), store.journal().balance(SHG, Chart.COMPULSORY_SAVINGS, LocalDate.of(2024, 4, 6))
        .normalBalance());
  }

  /**
   * A row cut short (a file saved or copied part way) is refused like a row with too many fields:
   * read as it stands, its last field would record a partial amount (₹1 of ₹100).
   */
  @Test
  void aRowWithFewerFieldsThanTheHeaderIsRefusedAndNothingIsRecorded() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "cut.csv", """
        date,member,present,savings,loan_given
        2024-04-06,M01,Y,100,
        2024-04-06,M02,Y,1
        """);

    ImportException e = assertThrows(ImportException.class, () -> meetings(file));

    assertTrue(e.getMessage().startsWith(file + ":3:4: the row has 4 fields but the header 5: the line is cut short"),
        e.getMessage());
    assertEquals(0, store.journal().entries(SHG).size());
    assertEquals(0, groups.registry().meetings(SHG).size());
  }

  /** A name is one line of visible text: a line break or a right-to-left override could forge report lines. */
  @Test
  void aNameWithALineBreakOrABidiOverrideIsRefusedAtItsCell() {
    Path file = RegisterFixtures.write(directory, "names.csv",
        "member,name,category,joined\n"
            + "M01,\"Asha\nM02      9,99,999.00\",adult_woman,2024-04-01\n"
            + "M02,Sunita\u202Eved,adult_woman,2024-04-01\n");

    ImportException e = assertThrows(ImportException.class, () -> roster(file));

    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains(file + ":2:2: the name must be one line of visible text: character 5 is U+000A"),
        e.getMessage());
    assertEquals(file + ":4:2: the name must be one line of visible text: character 7 is U+202E (a control of the text's direction)",
        e.problems().get(1).toString());
    assertEquals(0, groups.registry().members(SHG).size());
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
    assertTrue(e.getMessage().contains("into principal INR 32.00 and interest INR 8.00"), e.getMessage());
    assertTrue(e.getMessage().contains("the row says principal INR 30.00 and interest INR 10.00"), e.getMessage());
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

  /**
   * The channel column moves a row's money through the bank: savings into the group's account, a
   * loan out to the member's own account, which must be on record.
   */
  @Test
  void theChannelColumnMovesARowsMoneyThroughTheBank() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "bank.csv", """
        date,member,savings,channel,loan_given
        2024-04-06,M01,500,bank,
        2024-04-06,M02,300,,
        2024-05-04,M01,,Bank,200
        """);
    assertEquals(5, meetings(file).recorded().size());
    var journal = store.journal();
    LocalDate end = LocalDate.of(2024, 5, 31);
    assertEquals(rupees("300"), journal.balance(SHG, Chart.BANK, end).normalBalance());
    assertEquals(rupees("300"), journal.balance(SHG, Chart.CASH, end).normalBalance());
    assertEquals(rupees("800"), journal.balance(SHG, Chart.COMPULSORY_SAVINGS, end).normalBalance());
    assertEquals(org.shgledger.group.Channel.BANK, groups.loans(SHG).get(0).channel());
    assertEquals(List.of(), meetings(file).recorded());

    // M02 has no bank account on record: the books refuse to pay her through the bank
    Path refused = RegisterFixtures.write(directory, "bank-refused.csv", """
        date,member,savings,savings_withdrawn,channel
        2024-06-08,M01,100,,
        2024-06-08,M02,,100,bank
        """);
    int entries = journal.entries(SHG).size();
    ImportException e = assertThrows(ImportException.class, () -> meetings(refused));
    assertTrue(e.getMessage().startsWith(refused + ":3:4: the books refuse 2024-06-08 M02: withdrawal of INR 100.00"),
        e.getMessage());
    assertEquals(entries, journal.entries(SHG).size());
  }

  /**
   * A payment the register records through the bank is also a line of the passbook: a rule
   * {@code -> register} leaves that line to the register, so the bank account counts it once,
   * whichever file comes first; without the rule the passbook import is refused, not doubled.
   */
  @Test
  void aBankPaymentInTheRegisterIsLeftToItByThePassbookRules() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path register = RegisterFixtures.write(directory, "register.csv", """
        date,member,savings,channel
        2024-04-06,M01,500,bank
        2024-04-06,M02,300,cash
        """);
    String statement = """
        Date,Narration,Withdrawal,Deposit,Balance
        06/04/2024,UPI/M01/SAVINGS,,500.00,500.00
        30/04/2024,SB INTEREST,,2.00,502.00
        """;
    PassbookRules rules = PassbookRules.parse("shg01.rules", "UPI/.*SAVINGS -> register\ninterest -> 4200\n");
    PassbookImporter importer = new PassbookImporter(store.engine());
    PassbookImporter.Options options = PassbookImporter.Options.defaults().withRules(rules);
    java.util.function.Supplier<java.io.InputStream> passbook =
        () -> new java.io.ByteArrayInputStream(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    LocalDate end = LocalDate.of(2024, 4, 30);

    // without the rule the UPI line would be counted twice: refused at the first day
    meetings(register);
    ImportException doubled = assertThrows(ImportException.class,
        () -> importer.importSource(SHG, "statement.csv", passbook, PassbookImporter.Options.defaults()));
    assertTrue(doubled.getMessage().contains("the passbook's balance at the end of 2024-04-06 is 500.00 but the"
        + " book's bank account would hold 1,000.00"), doubled.getMessage());

    PassbookImportReport report = importer.importSource(SHG, "statement.csv", passbook, options);
    assertEquals(1, report.recorded());
    assertEquals(1, report.leftToRegister());
    assertEquals(rupees("502"), store.journal().balance(SHG, Chart.BANK, end).normalBalance());
    assertEquals(rupees("300"), store.journal().balance(SHG, Chart.CASH, end).normalBalance());
    assertEquals(0, importer.importSource(SHG, "statement.csv", passbook, options).recorded());
    assertEquals(rupees("502"), store.journal().balance(SHG, Chart.BANK, end).normalBalance());
  }

  @Test
  void thePassbookMayComeBeforeTheRegisterItLeavesLinesTo() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    String statement = "Date,Narration,Withdrawal,Deposit,Balance\n06/04/2024,UPI/M01/SAVINGS,,500.00,500.00\n"
        + "30/04/2024,SB INTEREST,,2.00,502.00\n";
    PassbookImporter importer = new PassbookImporter(store.engine());
    importer.importSource(SHG, "statement.csv",
        () -> new java.io.ByteArrayInputStream(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        PassbookImporter.Options.defaults().withRules(PassbookRules.parse("r", "SAVINGS -> register\n")));
    meetings(RegisterFixtures.write(directory, "register.csv", """
        date,member,savings,channel
        2024-04-06,M01,500,bank
        """));
    assertEquals(rupees("502"), store.journal().balance(SHG, Chart.BANK, LocalDate.of(2024, 4, 30)).normalBalance());
  }

  /**
   * The penalty column charges a penalty on her loan; a repayment on the same row pays it first,
   * into fines and penalties (4100).
   */
  @Test
  void thePenaltyColumnChargesHerLoanAndTheRepaymentPaysItFirst() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "penalty.csv", """
        date,member,savings,loan_given,penalty,repaid_total
        2024-04-06,M01,1000,,,
        2024-04-06,M02,,500,,
        2024-06-08,M02,,,15,75
        """);
    ImportResult result = meetings(file);
    assertTrue(result.recorded().contains("2024-06-08 M02: penalty of INR 15.00"), result.recorded().toString());
    var journal = store.journal();
    LocalDate end = LocalDate.of(2024, 6, 30);
    assertEquals(rupees("15"), journal.balance(SHG, Chart.FINES, end).normalBalance());
    assertEquals(rupees("575"), journal.balance(SHG, Chart.CASH, end).normalBalance());
    var events = groups.registry().loanEvents(SHG, org.shgledger.group.LoanId.of("20240406-M02"));
    assertEquals(List.of("MTG:2024-06-08:M02:PENALTY", "MTG:2024-06-08:M02:REPAY"),
        events.stream().map(event -> event.id().value()).toList());

    ImportResult again = meetings(file);
    assertEquals(List.of(), again.recorded());
    assertEquals(result.recorded().size(), again.alreadyRecorded());

    Path noLoan = RegisterFixtures.write(directory, "no-loan.csv", """
        date,member,penalty
        2024-07-06,M03,10
        """);
    ImportException e = assertThrows(ImportException.class, () -> meetings(noLoan));
    assertTrue(e.getMessage().startsWith(noLoan + ":2:3: the books refuse 2024-07-06 M03: penalty of INR 10.00:"
        + " member M03 has no loan with principal outstanding on 2024-07-06 to charge a penalty on"),
        e.getMessage());
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

  /** Issue 14: a weekly group records its loans, with grace and a processing fee, from the register. */
  @Test
  void aRegisterGivesALoansFrequencyGraceAndFee() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "weekly.csv", """
        date,member,savings,loan_given,loan_method,loan_instalments,loan_frequency,loan_grace,loan_fee
        2024-04-06,M01,1000,,,,,,
        2024-04-06,M02,,520,emi,8,weekly,2,20
        """);
    meetings(file);

    var loan = groups.registry().loan(SHG, org.shgledger.group.LoanId.of("20240406-M02")).orElseThrow();
    var terms = (org.shgledger.loan.LoanTerms) loan.terms();
    assertEquals(org.shgledger.loan.Frequency.WEEKLY, terms.frequency());
    assertEquals(LocalDate.of(2024, 4, 13), terms.firstDueDate());
    assertEquals(2, terms.interestOnlyInstalments());
    assertEquals(8, terms.instalmentCount());
    assertEquals(rupees("520"), groups.journal().balance(SHG, AccountCode.of("1200:M02"), LocalDate.of(2024, 4, 6))
        .normalBalance());
    assertEquals(rupees("20"), groups.journal().balance(SHG, Chart.OTHER_INCOME, LocalDate.of(2024, 4, 6))
        .normalBalance());
    assertEquals(rupees("500"), groups.journal().balance(SHG, Chart.CASH, LocalDate.of(2024, 4, 6)).normalBalance());

    Path wrong = RegisterFixtures.write(directory, "wrong.csv", """
        date,member,loan_given,loan_frequency,loan_fee
        2024-05-04,M01,,daily,5
        """);
    ImportException e = assertThrows(ImportException.class, () -> meetings(wrong));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("not a loan frequency"), e.getMessage());
    assertTrue(String.valueOf(e.problems()).contains("a loan fee without a loan"), String.valueOf(e.problems()));
  }

  /**
   * What the import knows of her loans while it records is kept in step with what it records: a
   * loan it pays out is found by a later row of the same file, and a loan it sees repaid in full is
   * passed over for her next one.
   */
  @Test
  void aLoanPaidOffInTheFileIsPassedOverForHerNextLoanPaidOutInTheSameFile() {
    roster(RegisterFixtures.resource(directory, "roster.csv"));
    Path file = RegisterFixtures.write(directory, "next-loan.csv", """
        date,member,savings,loan_given,repaid_total,penalty
        2024-04-06,M01,1000,,,
        2024-04-06,M02,,200,,
        2024-05-04,M02,,300,203.73,
        2024-06-08,M02,,,50,5
        2024-07-06,M02,,,40,
        """);
    meetings(file);

    var first = groups.registry().loanEvents(SHG, org.shgledger.group.LoanId.of("20240406-M02"));
    var second = groups.registry().loanEvents(SHG, org.shgledger.group.LoanId.of("20240504-M02"));
    assertEquals(List.of("MTG:2024-05-04:M02:REPAY"), first.stream().map(e -> e.id().value()).toList());
    assertEquals(List.of("MTG:2024-06-08:M02:PENALTY", "MTG:2024-06-08:M02:REPAY", "MTG:2024-07-06:M02:REPAY"),
        second.stream().map(e -> e.id().value()).toList());
    assertEquals(rupees("0"), groups.loanState(SHG, org.shgledger.group.LoanId.of("20240406-M02"),
        LocalDate.of(2024, 5, 4)).outstandingPrincipal());
    assertEquals(List.of(), meetings(file).recorded(), "again: every payment and penalty stays where it is");
  }
}
