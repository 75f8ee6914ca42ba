package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.report.SmallYear.M01;
import static org.shgledger.report.SmallYear.M02;
import static org.shgledger.report.SmallYear.M03;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.YEAR_END;
import static org.shgledger.report.SmallYear.YEAR_START;
import static org.shgledger.report.SmallYear.rupees;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.MemberId;
import org.shgledger.journal.EntryId;
import org.shgledger.report.PassbookLine.Kind;

/** Members' passbooks in {@link SmallYear}, worked out by hand. */
class MemberPassbookTest {

  private final SmallYear year = new SmallYear();

  private static List<String> entries(MemberPassbook passbook) {
    return passbook.lines().stream().map(line -> line.entry().value()).toList();
  }

  @Test
  void herSavingsAndHerLoanLineByLineWithRunningBalances() {
    MemberPassbook passbook = year.reports.passbook(SHG, M01, YEAR_START, YEAR_END);
    assertEquals("Member 01", passbook.name());
    assertEquals(new PassbookBalances(rupees(0), rupees(0), rupees(0)), passbook.opening());
    assertEquals(List.of("E1", "E6", "E9", "LD1", "LP1", "LP2"), entries(passbook));
    List<PassbookLine> lines = passbook.lines();
    assertEquals(Kind.SAVINGS_DEPOSIT, lines.get(0).kind());
    assertEquals(rupees(100), lines.get(0).compulsoryIn());
    assertEquals(new PassbookBalances(rupees(200), rupees(50), rupees(0)), lines.get(2).balances());
    assertEquals(rupees(50), lines.get(2).voluntaryIn());
    PassbookLine loan = lines.get(3);
    assertEquals(Kind.LOAN_DISBURSEMENT, loan.kind());
    assertEquals(rupees(6_000), loan.loanDisbursed());
    assertEquals(rupees(6_000), loan.balances().loanOutstanding());
    PassbookLine repayment = lines.get(4);
    assertEquals(Kind.LOAN_REPAYMENT, repayment.kind());
    assertEquals(LocalDate.of(2024, 6, 10), repayment.date());
    assertEquals(rupees(1_000), repayment.principalRepaid());
    assertEquals(rupees(120), repayment.interestPaid());
    assertEquals(rupees(5_000), repayment.balances().loanOutstanding());
    assertEquals(new PassbookBalances(rupees(200), rupees(50), rupees(4_000)), passbook.closing());
    assertEquals(rupees(240), passbook.totalInterestPaid());
    assertEquals(rupees(0), passbook.totalFinesPaid());
  }

  @Test
  void aFineIsHersByTheEnginesMemoThoughItPostsToNoAccountOfHers() {
    MemberPassbook passbook = year.reports.passbook(SHG, M03, YEAR_START, YEAR_END);
    assertEquals(List.of("E3", "E4", "E8"), entries(passbook));
    PassbookLine fine = passbook.lines().get(1);
    assertEquals(Kind.FINE, fine.kind());
    assertEquals(rupees(10), fine.finesPaid());
    assertEquals(rupees(100), fine.balances().compulsorySavings(), "a fine leaves her savings alone");
    assertEquals(rupees(10), passbook.totalFinesPaid());
  }

  @Test
  void aReversedDepositIsANegativeDepositNotAWithdrawal() {
    MemberPassbook passbook = year.reports.passbook(SHG, M02, YEAR_START, YEAR_END);
    assertEquals(List.of("E2", "E7", "E13", "E14", "R1", "LD2"), entries(passbook));
    PassbookLine reversal = passbook.lines().get(4);
    assertEquals(Kind.REVERSAL, reversal.kind());
    assertEquals(Optional.of(EntryId.of("E13")), reversal.reverses());
    assertEquals(rupees(-500), reversal.compulsoryIn());
    assertEquals(rupees(0), reversal.compulsoryOut());
    assertEquals(rupees(300), reversal.balances().compulsorySavings());
    assertEquals(new PassbookBalances(rupees(300), rupees(0), rupees(2_000)), passbook.closing());
  }

  @Test
  void aPeriodStartsFromHerBalancesOnTheDayBefore() {
    MemberPassbook passbook = year.reports.passbook(SHG, M02, LocalDate.of(2024, 9, 1), YEAR_END);
    assertEquals(new PassbookBalances(rupees(800), rupees(0), rupees(0)), passbook.opening());
    assertEquals(List.of("R1", "LD2"), entries(passbook));
  }

  @Test
  void anInterestOnlyPaymentIsHersThroughTheLoansPaymentEvents() {
    year.withNextApril();
    MemberPassbook passbook = year.reports.passbook(SHG, M02, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    assertEquals(List.of("LP3"), entries(passbook));
    PassbookLine payment = passbook.lines().get(0);
    assertEquals(Kind.LOAN_REPAYMENT, payment.kind());
    assertEquals(rupees(80), payment.interestPaid());
    assertEquals(rupees(0), payment.principalRepaid());
    assertEquals(rupees(2_000), payment.balances().loanOutstanding());
  }

  @Test
  void herExitPaysOutHerSavingsAndHerShareOfTheSurplus() {
    year.withNextApril();
    MemberPassbook passbook = year.reports.passbook(SHG, M03, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    assertEquals(List.of("X1"), entries(passbook));
    PassbookLine exit = passbook.lines().get(0);
    assertEquals(Kind.EXIT_SETTLEMENT, exit.kind());
    assertEquals(rupees(200), exit.compulsoryOut());
    assertEquals(rupees("61.33"), exit.surplusShare(), "230 × 200 / 750, to the paisa");
    assertEquals(new PassbookBalances(rupees(0), rupees(0), rupees(0)), passbook.closing());
  }

  @Test
  void anUnknownMemberIsNotFound() {
    GroupException e = assertThrows(GroupException.class,
        () -> year.reports.passbook(SHG, MemberId.of("M99"), YEAR_START, YEAR_END));
    assertEquals(GroupRejection.MEMBER_NOT_FOUND, e.reason());
    assertTrue(e.reason().isNotFound());
  }
}
