package org.shgledger.loan;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The instalments of a loan made on {@link LoanTerms}, in due-date order, and their totals. Made
 * only by {@link LoanTerms#schedule()}, so it always agrees with its terms: the principal column
 * sums to the loan exactly, the balance never rises and ends at zero.
 */
public final class Schedule {

  private final LoanTerms terms;
  private final List<Instalment> instalments;
  private final Money totalPrincipal;
  private final Money totalInterest;

  Schedule(LoanTerms terms, List<Instalment> instalments) {
    this.terms = Objects.requireNonNull(terms, "terms");
    this.instalments = List.copyOf(instalments);
    Money zero = Money.zero(terms.currency());
    this.totalPrincipal = this.instalments.stream().map(Instalment::principal).reduce(zero, Money::plus);
    this.totalInterest = this.instalments.stream().map(Instalment::interest).reduce(zero, Money::plus);
    if (!totalPrincipal.equals(terms.principal())) {
      throw new IllegalStateException("schedule principal " + totalPrincipal + " differs from the loan " + terms.principal());
    }
  }

  /**
   * The terms this schedule was made from.
   *
   * @return the terms, not null
   */
  public LoanTerms terms() {
    return terms;
  }

  /**
   * The instalments, first due first.
   *
   * @return an unmodifiable list of {@link LoanTerms#instalmentCount()} instalments, not null
   */
  public List<Instalment> instalments() {
    return instalments;
  }

  /**
   * One instalment by its number.
   *
   * @param number from 1 to the number of instalments
   * @return the instalment, not null
   * @throws IndexOutOfBoundsException if there is no instalment with that number
   */
  public Instalment instalment(int number) {
    if (number < 1 || number > instalments.size()) {
      throw new IndexOutOfBoundsException(
          "instalment " + number + " of a schedule of " + instalments.size());
    }
    return instalments.get(number - 1);
  }

  /**
   * The principal repaid over the schedule: always the loan's principal.
   *
   * @return the total, not null
   */
  public Money totalPrincipal() {
    return totalPrincipal;
  }

  /**
   * The interest paid over the schedule.
   *
   * @return the total, zero or more, not null
   */
  public Money totalInterest() {
    return totalInterest;
  }

  /**
   * Everything paid over the schedule: principal plus interest.
   *
   * @return the total, not null
   */
  public Money totalPayment() {
    return totalPrincipal.plus(totalInterest);
  }

  /**
   * The due date of the last instalment, when the loan is repaid if paid as agreed.
   *
   * @return the date, not null
   */
  public LocalDate lastDueDate() {
    return instalments.get(instalments.size() - 1).dueDate();
  }

  /**
   * Whether the other object is a schedule of equal terms (and so of equal instalments).
   *
   * @param other the object, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule that && terms.equals(that.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /**
   * A one-line summary.
   *
   * @return the number of instalments, the totals and the terms, not null
   */
  @Override
  public String toString() {
    return instalments.size() + " instalments, principal " + totalPrincipal + ", interest "
        + totalInterest + " (" + terms + ")";
  }
}
