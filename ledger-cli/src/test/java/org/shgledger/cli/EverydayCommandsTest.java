package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.TestBooks.inr;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg save|withdraw|fine|grant|expense|income}: each records one entry, prints it with its
 * id and amounts in Indian grouping, recognises a repeat, and refuses clearly.
 */
class EverydayCommandsTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void group() {
    books = TestBooks.withMembers(directory, "M01", "M02");
  }

  @Test
  void saveRecordsTheEntryUnderAReadableIdAndPrintsIt() {
    Run run = books.ok("save", "SHG01", "M01", "--amount", "1,500", "--date", "2024-05-04");

    assertEquals("""
        recorded SHG01-2024-05-04-SAVE-M01 on 2024-05-04: M01 saves (compulsory), INR 1,500.00
          Dr  1000      Cash in hand                       1,500.00
          Cr  2000:M01  Members' compulsory savings — M01  1,500.00
        """, run.out());
    assertEquals(inr("1500"), books.balance("1000"));
    assertEquals(inr("1500"), books.balance("2000:M01"));
  }

  /**
   * A description or reason that would print a forged line or reorder itself (a line or paragraph
   * separator, a bidirectional control) is refused naming the option: exit 2, never 70 (the
   * adversarial suite's C-forgery).
   */
  @Test
  void aDescriptionThatWouldForgeALineIsAUsageErrorNamingTheOption() {
    for (String forged : List.of("Asha\u202e00.999,99,9 20M", "Asha\u2066M02 9,99,999.00\u2069", "Asha\u2028M02",
        "Asha\u2029M02", "Asha\u200fM02")) {
      Run expense = books.run("expense", "SHG01", "--amount", "1", "--description", forged, "--date", "2024-05-04");
      assertEquals(ExitCodes.USAGE, expense.exitCode(), expense.err());
      assertTrue(expense.err().contains("--description must be one line of visible text"), expense.err());
      Run fine = books.run("fine", "SHG01", "M01", "--amount", "1", "--reason", forged, "--date", "2024-05-04");
      assertEquals(ExitCodes.USAGE, fine.exitCode(), fine.err());
    }
    assertEquals(inr("0"), books.balance("1000"));
  }

  /** A gift to the welfare fund is the group's, and help paid from it comes out of the fund, not its costs. */
  @Test
  void aWelfareGiftGoesToTheFundAndHelpIsPaidFromIt() {
    Run gift = books.ok("save", "SHG01", "M01", "--amount", "50", "--kind", "welfare", "--date", "2024-05-04");

    assertEquals("""
        recorded SHG01-2024-05-04-WELFARE-M01 on 2024-05-04: M01 gives to the welfare fund, INR 50.00
          Dr  1000  Cash in hand  50.00
          Cr  3200  Welfare fund  50.00
        """, gift.out());
    Run refused = books.run("expense", "SHG01", "--amount", "60", "--description", "hospital", "--fund", "welfare",
        "--date", "2024-05-05");
    assertEquals(ExitCodes.REJECTED, refused.exitCode(), refused.out());
    assertTrue(refused.err().contains("INSUFFICIENT_FUND"), refused.err());
    books.ok("expense", "SHG01", "--amount", "40", "--description", "hospital", "--fund", "welfare",
        "--date", "2024-05-05");
    assertEquals(inr("10"), books.balance("3200"));
    assertEquals(inr("10"), books.balance("1000"));
    assertEquals(inr("0"), books.balance("5200"), "help from the fund is none of the group's costs");
  }

  /**
   * The importers' ids are theirs: a hand entry under an imported line's id would make the import
   * skip the real line as already in the books, so a command refuses such an id (exit 2).
   */
  @Test
  void anIdInAnImportersNamespaceIsRefused() {
    for (String id : List.of("pb:3f1a7b", "PB:3f1a7b", "MTG:2024-05-04:M01:SAVE", "OPEN:2024-04-01")) {
      Run run = books.run("income", "SHG01", "--amount", "1", "--description", "decoy", "--date", "2024-05-04",
          "--id", id);

      assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
      assertTrue(run.err().contains("are the importers' own"), run.err());
    }
    Run reversal = books.run("reverse", "SHG01", "X", "--id", "pb:1");
    assertEquals(ExitCodes.USAGE, reversal.exitCode(), reversal.err());
    assertEquals(0, books.entries());
  }

  @Test
  void theSameCommandAgainRecordsNothingAndSaysSo() {
    books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04");

    Run again = books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04");

    assertTrue(again.out().startsWith("already recorded as SHG01-2024-05-04-SAVE-M01 on 2024-05-04"), again.out());
    assertTrue(again.out().contains("(nothing new recorded)"), again.out());
    assertEquals(1, books.entries());
    assertEquals(inr("100"), books.balance("2000:M01"));
  }

  @Test
  void anotherEventUnderTheSameDefaultIdTakesTheNextSuffix() {
    books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04");

    Run more = books.ok("save", "SHG01", "M01", "--amount", "50", "--date", "2024-05-04");
    Run evenMore = books.ok("save", "SHG01", "M01", "--amount", "20", "--date", "2024-05-04");
    Run repeatOfTheSecond = books.ok("save", "SHG01", "M01", "--amount", "50", "--date", "2024-05-04");

    assertTrue(more.out().startsWith("recorded SHG01-2024-05-04-SAVE-M01-2 "), more.out());
    assertTrue(evenMore.out().startsWith("recorded SHG01-2024-05-04-SAVE-M01-3 "), evenMore.out());
    assertTrue(repeatOfTheSecond.out().startsWith("already recorded as SHG01-2024-05-04-SAVE-M01-2 "), repeatOfTheSecond.out());
    assertEquals(inr("170"), books.balance("2000:M01"));
  }

  @Test
  void afterAReversalTheSameCommandRecordsAgain() {
    books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04");
    books.ok("reverse", "SHG01", "SHG01-2024-05-04-SAVE-M01");

    Run again = books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04");

    assertTrue(again.out().startsWith("recorded SHG01-2024-05-04-SAVE-M01-2 "), again.out());
    assertEquals(inr("100"), books.balance("2000:M01"));
  }

  @Test
  void anIdGivenIsUsedAndAnotherEventUnderItIsRefused() {
    Run first = books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--id", "R-17");
    assertTrue(first.out().startsWith("recorded R-17 on 2024-05-04"), first.out());
    assertTrue(books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--id", "R-17")
        .out().startsWith("already recorded as R-17"));

    books.fails(ExitCodes.REJECTED, "shg: rejected (ENTRY_EXISTS_WITH_DIFFERENT_CONTENT): ",
        "save", "SHG01", "M01", "--amount", "200", "--date", "2024-05-04", "--id", "R-17");
    assertEquals(1, books.entries());
  }

  @Test
  void aWithdrawalThroughTheBankGoesToHerOwnAccountWhichMustBeOnRecord() {
    books.ok("save", "SHG01", "M02", "--amount", "300", "--kind", "voluntary", "--channel", "bank", "--date", "2024-05-04");
    books.fails(ExitCodes.REJECTED, "shg: rejected (NO_MEMBER_BANK_ACCOUNT): ",
        "withdraw", "SHG01", "M02", "--amount", "120", "--date", "2024-06-01", "--channel", "bank");

    books.ok("member", "bank-account", "SHG01", "M02", "--bank", "State Bank of India", "--ifsc", "SBIN0001234",
        "--account-number", "30012345678", "--account-opened", "2023-06-01");
    books.ok("withdraw", "SHG01", "M02", "--amount", "120", "--date", "2024-06-01", "--channel", "bank");

    assertEquals(inr("180"), books.balance("2100:M02"));
    assertEquals(inr("180"), books.balance("1100"));
  }

  @Test
  void withdrawPaysFromVoluntarySavingsInCashByDefault() {
    books.ok("save", "SHG01", "M02", "--amount", "300", "--kind", "voluntary", "--date", "2024-05-04");

    Run run = books.ok("withdraw", "SHG01", "M02", "--amount", "120", "--date", "2024-06-01");

    assertTrue(run.out().startsWith(
        "recorded SHG01-2024-06-01-VOLWITHDRAW-M02 on 2024-06-01: M02 withdraws savings (voluntary), INR 120.00"), run.out());
    assertEquals(inr("180"), books.balance("2100:M02"));
    assertEquals(inr("180"), books.balance("1000"));
  }

  @Test
  void aWithdrawalBeyondHerSavingsIsRefusedAndRecordsNothing() {
    books.ok("save", "SHG01", "M02", "--amount", "100", "--kind", "voluntary", "--date", "2024-05-04");

    Run run = books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_SAVINGS): ",
        "withdraw", "SHG01", "M02", "--amount", "150", "--date", "2024-06-01");

    assertEquals(1, run.errLines().length, run.err());
    assertEquals(1, books.entries());
  }

  /**
   * A refusal names its amounts as people read them, with lakh grouping (issue 15): the cash an
   * expense of fifty lakh would leave is {@code INR -49,98,800.00}, not {@code INR -4998800.00}.
   */
  @Test
  void aRejectionWritesALakhSizedAmountWithIndianGrouping() {
    books.ok("save", "SHG01", "M01", "--amount", "1,200", "--date", "2024-05-04");

    Run run = books.fails(ExitCodes.REJECTED, "shg: rejected (",
        "expense", "SHG01", "--amount", "50,00,000", "--description", "a tractor", "--date", "2024-05-05");

    assertTrue(run.err().contains("INR -49,98,800.00"), run.err());
    assertEquals(1, books.entries());
  }

  @Test
  void fineGrantExpenseAndIncome() {
    books.ok("fine", "SHG01", "M01", "--amount", "10", "--reason", "late", "--date", "2024-05-04");
    books.ok("grant", "SHG01", "--amount", "15000", "--date", "2024-07-01");
    books.ok("income", "SHG01", "--amount", "200", "--description", "membership fees", "--date", "2024-05-04");
    Run expense = books.ok("expense", "SHG01", "--amount", "60", "--for", "cash book", "--date", "2024-05-04");

    assertTrue(expense.out().startsWith("recorded SHG01-2024-05-04-EXPENSE on 2024-05-04: expense: cash book, INR 60.00"),
        expense.out());
    assertEquals(inr("10"), books.balance("4100"));
    assertEquals(inr("15000"), books.balance("1100"));
    assertEquals(inr("15000"), books.balance("3000"));
    assertEquals(inr("200"), books.balance("4300"));
    assertEquals(inr("60"), books.balance("5200"));
    assertEquals(inr("150"), books.balance("1000"));
  }

  @Test
  void anUnknownGroupOrMemberIsNotFound() {
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (GROUP_NOT_FOUND): ",
        "save", "SHG09", "M01", "--amount", "100", "--date", "2024-05-04");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (MEMBER_NOT_FOUND): ",
        "fine", "SHG01", "M09", "--amount", "10", "--date", "2024-05-04");
    assertEquals(0, books.entries());
  }

  @Test
  void wrongAmountsWordsAndDatesAreUsageErrorsWithAReason() {
    books.fails(ExitCodes.USAGE, "--amount must be more than zero, not 0",
        "save", "SHG01", "M01", "--amount", "0", "--date", "2024-05-04");
    books.fails(ExitCodes.USAGE, "has more decimal places than INR",
        "save", "SHG01", "M01", "--amount", "1.005", "--date", "2024-05-04");
    books.fails(ExitCodes.USAGE, "--amount: ",
        "save", "SHG01", "M01", "--amount", "hundred", "--date", "2024-05-04");
    books.fails(ExitCodes.USAGE, "'extra' is not one of compulsory, voluntary",
        "save", "SHG01", "M01", "--amount", "100", "--kind", "extra", "--date", "2024-05-04");
    books.fails(ExitCodes.USAGE, "'cheque' is not one of cash, bank",
        "save", "SHG01", "M01", "--amount", "100", "--channel", "cheque", "--date", "2024-05-04");
    books.fails(ExitCodes.USAGE, "'2024-13-04' is not a date written yyyy-mm-dd",
        "save", "SHG01", "M01", "--amount", "100", "--date", "2024-13-04");
    books.fails(ExitCodes.USAGE, "Missing required option: '--date=DATE'",
        "save", "SHG01", "M01", "--amount", "100");
    books.fails(ExitCodes.USAGE, "--description must be one line",
        "expense", "SHG01", "--amount", "60", "--description", "two\nlines", "--date", "2024-05-04");
    assertEquals(0, books.entries());
  }
}
