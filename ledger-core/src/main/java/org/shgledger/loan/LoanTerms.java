package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.joda.money.Money;
import org.shgledger.money.RoundingPolicy;

/**
 * The terms of a loan repaid by a fixed schedule of instalments, and that {@link #schedule()
 * schedule}.
 *
 * <p>Immutable. {@link #of(Money, InterestRate, RepaymentMethod, int, Frequency, LocalDate) of}
 * sets what every loan must say and the {@code with…} methods return a copy with one more term
 * set; {@link #of(Money, InterestRate, RepaymentMethod, int, Frequency, LocalDate, LocalDate, int,
 * Money, RoundingMode, RoundingPolicy, InterestBasis) of} with every term sets them all at once. Every instance is valid: the constructor builds the schedule, so terms
 * whose rounding could not repay the loan in the given number of instalments are refused when they
 * are made, never later.
 *
 * <p>The defaults, which every {@code with…} method can change:
 *
 * <ul>
 *   <li>first due date: one period after the disbursement date;
 *   <li>interest-only instalments: none;
 *   <li>instalment multiple: the currency's minor unit (₹0.01), rounding {@link
 *       RoundingMode#HALF_EVEN};
 *   <li>interest rounding: to the minor unit, {@link RoundingMode#HALF_EVEN};
 *   <li>interest basis: {@link InterestBasis#PERIOD}.
 * </ul>
 *
 * <p><b>The schedule.</b> With {@code n} instalments of which the first {@code g} are interest-only,
 * the loan is repaid over {@code m = n − g} instalments. Each period's interest is rounded by
 * {@link #interestRounding()} on its own. The {@link #instalmentMultiple() multiple} rounds the
 * amount the method keeps equal, with {@link #instalmentRounding()}:
 *
 * <ul>
 *   <li>{@link RepaymentMethod#FLAT}: interest = principal × period rate, the same every
 *       instalment, grace included; principal = P / m rounded to the multiple;
 *   <li>{@link RepaymentMethod#EMI}: payment = P·r / (1 − (1 + r)^−m) rounded to the multiple;
 *       interest = balance × r; principal = payment − interest;
 *   <li>{@link RepaymentMethod#EQUAL_PRINCIPAL}: principal = P / m rounded to the multiple;
 *       interest = balance × r.
 * </ul>
 *
 * <p><b>Due dates.</b> Instalments fall due one period apart. When the first due date is the
 * default, one period after disbursement, instalment {@code k} falls due {@code k} periods after the
 * disbursement date, so monthly instalments keep its day of the month: a loan paid out on 31 January
 * falls due on 28 February, 31 March, 30 April. When the first due date is set, instalment {@code
 * k} falls due {@code k − 1} periods after it.
 *
 * <p>An interest-only instalment pays the period's interest and no principal. The last instalment
 * repays whatever principal is left, with its interest, so the principal column sums to the loan
 * exactly and rounding never leaves a paisa behind. For example, 5,000 at 1 % a month over 18
 * months by EMI, instalments rounded half-even to whole rupees and interest half-even to paise:
 * 304.91 rounds to 305.00; instalment 1 is interest 50.00 + principal 255.00; instalments 2 to 17
 * are 305.00 too; the last is 303.22, and the interest totals 488.22.
 */
public final class LoanTerms implements Loan {

  /** The most instalments a loan may have: 50 years of monthly instalments. */
  public static final int MAX_INSTALMENTS = 600;

  /** The longest time from disbursement to the first due date, in days. */
  public static final int MAX_DAYS_TO_FIRST_DUE = 366;

  private static final RoundingPolicy DEFAULT_ROUNDING = RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN);

  private final Money principal;
  private final InterestRate rate;
  private final RepaymentMethod method;
  private final int instalmentCount;
  private final Frequency frequency;
  private final LocalDate disbursementDate;
  private final LocalDate firstDueDate;
  private final int interestOnlyInstalments;
  private final Money instalmentMultiple;
  private final RoundingMode instalmentRounding;
  private final RoundingPolicy interestRounding;
  private final InterestBasis interestBasis;
  // A fixed instalment (issue 14): every repaying instalment but the last pays it; null if none.
  private final Money fixedInstalment;
  private final Schedule schedule;

  /** The terms being made: a copy of other terms with one term changed, or the defaults. */
  private static final class Draft {
    Money principal;
    InterestRate rate;
    RepaymentMethod method;
    int instalmentCount;
    Frequency frequency;
    LocalDate disbursementDate;
    LocalDate firstDueDate;
    int interestOnlyInstalments;
    Money instalmentMultiple;
    RoundingMode instalmentRounding;
    RoundingPolicy interestRounding;
    InterestBasis interestBasis;
    Money fixedInstalment;
  }

  private LoanTerms(Draft draft) {
    Money principal = draft.principal;
    LocalDate disbursementDate = draft.disbursementDate;
    LocalDate firstDueDate = draft.firstDueDate;
    Money instalmentMultiple = draft.instalmentMultiple;
    int instalmentCount = draft.instalmentCount;
    int interestOnlyInstalments = draft.interestOnlyInstalments;
    this.principal = LoanChecks.principal(principal);
    this.rate = Objects.requireNonNull(draft.rate, "rate");
    this.method = Objects.requireNonNull(draft.method, "method");
    this.frequency = Objects.requireNonNull(draft.frequency, "frequency");
    this.disbursementDate = LoanChecks.disbursementDate(disbursementDate);
    this.firstDueDate = Objects.requireNonNull(firstDueDate, "firstDueDate");
    this.instalmentMultiple = Objects.requireNonNull(instalmentMultiple, "instalmentMultiple");
    this.instalmentRounding = Objects.requireNonNull(draft.instalmentRounding, "instalmentRounding");
    this.interestRounding = Objects.requireNonNull(draft.interestRounding, "interestRounding");
    this.interestBasis = Objects.requireNonNull(draft.interestBasis, "interestBasis");
    this.fixedInstalment = draft.fixedInstalment;
    if (fixedInstalment != null && (!fixedInstalment.getCurrencyUnit().equals(principal.getCurrencyUnit())
        || !fixedInstalment.isPositive() || method == RepaymentMethod.EQUAL_PRINCIPAL)) {
      throw new IllegalArgumentException("a fixed instalment is a positive amount in " + principal.getCurrencyUnit()
          + " on an EMI or flat loan (equal principal keeps the principal equal): "
          + withCurrency(fixedInstalment) + ", " + method);
    }
    if (instalmentCount < 1 || instalmentCount > MAX_INSTALMENTS) {
      throw new IllegalArgumentException(
          "a loan has between 1 and " + MAX_INSTALMENTS + " instalments, not " + instalmentCount);
    }
    this.instalmentCount = instalmentCount;
    if (interestOnlyInstalments < 0 || interestOnlyInstalments >= instalmentCount) {
      throw new IllegalArgumentException(
          "interest-only instalments must be from 0 to one fewer than the " + instalmentCount
              + " instalments, so that one repays principal: " + interestOnlyInstalments);
    }
    this.interestOnlyInstalments = interestOnlyInstalments;
    long daysToFirstDue = ChronoUnit.DAYS.between(disbursementDate, firstDueDate);
    if (daysToFirstDue < 1 || daysToFirstDue > MAX_DAYS_TO_FIRST_DUE) {
      throw new IllegalArgumentException(
          "the first due date " + firstDueDate + " must be from 1 to " + MAX_DAYS_TO_FIRST_DUE
              + " days after the disbursement date " + disbursementDate);
    }
    if (!instalmentMultiple.getCurrencyUnit().equals(principal.getCurrencyUnit())
        || !instalmentMultiple.isPositive()
        || instalmentMultiple.isGreaterThan(principal)) {
      throw new IllegalArgumentException(
          "the instalment multiple must be a positive amount in " + principal.getCurrencyUnit()
              + " no larger than the principal " + withCurrency(principal) + ": " + withCurrency(instalmentMultiple));
    }
    this.schedule = ScheduleCalculator.schedule(this);
  }

  /**
   * Terms with what every loan must say; the rest takes the defaults listed above.
   *
   * @param principal the amount lent, positive, at most {@link #MAX_PRINCIPAL_MINOR} minor units,
   *     not null
   * @param rate the interest rate, not null
   * @param method how the loan is repaid, not null
   * @param instalmentCount the number of instalments, from 1 to {@value #MAX_INSTALMENTS}
   * @param frequency how often instalments fall due, not null
   * @param disbursementDate the day the money is paid out, from {@link #MIN_DISBURSEMENT_DATE} to
   *     {@link #MAX_DISBURSEMENT_DATE}, not null
   * @return the terms, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a term is out of its range, or the loan cannot be repaid
   *     in the instalments asked for (see {@link #schedule()})
   */
  public static LoanTerms of(
      Money principal,
      InterestRate rate,
      RepaymentMethod method,
      int instalmentCount,
      Frequency frequency,
      LocalDate disbursementDate) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(frequency, "frequency");
    LoanChecks.disbursementDate(disbursementDate);
    return of(principal, rate, method, instalmentCount, frequency, disbursementDate,
        frequency.plusPeriods(disbursementDate, 1), 0, DEFAULT_ROUNDING.step(principal.getCurrencyUnit()),
        DEFAULT_ROUNDING.mode(), DEFAULT_ROUNDING, InterestBasis.PERIOD);
  }

  /**
   * Terms with every term given at once, checked as a whole: what a store that kept each term
   * reads back. Unlike a chain of {@code with…} calls, no term is checked against defaults that
   * a later one replaces (a coarse instalment multiple that fits only the rounding given with it).
   *
   * @param principal the amount lent, positive, at most {@link #MAX_PRINCIPAL_MINOR} minor units,
   *     not null
   * @param rate the interest rate, not null
   * @param method how the loan is repaid, not null
   * @param instalmentCount the number of instalments, from 1 to {@value #MAX_INSTALMENTS}
   * @param frequency how often instalments fall due, not null
   * @param disbursementDate the day the money is paid out, from {@link #MIN_DISBURSEMENT_DATE} to
   *     {@link #MAX_DISBURSEMENT_DATE}, not null
   * @param firstDueDate the first instalment's due date, 1 to {@value #MAX_DAYS_TO_FIRST_DUE} days
   *     after the disbursement date, not null
   * @param interestOnlyInstalments how many instalments at the start pay interest only, from 0 to
   *     one fewer than {@code instalmentCount}
   * @param instalmentMultiple what the instalments are rounded to a multiple of, positive, in the
   *     principal's currency, at most the principal, not null
   * @param instalmentRounding how instalments are rounded to the multiple, not null
   * @param interestRounding how each period's interest is rounded, not null
   * @param interestBasis how each period's interest is computed, not null
   * @return the terms, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a term is out of its range, or the loan cannot be repaid
   *     in the instalments asked for (see {@link #schedule()})
   */
  public static LoanTerms of(
      Money principal,
      InterestRate rate,
      RepaymentMethod method,
      int instalmentCount,
      Frequency frequency,
      LocalDate disbursementDate,
      LocalDate firstDueDate,
      int interestOnlyInstalments,
      Money instalmentMultiple,
      RoundingMode instalmentRounding,
      RoundingPolicy interestRounding,
      InterestBasis interestBasis) {
    Draft draft = new Draft();
    draft.principal = principal;
    draft.rate = rate;
    draft.method = method;
    draft.instalmentCount = instalmentCount;
    draft.frequency = frequency;
    draft.disbursementDate = disbursementDate;
    draft.firstDueDate = firstDueDate;
    draft.interestOnlyInstalments = interestOnlyInstalments;
    draft.instalmentMultiple = instalmentMultiple;
    draft.instalmentRounding = instalmentRounding;
    draft.interestRounding = interestRounding;
    draft.interestBasis = interestBasis;
    return new LoanTerms(draft);
  }

  /** A copy of these terms with one term changed by {@code change}, checked as new terms are. */
  private LoanTerms with(Consumer<Draft> change) {
    Draft draft = new Draft();
    draft.principal = principal;
    draft.rate = rate;
    draft.method = method;
    draft.instalmentCount = instalmentCount;
    draft.frequency = frequency;
    draft.disbursementDate = disbursementDate;
    draft.firstDueDate = firstDueDate;
    draft.interestOnlyInstalments = interestOnlyInstalments;
    draft.instalmentMultiple = instalmentMultiple;
    draft.instalmentRounding = instalmentRounding;
    draft.interestRounding = interestRounding;
    draft.interestBasis = interestBasis;
    draft.fixedInstalment = fixedInstalment;
    change.accept(draft);
    return new LoanTerms(draft);
  }

  /**
   * A copy with another first due date; the others follow it at the frequency.
   *
   * @param firstDueDate from 1 to {@value #MAX_DAYS_TO_FIRST_DUE} days after the disbursement
   *     date, not null
   * @return the new terms, not null
   * @throws IllegalArgumentException if the date is out of range or the schedule cannot be built
   */
  public LoanTerms withFirstDueDate(LocalDate firstDueDate) {
    return with(draft -> draft.firstDueDate = firstDueDate);
  }

  /**
   * These terms with a fixed instalment (issue 14): after the interest-only ones, every instalment
   * pays this amount, its interest first (the period's on the balance, or a flat loan's flat
   * interest) and the rest principal; the number of instalments follows from it, and the last
   * pays what is left, no more than the others. EMI and flat loans only. The rounding multiple no
   * longer applies to the instalment, which is exact.
   *
   * @param instalment the amount of each instalment, positive, in the loan's currency, not null
   * @return the terms, with the number of instalments the amount takes, not null
   * @throws IllegalArgumentException if the method is equal principal, the amount repays no
   *     principal in some period, or the loan would take more than {@value #MAX_INSTALMENTS}
   *     instalments
   */
  public LoanTerms withFixedInstalment(Money instalment) {
    Objects.requireNonNull(instalment, "instalment");
    int count = ScheduleCalculator.instalmentsFor(this, instalment);
    return with(draft -> {
      draft.fixedInstalment = instalment;
      draft.instalmentCount = count;
    });
  }

  /**
   * A copy whose first instalments pay interest only (a grace period on principal).
   *
   * @param interestOnlyInstalments from 0 to one fewer than the number of instalments
   * @return the new terms, not null
   * @throws IllegalArgumentException if the number is out of range or the schedule cannot be built
   */
  public LoanTerms withInterestOnlyInstalments(int interestOnlyInstalments) {
    return with(draft -> draft.interestOnlyInstalments = interestOnlyInstalments);
  }

  /**
   * A copy whose equal part (see above) is rounded to a multiple of this amount, such as ₹1 for a
   * group that keeps its registers in whole rupees.
   *
   * @param instalmentMultiple positive, in the loan's currency, at most the principal, not null
   * @return the new terms, not null
   * @throws IllegalArgumentException if the multiple is out of range, or so coarse that the
   *     rounded instalments would repay the loan early or not at all
   */
  public LoanTerms withInstalmentMultiple(Money instalmentMultiple) {
    return with(draft -> draft.instalmentMultiple = instalmentMultiple);
  }

  /**
   * A copy that rounds the equal part to the instalment multiple in this direction.
   *
   * @param instalmentRounding the direction, not null; {@link RoundingMode#UNNECESSARY} accepts
   *     only terms that need no rounding
   * @return the new terms, not null
   * @throws IllegalArgumentException if the schedule cannot be built with this rounding
   */
  public LoanTerms withInstalmentRounding(RoundingMode instalmentRounding) {
    return with(draft -> draft.instalmentRounding = instalmentRounding);
  }

  /**
   * A copy that rounds each period's interest with this policy.
   *
   * @param interestRounding the policy, not null
   * @return the new terms, not null
   * @throws IllegalArgumentException if the schedule cannot be built with this rounding
   */
  public LoanTerms withInterestRounding(RoundingPolicy interestRounding) {
    return with(draft -> draft.interestRounding = interestRounding);
  }

  /**
   * A copy that measures each period's interest this way.
   *
   * @param interestBasis the basis, not null
   * @return the new terms, not null
   * @throws IllegalArgumentException if the schedule cannot be built on this basis (a long first
   *     period on actual days can cost more interest than an EMI pays)
   */
  public LoanTerms withInterestBasis(InterestBasis interestBasis) {
    return with(draft -> draft.interestBasis = interestBasis);
  }

  /**
   * The schedule of instalments these terms give: built once, when the terms were made.
   *
   * @return the schedule, not null
   */
  public Schedule schedule() {
    return schedule;
  }

  @Override
  public Money principal() {
    return principal;
  }

  @Override
  public InterestRate rate() {
    return rate;
  }

  /**
   * How the loan is repaid.
   *
   * @return the method, not null
   */
  public RepaymentMethod method() {
    return method;
  }

  /**
   * The number of instalments, interest-only ones included.
   *
   * @return from 1 to {@value #MAX_INSTALMENTS}
   */
  public int instalmentCount() {
    return instalmentCount;
  }

  /**
   * How often instalments fall due.
   *
   * @return the frequency, not null
   */
  public Frequency frequency() {
    return frequency;
  }

  @Override
  public LocalDate disbursementDate() {
    return disbursementDate;
  }

  /**
   * The due date of the first instalment.
   *
   * @return the date, after the disbursement date, not null
   */
  public LocalDate firstDueDate() {
    return firstDueDate;
  }

  /**
   * How many of the first instalments pay interest only.
   *
   * @return from 0 to {@link #instalmentCount()} − 1
   */
  public int interestOnlyInstalments() {
    return interestOnlyInstalments;
  }

  /**
   * The amount the equal part of each instalment is a multiple of.
   *
   * @return the multiple, positive, not null
   */
  public Money instalmentMultiple() {
    return instalmentMultiple;
  }

  /**
   * The direction the equal part is rounded to its multiple.
   *
   * @return the rounding mode, not null
   */
  public RoundingMode instalmentRounding() {
    return instalmentRounding;
  }

  @Override
  public RoundingPolicy interestRounding() {
    return interestRounding;
  }

  /**
   * How each period's interest is measured.
   *
   * @return the basis, not null
   */
  public InterestBasis interestBasis() {
    return interestBasis;
  }

  /**
   * The fixed instalment, if the loan has one ({@link #withFixedInstalment}).
   *
   * @return the amount every repaying instalment but the last pays, or empty, not null
   */
  public Optional<Money> fixedInstalment() {
    return Optional.ofNullable(fixedInstalment);
  }

  /**
   * Whether the other object is terms with every term equal.
   *
   * @param other the object, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof LoanTerms that
        && principal.equals(that.principal)
        && rate.equals(that.rate)
        && method == that.method
        && instalmentCount == that.instalmentCount
        && frequency == that.frequency
        && disbursementDate.equals(that.disbursementDate)
        && firstDueDate.equals(that.firstDueDate)
        && interestOnlyInstalments == that.interestOnlyInstalments
        && instalmentMultiple.equals(that.instalmentMultiple)
        && instalmentRounding == that.instalmentRounding
        && interestRounding.equals(that.interestRounding)
        && interestBasis == that.interestBasis
        && Objects.equals(fixedInstalment, that.fixedInstalment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(principal, rate, method, instalmentCount, frequency, disbursementDate,
        firstDueDate, interestOnlyInstalments, instalmentMultiple, instalmentRounding,
        interestRounding, interestBasis, fixedInstalment);
  }

  /**
   * The terms in words, for logs and messages.
   *
   * @return for example {@code "INR 5000.00 at 1% a month, EMI, 18 MONTHLY instalments from
   *     2025-05-01 (disbursed 2025-04-01), ..."}
   */
  @Override
  public String toString() {
    return principal + " at " + rate + ", " + method + ", " + instalmentCount + " " + frequency
        + " instalments from " + firstDueDate + " (disbursed " + disbursementDate + "), "
        + interestOnlyInstalments + " interest-only, instalments in multiples of "
        + instalmentMultiple + " rounded " + instalmentRounding + ", interest rounded "
        + interestRounding.unit() + " " + interestRounding.mode() + " on " + interestBasis
        + (fixedInstalment == null ? "" : ", a fixed instalment of " + fixedInstalment);
  }
}
