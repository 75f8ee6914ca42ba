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

  /**
   * A share-out as her passbook shows it: her share of the profit on a line of its own, then her
   * savings, that share included, paid out to her; not one negative movement that hides the share.
   */
  @Test
  void aShareOutShowsHerShareOfTheProfitThenHerSavingsPaidOut() {
    org.shgledger.group.SavingsGroups groups = new org.shgledger.group.SavingsGroups(
        new org.shgledger.journal.InMemoryJournal(), new org.shgledger.group.InMemoryGroupRegistry());
    org.shgledger.journal.BookId code = org.shgledger.journal.BookId.of("SHG09");
    LocalDate formed = LocalDate.of(2024, 4, 1);
    groups.createGroup(new org.shgledger.group.Group(code, "Asha", org.joda.money.CurrencyUnit.of("INR"), formed,
        org.shgledger.group.MeetingFrequency.MONTHLY, rupees(100),
        org.shgledger.money.RoundingPolicy.wholeUnits(java.math.RoundingMode.HALF_UP), java.time.Month.APRIL,
        org.shgledger.group.LoanDefaults.scheduled(org.shgledger.loan.InterestRate.perMonth(java.math.BigDecimal.ONE),
            org.shgledger.loan.RepaymentMethod.FLAT, 10)));
    for (MemberId member : List.of(M01, M02)) {
      groups.addMember(code, org.shgledger.group.Member.joining(member, "Member " + member,
          org.shgledger.group.MemberCategory.ADULT_WOMAN, formed));
      groups.record(code, EntryId.of("S-" + member), formed.plusDays(5), new org.shgledger.group.GroupOperation.Save(
          member, org.shgledger.group.SavingsKind.COMPULSORY, rupees(100), org.shgledger.group.Channel.CASH));
    }
    groups.record(code, EntryId.of("FEE"), formed.plusDays(5), new org.shgledger.group.GroupOperation.OtherIncome(
        rupees(20), "fees", org.shgledger.group.Channel.CASH));
    groups.shareOut(code, EntryId.of("SO"), formed.plusDays(40));

    MemberPassbook passbook = new Reports(groups).passbook(code, M01, formed, formed.plusDays(40));

    assertEquals(List.of("S-M01", "SO", "SO"), entries(passbook));
    PassbookLine profit = passbook.lines().get(1);
    assertEquals(Kind.SHARE_OF_PROFIT, profit.kind());
    assertEquals(rupees(10), profit.voluntaryIn());
    assertEquals(rupees(10), profit.surplusShare());
    assertEquals(new PassbookBalances(rupees(100), rupees(10), rupees(0)), profit.balances());
    PassbookLine paidOut = passbook.lines().get(2);
    assertEquals(Kind.SHARE_OUT, paidOut.kind());
    assertEquals(rupees(0), paidOut.voluntaryIn(), "her share is on its own line");
    assertEquals(rupees(100), paidOut.compulsoryOut());
    assertEquals(rupees(10), paidOut.voluntaryOut());
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
