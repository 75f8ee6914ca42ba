package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.loan.Loans.inr;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Early settlement and payments larger than what is due (issue 14): interest for the time used,
 * never for periods not yet reached.
 */
class LoanSettlementTest {

  static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);
  static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);

  /** The issue's example: 10,000 at 2 % a month, EMI, 10 monthly instalments of 1,113. */
  static LoanTerms issueExample() {
    return LoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.EMI, 10,
            Frequency.MONTHLY, APRIL_1)
        .withInstalmentMultiple(inr("1"));
  }

  static PaymentAllocation split(String fines, String interest, String principal, String excess) {
    return new PaymentAllocation(inr(fines), inr(interest), inr(principal), inr(excess));
  }

  @Test
  void theIssuesExampleSettledTheDayAfterTheFirstInstalmentTakesThePrincipalAndOneDaysInterest() {
    LoanTerms terms = issueExample();
    Instalment first = terms.schedule().instalments().get(0);
    assertEquals(inr("1113"), first.payment());
    assertEquals(inr("200.00"), first.interest());
    LoanHistory history = LoanHistory.of(terms).withPayment(MAY_1, inr("1113"));

    PaymentAllocation settlement = history.settlement(MAY_1.plusDays(1));

    // 9,087 left; one day of the May period (31 days) at 2 % a month: 181.74 / 31 = 5.8625..., down.
    assertEquals(split("0", "5.86", "9087.00", "0"), settlement);
    Money oneDayActual365 = inr("5.98"); // 9,087 × 24 % / 365, rounded up: the most a day could cost
    assertTrue(!settlement.interest().isGreaterThan(oneDayActual365), settlement.toString());
    LoanHistory settled = history.withPayment(MAY_1.plusDays(1), settlement.total());
    LoanState state = settled.stateAsOf(LocalDate.of(2026, 3, 1));
    assertTrue(state.settled());
    assertEquals(inr("0"), state.totalDue());
    assertEquals(inr("205.86"), state.interestPaid());
    assertEquals(inr("10000"), state.principalPaid());
  }

  @Test
  void aSettlementOnTheDueDateIsThePrincipalLeftAndNoMoreInterest() {
    LoanHistory history = LoanHistory.of(issueExample()).withPayment(MAY_1, inr("1113"));
    assertEquals(split("0", "0", "9087.00", "0"), history.settlement(MAY_1));
  }

  @Test
  void aRepaymentLargerThanDueNeverPaysTheInterestOfPeriodsNotBegun() {
    // Root of the overcharge: what a payment left over once everything due was paid went to the
    // coming instalments as scheduled, interest included, so 5,000 paid on 2 May booked the
    // interest of June, July... as income and the loan charged interest on principal already
    // repaid.
    LoanHistory history = LoanHistory.of(issueExample()).withPayment(MAY_1, inr("1113"));
    LocalDate may2 = MAY_1.plusDays(1);

    // The May period's interest (fixed on 9,087 when it began), then principal only.
    assertEquals(split("0", "181.74", "4818.26", "0"), history.allocate(may2, inr("5000")));

    LoanHistory paid = history.withPayment(may2, inr("5000"));
    // June's period begins with 4,268.74 outstanding, so it charges 2 % of that, not the schedule's.
    LoanState july1 = paid.stateAsOf(LocalDate.of(2025, 7, 1));
    assertEquals(inr("85.37"), july1.interestDue());
    assertEquals(inr("0"), july1.principalDue());
    assertEquals(inr("4268.74"), july1.outstandingPrincipal());
  }

  @Test
  void aFlatLoanSettledEarlyChargesNoFlatInterestForPeriodsNotReachedUnlessFull() {
    LoanTerms flat =
        LoanTerms.of(inr("1000"), InterestRate.perYear(new BigDecimal("12")), RepaymentMethod.FLAT, 3,
                Frequency.MONTHLY, APRIL_1)
            .withInstalmentMultiple(inr("1"));
    LoanHistory history = LoanHistory.of(flat).withPayment(MAY_1, inr("343"));
    LocalDate may16 = LocalDate.of(2025, 5, 16);

    // 15 of May's 31 days of 10.00: 4.838..., down to 4.83.
    assertEquals(split("0", "4.83", "667", "0"), history.settlement(may16));
    assertEquals(split("0", "4.83", "667", "0"), history.settlement(may16, FlatEarlyInterest.NONE));
    assertEquals(split("0", "20", "667", "0"), history.settlement(may16, FlatEarlyInterest.FULL));

    // Either is recorded as a payment and read back as the same settlement.
    for (FlatEarlyInterest rule : FlatEarlyInterest.values()) {
      PaymentAllocation settlement = history.settlement(may16, rule);
      LoanHistory paid = history.withPayment(may16, settlement.total(), rule);
      assertEquals(paid.stateAsOf(LocalDate.of(2025, 9, 1)), paid.withFine(LocalDate.of(2025, 9, 2), inr("1")).stateAsOf(LocalDate.of(2025, 9, 1)));
      LoanState state = paid.stateAsOf(LocalDate.of(2025, 9, 1));
      assertTrue(state.settled(), rule.name());
      assertEquals(inr("0"), state.totalDue(), rule.name());
      assertEquals(inr("10").plus(settlement.interest()), state.interestPaid(), rule.name());
    }
    // A repayment is never the FULL settlement: beyond the NONE settlement it is excess.
    assertEquals(split("0", "4.83", "667", "15.17"), history.allocate(may16, inr("687")));
  }

  @Test
  void aLoanRecordedBeforeIssue14KeepsTheOldRuleSoItsPaymentsSplitAsTheirEntriesDid() {
    LoanHistory old = LoanHistory.of(issueExample(), AllocationOrder.STANDARD, PaymentRule.SCHEDULE_AHEAD)
        .withPayment(MAY_1, inr("1113"));
    assertEquals(PaymentRule.SCHEDULE_AHEAD, old.rule());
    // the rest of the schedule, as books recorded before it charged
    assertEquals(split("0", "932.89", "9087.00", "0"), old.settlement(MAY_1.plusDays(1)));
    assertEquals(split("0", "718.68", "4281.32", "0"), old.allocate(MAY_1.plusDays(1), inr("5000")));
    assertEquals(PaymentRule.TIME_USED, LoanHistory.of(issueExample()).rule());
  }

  @Test
  void anOpenLoanSettledInTheMonthPaysThatMonthsInterestProRata() {
    OpenLoanTerms open = OpenLoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")),
        LocalDate.of(2025, 1, 10));
    LoanHistory history = LoanHistory.of(open);
    LocalDate jan20 = LocalDate.of(2025, 1, 20);

    // 10 of the month's 31 days of 200: 64.516..., down to 64.51.
    PaymentAllocation settlement = history.settlement(jan20);
    assertEquals(split("0", "64.51", "10000", "0"), settlement);
    LoanHistory settled = history.withPayment(jan20, settlement.total());
    assertTrue(settled.stateAsOf(LocalDate.of(2025, 3, 1)).settled());
    assertEquals(inr("0"), settled.stateAsOf(LocalDate.of(2025, 3, 1)).totalDue());

    // Principal repaid alone: the month charges only what it had earned by then, due at its end.
    LoanHistory principalOnly = history.withPayment(jan20, inr("10000"));
    assertFalse(principalOnly.stateAsOf(jan20).settled());
    assertEquals(inr("64.51"), principalOnly.stateAsOf(LocalDate.of(2025, 2, 10)).interestDue());
  }
}
