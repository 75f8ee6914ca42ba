package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/** {@code shg import members|meetings|opening}: output, problems, exit codes, dry run. */
class ImportRegisterCommandsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");

  @TempDir Path directory;
  private Path db;
  private Path roster;

  @BeforeEach
  void createGroup() throws IOException {
    db = directory.resolve("shg.db");
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      store.engine().createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1),
          MeetingFrequency.MONTHLY, Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
          Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    }
    roster = Files.writeString(directory.resolve("roster.csv"), """
        member,name,category,joined,bank_name,bank_ifsc,bank_account
        M01,Asha Devi,adult_woman,2024-04-01,State Bank of India,SBIN0001234,12345678901
        M02,Sunita Bai,adult_woman,2024-04-01,,,
        """);
  }

  private int entries() {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      return store.journal().entries(SHG).size();
    }
  }

  @Test
  void membersThenMeetingsThenAgain() throws IOException {
    Run members = Run.shg("import", "members", "SHG01", roster.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, members.exitCode(), members.err());
    assertTrue(members.out().contains("recorded member M01 (joined 2024-04-01)"), members.out());
    assertTrue(members.out().contains(": 2 rows, 2 recorded, 0 already in the books"), members.out());
    assertFalse(members.out().contains("12345678901"));

    Path register = Files.writeString(directory.resolve("meetings.csv"), """
        date,member,present,savings,loan_given
        2024-04-06,M01,Y,100,
        06/04/2024,M02,Y,100,150
        """);
    Run dry = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString(), "--dry-run");
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
    assertTrue(dry.out().contains("would record 2024-04-06 M02: loan 20240406-M02 of INR 150.00"), dry.out());
    assertTrue(dry.out().contains("dry run: nothing was recorded"), dry.out());
    assertEquals(0, entries());

    Run meetings = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, meetings.exitCode(), meetings.err());
    assertEquals(3, entries());
    Run again = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString());
    assertTrue(again.out().contains(": 2 rows, 0 recorded, 4 already in the books"), again.out());
    assertEquals(3, entries());
  }

  /** The import's summary writes lakh-sized amounts as people read them (issue 15), as every message does. */
  @Test
  void theSummaryWritesAmountsWithIndianGrouping() throws IOException {
    Run.shg("import", "members", "SHG01", roster.toString(), "--db", db.toString());
    Path register = Files.writeString(directory.resolve("meetings.csv"), """
        date,member,savings,loan_given
        2024-04-06,M01,"2,50,000",
        2024-04-06,M02,100,150000
        """);

    Run run = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("recorded 2024-04-06 M01: savings of INR 2,50,000.00"), run.out());
    assertTrue(run.out().contains("recorded 2024-04-06 M02: loan 20240406-M02 of INR 1,50,000.00"), run.out());
  }

  @Test
  void problemsAreEachOnALineWithExitCode3AndNothingRecorded() throws IOException {
    Run.shg("import", "members", "SHG01", roster.toString(), "--db", db.toString());
    Path register = Files.writeString(directory.resolve("bad.csv"), """
        date,member,savings
        2024-04-06,M01,100
        2024-04-31,M02,1OO
        """);
    Run run = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString());
    assertEquals(ExitCodes.REJECTED, run.exitCode());
    String[] lines = run.errLines();
    assertEquals("shg: " + register + ":3:1: \"2024-04-31\" is not a date in the form yyyy-MM-dd or dd/MM/yyyy",
        lines[0]);
    assertTrue(lines[1].startsWith("shg: " + register + ":3:3: \"1OO\" is not an amount"), lines[1]);
    assertEquals("shg: nothing was imported", lines[2]);
    assertEquals(0, entries());
  }

  /** A loan paid out to her bank account, a penalty on it and a repayment that pays it first. */
  @Test
  void channelAndPenaltyColumns() throws IOException {
    Run.shg("import", "members", "SHG01", roster.toString(), "--db", db.toString());
    Path register = Files.writeString(directory.resolve("meetings.csv"), """
        date,member,savings,loan_given,penalty,repaid_total,channel
        2024-04-06,M01,500,,,,bank
        2024-04-06,M02,300,,,,
        2024-05-04,M01,,400,,,bank
        2024-06-08,M01,,,10,50,
        """);
    Run run = Run.shg("import", "meetings", "SHG01", register.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("recorded 2024-05-04 M01: loan 20240504-M01 of INR 400.00"), run.out());
    assertTrue(run.out().contains("recorded 2024-06-08 M01: penalty of INR 10.00"), run.out());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      LocalDate end = LocalDate.of(2024, 6, 30);
      assertEquals(Money.ofMajor(INR, 100), store.journal().balance(SHG, Chart.BANK, end).normalBalance());
      assertEquals(Money.ofMajor(INR, 350), store.journal().balance(SHG, Chart.CASH, end).normalBalance());
      assertEquals(Money.ofMajor(INR, 10), store.journal().balance(SHG, Chart.FINES, end).normalBalance());
    }

    Path bad = Files.writeString(directory.resolve("bad-channel.csv"), """
        date,member,savings,channel
        2024-07-06,M01,100,upi
        """);
    Run refused = Run.shg("import", "meetings", "SHG01", bad.toString(), "--db", db.toString());
    assertEquals(ExitCodes.REJECTED, refused.exitCode());
    assertEquals("shg: " + bad + ":2:4: \"upi\" is not a channel: write cash or bank (blank is cash)",
        refused.errLines()[0]);
  }

  @Test
  void openingBalances() throws IOException {
    Run.shg("import", "members", "SHG01", roster.toString(), "--db", db.toString());
    Path opening = Files.writeString(directory.resolve("opening.csv"), """
        as_of,item,member,amount
        2024-04-01,cash,,500
        2024-04-01,savings,M01,300
        2024-04-01,loan,M02,1000
        """);
    Run run = Run.shg("import", "opening", "SHG01", opening.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("recorded opening entry OPEN:2024-04-01 (3 lines, surplus INR 1,200.00)"), run.out());
    assertEquals(2, entries());
  }

  @Test
  void aMissingDatabaseIsAnErrorAndNotCreated() {
    Path missing = directory.resolve("typo.db");
    Run run = Run.shg("import", "members", "SHG01", roster.toString(), "--db", missing.toString());
    assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.err());
    assertFalse(Files.exists(missing));
  }
}
