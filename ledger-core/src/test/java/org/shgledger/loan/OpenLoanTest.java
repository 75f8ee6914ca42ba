package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.loan.LoanHistoryTest.split;
import static org.shgledger.loan.Loans.inr;
import static org.shgledger.loan.ScheduleTest.assertMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The open loan: interest due each month at the monthly rate on the principal outstanding at the
 * start of that month; the member repays what she can.
 */
class OpenLoanTest {

  // 10,000 at 2 % a month, paid out on 10 January 2025: month 1 ends on 10 February, and so on.
  static final OpenLoanTerms LOAN =
      OpenLoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")), LocalDate.of(2025, 1, 10));

  static LocalDate date(int month, int day) {
    return LocalDate.of(2025, month, day);
  }

  @Test
  void aMonthsInterestFallsDueOnItsLastDay() {
    LoanHistory history = LoanHistory.of(LOAN);

    assertEquals(inr("0"), history.stateAsOf(date(2, 9)).interestDue());
    LoanState due = history.stateAsOf(date(2, 10));
    assertEquals(inr("200"), due.interestDue());
    assertEquals(0, due.daysPastDue(), "due today is not yet overdue");
    LoanState overdue = history.stateAsOf(date(2, 11));
    assertAll(
        () -> assertEquals(1, overdue.overdueInstalments()),
        () -> assertEquals(inr("200"), overdue.overdueAmount()),
        () -> assertEquals(1, overdue.daysPastDue()),
        () -> assertEquals(inr("0"), overdue.principalDue(), "an open loan's principal is never due"),
        () -> assertEquals(inr("10000"), overdue.outstandingPrincipal()));
    assertEquals(LocalDate.of(2025, 2, 10), LOAN.interestDueDate(1));
  }

  @Test
  void interestIsOnThePrincipalAtTheStartOfEachMonth() {
    LoanHistory history = LoanHistory.of(LOAN);
    // On 10 February she pays month 1's interest and 2,000 of principal: month 2 runs on 8,000.
    assertEquals(split("0", "200", "2000", "0"), history.allocate(date(2, 10), inr("2200")));
    history = history.withPayment(date(2, 10), inr("2200"));
    // A payment in the middle of month 2 repays principal but does not lower month 2's interest.
    assertEquals(split("0", "0", "1000", "0"), history.allocate(date(2, 20), inr("1000")));
    history = history.withPayment(date(2, 20), inr("1000"));

    assertEquals(inr("160"), history.stateAsOf(date(3, 10)).interestDue(), "2 % of 8,000");
    LoanState april = history.stateAsOf(date(4, 10));
    assertAll(
        () -> assertEquals(inr("300"), april.interestDue(), "160 + 2 % of 7,000"),
        () -> assertEquals(1, april.overdueInstalments(), "March's interest; April's is due today"),
        () -> assertEquals(31, april.daysPastDue(), "from 10 March"),
        () -> assertEquals(inr("7000"), april.outstandingPrincipal()),
        () -> assertEquals(inr("200"), april.interestPaid()));
  }

  @Test
  void aPaymentOnTheDisbursementDayLowersTheFirstMonth() {
    LoanHistory history = LoanHistory.of(LOAN).withPayment(date(1, 10), inr("4000"));

    assertEquals(inr("120"), history.stateAsOf(date(2, 10)).interestDue(), "2 % of 6,000");
  }

  @Test
  void closingMidMonthPaysThatMonthsInterestEarnedByThatDay() {
    LoanHistory history =
        LoanHistory.of(LOAN).withPayment(date(2, 10), inr("2200")).withPayment(date(2, 20), inr("1000"));
    // On 20 April she owes 300 of interest due, 7,000 of principal and, of April's month (10 April
    // to 10 May, 30 days) which charges 140 on the 7,000 it started with, the 10 days used:
    // 46.666..., rounded down. Nothing for the days not used (issue 14).
    assertEquals(split("0", "346.66", "7000", "0"), history.allocate(date(4, 20), inr("7346.66")));
    assertEquals(split("0", "346.66", "7000", "1"), history.allocate(date(4, 20), inr("7347.66")));

    assertEquals(split("0", "346.66", "7000", "0"), history.settlement(date(4, 20)));
    LoanHistory closed = history.withPayment(date(4, 20), inr("7346.66"));
    LoanState state = closed.stateAsOf(date(6, 30));
    assertAll(
        () -> assertTrue(state.settled()),
        () -> assertEquals(inr("0"), state.interestDue()),
        () -> assertEquals(0, state.daysPastDue()),
        () -> assertTrue(closed.stateAsOf(date(4, 20)).settled()));
    assertMessage("more than the loan will ever ask", () -> closed.withPayment(date(5, 1), inr("1")));
  }

  @Test
  void repayingThePrincipalOnlyLeavesTheInterestEarnedDueAtTheMonthsEnd() {
    LoanHistory history = LoanHistory.of(LOAN).withPayment(date(2, 10), inr("10200"));
    assertTrue(history.stateAsOf(date(2, 10)).settled(), "paid off on a month's last day: nothing more");

    LoanHistory midMonth = LoanHistory.of(LOAN).withPayment(date(1, 25), inr("10000"));
    assertFalse(midMonth.stateAsOf(date(1, 25)).settled());
    // 15 of the month's 31 days of 200: 96.774..., down.
    assertEquals(inr("96.77"), midMonth.stateAsOf(date(2, 10)).interestDue());
    LoanState later = midMonth.stateAsOf(date(6, 1));
    assertEquals(inr("96.77"), later.interestDue(), "no interest once a month starts with nothing owed");
    assertEquals(111, later.daysPastDue());
    assertTrue(midMonth.withPayment(date(6, 1), inr("96.77")).stateAsOf(date(6, 1)).settled());
  }

  @Test
  void unpaidMonthsPileUpOldestFirst() {
    LoanHistory history = LoanHistory.of(LOAN);
    LoanState state = history.stateAsOf(date(5, 11));
    assertEquals(4, state.overdueInstalments());
    assertEquals(inr("800"), state.interestDue());
    assertEquals(90, state.daysPastDue(), "from 10 February");

    // Paying 300 clears February's month and half of March's: the oldest unpaid is now March's.
    LoanState after = history.withPayment(date(5, 11), inr("300")).stateAsOf(date(5, 11));
    assertEquals(3, after.overdueInstalments());
    assertEquals(inr("500"), after.overdueAmount());
    assertEquals(62, after.daysPastDue(), "from 10 March");
  }

  @Test
  void anAnnualRateIsTakenAsItsTwelfthAMonth() {
    OpenLoanTerms annual =
        OpenLoanTerms.of(inr("10000"), InterestRate.perYear(new BigDecimal("24")), LocalDate.of(2025, 1, 10));

    assertEquals(inr("200"), LoanHistory.of(annual).stateAsOf(date(2, 10)).interestDue());
  }

  @Test
  void anOpenLoanStillOwingRunsAtMostSixHundredMonths() {
    OpenLoanTerms old = OpenLoanTerms.of(inr("100"), InterestRate.perMonth(BigDecimal.ONE), LocalDate.of(2000, 1, 1));

    assertEquals(inr("600"), LoanHistory.of(old).stateAsOf(LocalDate.of(2050, 1, 31)).interestDue());
    assertMessage("at most 600 months", () -> LoanHistory.of(old).stateAsOf(LocalDate.of(2050, 2, 1)));
    assertMessage("from 1 to 600", () -> old.interestDueDate(601));
  }

  @Test
  void interestMustBeRoundedSomeWay() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new OpenLoanTerms(inr("1000.01"), InterestRate.perMonth(BigDecimal.ONE), LocalDate.of(2025, 4, 1),
            org.shgledger.money.RoundingPolicy.minorUnits(java.math.RoundingMode.UNNECESSARY)));
  }
}
