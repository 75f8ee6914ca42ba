package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.TestBooks.SHG;
import static org.shgledger.cli.TestBooks.inr;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.MemberId;

/** {@code shg reverse}, {@code shg year-end}, {@code shg distribute-surplus} and {@code shg share-out}. */
class ReverseAndClosingCommandsTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void groupWithSavings() {
    books = TestBooks.withMembers(directory, "M01", "M02");
    books.ok("save", "SHG01", "M01", "--amount", "600", "--date", "2024-05-04");
    books.ok("save", "SHG01", "M02", "--amount", "400", "--date", "2024-05-04");
  }

  @Test
  void reverseRecordsTheOppositeOnTheEntrysOwnDateAndAgainChangesNothing() {
    Run run = books.ok("reverse", "SHG01", "SHG01-2024-05-04-SAVE-M02", "--reason", "wrong member");
    Run again = books.ok("reverse", "SHG01", "SHG01-2024-05-04-SAVE-M02");

    assertEquals("""
        recorded SHG01-2024-05-04-SAVE-M02-REV on 2024-05-04: reversal of SHG01-2024-05-04-SAVE-M02: wrong member, \
        INR 400.00
          Cr  1000      Cash in hand                       400.00
          Dr  2000:M02  Members' compulsory savings — M02  400.00
        """, run.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2024-05-04-SAVE-M02-REV "), again.out());
    assertEquals(inr("0"), books.balance("2000:M02"));
    assertEquals(inr("600"), books.balance("1000"));
    assertEquals(3, books.entries());
  }

  @Test
  void anUnknownEntryIsNotFoundAndALoanEntryIsReversedOnlyOnItsDate() {
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (REVERSED_ENTRY_NOT_FOUND): ", "reverse", "SHG01", "NOPE");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "500", "--date", "2024-05-04");

    books.fails(ExitCodes.REJECTED, "shg: rejected (LOAN_REVERSAL_NOT_ON_ITS_DATE): ",
        "reverse", "SHG01", "SHG01-2024-05-04-LOAN-M02", "--date", "2024-05-10");
    books.fails(ExitCodes.USAGE, "entry id may hold only",
        "reverse", "SHG01", "not an id!");
    books.ok("reverse", "SHG01", "SHG01-2024-05-04-LOAN-M02");
    assertEquals(inr("0"), books.balance("1200:M02"));
  }

  @Test
  void reversingAnExitMakesHerAMemberAgain() {
    books.ok("member", "exit", "SHG01", "M02", "--date", "2024-06-01");

    Run run = books.ok("reverse", "SHG01", "SHG01-2024-06-01-EXIT-M02");

    assertTrue(run.out().endsWith("M02 is a member again\n"), run.out());
    assertEquals(Optional.empty(), books.read(engine -> engine.member(SHG, MemberId.of("M02")).exited()));
  }

  @Test
  void yearEndClosesIncomeAndExpenseIntoSurplusAndLocksTheBooksOnce() {
    books.ok("fine", "SHG01", "M01", "--amount", "50", "--date", "2024-06-01");
    books.ok("expense", "SHG01", "--amount", "20", "--for", "register", "--date", "2024-06-01");

    Run close = books.ok("year-end", "SHG01", "--date", "2025-03-31");
    Run again = books.ok("year-end", "SHG01", "--date", "2025-03-31");

    assertEquals("""
        recorded SHG01-2025-03-31-YEAREND on 2025-03-31: year end: income and expense closed into surplus, INR 50.00
          Dr  4100  Fines and penalties                        50.00
          Cr  5200  Meeting, stationery and bookkeeping costs  20.00
          Cr  3100  Accumulated surplus                        30.00
        the books of SHG01 are closed up to 2025-03-31: nothing dated on or before it can be recorded now
        """, close.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2025-03-31-YEAREND "), again.out());
    assertTrue(again.out().endsWith("the year to 2025-03-31 is closed already\n"), again.out());
    assertEquals(inr("30"), books.balance("3100"));
    assertEquals(Optional.of(LocalDate.of(2025, 3, 31)), books.read(engine -> engine.journal().lockDate(SHG)));
    books.fails(ExitCodes.REJECTED, "shg: rejected (DATE_LOCKED): ",
        "save", "SHG01", "M01", "--amount", "100", "--date", "2025-03-01");
    books.fails(ExitCodes.REJECTED, "shg: rejected (INVALID_DATE): ",
        "year-end", "SHG01", "--date", "2025-12-31");
  }

  @Test
  void aYearWithoutIncomeOrExpenseIsOnlyLocked() {
    Run close = books.ok("year-end", "SHG01", "--date", "2025-03-31");
    Run again = books.ok("year-end", "SHG01", "--date", "2025-03-31");

    assertEquals("no income or expense to close into surplus\nthe books of SHG01 are closed up to 2025-03-31: "
        + "nothing dated on or before it can be recorded now\n", close.out());
    assertEquals("the year to 2025-03-31 is closed already (it had no income or expense); nothing new recorded\n",
        again.out());
  }

  @Test
  void surplusIsDistributedBySavingsAndTheFundSharedOutAtTheEndOfTheCycle() {
    books.ok("income", "SHG01", "--amount", "200", "--for", "fees", "--date", "2024-06-01");
    books.ok("year-end", "SHG01", "--date", "2025-03-31");

    books.ok("distribute-surplus", "SHG01", "--amount", "100", "--date", "2025-04-05");
    assertEquals(inr("60"), books.balance("2100:M01"));
    assertEquals(inr("40"), books.balance("2100:M02"));
    books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_SURPLUS): ",
        "distribute-surplus", "SHG01", "--amount", "101", "--date", "2025-04-06");

    Run shareOut = books.ok("share-out", "SHG01", "--date", "2025-04-30");
    Run again = books.ok("share-out", "SHG01", "--date", "2025-04-30");

    assertTrue(shareOut.out().startsWith("recorded SHG01-2025-04-30-SHAREOUT on 2025-04-30: share-out: "), shareOut.out());
    assertTrue(shareOut.out().endsWith("the fund of SHG01 is paid out to its members; its grants stay as its corpus\n"),
        shareOut.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2025-04-30-SHAREOUT "), again.out());
    assertEquals(inr("0"), books.balance("1000"));
    assertEquals(inr("0"), books.balance("2000"));
    assertEquals(inr("0"), books.balance("3100"));
  }

  @Test
  void noShareOutWhileALoanIsOutstanding() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "500", "--date", "2024-05-04");

    books.fails(ExitCodes.REJECTED, "shg: rejected (MEMBER_LOANS_OUTSTANDING): ",
        "share-out", "SHG01", "--date", "2025-04-30");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (GROUP_NOT_FOUND): ",
        "share-out", "SHG02", "--date", "2025-04-30");
    assertEquals(3, books.entries());
  }
}
