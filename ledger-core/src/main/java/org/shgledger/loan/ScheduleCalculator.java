package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * Builds the schedule of {@link LoanTerms}: the formulas and rounding described there. Every
 * instalment after the interest-only ones must repay some principal, and none but the last may
 * repay all that is left; terms that break this are refused, because their rounding (or a long
 * first period) would end the loan early, or let the balance grow.
 */
final class ScheduleCalculator {

  private ScheduleCalculator() {}

  static Schedule schedule(LoanTerms terms) {
    try {
      return new Schedule(terms, instalments(terms));
    } catch (ArithmeticException unnecessaryRounding) {
      throw new IllegalArgumentException(
          "the loan needs rounding but a rounding mode is UNNECESSARY: " + terms, unnecessaryRounding);
    }
  }

  private static List<Instalment> instalments(LoanTerms terms) {
    Money principal = terms.principal();
    int count = terms.instalmentCount();
    int repaying = count - terms.interestOnlyInstalments();
    Money equalPart = terms.fixedInstalment().orElseGet(() -> equalPart(terms, repaying));
    boolean paymentIsEqual = terms.method() == RepaymentMethod.EMI || terms.fixedInstalment().isPresent();
    List<Instalment> instalments = new ArrayList<>(count);
    Money balance = principal;
    LocalDate periodStart = terms.disbursementDate();
    for (int number = 1; number <= count; number++) {
      LocalDate dueDate = dueDate(terms, number);
      Money interestBase = terms.method() == RepaymentMethod.FLAT ? principal : balance;
      Money interest = interest(terms, interestBase, periodStart, dueDate);
      Money repaid;
      if (number <= terms.interestOnlyInstalments()) {
        repaid = Money.zero(principal.getCurrencyUnit());
      } else if (number == count) {
        repaid = balance;
      } else if (paymentIsEqual) {
        repaid = equalPart.minus(interest);
      } else {
        repaid = equalPart;
      }
      checkRepaid(terms, number, repaid, balance, interest);
      balance = balance.minus(repaid);
      instalments.add(new Instalment(number, dueDate, repaid, interest, repaid.plus(interest), balance));
      periodStart = dueDate;
    }
    return instalments;
  }

  /**
   * The number of instalments a fixed instalment takes to repay the terms' principal: the
   * interest-only ones, then as many as the amount needs, the last paying what is left.
   */
  static int instalmentsFor(LoanTerms terms, Money instalment) {
    Money principal = terms.principal();
    Money balance = principal;
    LocalDate periodStart = terms.disbursementDate();
    for (int number = 1; number <= LoanTerms.MAX_INSTALMENTS; number++) {
      LocalDate dueDate = dueDate(terms, number);
      Money base = terms.method() == RepaymentMethod.FLAT ? principal : balance;
      Money interest = interest(terms, base, periodStart, dueDate);
      periodStart = dueDate;
      if (number <= terms.interestOnlyInstalments()) {
        continue;
      }
      if (!balance.plus(interest).isGreaterThan(instalment)) {
        return number;
      }
      Money repaid = instalment.minus(interest);
      if (!repaid.isPositive()) {
        throw new IllegalArgumentException("an instalment of " + withCurrency(instalment)
            + " repays no principal: instalment "
            + number + "'s interest is " + withCurrency(interest));
      }
      balance = balance.minus(repaid);
    }
    throw new IllegalArgumentException("an instalment of " + withCurrency(instalment) + " would take more than "
        + LoanTerms.MAX_INSTALMENTS + " instalments to repay " + withCurrency(principal));
  }

  /** Counted from the disbursement date when the first due date is the default (see LoanTerms). */
  static LocalDate dueDate(LoanTerms terms, int number) {
    Frequency frequency = terms.frequency();
    LocalDate disbursed = terms.disbursementDate();
    return terms.firstDueDate().equals(frequency.plusPeriods(disbursed, 1))
        ? frequency.plusPeriods(disbursed, number)
        : frequency.plusPeriods(terms.firstDueDate(), number - 1L);
  }

  /** EMI: the payment; flat and equal principal: the principal of each repaying instalment. */
  private static Money equalPart(LoanTerms terms, int repaying) {
    BigDecimal principal = terms.principal().getAmount();
    BigDecimal exact;
    BigDecimal rate = terms.rate().periodRate(terms.frequency());
    if (terms.method() == RepaymentMethod.EMI && rate.signum() > 0) {
      // A = P·r·(1 + r)^m / ((1 + r)^m − 1), the same as P·r / (1 − (1 + r)^−m) without a reciprocal.
      BigDecimal growth = BigDecimal.ONE.add(rate).pow(repaying, MathContext.DECIMAL128);
      exact = principal.multiply(rate).multiply(growth)
          .divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL128);
    } else {
      exact = principal.divide(BigDecimal.valueOf(repaying), MathContext.DECIMAL128);
    }
    return toMultiple(exact, terms.instalmentMultiple(), terms.instalmentRounding());
  }

  // RoundingPolicy rounds to paise or whole units; a multiple such as ₹5 or ₹10 needs this one
  // more step: count the multiples, round the count, multiply back.
  private static Money toMultiple(BigDecimal amount, Money multiple, RoundingMode mode) {
    BigDecimal count = amount.divide(multiple.getAmount(), MathContext.DECIMAL128).setScale(0, mode);
    return multiple.multipliedBy(count.longValueExact());
  }

  static Money interest(LoanTerms terms, Money base, LocalDate periodStart, LocalDate dueDate) {
    return switch (terms.interestBasis()) {
      case PERIOD -> terms.rate().interestForPeriod(base, terms.frequency(), terms.interestRounding());
      case ACTUAL_365 -> terms.rate().interestForDays(
          base, ChronoUnit.DAYS.between(periodStart, dueDate), terms.interestRounding());
    };
  }

  private static void checkRepaid(LoanTerms terms, int number, Money repaid, Money balance, Money interest) {
    if (number <= terms.interestOnlyInstalments()) {
      return;
    }
    if (!repaid.isPositive()) {
      throw new IllegalArgumentException(
          "instalment " + number + " would repay no principal (" + withCurrency(repaid) + ", interest "
              + withCurrency(interest)
              + "): the instalment multiple " + withCurrency(terms.instalmentMultiple()) + " rounded "
              + terms.instalmentRounding() + " is too small for these terms"
              + (terms.interestBasis() == InterestBasis.ACTUAL_365 ? ", or the period too long" : ""));
    }
    if (number < terms.instalmentCount() && !repaid.isLessThan(balance)) {
      throw new IllegalArgumentException(
          "the loan would be repaid by instalment " + number + " of " + terms.instalmentCount()
              + ": the instalment multiple " + withCurrency(terms.instalmentMultiple()) + " rounded "
              + terms.instalmentRounding() + " is too coarse for a principal of " + withCurrency(terms.principal()));
    }
  }
}
