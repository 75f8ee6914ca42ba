package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.loan.Loans.inr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fixed instalment: the amount is given, the number of instalments follows (issue 14). */
class FixedInstalmentTest {

  static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

  @Test
  void anEmiOfAGivenAmountTakesAsManyInstalmentsAsItNeedsTheLastSmaller() {
    LoanTerms terms = LoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.EMI, 10,
        Frequency.MONTHLY, APRIL_1).withFixedInstalment(inr("1500"));

    Schedule schedule = terms.schedule();
    List<Instalment> instalments = schedule.instalments();
    assertEquals(8, terms.instalmentCount());
    assertEquals(new Instalment(1, LocalDate.of(2025, 5, 1), inr("1300.00"), inr("200.00"), inr("1500.00"),
        inr("8700.00")), instalments.get(0));
    for (Instalment instalment : instalments.subList(0, 7)) {
      assertEquals(inr("1500"), instalment.payment());
    }
    Instalment last = instalments.get(7);
    assertTrue(last.payment().isLessThan(inr("1500")), last.toString());
    assertEquals(inr("10000"), schedule.totalPrincipal());
    assertEquals(java.util.Optional.of(inr("1500")), terms.fixedInstalment());
  }

  @Test
  void aFlatLoanPaysItsFlatInterestFirstAndWeeklyGraceComesBefore() {
    LoanTerms terms = LoanTerms.of(inr("1200"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 4,
            Frequency.WEEKLY, APRIL_1)
        .withInterestOnlyInstalments(1)
        .withFixedInstalment(inr("250"));

    List<Instalment> instalments = terms.schedule().instalments();
    // 1 % a month is 12/52 % a week: 2.77 on 1,200 every week
    assertEquals(inr("2.77"), instalments.get(0).payment());
    assertEquals(inr("247.23"), instalments.get(1).principal());
    assertEquals(inr("250"), instalments.get(1).payment());
    assertEquals(6, terms.instalmentCount()); // one of grace, four of 247.23 and 211.08 + 2.77
    assertEquals(inr("1200"), terms.schedule().totalPrincipal());
  }

  @Test
  void anInstalmentThatRepaysNothingOrAnEqualPrincipalLoanIsRefused() {
    LoanTerms terms = LoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")), RepaymentMethod.EMI, 10,
        Frequency.MONTHLY, APRIL_1);
    assertThrows(IllegalArgumentException.class, () -> terms.withFixedInstalment(inr("200")));
    LoanTerms equal = LoanTerms.of(inr("10000"), InterestRate.perMonth(new BigDecimal("2")),
        RepaymentMethod.EQUAL_PRINCIPAL, 10, Frequency.MONTHLY, APRIL_1);
    assertThrows(IllegalArgumentException.class, () -> equal.withFixedInstalment(inr("1500")));
  }
}
