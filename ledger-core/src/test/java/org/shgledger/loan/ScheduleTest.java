package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.loan.Loans.inr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shgledger.money.RoundingPolicy;

/** Schedules, by example: the two worked examples and one example per rule. */
class ScheduleTest {

  static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

  @Test
  void workedExampleFlat() {
    // Issue 3: 1000 at 12 % a year, 3 monthly instalments, multiple 1 -> principal 333, 333, 334
    // and interest 10 each.
    Schedule schedule =
        LoanTerms.of(inr("1000"), InterestRate.perYear(new BigDecimal("12")), RepaymentMethod.FLAT, 3,
                Frequency.MONTHLY, APRIL_1)
            .withInstalmentMultiple(inr("1"))
            .schedule();

    assertEquals(
        List.of(
            new Instalment(1, LocalDate.of(2025, 5, 1), inr("333"), inr("10"), inr("343"), inr("667")),
            new Instalment(2, LocalDate.of(2025, 6, 1), inr("333"), inr("10"), inr("343"), inr("334")),
            new Instalment(3, LocalDate.of(2025, 7, 1), inr("334"), inr("10"), inr("344"), inr("0"))),
        schedule.instalments());
    assertEquals(inr("30"), schedule.totalInterest());
    assertEquals(inr("1030"), schedule.totalPayment());
  }

  @Test
  void workedExampleEmi() {
    // Issue 3: 5000 at 1 % a month over 18 months, instalments rounded to whole units, interest
    // half-even to paise -> 305.00 each (period 1: interest 50.00, principal 255.00), the last
    // 303.22, total interest 488.22. The formula gives 304.91, which rounds to 305.
    Schedule schedule = emiWorkedExample().schedule();

    assertAll(
        () -> assertEquals(18, schedule.instalments().size()),
        () -> assertEquals(
            new Instalment(1, LocalDate.of(2025, 5, 1), inr("255.00"), inr("50.00"), inr("305.00"), inr("4745.00")),
            schedule.instalment(1)),
        () -> assertEquals(
            new Instalment(2, LocalDate.of(2025, 6, 1), inr("257.55"), inr("47.45"), inr("305.00"), inr("4487.45")),
            schedule.instalment(2)),
        () -> assertTrue(schedule.instalments().subList(0, 17).stream()
            .allMatch(instalment -> instalment.payment().equals(inr("305.00")))),
        () -> assertEquals(
            new Instalment(18, LocalDate.of(2026, 10, 1), inr("300.22"), inr("3.00"), inr("303.22"), inr("0")),
            schedule.instalment(18)),
        () -> assertEquals(inr("488.22"), schedule.totalInterest()),
        () -> assertEquals(inr("5000"), schedule.totalPrincipal()));
  }

  static LoanTerms emiWorkedExample() {
    return LoanTerms.of(inr("5000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 18,
            Frequency.MONTHLY, APRIL_1)
        .withInstalmentMultiple(inr("1"))
        .withInstalmentRounding(RoundingMode.HALF_EVEN)
        .withInterestRounding(RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN));
  }

  @Test
  void emiRoundedHalfUpGivesTheSameWorkedExample() {
    assertEquals(
        emiWorkedExample().schedule().instalments(),
        emiWorkedExample().withInstalmentRounding(RoundingMode.HALF_UP).schedule().instalments());
  }

  @Test
  void emiRoundedDownMakesTheLastInstalmentLarger() {
    Schedule schedule = emiWorkedExample().withInstalmentRounding(RoundingMode.DOWN).schedule();

    assertEquals(inr("304.00"), schedule.instalment(1).payment());
    assertTrue(schedule.instalment(18).payment().isGreaterThan(inr("304.00")), schedule.instalment(18).toString());
    assertEquals(inr("5000"), schedule.totalPrincipal());
  }

  @Test
  void equalPrincipalShrinksTheInstalments() {
    Schedule schedule =
        LoanTerms.of(inr("1200"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.EQUAL_PRINCIPAL, 4,
                Frequency.MONTHLY, APRIL_1)
            .schedule();

    assertEquals(
        List.of(
            new Instalment(1, LocalDate.of(2025, 5, 1), inr("300"), inr("24"), inr("324"), inr("900")),
            new Instalment(2, LocalDate.of(2025, 6, 1), inr("300"), inr("18"), inr("318"), inr("600")),
            new Instalment(3, LocalDate.of(2025, 7, 1), inr("300"), inr("12"), inr("312"), inr("300")),
            new Instalment(4, LocalDate.of(2025, 8, 1), inr("300"), inr("6"), inr("306"), inr("0"))),
        schedule.instalments());
  }

  @Test
  void interestOnlyInstalmentsComeFirstAndTheRestRepayThePrincipal() {
    Schedule schedule =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.EQUAL_PRINCIPAL, 4,
                Frequency.MONTHLY, APRIL_1)
            .withInterestOnlyInstalments(2)
            .schedule();

    assertEquals(
        List.of(
            new Instalment(1, LocalDate.of(2025, 5, 1), inr("0"), inr("20"), inr("20"), inr("1000")),
            new Instalment(2, LocalDate.of(2025, 6, 1), inr("0"), inr("20"), inr("20"), inr("1000")),
            new Instalment(3, LocalDate.of(2025, 7, 1), inr("500"), inr("20"), inr("520"), inr("500")),
            new Instalment(4, LocalDate.of(2025, 8, 1), inr("500"), inr("10"), inr("510"), inr("0"))),
        schedule.instalments());
  }

  @Test
  void emiAfterAGracePeriodIsTheEmiOfTheRemainingTerm() {
    LoanTerms terms =
        LoanTerms.of(inr("5000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 21,
                Frequency.MONTHLY, APRIL_1.minusMonths(3))
            .withInstalmentMultiple(inr("1"))
            .withInterestOnlyInstalments(3);
    Schedule schedule = terms.schedule();

    for (int number = 1; number <= 3; number++) {
      assertEquals(inr("0"), schedule.instalment(number).principal());
      assertEquals(inr("50.00"), schedule.instalment(number).payment());
    }
    // From then on it is the worked example, three months later.
    List<Instalment> rest = schedule.instalments().subList(3, 21);
    List<Instalment> example = emiWorkedExample().schedule().instalments();
    for (int i = 0; i < 18; i++) {
      assertEquals(example.get(i).payment(), rest.get(i).payment(), "instalment " + (i + 4));
      assertEquals(example.get(i).dueDate(), rest.get(i).dueDate(), "instalment " + (i + 4));
    }
  }

  @Test
  void flatInterestIsChargedOnTheWholePrincipalDuringTheGracePeriodToo() {
    Schedule schedule =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(new BigDecimal("1.5")), RepaymentMethod.FLAT, 5,
                Frequency.MONTHLY, APRIL_1)
            .withInterestOnlyInstalments(1)
            .schedule();

    assertTrue(schedule.instalments().stream().allMatch(i -> i.interest().equals(inr("15"))));
    assertEquals(inr("0"), schedule.instalment(1).principal());
    assertEquals(inr("250"), schedule.instalment(2).principal());
    assertEquals(inr("75"), schedule.totalInterest());
  }

  @Test
  void fortnightlyRateIsTheAnnualRateOverTwentySix() {
    // 26,000 at 26 % a year fortnightly: 1 % a fortnight, 260 of interest on the first.
    Schedule schedule =
        LoanTerms.of(inr("26000"), InterestRate.perYear(new BigDecimal("26")), RepaymentMethod.EQUAL_PRINCIPAL, 26,
                Frequency.FORTNIGHTLY, APRIL_1)
            .schedule();

    assertEquals(inr("260"), schedule.instalment(1).interest());
    assertEquals(inr("1000"), schedule.instalment(1).principal());
    assertEquals(LocalDate.of(2025, 4, 15), schedule.instalment(1).dueDate());
    assertEquals(LocalDate.of(2025, 4, 29), schedule.instalment(2).dueDate());
    assertEquals(inr("250"), schedule.instalment(2).interest());
  }

  @Test
  void weeklyRateFromAMonthlyRateIsTwelveFiftySecondsOfIt() {
    // 2 % a month = 24 % a year = 24/52 % a week; on 5,200 that is 24.00 exactly.
    Schedule schedule =
        LoanTerms.of(inr("5200"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.FLAT, 10,
                Frequency.WEEKLY, APRIL_1)
            .schedule();

    assertEquals(inr("24"), schedule.instalment(1).interest());
    assertEquals(inr("520"), schedule.instalment(1).principal());
    assertEquals(LocalDate.of(2025, 4, 8), schedule.instalment(1).dueDate());
    assertEquals(LocalDate.of(2025, 6, 10), schedule.instalment(10).dueDate());
  }

  @Test
  void weeklyInterestThatIsNotExactIsRoundedOncePerInstalment() {
    // 1,000 at 1 % a month weekly: 1000 × 12 / 5200 = 2.307692... -> 2.31 (half-even).
    Schedule schedule =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 4,
                Frequency.WEEKLY, APRIL_1)
            .schedule();

    assertEquals(inr("2.31"), schedule.instalment(1).interest());
    assertEquals(inr("9.24"), schedule.totalInterest());
  }

  @Test
  void actual365CountsTheDaysOfEachPeriod() {
    // 36,500 at 10 % a year is 10 a day on the whole principal. The first period runs from the
    // disbursement on 15 March to 1 May: 47 days. Then 31 days of May and 30 of June.
    Schedule schedule =
        LoanTerms.of(inr("36500"), InterestRate.perYear(BigDecimal.TEN), RepaymentMethod.EQUAL_PRINCIPAL, 3,
                Frequency.MONTHLY, LocalDate.of(2025, 3, 15))
            .withFirstDueDate(LocalDate.of(2025, 5, 1))
            .withInterestBasis(InterestBasis.ACTUAL_365)
            .schedule();

    assertEquals(
        List.of(
            new Instalment(1, LocalDate.of(2025, 5, 1), inr("12166.67"), inr("470.00"), inr("12636.67"), inr("24333.33")),
            // 24,333.33 × 10 % × 31 / 365 = 206.666...
            new Instalment(2, LocalDate.of(2025, 6, 1), inr("12166.67"), inr("206.67"), inr("12373.34"), inr("12166.66")),
            // 12,166.66 × 10 % × 30 / 365 = 99.99994...
            new Instalment(3, LocalDate.of(2025, 7, 1), inr("12166.66"), inr("100.00"), inr("12266.66"), inr("0"))),
        schedule.instalments());
  }

  @Test
  void actual365OnALongFirstPeriodCanCostMoreThanAnEmiPays() {
    LoanTerms terms =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(BigDecimal.TEN), RepaymentMethod.EMI, 24,
            Frequency.WEEKLY, APRIL_1);

    assertMessage("no principal",
        () -> terms.withFirstDueDate(APRIL_1.plusDays(300)).withInterestBasis(InterestBasis.ACTUAL_365));
  }

  @Test
  void periodBasisChargesEveryMonthAlikeAndIgnoresALongFirstPeriod() {
    LoanTerms terms =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EQUAL_PRINCIPAL, 2,
                Frequency.MONTHLY, LocalDate.of(2025, 1, 1))
            .withFirstDueDate(LocalDate.of(2025, 2, 28));

    assertEquals(inr("10"), terms.schedule().instalment(1).interest());
    assertEquals(inr("5"), terms.schedule().instalment(2).interest());
    assertEquals(LocalDate.of(2025, 3, 28), terms.schedule().instalment(2).dueDate());
  }

  @Test
  void monthlyDueDatesCountFromTheFirstSoMonthEndsStayMonthEnds() {
    Schedule schedule =
        LoanTerms.of(inr("400"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 4,
                Frequency.MONTHLY, LocalDate.of(2024, 12, 31))
            .schedule();

    assertEquals(
        List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30)),
        schedule.instalments().stream().map(Instalment::dueDate).toList());
  }

  @Test
  void monthlyDueDatesKeepTheDisbursementDayOfTheMonth() {
    LoanTerms terms =
        LoanTerms.of(inr("300"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 3,
            Frequency.MONTHLY, LocalDate.of(2025, 1, 31));
    assertEquals(
        List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30)),
        terms.schedule().instalments().stream().map(Instalment::dueDate).toList());

    LoanTerms on28th =
        LoanTerms.of(inr("300"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 3,
            Frequency.MONTHLY, LocalDate.of(2025, 1, 28));
    assertEquals(
        List.of(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 28), LocalDate.of(2025, 4, 28)),
        on28th.schedule().instalments().stream().map(Instalment::dueDate).toList());

    // A first due date that is set counts from itself: the 10th of every month.
    assertEquals(
        List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10)),
        terms.withFirstDueDate(LocalDate.of(2025, 3, 10)).schedule().instalments().stream()
            .map(Instalment::dueDate).toList());
  }

  @Test
  void zeroRateRepaysPrincipalOnly() {
    Schedule schedule =
        LoanTerms.of(inr("1000"), InterestRate.perYear(BigDecimal.ZERO), RepaymentMethod.EMI, 3,
                Frequency.MONTHLY, APRIL_1)
            .schedule();

    assertEquals(List.of(inr("333.33"), inr("333.33"), inr("333.34")),
        schedule.instalments().stream().map(Instalment::payment).toList());
    assertEquals(inr("0"), schedule.totalInterest());
  }

  @Test
  void wholeRupeeInterestRounding() {
    Schedule schedule =
        LoanTerms.of(inr("1234"), InterestRate.perMonth(new BigDecimal("1.3")), RepaymentMethod.FLAT, 3,
                Frequency.MONTHLY, APRIL_1)
            .withInstalmentMultiple(inr("1"))
            .withInterestRounding(RoundingPolicy.wholeUnits(RoundingMode.HALF_UP))
            .schedule();

    // 1234 × 1.3 % = 16.042 -> 16; 1234 / 3 = 411.33 -> 411, the last 412.
    assertEquals(List.of(inr("427"), inr("427"), inr("428")),
        schedule.instalments().stream().map(Instalment::payment).toList());
  }

  @Test
  void instalmentMultipleTooCoarseIsRefusedWithTheReason() {
    LoanTerms terms =
        LoanTerms.of(inr("1000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 12,
            Frequency.MONTHLY, APRIL_1);

    IllegalArgumentException early =
        assertThrows(IllegalArgumentException.class, () -> terms.withInstalmentMultiple(inr("100")));
    assertTrue(early.getMessage().contains("repaid by instalment"), early.getMessage());
    IllegalArgumentException nothing =
        assertThrows(IllegalArgumentException.class,
            () -> terms.withInstalmentRounding(RoundingMode.DOWN).withInstalmentMultiple(inr("100")));
    assertTrue(nothing.getMessage().contains("no principal"), nothing.getMessage());
  }

  @Test
  void termsOutOfRangeAreRefusedWithClearMessages() {
    InterestRate rate = InterestRate.perMonth(BigDecimal.ONE);
    assertAll(
        () -> assertMessage("principal must be positive",
            () -> LoanTerms.of(inr("0"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)),
        () -> assertMessage("principal must be positive and at most",
            () -> LoanTerms.of(inr("999999999999999999999999999999"), rate, RepaymentMethod.FLAT, 3,
                Frequency.MONTHLY, APRIL_1)),
        () -> assertMessage("between 1 and 600 instalments",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 601, Frequency.MONTHLY, APRIL_1)),
        () -> assertMessage("between 1 and 600 instalments",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 0, Frequency.MONTHLY, APRIL_1)),
        () -> assertMessage("interest-only instalments",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)
                .withInterestOnlyInstalments(3)),
        () -> assertMessage("first due date",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)
                .withFirstDueDate(APRIL_1)),
        () -> assertMessage("first due date",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)
                .withFirstDueDate(APRIL_1.plusDays(367))),
        () -> assertMessage("instalment multiple",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)
                .withInstalmentMultiple(inr("1000.01"))),
        () -> assertMessage("UNNECESSARY",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, APRIL_1)
                .withInstalmentRounding(RoundingMode.UNNECESSARY)),
        () -> assertMessage("disbursement date",
            () -> LoanTerms.of(inr("1000"), rate, RepaymentMethod.FLAT, 3, Frequency.MONTHLY, LocalDate.of(1899, 12, 31))),
        () -> assertMessage("above the limit of 120 % a year",
            () -> InterestRate.perMonth(new BigDecimal("10.01"))),
        () -> assertMessage("cannot be negative", () -> InterestRate.perYear(new BigDecimal("-1"))),
        () -> assertMessage("decimal places", () -> InterestRate.perYear(new BigDecimal("1.0000001"))));
  }

  @Test
  void aRateKeepsNoTrailingZerosAndPrintsAsQuoted() {
    assertEquals(InterestRate.perMonth(new BigDecimal("1.50")), InterestRate.perMonth(new BigDecimal("1.5")));
    assertEquals("1.5% a month", InterestRate.perMonth(new BigDecimal("1.50")).toString());
    assertEquals("12% a year", InterestRate.perYear(new BigDecimal("1.2E+1")).toString());
    assertEquals(new BigDecimal("18"), InterestRate.perMonth(new BigDecimal("1.5")).annualPercent());
  }

  static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
  }

  @Test
  void everyTermAtOnceMakesTheSameTermsAsTheWithMethods() {
    LocalDate disbursed = LocalDate.of(2025, 1, 31);
    LoanTerms chained =
        LoanTerms.of(inr("5000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 18,
                Frequency.MONTHLY, disbursed)
            .withFirstDueDate(LocalDate.of(2025, 3, 10))
            .withInterestOnlyInstalments(2)
            .withInstalmentRounding(RoundingMode.UP)
            .withInstalmentMultiple(inr("10"))
            .withInterestRounding(RoundingPolicy.wholeUnits(RoundingMode.HALF_UP))
            .withInterestBasis(InterestBasis.ACTUAL_365);
    LoanTerms atOnce =
        LoanTerms.of(inr("5000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 18,
            Frequency.MONTHLY, disbursed, LocalDate.of(2025, 3, 10), 2, inr("10"), RoundingMode.UP,
            RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), InterestBasis.ACTUAL_365);

    assertEquals(chained, atOnce);
    assertEquals(chained.schedule(), atOnce.schedule());
  }

  @Test
  void everyTermAtOnceIsCheckedAsTheWithMethodsCheckThem() {
    LocalDate disbursed = LocalDate.of(2025, 1, 31);
    InterestRate rate = InterestRate.perMonth(BigDecimal.ONE);
    RoundingPolicy paise = RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN);
    assertThrows(IllegalArgumentException.class, () -> LoanTerms.of(inr("500"), rate, RepaymentMethod.FLAT, 5,
        Frequency.MONTHLY, disbursed, disbursed.plusMonths(1), 5, inr("0.01"), RoundingMode.HALF_EVEN, paise,
        InterestBasis.PERIOD), "every instalment interest-only");
    assertThrows(IllegalArgumentException.class, () -> LoanTerms.of(inr("500"), rate, RepaymentMethod.FLAT, 5,
        Frequency.MONTHLY, disbursed, disbursed, 0, inr("0.01"), RoundingMode.HALF_EVEN, paise,
        InterestBasis.PERIOD), "first due on the day of disbursement");
    assertThrows(IllegalArgumentException.class, () -> LoanTerms.of(inr("500"), rate, RepaymentMethod.FLAT, 5,
        Frequency.MONTHLY, disbursed, disbursed.plusMonths(1), 0, inr("600"), RoundingMode.HALF_EVEN, paise,
        InterestBasis.PERIOD), "a multiple above the principal");
    assertThrows(NullPointerException.class, () -> LoanTerms.of(inr("500"), rate, RepaymentMethod.FLAT, 5,
        Frequency.MONTHLY, disbursed, disbursed.plusMonths(1), 0, inr("0.01"), RoundingMode.HALF_EVEN, paise,
        null));
  }
}
