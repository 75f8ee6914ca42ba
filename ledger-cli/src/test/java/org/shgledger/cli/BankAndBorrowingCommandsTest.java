package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.TestBooks.inr;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.BankLoan;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.store.LedgerStore;

/**
 * {@code shg bank deposit|withdraw|interest|charges}, {@code shg bank-loan receive|repay} and
 * {@code shg federation-loan receive|repay}.
 */
class BankAndBorrowingCommandsTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void groupWithCash() {
    books = TestBooks.withMembers(directory, "M01");
    books.ok("save", "SHG01", "M01", "--amount", "2000", "--date", "2024-05-04");
  }

  @Test
  void cashGoesToTheBankAndBack() {
    Run deposit = books.ok("bank", "deposit", "SHG01", "--amount", "1500", "--date", "2024-05-06");
    books.ok("bank", "withdraw", "SHG01", "--amount", "200", "--date", "2024-05-07");

    assertEquals("""
        recorded SHG01-2024-05-06-BANKDEPOSIT on 2024-05-06: cash banked, INR 1,500.00
          Dr  1100  Bank — group SB account  1,500.00
          Cr  1000  Cash in hand             1,500.00
        """, deposit.out());
    assertEquals(inr("1300"), books.balance("1100"));
    assertEquals(inr("700"), books.balance("1000"));
    assertTrue(books.ok("bank", "deposit", "SHG01", "--amount", "1500", "--date", "2024-05-06").out()
        .startsWith("already recorded as SHG01-2024-05-06-BANKDEPOSIT "));
    assertEquals(3, books.entries());
  }

  @Test
  void theBankCannotPayOutMoreThanItHolds() {
    books.ok("bank", "deposit", "SHG01", "--amount", "100", "--date", "2024-05-06");

    books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_BANK_BALANCE): ",
        "bank", "withdraw", "SHG01", "--amount", "200", "--date", "2024-05-07");
    books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_CASH): ",
        "bank", "deposit", "SHG01", "--amount", "5000", "--date", "2024-05-07");
    assertEquals(inr("100"), books.balance("1100"));
  }

  @Test
  void interestAndChargesOfTheBank() {
    books.ok("bank", "interest", "SHG01", "--amount", "42.50", "--date", "2024-09-30");
    books.ok("bank", "charges", "SHG01", "--amount", "17.70", "--date", "2024-09-30");

    assertEquals(inr("24.80"), books.balance("1100"));
    assertEquals(inr("42.50"), books.balance("4200"));
    assertEquals(inr("17.70"), books.balance("5100"));
  }

  @Test
  void aBankLoanComesInAndIsRepaidWithInterest() {
    books.ok("bank-loan", "receive", "SHG01", "--amount", "50,000", "--date", "2024-11-20");

    Run repay = books.ok("bank-loan", "repay", "SHG01", "--principal", "4000", "--interest", "450",
        "--date", "2024-12-20");

    assertTrue(repay.out().contains("Dr  2200  Bank loan (SHG–bank linkage)            4,000.00"), repay.out());
    assertEquals(inr("46000"), books.balance("2200"));
    assertEquals(inr("450"), books.balance("5000"));
    assertEquals(inr("45550"), books.balance("1100"));
    books.fails(ExitCodes.REJECTED, "shg: rejected (REPAYMENT_EXCEEDS_DEBT): ",
        "bank-loan", "repay", "SHG01", "--principal", "46001", "--date", "2024-12-21");
  }

  @Test
  void aBankLoanReceivedWithItsTermsKeepsThem() {
    Run receive = books.ok("bank-loan", "receive", "SHG01", "--amount", "1,00,000", "--date", "2024-11-20",
        "--annual-rate", "12", "--instalments", "12", "--method", "emi");

    assertTrue(receive.out().startsWith("recorded SHG01-2024-11-20-BANKLOAN on 2024-11-20: bank loan received"),
        receive.out());
    assertEquals(inr("100000"), books.balance("2200"));
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      assertEquals(List.of(new BankLoan(EntryId.of("SHG01-2024-11-20-BANKLOAN"), LocalDate.of(2024, 11, 20),
          inr("100000"), new BigDecimal("12"), 12, RepaymentMethod.EMI)), store.registry().bankLoans(BookId.of("SHG01")));
    }
    // the same command again records nothing, terms included
    assertTrue(books.ok("bank-loan", "receive", "SHG01", "--amount", "1,00,000", "--date", "2024-11-20",
        "--annual-rate", "12", "--instalments", "12", "--method", "emi").out().startsWith("already recorded as "));
    assertEquals(2, books.entries());
  }

  @Test
  void aBankLoansTermsComeTogetherAndInRange() {
    books.fails(ExitCodes.USAGE, "--annual-rate, --instalments and --method together",
        "bank-loan", "receive", "SHG01", "--amount", "50000", "--date", "2024-11-20", "--annual-rate", "12");
    books.fails(ExitCodes.USAGE, "--annual-rate is a percent a year",
        "bank-loan", "receive", "SHG01", "--amount", "50000", "--date", "2024-11-20", "--annual-rate", "twelve",
        "--instalments", "12", "--method", "emi");
    books.fails(ExitCodes.USAGE, "at least one instalment",
        "bank-loan", "receive", "SHG01", "--amount", "50000", "--date", "2024-11-20", "--annual-rate", "12",
        "--instalments", "0", "--method", "emi");
    books.fails(ExitCodes.USAGE, "'weekly' is not one of",
        "bank-loan", "receive", "SHG01", "--amount", "50000", "--date", "2024-11-20", "--annual-rate", "12",
        "--instalments", "12", "--method", "weekly");
    assertEquals(1, books.entries());
  }

  /** An EMI of 8,885 thirty days after a loan of 1,00,000: the bank debits it as one amount. */
  private Path emiStatement() throws java.io.IOException {
    Path passbook = directory.resolve("emi.csv");
    java.nio.file.Files.writeString(passbook, """
        Date,Narration,Withdrawal,Deposit,Balance
        20/12/2024,EMI RECOVERY SHG TERM LOAN,"8,885.00",,"91,115.00"
        """);
    return passbook;
  }

  @Test
  void anImportedEmiIsSplitByTheBankLoansTerms() throws java.io.IOException {
    books.ok("bank-loan", "receive", "SHG01", "--amount", "1,00,000", "--date", "2024-11-20",
        "--annual-rate", "12", "--instalments", "12", "--method", "emi");

    Run imported = books.ok("import", "passbook", "SHG01", emiStatement().toString());

    assertTrue(!imported.out().contains("warning:"), imported.out());
    assertEquals(inr("986.30"), books.balance("5000"));
    assertEquals(inr("92101.30"), books.balance("2200"));
    assertEquals(inr("91115"), books.balance("1100"));
  }

  @Test
  void anImportedEmiWithoutTermsGoesToTheLoanAndTheOutputSaysHowToRecordThem() throws java.io.IOException {
    books.ok("bank-loan", "receive", "SHG01", "--amount", "1,00,000", "--date", "2024-11-20");

    Run imported = books.ok("import", "passbook", "SHG01", emiStatement().toString());

    assertTrue(imported.out().contains("warning: " + emiStatement() + ":2: the bank-loan EMI of 2024-12-20"
        + " (INR 8,885.00, 'EMI RECOVERY SHG TERM LOAN') went wholly to the bank loan 2200"), imported.out());
    assertTrue(imported.out().contains("warning: to split an EMI into interest and principal, keep the bank loan's"
        + " terms (shg bank-loan terms GROUP --entry ENTRY --annual-rate R --instalments N --method emi"), imported.out());
    assertEquals(inr("0"), books.balance("5000"));
    assertEquals(inr("91115"), books.balance("2200"));
  }

  @Test
  void aLoanThePassbookBroughtInGetsItsTermsAfterwardsAndLaterEmisAreSplit() throws java.io.IOException {
    Path passbook = directory.resolve("loan.csv");
    java.nio.file.Files.writeString(passbook, """
        Date,Narration,Withdrawal,Deposit,Balance
        20/11/2024,LOAN DISBURSEMENT SHG LINKAGE,,"1,00,000.00","1,00,000.00"
        """);
    books.ok("import", "passbook", "SHG01", passbook.toString());
    String receipt = books.read(groups -> groups.journal().entries(org.shgledger.journal.BookId.of("SHG01")).stream()
        .filter(e -> e.memo().startsWith("LOAN DISBURSEMENT")).findFirst().orElseThrow().id().value());

    Run terms = books.ok("bank-loan", "terms", "SHG01", "--entry", receipt, "--annual-rate", "12",
        "--instalments", "12", "--method", "emi");
    books.ok("import", "passbook", "SHG01", emiStatement().toString());

    assertEquals("bank loan " + receipt + " of 2024-11-20: 1,00,000.00 at 12 % a year, 12 instalments, emi\n",
        terms.out());
    assertEquals(inr("986.30"), books.balance("5000"));
    books.fails(ExitCodes.REJECTED, "is not a bank loan received into the bank",
        "bank-loan", "terms", "SHG01", "--entry", "SHG01-2024-05-04-SAVE-M01", "--annual-rate", "12",
        "--instalments", "12", "--method", "emi");
  }

  @Test
  void aFederationLoanInCashOrBank() {
    books.ok("federation-loan", "receive", "SHG01", "--amount", "20000", "--date", "2024-12-02");
    books.ok("federation-loan", "repay", "SHG01", "--principal", "1000", "--interest", "200", "--channel", "cash",
        "--date", "2025-01-02");

    assertEquals(inr("19000"), books.balance("2300"));
    assertEquals(inr("20000"), books.balance("1100"));
    assertEquals(inr("800"), books.balance("1000"));
  }

  @Test
  void aRepaymentOfNothingOrANegativePartIsAUsageError() {
    books.fails(ExitCodes.USAGE, "a repayment needs --principal or --interest",
        "bank-loan", "repay", "SHG01", "--date", "2024-12-20");
    books.fails(ExitCodes.USAGE, "--interest cannot be negative",
        "federation-loan", "repay", "SHG01", "--principal", "10", "--interest", "-5", "--date", "2024-12-20");
    Run bare = Run.shg("bank");
    assertEquals(ExitCodes.USAGE, bare.exitCode());
    assertTrue(bare.err().contains("Usage: shg bank"), bare.err());
    assertEquals(1, books.entries());
  }
}
