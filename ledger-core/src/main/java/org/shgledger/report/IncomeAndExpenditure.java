package org.shgledger.report;

import java.util.List;
import org.joda.money.Money;

/**
 * What the group earned and spent in a period, by income and expense account, and the surplus
 * (or, when negative, the deficit). Year-end closing entries, which move the year's income and
 * expense into 3100 Accumulated surplus, and the income and expense lines of a share-out, which
 * move them into members' shares, are left out: they are no earning or spending, and would
 * otherwise cancel the year's income. Corrections count where they fall: the reversal of a fine
 * lowers the fines of its own period.
 *
 * @param income income accounts with a movement in the period, in code order, not null; copied
 * @param totalIncome their sum, not null
 * @param expenditure expense accounts with a movement in the period, in code order, not null;
 *     copied
 * @param totalExpenditure their sum, not null
 */
public record IncomeAndExpenditure(
    List<ReportLine> income, Money totalIncome, List<ReportLine> expenditure, Money totalExpenditure) {

  /**
   * Creates the account.
   *
   * @param income income accounts with a movement in the period, in code order, not null; copied
   * @param totalIncome their sum, not null
   * @param expenditure expense accounts with a movement in the period, in code order, not null;
   *     copied
   * @param totalExpenditure their sum, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a total is not the sum of its lines
   */
  public IncomeAndExpenditure {
    income = List.copyOf(income);
    expenditure = List.copyOf(expenditure);
    ReportLine.requireTotal("total income", income, totalIncome);
    ReportLine.requireTotal("total expenditure", expenditure, totalExpenditure);
  }

  /**
   * Income less expenditure.
   *
   * @return the surplus, negative for a deficit, not null
   */
  public Money surplus() {
    return totalIncome.minus(totalExpenditure);
  }

  /**
   * Whether the group spent more than it earned.
   *
   * @return true for a deficit
   */
  public boolean isDeficit() {
    return surplus().isNegative();
  }
}
