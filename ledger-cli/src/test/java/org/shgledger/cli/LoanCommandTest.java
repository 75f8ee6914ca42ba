package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.cli.TestBooks.SHG;
import static org.shgledger.cli.TestBooks.inr;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.LoanId;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;

/** {@code shg loan disburse|repay|settle|penalty|show}. */
class LoanCommandTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void groupWithCash() {
    books = TestBooks.withMembers(directory, "M01", "M02");
    books.ok("save", "SHG01", "M01", "--amount", "5000", "--date", "2024-05-04");
  }

  @Test
  void disburseOnTheGroupsTermsPrintsTheEntryAndTheLoan() {
    Run run = books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");

    assertEquals("""
        recorded SHG01-2024-05-04-LOAN-M02 on 2024-05-04: loan 20240504-M02 to M02, INR 1,000.00
          Dr  1200:M02  Loans to members — M02  1,000.00
          Cr  1000      Cash in hand            1,000.00
        loan 20240504-M02: INR 1,000.00 at 2% a month, flat rate, 10 monthly instalments
          first due 2024-06-04; schedule: shg loan show SHG01 20240504-M02
        """, run.out());
    var loan = books.read(engine -> engine.registry().loan(SHG, LoanId.of("20240504-M02")).orElseThrow());
    LoanTerms terms = assertInstanceOf(LoanTerms.class, loan.terms());
    assertEquals(RepaymentMethod.FLAT, terms.method());
    assertEquals(10, terms.instalmentCount());
    assertEquals(inr("1000"), books.balance("1200:M02"));
    assertEquals(inr("4000"), books.balance("1000"));
  }

  @Test
  void disbursingAgainRecordsNothingButASecondLoanThatDayGetsTheNextIds() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");

    Run again = books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    Run second = books.ok("loan", "disburse", "SHG01", "M02", "--amount", "500", "--date", "2024-05-04",
        "--method", "open", "--monthly-rate", "1.5");

    assertTrue(again.out().startsWith("already recorded as SHG01-2024-05-04-LOAN-M02 "), again.out());
    assertTrue(second.out().startsWith("recorded SHG01-2024-05-04-LOAN-M02-2 "), second.out());
    assertTrue(second.out().contains("loan 20240504-M02-2: INR 500.00 at 1.5% a month, open: "), second.out());
    assertInstanceOf(OpenLoanTerms.class,
        books.read(engine -> engine.registry().loan(SHG, LoanId.of("20240504-M02-2")).orElseThrow().terms()));
    assertEquals(inr("1500"), books.balance("1200:M02"));
  }

  @Test
  void termsAndIdsCanBeGiven() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1200", "--date", "2024-05-04", "--loan", "L-7",
        "--id", "LOANBOOK-7", "--method", "emi", "--annual-rate", "24", "--instalments", "6", "--first-due", "2024-06-01");

    LoanTerms terms = assertInstanceOf(LoanTerms.class,
        books.read(engine -> engine.registry().loan(SHG, LoanId.of("L-7")).orElseThrow().terms()));
    assertEquals(RepaymentMethod.EMI, terms.method());
    assertEquals(6, terms.instalmentCount());
    assertEquals(LocalDate.of(2024, 6, 1), terms.firstDueDate());
    assertTrue(books.read(engine -> engine.journal().entry(SHG, org.shgledger.journal.EntryId.of("LOANBOOK-7"))).isPresent());
  }

  /** Issue 14: every term loan-schedule prints, and a processing fee, on loan disburse. */
  @Test
  void aWeeklyLoanWithGraceRoundingAndAFeeIsPaidOutLessTheFee() {
    Run run = books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1200", "--date", "2024-05-04", "--method", "emi",
        "--frequency", "weekly", "--instalments", "12", "--grace", "2", "--instalment-multiple", "10", "--rounding", "up",
        "--fee", "12");

    assertTrue(run.out().contains("""
          Dr  1200:M02  Loans to members — M02  1,200.00
          Cr  1000      Cash in hand            1,188.00
          Cr  4300      Other income               12.00
        """), run.out());
    assertTrue(run.out().contains("INR 1,200.00 at 2% a month, EMI, 12 weekly instalments"), run.out());
    LoanTerms terms = assertInstanceOf(LoanTerms.class,
        books.read(engine -> engine.registry().loan(SHG, LoanId.of("20240504-M02")).orElseThrow().terms()));
    assertEquals(org.shgledger.loan.Frequency.WEEKLY, terms.frequency());
    assertEquals(LocalDate.of(2024, 5, 11), terms.firstDueDate());
    assertEquals(2, terms.interestOnlyInstalments());
    assertEquals(inr("10"), terms.instalmentMultiple());
    assertEquals(java.math.RoundingMode.UP, terms.instalmentRounding());
    // the equal payment rounded up to a multiple of 10; the last one smaller
    assertEquals(inr("130"), terms.schedule().instalments().get(2).payment());
    assertEquals(inr("1200"), books.balance("1200:M02"));
    assertEquals(inr("12"), books.balance("4300"));
    assertEquals(inr("3812"), books.balance("1000"));

    books.fails(ExitCodes.USAGE, "--frequency is weekly, fortnightly or monthly, not daily",
        "loan", "disburse", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--frequency", "daily");
    books.fails(ExitCodes.USAGE, "an open loan has no instalments",
        "loan", "disburse", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--method", "open", "--grace", "1");
    books.fails(ExitCodes.REJECTED, "INVALID_AMOUNT",
        "loan", "disburse", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--fee", "100");
  }

  @Test
  void aFixedInstalmentSetsTheAmountAndTheNumberOfInstalmentsFollows() {
    Run run = books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04", "--method", "emi",
        "--instalment", "300");

    // 20 interest, 280 principal; 720, 434.40, 143.09 left; the fourth pays 143.09 + 2.86
    assertTrue(run.out().contains("INR 1,000.00 at 2% a month, EMI, 4 monthly instalments"), run.out());
    LoanTerms terms = assertInstanceOf(LoanTerms.class,
        books.read(engine -> engine.registry().loan(SHG, LoanId.of("20240504-M02")).orElseThrow().terms()));
    assertEquals(java.util.Optional.of(inr("300")), terms.fixedInstalment());
    assertEquals(inr("145.95"), terms.schedule().instalments().get(3).payment());
    books.fails(ExitCodes.USAGE, "give it or --instalments",
        "loan", "disburse", "SHG01", "M01", "--amount", "100", "--date", "2024-05-04", "--instalment", "30",
        "--instalments", "4");
  }

  @Test
  void wrongTermsAreUsageErrorsAndALoanBeyondTheCashIsRefused() {
    books.fails(ExitCodes.USAGE, "--method is flat, emi, equal-principal or open, not weekly",
        "loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04", "--method", "weekly");
    books.fails(ExitCodes.USAGE, "an open loan has no instalments",
        "loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04", "--method", "open",
        "--instalments", "5");
    books.fails(ExitCodes.USAGE, "Invalid loan: ",
        "loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04", "--instalments", "0");
    books.fails(ExitCodes.USAGE, "mutually exclusive",
        "loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04", "--monthly-rate", "2",
        "--annual-rate", "24");
    books.fails(ExitCodes.REJECTED, "shg: rejected (INSUFFICIENT_CASH): ",
        "loan", "disburse", "SHG01", "M02", "--amount", "6000", "--date", "2024-05-04");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (MEMBER_NOT_FOUND): ",
        "loan", "disburse", "SHG01", "M09", "--amount", "100", "--date", "2024-05-04");
    assertEquals(1, books.entries());
  }

  @Test
  void repayByTheBorrowersIdSplitsThePaymentAndSaysWhatIsLeft() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");

    Run run = books.ok("loan", "repay", "SHG01", "M02", "--amount", "120", "--date", "2024-06-04");
    Run again = books.ok("loan", "repay", "SHG01", "20240504-M02", "--amount", "120", "--date", "2024-06-04");

    assertEquals("""
        recorded SHG01-2024-06-04-REPAY-M02 on 2024-06-04: repayment of loan 20240504-M02 by M02, INR 120.00
          Dr  1000      Cash in hand              120.00
          Cr  4000      Interest on member loans   20.00
          Cr  1200:M02  Loans to members — M02    100.00
        loan 20240504-M02 on 2024-06-04: principal outstanding 900.00, due now 0.00
        """, run.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2024-06-04-REPAY-M02 "), again.out());
    assertEquals(inr("900"), books.balance("1200:M02"));
    assertEquals(inr("20"), books.balance("4000"));
  }

  @Test
  void aPenaltyIsPaidFirstByTheNextPaymentAndChargingItAgainChangesNothing() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");

    Run penalty = books.ok("loan", "penalty", "SHG01", "M02", "--amount", "20", "--date", "2024-06-10");
    Run again = books.ok("loan", "penalty", "SHG01", "M02", "--amount", "20", "--date", "2024-06-10");
    books.ok("loan", "repay", "SHG01", "M02", "--amount", "140", "--date", "2024-06-11");

    assertEquals("""
        recorded SHG01-2024-06-10-PENALTY-M02 on 2024-06-10: a penalty of INR 20.00 on loan 20240504-M02 of M02
        loan 20240504-M02 on 2024-06-10: principal outstanding 1,000.00, due now 140.00, overdue 120.00 (6 days)
        """, penalty.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2024-06-10-PENALTY-M02 "), again.out());
    assertEquals(inr("20"), books.balance("4100"));
    assertEquals(inr("900"), books.balance("1200:M02"));
  }

  @Test
  void showGivesTheScheduleThePaymentsAndTheStateOnTheDay() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    books.ok("loan", "repay", "SHG01", "M02", "--amount", "120", "--date", "2024-06-04");

    String out = books.ok("loan", "show", "SHG01", "M02", "--as-of", "2024-07-10").out();

    assertTrue(out.startsWith("Loan 20240504-M02 to M02 [SHG01], paid out 2024-05-04 in cash by entry "
        + "SHG01-2024-05-04-LOAN-M02\n"), out);
    assertTrue(out.contains(" 2  2024-07-04     100.00     20.00    120.00   800.00\n"), out);
    assertTrue(out.contains("2024-06-04  payment  SHG01-2024-06-04-REPAY-M02  120.00       0.00     20.00     100.00\n"),
        out);
    assertTrue(out.contains("At the end of 2024-07-10, amounts in INR:\n  principal outstanding   900.00\n"), out);
    assertTrue(out.contains("  overdue                 120.00  1 instalment unpaid, 6 days past due\n"), out);
  }

  /**
   * Issue 14: the state table's note column is empty unless the loan is overdue, and an empty
   * column once made every loan not in arrears fail with exit 70. Each stage of a loan's life
   * shows its state.
   */
  @Test
  void showWorksAtEveryStageOfALoansLife() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    books.ok("loan", "disburse", "SHG01", "M01", "--amount", "300", "--date", "2024-05-04", "--instalments", "1");
    books.ok("loan", "repay", "SHG01", "M01", "--amount", "306", "--date", "2024-06-04");

    String beforeFirstDue = books.ok("loan", "show", "SHG01", "20240504-M02", "--as-of", "2024-05-20").out();
    String current = books.ok("loan", "show", "SHG01", "20240504-M02", "--as-of", "2024-06-04").out();
    String inArrears = books.ok("loan", "show", "SHG01", "20240504-M02", "--as-of", "2024-06-10").out();
    String closed = books.ok("loan", "show", "SHG01", "20240504-M01", "--as-of", "2024-06-30").out();

    assertTrue(beforeFirstDue.endsWith("""
        At the end of 2024-05-20, amounts in INR:
          principal outstanding   1,000.00
          due now: principal          0.00
          due now: interest           0.00
          due now: penalties          0.00
          due now: total              0.00
          overdue                     0.00
          paid so far: principal      0.00
          paid so far: interest       0.00
          paid so far: penalties      0.00
        To settle it on 2024-05-20: 1,010.32 (principal 1,000.00, interest 10.32; nothing for periods not reached): shg loan settle
        """), beforeFirstDue);
    // 16 of the first month's 31 days of the flat 20.00: 10.32; and the flat rate's cost as a rate
    assertTrue(beforeFirstDue.contains("Flat 2% a month costs as much as 41.52% a year on the declining balance"
        + " (its effective rate)\n"), beforeFirstDue);
    assertTrue(current.contains("To settle it on 2024-06-04: 1,020.00 (principal 1,000.00, interest 20.00;"), current);
    assertTrue(current.contains("  due now: total            120.00\n  overdue                     0.00\n"), current);
    assertTrue(inArrears.contains("  overdue                   120.00  1 instalment unpaid, 6 days past due\n"),
        inArrears);
    assertTrue(closed.endsWith("  paid so far: interest     6.00\n  paid so far: penalties    0.00\n"
        + "The loan is repaid in full.\n"), closed);
  }

  /**
   * Issue 14's example: 10,000 at 2 % a month, EMI, 10 instalments of 1,113; the first paid on its
   * due date, settled the next day for the principal left and one day's interest.
   */
  @Test
  void settleTakesThePrincipalLeftAndTheInterestOfTheDaysUsedInOneEntry() {
    books.ok("save", "SHG01", "M01", "--amount", "6000", "--date", "2024-05-04", "--id", "MORE");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "10000", "--date", "2024-05-04", "--method", "emi");
    books.ok("loan", "repay", "SHG01", "M02", "--amount", "1113", "--date", "2024-06-04");

    String show = books.ok("loan", "show", "SHG01", "M02", "--as-of", "2024-06-05").out();
    Run settle = books.ok("loan", "settle", "SHG01", "M02", "--date", "2024-06-05");
    Run again = books.ok("loan", "settle", "SHG01", "20240504-M02", "--date", "2024-06-05");

    // 9,087 left; June's period (30 days) charges 181.74, one day of it 6.05 (rounded down)
    assertTrue(show.contains("To settle it on 2024-06-05: 9,093.05 (principal 9,087.00, interest 6.05;"), show);
    assertEquals("""
        recorded SHG01-2024-06-05-SETTLE-M02 on 2024-06-05: settlement of loan 20240504-M02 by M02, INR 9,093.05
          Dr  1000      Cash in hand              9,093.05
          Cr  4000      Interest on member loans      6.05
          Cr  1200:M02  Loans to members — M02    9,087.00
        loan 20240504-M02 is repaid in full
        """, settle.out());
    assertTrue(again.out().startsWith("already recorded as SHG01-2024-06-05-SETTLE-M02 "), again.out());
    assertEquals(inr("0"), books.balance("1200:M02"));
    books.fails(ExitCodes.USAGE, "--flat-early-interest is none or full, not some",
        "loan", "settle", "SHG01", "20240504-M02", "--date", "2024-06-06", "--flat-early-interest", "some");
  }

  @Test
  void aFlatLoanSettlesWithoutTheFlatInterestOfLaterMonthsUnlessFullIsAsked() {
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    books.ok("loan", "disburse", "SHG01", "M01", "--amount", "1000", "--date", "2024-05-04");

    Run none = books.ok("loan", "settle", "SHG01", "M02", "--date", "2024-06-04");
    Run full = books.ok("loan", "settle", "SHG01", "M01", "--date", "2024-06-04", "--flat-early-interest", "full",
        "--channel", "cash");

    assertTrue(none.out().contains("Cr  4000      Interest on member loans     20.00\n"), none.out());
    assertTrue(full.out().contains("Cr  4000      Interest on member loans    200.00\n"), full.out());
    assertTrue(full.out().endsWith("loan 20240504-M01 is repaid in full\n"), full.out());
  }

  @Test
  void anUnknownLoanIsNotFoundAndAnAmbiguousBorrowerIsAUsageError() {
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (LOAN_NOT_FOUND): group SHG01: M02 has no loan",
        "loan", "repay", "SHG01", "M02", "--amount", "100", "--date", "2024-06-04");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (LOAN_NOT_FOUND): group SHG01: there is no loan L-9",
        "loan", "show", "SHG01", "L-9");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-05");

    books.fails(ExitCodes.USAGE, "M02 has 2 loans outstanding on 2024-06-04: 20240504-M02, 20240505-M02; name one",
        "loan", "repay", "SHG01", "M02", "--amount", "100", "--date", "2024-06-04");
    books.fails(ExitCodes.REJECTED, "shg: rejected (REPAYMENT_EXCEEDS_DEBT): ",
        "loan", "repay", "SHG01", "20240505-M02", "--amount", "5000", "--date", "2024-06-04");
  }
}
