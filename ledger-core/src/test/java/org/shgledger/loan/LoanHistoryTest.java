package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.loan.Loans.inr;
import static org.shgledger.loan.ScheduleTest.assertMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.shgledger.loan.AllocationOrder.Part;

/** Payments on a scheduled loan: how each is split, arrears and days past due, by example. */
class LoanHistoryTest {

  // The EMI worked example: 5,000 at 1 % a month, 18 instalments of 305.00 from 1 May 2025.
  static final LoanTerms EMI = ScheduleTest.emiWorkedExample();
  static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);

  static PaymentAllocation split(String fines, String interest, String principal, String excess) {
    return new PaymentAllocation(inr(fines), inr(interest), inr(principal), inr(excess));
  }

  @Test
  void paidAsScheduledTheLoanIsNeverOverdueAndEndsSettled() {
    LoanHistory history = LoanHistory.of(EMI);
    for (Instalment instalment : EMI.schedule().instalments()) {
      assertEquals(
          new PaymentAllocation(inr("0"), instalment.interest(), instalment.principal(), inr("0")),
          history.allocate(instalment.dueDate(), instalment.payment()),
          "instalment " + instalment.number());
      history = history.withPayment(instalment.dueDate(), instalment.payment());
      LoanState state = history.stateAsOf(instalment.dueDate().plusDays(1));
      assertEquals(0, state.daysPastDue());
      assertEquals(instalment.balanceAfter(), state.outstandingPrincipal());
    }
    LoanState end = history.stateAsOf(LocalDate.of(2027, 1, 1));
    assertTrue(end.settled());
    assertEquals(inr("488.22"), end.interestPaid());
    assertEquals(inr("5000"), end.principalPaid());
  }

  @Test
  void aPaymentOnTheDueDatePaysInterestThenPrincipal() {
    assertEquals(split("0", "50.00", "255.00", "0"), LoanHistory.of(EMI).allocate(MAY_1, inr("305")));
    assertEquals(split("0", "50.00", "50.00", "0"), LoanHistory.of(EMI).allocate(MAY_1, inr("100")));
    assertEquals(split("0", "30.00", "0", "0"), LoanHistory.of(EMI).allocate(MAY_1, inr("30")));
  }

  @Test
  void theExampleOfDocsLoansMd() {
    LoanHistory history = LoanHistory.of(EMI);
    assertEquals(split("0", "50.00", "255.00", "0"), history.allocate(MAY_1, inr("305")));
    LoanState state = history.withPayment(MAY_1, inr("305")).stateAsOf(LocalDate.of(2025, 7, 15));

    assertEquals(2, state.overdueInstalments());
    assertEquals(inr("610.00"), state.overdueAmount());
    assertEquals(44, state.daysPastDue());
  }

  @Test
  void aShortPaymentLeavesTheRestOverdueFromTheNextDay() {
    LoanHistory history = LoanHistory.of(EMI).withPayment(MAY_1, inr("100"));

    LoanState onTheDay = history.stateAsOf(MAY_1);
    assertEquals(inr("205.00"), onTheDay.principalDue());
    assertEquals(0, onTheDay.overdueInstalments(), "due today is not yet overdue");
    assertFalse(onTheDay.isOverdue());

    LoanState nextDay = history.stateAsOf(MAY_1.plusDays(1));
    assertAll(
        () -> assertEquals(1, nextDay.overdueInstalments()),
        () -> assertEquals(inr("205.00"), nextDay.overdueAmount()),
        () -> assertEquals(1, nextDay.daysPastDue()),
        () -> assertEquals(inr("4950.00"), nextDay.outstandingPrincipal()),
        () -> assertEquals(inr("205.00"), nextDay.totalDue()));
  }

  @Test
  void daysPastDueCountFromTheOldestUnpaidDueDate() {
    LocalDate july15 = LocalDate.of(2025, 7, 15);
    LoanState nothingPaid = LoanHistory.of(EMI).stateAsOf(july15);

    assertAll(
        () -> assertEquals(3, nothingPaid.overdueInstalments()),
        () -> assertEquals(inr("915.00"), nothingPaid.overdueAmount()),
        () -> assertEquals(75, nothingPaid.daysPastDue(), "1 May to 15 July"),
        () -> assertEquals(inr("142.32"), nothingPaid.interestDue(), "50.00 + 47.45 + 44.87"),
        () -> assertEquals(inr("772.68"), nothingPaid.principalDue()));

    // 400 pays all the interest due first, then the oldest principal: all of May's and 2.68 of June's.
    LoanHistory history = LoanHistory.of(EMI);
    assertEquals(split("0", "142.32", "257.68", "0"), history.allocate(july15, inr("400")));
    LoanState after = history.withPayment(july15, inr("400")).stateAsOf(july15);
    assertAll(
        () -> assertEquals(2, after.overdueInstalments()),
        () -> assertEquals(inr("515.00"), after.overdueAmount(), "254.87 of June + 260.13 of July"),
        () -> assertEquals(44, after.daysPastDue(), "from 1 June"));
  }

  @Test
  void finesArePaidFirst() {
    LoanHistory history = LoanHistory.of(EMI).withFine(MAY_1, inr("10"));

    assertEquals(inr("10"), history.stateAsOf(MAY_1).finesDue());
    assertEquals(split("10", "50.00", "245.00", "0"), history.allocate(MAY_1, inr("305")));
    assertEquals(split("5", "0", "0", "0"), history.allocate(MAY_1, inr("5")));
    LoanState after = history.withPayment(MAY_1, inr("305")).stateAsOf(MAY_1);
    assertEquals(inr("0"), after.finesDue());
    assertEquals(inr("10"), after.finesPaid());
  }

  @Test
  void aFineDoesNotCountAsArrears() {
    LoanState state = LoanHistory.of(EMI).withFine(LocalDate.of(2025, 4, 10), inr("10")).stateAsOf(LocalDate.of(2025, 4, 20));

    assertEquals(inr("10"), state.finesDue());
    assertEquals(0, state.daysPastDue());
    assertFalse(state.settled());
  }

  @Test
  void theOrderCanPutPrincipalFirst() {
    LoanHistory history =
        LoanHistory.of(EMI, AllocationOrder.of(Part.PRINCIPAL, Part.INTEREST, Part.FINES)).withFine(MAY_1, inr("10"));

    assertEquals(split("0", "0", "100", "0"), history.allocate(LocalDate.of(2025, 7, 15), inr("100")));
    assertEquals(split("10", "50.00", "255.00", "0"), history.allocate(MAY_1, inr("315")));
  }

  @Test
  void aPaymentBeforeTheDueDatePaysTheComingInstalmentInAdvance() {
    // The meeting is on 28 April; the instalment falls due on 1 May.
    LocalDate april28 = LocalDate.of(2025, 4, 28);
    LoanHistory history = LoanHistory.of(EMI);

    assertEquals(split("0", "50.00", "255.00", "0"), history.allocate(april28, inr("305")));
    LoanState state = history.withPayment(april28, inr("305")).stateAsOf(MAY_1.plusDays(10));
    assertEquals(0, state.overdueInstalments());
    assertEquals(inr("0"), state.totalDue());
  }

  @Test
  void anOverpaymentPaysPrincipalAndNeverTheInterestOfPeriodsNotBegun() {
    // The flat worked example: 1,000 + 30 interest in all.
    LoanTerms flat =
        LoanTerms.of(inr("1000"), InterestRate.perYear(new BigDecimal("12")), RepaymentMethod.FLAT, 3,
                Frequency.MONTHLY, ScheduleTest.APRIL_1)
            .withInstalmentMultiple(inr("1"));
    LoanHistory history = LoanHistory.of(flat);
    LocalDate may1 = LocalDate.of(2025, 5, 1);

    // 343 due on 1 May; June's period begins today, so the rest is principal (issue 14: it used to
    // pay June's 10 of interest, and July's, in advance).
    assertEquals(split("0", "10", "676", "0"), history.allocate(may1, inr("686")));
    assertEquals(split("0", "10", "356", "0"), history.allocate(may1, inr("366")));
    assertEquals(split("0", "10", "1000", "0"), history.allocate(may1, inr("1010")));
    assertEquals(split("0", "10", "1000", "20"), history.allocate(may1, inr("1030")));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> history.withPayment(may1, inr("1011")));
    assertTrue(refused.getMessage().contains("INR 1.00 more than the loan will ever ask"), refused.getMessage());

    LoanState settled = history.withPayment(may1, inr("1010")).stateAsOf(may1);
    assertTrue(settled.settled());
    assertEquals(inr("0"), settled.outstandingPrincipal());
  }

  @Test
  void theSettlementIsFinesDueThePrincipalAndTheInterestEarnedByItsDay() {
    LoanHistory history = LoanHistory.of(EMI).withPayment(MAY_1, inr("305")).withFine(MAY_1, inr("10"));

    // May's period (31 days) charges 47.45 on 4,745; 14 days of it: 21.429..., down to 21.42.
    PaymentAllocation settlement = history.settlement(LocalDate.of(2025, 5, 15));
    assertEquals(split("10", "21.42", "4745.00", "0"), settlement);
    assertTrue(history.withPayment(LocalDate.of(2025, 5, 15), settlement.total()).stateAsOf(LocalDate.of(2025, 5, 15)).settled());
    assertEquals(split("0", "0", "0", "0"),
        history.withPayment(MAY_1, history.settlement(MAY_1).total()).settlement(MAY_1), "nothing settles a settled loan");
  }

  @Test
  void aStateInThePastIgnoresLaterEvents() {
    LoanHistory history =
        LoanHistory.of(EMI)
            .withPayment(MAY_1, inr("305"))
            .withFine(LocalDate.of(2025, 6, 5), inr("10"))
            .withPayment(LocalDate.of(2025, 6, 10), inr("100"));

    assertEquals(LoanHistory.of(EMI).withPayment(MAY_1, inr("305")).stateAsOf(LocalDate.of(2025, 6, 4)),
        history.stateAsOf(LocalDate.of(2025, 6, 4)));
    assertEquals(inr("10"), history.stateAsOf(LocalDate.of(2025, 6, 5)).finesDue());
    assertEquals(inr("0"), history.stateAsOf(LocalDate.of(2025, 6, 10)).finesDue());
    assertEquals(LocalDate.of(2025, 6, 10), history.latestDate());
  }

  @Test
  void eventsMustComeInDateOrderAndBeValid() {
    LoanHistory history = LoanHistory.of(EMI).withPayment(MAY_1, inr("305"));

    assertAll(
        () -> assertMessage("before 2025-05-01", () -> history.withPayment(MAY_1.minusDays(1), inr("305"))),
        () -> assertMessage("before 2025-05-01", () -> history.allocate(MAY_1.minusDays(1), inr("305"))),
        () -> assertMessage("before 2025-05-01", () -> history.withFine(MAY_1.minusDays(1), inr("5"))),
        () -> assertMessage("the disbursement date",
            () -> LoanHistory.of(EMI).withPayment(ScheduleTest.APRIL_1.minusDays(1), inr("5"))),
        () -> assertMessage("must be positive", () -> history.withPayment(MAY_1, inr("0"))),
        () -> assertMessage("not in the loan's currency",
            () -> history.withFine(MAY_1, org.joda.money.Money.of(org.joda.money.CurrencyUnit.of("NPR"), 5))),
        () -> assertMessage("has no state", () -> history.stateAsOf(ScheduleTest.APRIL_1.minusDays(1))));
    // Same day is in order.
    assertEquals(inr("0"), history.withPayment(MAY_1, inr("5")).stateAsOf(MAY_1).totalDue());
  }

  @Test
  void allocationOrderListsEachPartOnce() {
    assertMessage("once each", () -> AllocationOrder.of(Part.FINES, Part.FINES, Part.PRINCIPAL));
    assertEquals(java.util.List.of(Part.FINES, Part.INTEREST, Part.PRINCIPAL), AllocationOrder.STANDARD.parts());
  }

  @Test
  void historiesWithTheSameEventsAreEqual() {
    assertEquals(LoanHistory.of(EMI).withPayment(MAY_1, inr("305")), LoanHistory.of(EMI).withPayment(MAY_1, inr("305")));
    assertFalse(LoanHistory.of(EMI).equals(LoanHistory.of(EMI).withPayment(MAY_1, inr("305"))));
  }
}
