package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.loan.Loans.inr;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The effective rate printed beside a flat rate (issue 14). */
class EffectiveRateTest {

  static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

  @Test
  void aDecliningBalanceLoanCostsItsOwnRate() {
    LoanTerms emi = LoanTerms.of(inr("12000"), InterestRate.perYear(new BigDecimal("24")), RepaymentMethod.EMI, 12,
        Frequency.MONTHLY, APRIL_1);
    assertEquals(new BigDecimal("24.00"), EffectiveRate.annualPercent(emi.schedule()));
  }

  @Test
  void aFlatRateCostsNearlyTwiceAsMuchOnTheDecliningBalance() {
    // 1 % a month flat over a year on 10,000: the textbook 21.45 % with equal instalments; the
    // schedule's paise rounding, taken up by the last instalment, makes it 21.46
    LoanTerms flat = LoanTerms.of(inr("10000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 12,
        Frequency.MONTHLY, APRIL_1);
    assertEquals(new BigDecimal("21.46"), EffectiveRate.annualPercent(flat.schedule()));
  }

  @Test
  void aFreeLoanCostsNothing() {
    LoanTerms free = LoanTerms.of(inr("900"), InterestRate.perMonth(BigDecimal.ZERO), RepaymentMethod.FLAT, 3,
        Frequency.WEEKLY, APRIL_1);
    assertEquals(new BigDecimal("0.00"), EffectiveRate.annualPercent(free.schedule()).setScale(2));
  }
}
