package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;

/** What every schedule of every method must satisfy, whatever the terms and rounding. */
class ScheduleProperties {

  @Provide
  Arbitrary<LoanTerms> terms() {
    return LoanArbitraries.terms();
  }

  @Property
  void principalSumsExactlyToTheLoan(@ForAll("terms") LoanTerms terms) {
    Money sum = terms.schedule().instalments().stream()
        .map(Instalment::principal)
        .reduce(Money.zero(terms.currency()), Money::plus);

    assertEquals(terms.principal(), sum);
    assertEquals(terms.instalmentCount(), terms.schedule().instalments().size());
  }

  @Property
  void balanceFallsToZeroAndNeverRises(@ForAll("terms") LoanTerms terms) {
    Money before = terms.principal();
    for (Instalment instalment : terms.schedule().instalments()) {
      assertEquals(before.minus(instalment.principal()), instalment.balanceAfter(), "instalment " + instalment.number());
      if (instalment.number() > terms.interestOnlyInstalments()) {
        assertTrue(instalment.balanceAfter().isLessThan(before), "instalment " + instalment.number() + " repays principal");
      } else {
        assertEquals(before, instalment.balanceAfter(), "an interest-only instalment repays nothing");
      }
      before = instalment.balanceAfter();
    }
    assertTrue(before.isZero());
  }

  @Property
  void interestIsNeverNegativeAndIsRoundedByTheInterestPolicy(@ForAll("terms") LoanTerms terms) {
    for (Instalment instalment : terms.schedule().instalments()) {
      assertFalse(instalment.interest().isNegative());
      assertTrue(terms.interestRounding().isExact(instalment.interest()), instalment.toString());
      assertEquals(instalment.principal().plus(instalment.interest()), instalment.payment());
    }
  }

  @Property
  void emiPaymentsAreEqualExceptTheInterestOnlyOnesAndTheLast(@ForAll("terms") LoanTerms terms) {
    if (terms.method() != RepaymentMethod.EMI) {
      return;
    }
    List<Instalment> regular = regular(terms);
    regular.forEach(instalment -> assertEquals(regular.get(0).payment(), instalment.payment(), instalment.toString()));
    regular.forEach(instalment -> assertTrue(isMultiple(instalment.payment(), terms.instalmentMultiple())));
  }

  @Property
  void flatAndEqualPrincipalRepayEqualPrincipalExceptTheLast(@ForAll("terms") LoanTerms terms) {
    if (terms.method() == RepaymentMethod.EMI) {
      return;
    }
    List<Instalment> regular = regular(terms);
    regular.forEach(instalment -> assertEquals(regular.get(0).principal(), instalment.principal(), instalment.toString()));
    regular.forEach(instalment -> assertTrue(isMultiple(instalment.principal(), terms.instalmentMultiple())));
  }

  @Property
  void flatPaymentsAreEqualExceptTheLastWhenEveryPeriodChargesAlike(@ForAll("terms") LoanTerms terms) {
    if (terms.method() != RepaymentMethod.FLAT || terms.interestBasis() != InterestBasis.PERIOD) {
      return;
    }
    Money interest = terms.schedule().instalment(1).interest();
    terms.schedule().instalments().forEach(instalment -> assertEquals(interest, instalment.interest()));
    List<Instalment> regular = regular(terms);
    regular.forEach(instalment -> assertEquals(regular.get(0).payment(), instalment.payment()));
  }

  @Property
  void decliningBalanceInterestNeverRisesWhenEveryPeriodChargesAlike(@ForAll("terms") LoanTerms terms) {
    if (terms.method() == RepaymentMethod.FLAT || terms.interestBasis() != InterestBasis.PERIOD) {
      return;
    }
    Money previous = terms.schedule().instalment(1).interest();
    for (Instalment instalment : terms.schedule().instalments()) {
      assertFalse(instalment.interest().isGreaterThan(previous), instalment.toString());
      previous = instalment.interest();
    }
  }

  @Property
  void dueDatesStartOnTheFirstDueDateAndFollowTheFrequency(@ForAll("terms") LoanTerms terms) {
    assertEquals(terms.firstDueDate(), terms.schedule().instalment(1).dueDate());
    LocalDate previous = terms.disbursementDate();
    for (Instalment instalment : terms.schedule().instalments()) {
      assertTrue(instalment.dueDate().isAfter(previous));
      if (terms.frequency() != Frequency.MONTHLY) {
        assertEquals(previous.equals(terms.disbursementDate()) ? terms.firstDueDate() : previous.plusDays(
            terms.frequency().period().getDays()), instalment.dueDate());
      } else {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(previous.withDayOfMonth(1), instalment.dueDate().withDayOfMonth(1));
        assertEquals(instalment.number() == 1 ? months : 1, months, "one calendar month after the one before");
      }
      previous = instalment.dueDate();
    }
  }

  /** The repaying instalments but the last: those the method keeps equal. */
  private static List<Instalment> regular(LoanTerms terms) {
    return terms.schedule().instalments().subList(terms.interestOnlyInstalments(), terms.instalmentCount() - 1);
  }

  private static boolean isMultiple(Money amount, Money multiple) {
    return amount.getAmount().remainder(multiple.getAmount()).signum() == 0;
  }
}
