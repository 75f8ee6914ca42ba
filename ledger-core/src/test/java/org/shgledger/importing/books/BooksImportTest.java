package org.shgledger.importing.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.books.YearBooks.SHG;
import static org.shgledger.importing.books.YearBooks.rupees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.LedgerStore;

/**
 * The combined import of a meeting register and a passbook: a group that lends what it draws from
 * the bank, which neither file can go first for, imports combined and reconciles to the bank; the
 * combined import gives the books of the separate ones where those work, records nothing when
 * repeated or followed by either separate import, and keeps nothing when anything is wrong.
 */
class BooksImportTest {

  /**
   * A group that banks its collections on the day of the meeting and draws cash from the bank to
   * lend: on 10 April for a loan on 11 April, and on 11 May, the day of the meeting, for part of
   * a loan.
   */
  static final String DRAWS_TO_LEND_MEETINGS = """
      date,member,present,savings,repaid_total,loan_given
      2024-04-06,M01,Y,100,,
      2024-04-06,M02,Y,100,,
      2024-04-06,M03,Y,100,,
      2024-04-06,M04,Y,100,,
      2024-04-11,M01,Y,100,,5000
      2024-04-11,M02,Y,100,,
      2024-04-11,M03,Y,100,,
      2024-04-11,M04,Y,100,,
      2024-05-11,M01,Y,100,600,
      2024-05-11,M02,Y,100,,3000
      2024-05-11,M03,Y,100,,
      2024-05-11,M04,N,100,,
      2024-06-08,M01,Y,100,600,
      2024-06-08,M02,Y,100,360,
      2024-06-08,M03,Y,100,,
      2024-06-08,M04,Y,100,,
      """;

  static final String DRAWS_TO_LEND_PASSBOOK = """
      Date,Narration,Withdrawal,Deposit,Balance
      06/04/2024,BY CASH,,400.00,400.00
      08/04/2024,REVOLVING FUND FROM VO,,"15,000.00","15,400.00"
      10/04/2024,TO CASH SELF CHQ 101,"5,000.00",,"10,400.00"
      11/05/2024,TO CASH SELF CHQ 102,"2,000.00",,"8,400.00"
      08/06/2024,BY CASH,,"1,360.00","9,760.00"
      30/06/2024,CREDIT INTEREST,,50.00,"9,810.00"
      """;

  @TempDir Path directory;
  private LedgerStore store;
  private SavingsGroups groups;
  private Path meetings;
  private Path passbook;

  @BeforeEach
  void open() {
    store = LedgerStore.openSqlite(directory.resolve("shg.db"));
    groups = store.engine();
    YearBooks.create(groups, SHG);
    meetings = YearBooks.write(directory, "meetings.csv", DRAWS_TO_LEND_MEETINGS);
    passbook = YearBooks.write(directory, "passbook.csv", DRAWS_TO_LEND_PASSBOOK);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private BooksImportResult combined(Path register, Path statement) {
    return BooksImport.run(groups, SHG, register, statement, BooksImport.Options.defaults());
  }

  private ImportResult meetingsAlone(Path register) {
    return MeetingImport.run(groups, SHG, register, RegisterLimits.DEFAULT, false);
  }

  private PassbookImportReport passbookAlone(Path statement, PassbookRules rules) {
    return new PassbookImporter(store.engine())
        .importFile(SHG, statement, PassbookImporter.Options.defaults().withRules(rules));
  }

  private Money balance(AccountCode account, LocalDate date) {
    return store.journal().balance(SHG, account, date).net();
  }

  @Test
  void aGroupThatDrawsFromTheBankToLendCannotBeImportedOneFileAfterTheOther() {
    List<String> before = YearBooks.snapshot(store, SHG);
    ImportException registerFirst = assertThrows(ImportException.class, () -> meetingsAlone(meetings));
    assertTrue(registerFirst.getMessage().contains("loan 20240411-M01"), registerFirst.getMessage());
    ImportException passbookFirst =
        assertThrows(ImportException.class, () -> passbookAlone(passbook, PassbookRules.DEFAULT));
    assertTrue(passbookFirst.getMessage().startsWith(passbook + ":2:0: the books refuse this line"),
        passbookFirst.getMessage());
    assertEquals(before, YearBooks.snapshot(store, SHG));
  }

  @Test
  void combinedItImportsAndTheBankAccountIsThePassbooksLastBalance() {
    BooksImportResult result = combined(meetings, passbook);

    assertEquals(Money.of(YearBooks.INR, 9810), balance(Chart.BANK, LocalDate.MAX));
    assertEquals(result.passbook().closingBalance(), balance(Chart.BANK, LocalDate.MAX));
    assertEquals(result.bankAtEnd().orElseThrow(), result.passbook().closingBalance());
    assertTrue(result.agreesWithBank());
    // collections 1,600 + repayments 1,560 + drawn 7,000 - lent 8,000 - banked 1,760
    assertEquals(rupees("400"), balance(Chart.CASH, LocalDate.MAX));
    for (LocalDate day = LocalDate.of(2024, 4, 1); day.isBefore(LocalDate.of(2024, 7, 1)); day = day.plusDays(1)) {
      assertFalse(balance(Chart.CASH, day).isNegative(), "cash on " + day);
      assertFalse(balance(Chart.BANK, day).isNegative(), "bank on " + day);
    }
    assertEquals(6, result.passbook().recorded());
    assertEquals(0, result.passbook().suspense());
    assertEquals(16, result.meetings().rows());
    // 4 rolls, 16 savings, 3 repayments, 2 loans
    assertEquals(25, result.meetings().recorded().size());
    assertEquals(31, result.recorded().size());
    // within a day: what comes in, then the bank's lines, then what goes out
    List<String> order = result.recorded();
    assertTrue(order.indexOf("2024-04-06 M04: savings of INR 100.00")
        < order.indexOf("2024-04-06 bank line 2: deposit of INR 400.00 from 1000 (BY CASH)"), order.toString());
    assertTrue(order.indexOf("2024-05-11 M01: repayment of INR 600.00")
        < order.indexOf("2024-05-11 bank line 5: withdrawal of INR 2,000.00 to 1000 (TO CASH SELF CHQ 102)"),
        order.toString());
    assertTrue(order.indexOf("2024-05-11 bank line 5: withdrawal of INR 2,000.00 to 1000 (TO CASH SELF CHQ 102)")
        < order.indexOf("2024-05-11 M02: loan 20240511-M02 of INR 3,000.00"), order.toString());
    assertTrue(order.indexOf("2024-04-10 bank line 4: withdrawal of INR 5,000.00 to 1000 (TO CASH SELF CHQ 101)")
        < order.indexOf("2024-04-11 M01: loan 20240411-M01 of INR 5,000.00"), order.toString());
  }

  @Test
  void combinedAgainOrFollowedByEitherSeparateImportRecordsNothing() {
    combined(meetings, passbook);
    List<String> once = YearBooks.snapshot(store, SHG);

    BooksImportResult again = combined(meetings, passbook);
    assertEquals(List.of(), again.recorded());
    assertEquals(0, again.passbook().recorded());
    assertEquals(6, again.passbook().alreadyRecorded());
    assertEquals(25, again.meetings().alreadyRecorded());
    assertTrue(again.agreesWithBank());

    ImportResult register = meetingsAlone(meetings);
    assertEquals(List.of(), register.recorded());
    PassbookImportReport statement = passbookAlone(passbook, PassbookRules.DEFAULT);
    assertEquals(0, statement.recorded());
    assertEquals(6, statement.alreadyRecorded());
    assertEquals(once, YearBooks.snapshot(store, SHG));
  }

  /**
   * A year the register can go first for (the loan needs no bank money), with a member paying her
   * savings into the bank by UPI, which the register records through the bank and a rule leaves
   * to it: the separate imports and the combined one give the same books.
   */
  @Test
  void combinedGivesTheBooksOfTheSeparateImportsWhereTheyWork() {
    Path register = YearBooks.write(directory, "quiet.csv", """
        date,member,present,savings,repaid_total,loan_given,channel
        2024-04-06,M01,Y,100,,,
        2024-04-06,M02,Y,100,,,
        2024-04-06,M03,Y,100,,,
        2024-04-06,M04,Y,100,,,
        2024-04-11,M01,Y,100,,300,
        2024-04-11,M02,Y,100,,,
        2024-04-11,M03,Y,100,,,bank
        2024-04-11,M04,N,,,,
        2024-05-11,M01,Y,100,48,,
        2024-05-11,M02,Y,100,,,
        2024-05-11,M03,Y,100,,,
        2024-05-11,M04,Y,200,,,
        """);
    Path statement = YearBooks.write(directory, "quiet-passbook.csv", """
        Date,Narration,Withdrawal,Deposit,Balance
        08/04/2024,BY CASH,,300.00,300.00
        11/04/2024,UPI/M03/SAVINGS,,100.00,400.00
        15/04/2024,REVOLVING FUND FROM VO,,"15,000.00","15,400.00"
        13/05/2024,BY CASH,,500.00,"15,900.00"
        30/06/2024,CREDIT INTEREST,,61.00,"15,961.00"
        """);
    PassbookRules rules = PassbookRules.parse("quiet.rules", """
        ^UPI/ -> register
        CASH -> 1000
        REVOLVING FUND -> 3000
        INTEREST -> 4200
        """);

    meetingsAlone(register);
    passbookAlone(statement, rules);
    List<String> separate = YearBooks.snapshot(store, SHG);

    try (LedgerStore other = LedgerStore.openSqlite(directory.resolve("combined.db"))) {
      YearBooks.create(other.engine(), SHG);
      BooksImportResult result = BooksImport.run(other.engine(), SHG, register, statement,
          BooksImport.Options.defaults().withPassbook(PassbookImporter.Options.defaults().withRules(rules)));
      assertEquals(separate, YearBooks.snapshot(other, SHG));
      assertEquals(1, result.passbook().leftToRegister());
      assertTrue(result.agreesWithBank());
    }
    assertEquals(rupees("15961"), balance(Chart.BANK, LocalDate.MAX));
  }

  @Test
  void aBadRowInEitherFileWritesNothingAndEveryProblemOfBothIsReported() {
    Path register = YearBooks.write(directory, "bad.csv", DRAWS_TO_LEND_MEETINGS.replace(
        "2024-05-11,M03,Y,100,,", "2024-05-11,M03,Y,1OO,,"));
    Path statement = YearBooks.write(directory, "bad-passbook.csv", DRAWS_TO_LEND_PASSBOOK.replace(
        "\"10,400.00\"", "\"10,500.00\""));
    List<String> before = YearBooks.snapshot(store, SHG);

    ImportException e = assertThrows(ImportException.class, () -> combined(register, statement));
    List<ImportProblem> problems = e.problems();
    // the register's problem, then the passbook's: the mistyped balance, and the next line's
    // balance that does not follow from it
    assertEquals(3, problems.size(), problems.toString());
    assertEquals(register + ":12:4", where(problems.get(0)));
    assertTrue(problems.get(0).reason().startsWith("\"1OO\" is not an amount"), problems.get(0).reason());
    assertEquals(statement + ":4:5", where(problems.get(1)));
    assertEquals(statement + ":5:5", where(problems.get(2)));
    assertEquals(before, YearBooks.snapshot(store, SHG));

    // each alone: the good file with the bad one is refused all the same
    assertThrows(ImportException.class, () -> combined(register, passbook));
    assertThrows(ImportException.class, () -> combined(meetings, statement));
    assertEquals(before, YearBooks.snapshot(store, SHG));
  }

  private static String where(ImportProblem problem) {
    return problem.file() + ":" + problem.line() + ":" + problem.column();
  }

  /** The books refuse the register's last loan (more than the cash): nothing of either file is kept. */
  @Test
  void aRefusalByTheBooksPartWayKeepsNothingOfEitherFile() {
    Path register = YearBooks.write(directory, "greedy.csv", DRAWS_TO_LEND_MEETINGS
        + "2024-07-06,M03,Y,100,,900\n");
    List<String> before = YearBooks.snapshot(store, SHG);
    ImportException e = assertThrows(ImportException.class, () -> combined(register, passbook));
    assertEquals(register + ":18:6", where(e.problems().get(0)));
    assertTrue(e.problems().get(0).reason().startsWith("the books refuse 2024-07-06 M03: loan 20240706-M03 of INR"
        + " 900.00: "), e.getMessage());
    assertTrue(e.problems().get(0).reason().endsWith("; nothing from either file was recorded"), e.getMessage());
    assertEquals(before, YearBooks.snapshot(store, SHG));

    // a passbook line the books refuse: banking cash the box never held
    Path statement = YearBooks.write(directory, "overbanked.csv", DRAWS_TO_LEND_PASSBOOK.replace(
        "08/06/2024,BY CASH,,\"1,360.00\",\"9,760.00\"\n30/06/2024,CREDIT INTEREST,,50.00,\"9,810.00\"",
        "08/06/2024,BY CASH,,\"3,360.00\",\"11,760.00\"\n30/06/2024,CREDIT INTEREST,,50.00,\"11,810.00\""));
    ImportException refused = assertThrows(ImportException.class, () -> combined(meetings, statement));
    assertTrue(refused.getMessage().startsWith(statement + ":6:0: the books refuse this line"), refused.getMessage());
    assertTrue(refused.getMessage().contains("below zero"), refused.getMessage());
    assertEquals(before, YearBooks.snapshot(store, SHG));
  }

  @Test
  void aDryRunListsEverythingInOrderAndKeepsNothing() {
    List<String> before = YearBooks.snapshot(store, SHG);
    BooksImportResult dry = BooksImport.run(groups, SHG, meetings, passbook,
        BooksImport.Options.defaults().withDryRun(true));
    assertTrue(dry.dryRun());
    assertEquals(31, dry.recorded().size());
    assertTrue(dry.agreesWithBank());
    assertEquals(before, YearBooks.snapshot(store, SHG));
    BooksImportResult real = combined(meetings, passbook);
    assertEquals(dry.recorded(), real.recorded());
  }

  /** A roster given with the files is added first, in the same unit. */
  @Test
  void aRosterGoesFirstInTheSameUnit() {
    store.close();
    store = LedgerStore.openSqlite(directory.resolve("new.db"));
    groups = store.engine();
    groups.createGroup(YearBooks.group(SHG));
    Path roster = YearBooks.write(directory, "members.csv", """
        member,name,category,joined
        M01,Asha Devi,adult_woman,2024-04-01
        M02,Sunita Bai,adult_woman,2024-04-01
        M03,Kamla Devi,adult_woman,2024-04-01
        M04,Rekha Kumari,adult_woman,2024-04-01
        """);
    BooksImportResult result = BooksImport.run(groups, SHG, meetings, passbook,
        BooksImport.Options.defaults().withMembers(roster));
    assertEquals(4, result.members().orElseThrow().recorded().size());
    assertEquals("member M01 (joined 2024-04-01)", result.recorded().get(0));
    assertTrue(result.agreesWithBank());

    // a roster with a problem: reported with the others, nothing kept
    Path badRoster = YearBooks.write(directory, "members-bad.csv", """
        member,name,category,joined
        M05,Lata Devi,adult_man,2024-04-01
        """);
    List<String> before = YearBooks.snapshot(store, SHG);
    ImportException e = assertThrows(ImportException.class, () -> BooksImport.run(groups, SHG, meetings, passbook,
        BooksImport.Options.defaults().withMembers(badRoster)));
    assertEquals(badRoster + ":2:3", where(e.problems().get(0)));
    assertEquals(before, YearBooks.snapshot(store, SHG));
  }

  /**
   * Where the book already holds bank entries, the passbook must meet it at the end of its first
   * day, counted with the register's entries of that day; otherwise nothing is kept.
   */
  @Test
  void aPassbookThatDoesNotMeetTheBookKeepsNothing() {
    Money opening = rupees("1000");
    store.journal().record(JournalEntry.of(EntryId.of("opening-bank"), SHG, LocalDate.of(2024, 4, 1),
        "Opening bank balance", List.of(Posting.debit(Chart.BANK, opening), Posting.credit(Chart.SURPLUS, opening))));
    List<String> before = YearBooks.snapshot(store, SHG);
    ImportException e = assertThrows(ImportException.class, () -> combined(meetings, passbook));
    assertEquals(passbook + ":2:0", where(e.problems().get(0)));
    assertTrue(e.problems().get(0).reason().startsWith("the passbook's balance at the end of 2024-04-06 is 400.00"
        + " but the book's bank account would hold 1,400.00"), e.getMessage());
    assertEquals(before, YearBooks.snapshot(store, SHG));

    // the statement that goes on from the book's balance meets it
    Path fromOpening = YearBooks.write(directory, "from-opening.csv", """
        Date,Narration,Withdrawal,Deposit,Balance
        06/04/2024,BY CASH,,400.00,"1,400.00"
        08/04/2024,REVOLVING FUND FROM VO,,"15,000.00","16,400.00"
        10/04/2024,TO CASH SELF CHQ 101,"5,000.00",,"11,400.00"
        11/05/2024,TO CASH SELF CHQ 102,"2,000.00",,"9,400.00"
        08/06/2024,BY CASH,,"1,360.00","10,760.00"
        30/06/2024,CREDIT INTEREST,,50.00,"10,810.00"
        """);
    BooksImportResult result = combined(meetings, fromOpening);
    assertEquals(rupees("10810"), result.passbook().closingBalance());
    assertTrue(result.agreesWithBank());
  }

  @Test
  void aStatementListedNewestFirstGivesTheSameBooks() throws IOException {
    List<String> lines = DRAWS_TO_LEND_PASSBOOK.lines().toList();
    StringBuilder reversed = new StringBuilder(lines.get(0)).append('\n');
    for (int i = lines.size() - 1; i > 0; i--) {
      reversed.append(lines.get(i)).append('\n');
    }
    Path newestFirst = YearBooks.write(directory, "newest-first.csv", reversed.toString());
    BooksImportResult result = combined(meetings, newestFirst);
    assertTrue(result.passbook().newestFirst());
    List<String> books = YearBooks.snapshot(store, SHG);

    try (LedgerStore other = LedgerStore.openSqlite(directory.resolve("oldest.db"))) {
      YearBooks.create(other.engine(), SHG);
      // the same statement oldest first, under the same name, so that the source references agree
      Path oldestFirst = YearBooks.write(Files.createDirectory(directory.resolve("oldest")), "newest-first.csv",
          DRAWS_TO_LEND_PASSBOOK);
      BooksImport.run(other.engine(), SHG, meetings, oldestFirst, BooksImport.Options.defaults());
      assertEquals(books.stream().map(line -> line.replaceAll("newest-first.csv:\\d+", "")).toList(),
          YearBooks.snapshot(other, SHG).stream().map(line -> line.replaceAll("newest-first.csv:\\d+", ""))
              .toList());
    }
  }

  @Test
  void aPassbookLongerThanTheLimitIsRefusedPointingAtYears() {
    StringBuilder text = new StringBuilder("Date,Narration,Withdrawal,Deposit,Balance\n");
    IntStream.rangeClosed(1, BooksImport.MAX_PASSBOOK_LINES + 1).forEach(i ->
        text.append("01/04/2024,CREDIT INTEREST,,1.00,").append(i).append(".00\n"));
    Path huge = YearBooks.write(directory, "huge.csv", text.toString());
    ImportException e = assertThrows(ImportException.class, () -> combined(meetings, huge));
    ImportProblem problem = e.problems().get(0);
    assertEquals(huge + ":" + (BooksImport.MAX_PASSBOOK_LINES + 2) + ":0", where(problem));
    assertTrue(problem.reason().contains("split the passbook and the meeting register by year"), problem.reason());
    assertEquals(0, store.journal().entries(SHG).size());
  }
}
