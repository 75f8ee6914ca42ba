package org.shgledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.BookId;

/**
 * A group's loans to members at the end of a day: each loan's standing, the totals, the portfolio
 * at risk, and demand, collection and balance for a period ending that day.
 *
 * <p><b>PAR30</b> is the outstanding principal of loans more than 30 days past due divided by the
 * total outstanding principal, as a fraction rounded half up to four decimal places (0.1234 is
 * 12.34 %); zero when nothing is outstanding.
 *
 * @param group the group, not null
 * @param asOf the day, inclusive, not null
 * @param periodFrom the first day of the DCB period, not after {@code asOf}, not null
 * @param loans every loan paid out on or before {@code asOf} whose disbursement stands, closed
 *     ones included, in id order, not null; copied
 * @param totalPrincipal the sum of the amounts lent, not null
 * @param totalOutstanding the sum of outstanding principal, not null
 * @param totalInterestDue the sum of interest due, not null
 * @param totalOverdue the sum of overdue amounts, not null
 * @param principalAtRisk30 outstanding principal of loans more than 30 days past due, not null
 * @param par30 {@code principalAtRisk30 ÷ totalOutstanding}, from 0 to 1, scale 4, not null
 * @param dcb the loans' demand, collection and balance added up, not null
 */
public record LoanPortfolio(
    BookId group,
    LocalDate asOf,
    LocalDate periodFrom,
    List<LoanLine> loans,
    Money totalPrincipal,
    Money totalOutstanding,
    Money totalInterestDue,
    Money totalOverdue,
    Money principalAtRisk30,
    BigDecimal par30,
    Dcb dcb) {

  /** Loans more than this many days past due are at risk in {@link #par30()}. */
  public static final int PAR_DAYS = 30;

  /** The decimal places of {@link #par30()}. */
  public static final int PAR_SCALE = 4;

  /**
   * Creates a portfolio.
   *
   * @param group the group, not null
   * @param asOf the day, inclusive, not null
   * @param periodFrom the first day of the DCB period, not after {@code asOf}, not null
   * @param loans every loan paid out on or before {@code asOf} whose disbursement stands, closed
   *     ones included, in id order, not null; copied
   * @param totalPrincipal the sum of the amounts lent, not null
   * @param totalOutstanding the sum of outstanding principal, not null
   * @param totalInterestDue the sum of interest due, not null
   * @param totalOverdue the sum of overdue amounts, not null
   * @param principalAtRisk30 outstanding principal of loans more than 30 days past due, not null
   * @param par30 {@code principalAtRisk30 ÷ totalOutstanding}, from 0 to 1, scale 4, not null
   * @param dcb the loans' demand, collection and balance added up, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the period ends before it starts
   */
  public LoanPortfolio {
    Objects.requireNonNull(group, "group");
    Reports.requirePeriod(periodFrom, asOf);
    loans = List.copyOf(loans);
    Objects.requireNonNull(totalPrincipal, "totalPrincipal");
    Objects.requireNonNull(totalOutstanding, "totalOutstanding");
    Objects.requireNonNull(totalInterestDue, "totalInterestDue");
    Objects.requireNonNull(totalOverdue, "totalOverdue");
    Objects.requireNonNull(principalAtRisk30, "principalAtRisk30");
    Objects.requireNonNull(par30, "par30");
    Objects.requireNonNull(dcb, "dcb");
  }

  /**
   * The portfolio at risk: a part of the outstanding principal as a fraction, rounded half up to
   * {@value #PAR_SCALE} places; zero for an empty portfolio.
   *
   * @param atRisk the principal at risk, not null
   * @param outstanding the total outstanding principal, not null
   * @return the fraction, not null
   */
  public static BigDecimal ratio(Money atRisk, Money outstanding) {
    if (outstanding.isZero()) {
      return BigDecimal.ZERO.setScale(PAR_SCALE);
    }
    return atRisk.getAmount().divide(outstanding.getAmount(), PAR_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * PAR30 in percent, two decimal places: {@code par30 × 100}.
   *
   * @return the percentage, not null
   */
  public BigDecimal par30Percent() {
    return par30.movePointRight(2);
  }
}
