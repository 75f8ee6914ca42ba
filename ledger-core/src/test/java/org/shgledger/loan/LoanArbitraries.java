package org.shgledger.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.joda.money.Money;
import org.shgledger.money.RoundingPolicy;

/**
 * Generators of loan terms for the properties: every method, frequency, basis and rounding, with
 * principals large enough for their instalment multiple that most terms are valid. Terms whose
 * rounding cannot repay the loan are refused by {@link LoanTerms} and left out here.
 */
public final class LoanArbitraries {

  private LoanArbitraries() {}

  /** The choices that do not depend on one another. */
  record Shape(
      RepaymentMethod method,
      int instalmentCount,
      Frequency frequency,
      InterestRate rate,
      Money multiple,
      RoundingMode instalmentRounding,
      RoundingPolicy interestRounding,
      InterestBasis basis) {}

  /**
   * Valid scheduled terms of every shape.
   *
   * @return the generator
   */
  public static Arbitrary<LoanTerms> terms() {
    return shapes().flatMap(shape -> Combinators.combine(
            Arbitraries.integers().between(20, 5_000),
            Arbitraries.longs().between(0, 99),
            // Most loans have no interest-only instalments.
            Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, Math.min(shape.instalmentCount() - 1, 6)))),
            Arbitraries.integers().between(0, 60),
            dates())
        .<Optional<LoanTerms>>as((factor, extraPercent, interestOnly, firstDueDays, disbursed) ->
            build(shape, factor, extraPercent, interestOnly, firstDueDays, disbursed)))
        .filter(Optional::isPresent)
        .map(Optional::get)
        // The combinations of edge cases outnumber the tries; zero rates and single instalments,
        // the edges that matter, are generated on purpose instead.
        .withoutEdgeCases();
  }

  static Arbitrary<Shape> shapes() {
    return Combinators.combine(
            Arbitraries.of(RepaymentMethod.values()),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(10, Arbitraries.integers().between(2, 36)),
                Tuple.of(4, Arbitraries.integers().between(37, 240))),
            Arbitraries.of(Frequency.values()),
            rates(),
            Arbitraries.of("0.01", "1", "5", "10", "100").map(Loans::inr),
            Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.UP,
                RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR),
            Arbitraries.of(
                RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN),
                RoundingPolicy.minorUnits(RoundingMode.HALF_UP),
                RoundingPolicy.wholeUnits(RoundingMode.HALF_EVEN),
                RoundingPolicy.wholeUnits(RoundingMode.UP)),
            Arbitraries.of(InterestBasis.values()))
        .as(Shape::new);
  }

  static Arbitrary<InterestRate> rates() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(InterestRate.perYear(BigDecimal.ZERO))),
        Tuple.of(10, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(2).map(InterestRate::perMonth)),
        Tuple.of(10, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60")).ofScale(3)
            .map(InterestRate::perYear)));
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 40 * 365).map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
  }

  /**
   * Terms with a principal of about {@code factor} multiples an instalment, the first due date
   * {@code firstDueDays} after disbursement (0: one period after), or empty if refused.
   */
  private static Optional<LoanTerms> build(
      Shape shape, int factor, long extraPercent, int interestOnly, int firstDueDays, LocalDate disbursed) {
    Money perInstalment = shape.multiple().multipliedBy(factor);
    Money principal = perInstalment.multipliedBy(shape.instalmentCount())
        .plus(perInstalment.multipliedBy(extraPercent).dividedBy(100, RoundingMode.DOWN));
    if (principal.getAmountMinorLong() > Loan.MAX_PRINCIPAL_MINOR) {
      return Optional.empty();
    }
    try {
      LoanTerms terms =
          LoanTerms.of(principal, shape.rate(), shape.method(), shape.instalmentCount(), shape.frequency(), disbursed)
              .withInstalmentRounding(shape.instalmentRounding())
              .withInterestRounding(shape.interestRounding())
              .withInterestBasis(shape.basis())
              .withInterestOnlyInstalments(interestOnly)
              .withInstalmentMultiple(shape.multiple());
      if (firstDueDays > 0) {
        terms = terms.withFirstDueDate(disbursed.plusDays(firstDueDays));
      }
      return Optional.of(terms);
    } catch (IllegalArgumentException refused) {
      return Optional.empty();
    }
  }
}
