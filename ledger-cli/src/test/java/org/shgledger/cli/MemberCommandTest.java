package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.TestBooks.SHG;
import static org.shgledger.cli.TestBooks.inr;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;

/** {@code shg member add|list|exit|settle|bank-account}. */
class MemberCommandTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void group() {
    books = TestBooks.withMembers(directory);
  }

  /** A name is one line of visible text: a line break would print a forged line in a statement. */
  @Test
  void aNameThatIsNotOneLineOfVisibleTextIsAUsageError() {
    for (String name : java.util.List.of("Asha\nM02      9,99,999.00", "Asha\u202Eevil", "Asha\tBai")) {
      Run run = books.run("member", "add", "SHG01", "M09", "--name", name, "--joined", "2024-04-01");

      assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
      assertTrue(run.err().contains("a member's name must be one line of visible text"), run.err());
    }
    Run group = Run.shg("group", "create", "SHG09", "--name", "Roshni\nSHG01  paid", "--formed", "2024-04-01",
        "--monthly-savings", "100", "--db", books.db().toString());
    assertEquals(ExitCodes.USAGE, group.exitCode(), group.err());
  }

  @Test
  void addRecordsHerWithHerAccountsAndABankAccountMaskedToFourDigits() {
    Run run = books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01",
        "--category", "adolescent-girl", "--bank", "State Bank of India", "--ifsc", "sbin0001234",
        "--account-number", "30012345678", "--account-opened", "2023-06-01");

    assertEquals("member M01 (Sunita Devi) joined SHG01 on 2024-04-01, bank account XXXXXXX5678 at State Bank of India"
        + " (SBIN0001234)\n", run.out());
    assertFalse(run.out().contains("30012345678"));
    var member = books.read(engine -> engine.member(SHG, MemberId.of("M01")));
    assertEquals(MemberCategory.ADOLESCENT_GIRL, member.category());
    assertEquals("XXXXXXX5678", member.bankAccount().orElseThrow().maskedNumber());
    assertEquals(inr("0"), books.balance("2000:M01"));
  }

  @Test
  void addingHerAgainChangesNothingButAnotherPersonUnderHerIdIsRefused() {
    books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");

    Run again = books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");

    assertEquals("member M01 is in the books already (Sunita Devi, joined 2024-04-01); nothing new recorded\n", again.out());
    books.fails(ExitCodes.REJECTED, "shg: rejected (MEMBER_EXISTS): ",
        "member", "add", "SHG01", "M01", "--name", "Asha Bai", "--joined", "2024-04-01");
  }

  /** Issue 14: the command and the roster import read a category written either way. */
  @Test
  void aCategoryIsReadWithAHyphenOrAnUnderscore() {
    books.ok("member", "add", "SHG01", "M08", "--name", "Sunita Devi", "--joined", "2024-04-01",
        "--category", "adolescent_girl");
    books.ok("member", "add", "SHG01", "M09", "--name", "Asha Bai", "--joined", "2024-04-01",
        "--category", "Adolescent-Girl");
    for (String member : java.util.List.of("M08", "M09")) {
      assertEquals(MemberCategory.ADOLESCENT_GIRL,
          books.read(engine -> engine.member(SHG, MemberId.of(member))).category());
    }
  }

  @Test
  void wrongIdsWordsAndPartialBankDetailsAreUsageErrors() {
    books.fails(ExitCodes.USAGE, "member id must be 1 to 16 letters",
        "member", "add", "SHG01", "M 01", "--name", "Sunita Devi", "--joined", "2024-04-01");
    books.fails(ExitCodes.USAGE, "\"widow\" is not a category: write adult-woman or adolescent-girl",
        "member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01", "--category", "widow");
    books.fails(ExitCodes.USAGE, "Missing required argument",
        "member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01", "--bank", "SBI");
    books.fails(ExitCodes.USAGE, "IFSC must be",
        "member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01", "--bank", "SBI",
        "--ifsc", "SBI", "--account-number", "30012345678", "--account-opened", "2023-06-01");
    assertEquals(0, (int) books.read(engine -> engine.registry().members(SHG).size()));
  }

  @Test
  void listShowsEveryMemberWithHerBalancesOnTheDay() {
    books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");
    books.ok("member", "add", "SHG01", "M02", "--name", "Asha Bai", "--joined", "2024-05-01");
    books.ok("save", "SHG01", "M01", "--amount", "100000", "--date", "2024-05-04");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");

    Run list = books.ok("member", "list", "SHG01", "--as-of", "2024-05-31");

    assertEquals("""
        Members of Roshni Mahila Samooh [SHG01], balances as of 2024-05-31, amounts in INR
        member  name         joined      left      savings     loans
        ------  -----------  ----------  ----  -----------  --------
        M01     Sunita Devi  2024-04-01        1,00,000.00      0.00
        M02     Asha Bai     2024-05-01               0.00  1,000.00
        """, list.out());
  }

  @Test
  void exitSettlesHerAccountsAndSettleIsTheSameCommand() {
    books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");
    books.ok("member", "add", "SHG01", "M02", "--name", "Asha Bai", "--joined", "2024-04-01");
    books.ok("save", "SHG01", "M01", "--amount", "500", "--date", "2024-05-04");
    books.ok("save", "SHG01", "M02", "--amount", "500", "--date", "2024-05-04");

    Run exit = books.ok("member", "exit", "SHG01", "M02", "--date", "2024-06-01");
    Run settle = books.ok("member", "settle", "SHG01", "M02", "--date", "2024-06-01");

    assertTrue(exit.out().startsWith("recorded SHG01-2024-06-01-EXIT-M02 on 2024-06-01: M02 leaves: settlement, INR 500.00"),
        exit.out());
    assertTrue(exit.out().endsWith("M02 has left the group on 2024-06-01; her accounts are settled\n"), exit.out());
    assertTrue(settle.out().startsWith("already recorded as SHG01-2024-06-01-EXIT-M02 "), settle.out());
    assertEquals(inr("500"), books.balance("1000"));
    assertEquals(Optional.of(LocalDate.of(2024, 6, 1)),
        books.read(engine -> engine.member(SHG, MemberId.of("M02")).exited()));
    books.fails(ExitCodes.REJECTED, "shg: rejected (MEMBER_HAS_LEFT): ",
        "save", "SHG01", "M02", "--amount", "100", "--date", "2024-06-01");
  }

  @Test
  void aMemberWithNothingToSettleLeavesWithoutAnEntryAndAgainChangesNothing() {
    books.ok("member", "add", "SHG01", "M03", "--name", "Rekha", "--joined", "2024-04-01");

    Run exit = books.ok("member", "exit", "SHG01", "M03", "--date", "2024-06-01");
    Run again = books.ok("member", "exit", "SHG01", "M03", "--date", "2024-06-01");

    assertEquals("M03 has left the group on 2024-06-01 with nothing to settle (no savings, share or loan)\n", exit.out());
    assertEquals("M03 left on 2024-06-01 already, with nothing to settle; nothing new recorded\n", again.out());
    assertEquals(0, books.entries());
  }

  @Test
  void anExitTheGroupCannotPayIsRefusedAndAnUnknownMemberIsNotFound() {
    books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");
    books.ok("save", "SHG01", "M01", "--amount", "500", "--date", "2024-05-04");
    books.ok("bank", "deposit", "SHG01", "--amount", "500", "--date", "2024-05-05");

    books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_CASH): ",
        "member", "exit", "SHG01", "M01", "--date", "2024-06-01");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (MEMBER_NOT_FOUND): ",
        "member", "exit", "SHG01", "M09", "--date", "2024-06-01");
    assertEquals(2, books.entries());
  }

  @Test
  void bankAccountIsRecordedOnceAndReplacedWhenItChanges() {
    books.ok("member", "add", "SHG01", "M01", "--name", "Sunita Devi", "--joined", "2024-04-01");
    String[] account = {"member", "bank-account", "SHG01", "M01", "--bank", "State Bank of India", "--ifsc",
        "SBIN0001234", "--account-number", "3001 2345 678", "--account-opened", "2023-06-01"};

    assertEquals("member M01: bank account XXXXXXX5678 at State Bank of India (SBIN0001234) recorded\n",
        books.ok(account).out());
    assertTrue(books.ok(account).out().endsWith("is in the books already; nothing new recorded\n"));
    Run replaced = books.ok("member", "bank-account", "SHG01", "M01", "--bank", "Bank of Baroda", "--ifsc",
        "BARB0PATNAX", "--account-number", "99887766", "--account-opened", "2024-06-01");
    assertTrue(replaced.out().endsWith(", replacing XXXXXXX5678 at State Bank of India (SBIN0001234)\n"), replaced.out());
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (MEMBER_NOT_FOUND): ",
        "member", "bank-account", "SHG01", "M09", "--bank", "Bank of Baroda", "--ifsc",
        "BARB0PATNAX", "--account-number", "99887766", "--account-opened", "2024-06-01");
  }
}
