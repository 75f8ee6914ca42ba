package org.shgledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * What the group owns and owes at the end of a day: assets against liabilities and the group's
 * own funds. The income and expense not yet closed into 3100 (this year's, until the year end) is
 * shown as its own line, {@link #unclosedSurplus()}, so the sheet balances on any day.
 *
 * @param asOf the day, inclusive, not null
 * @param assets asset accounts with a balance, in code order, not null; copied
 * @param totalAssets their sum, not null
 * @param liabilities liability accounts with a balance, in code order, not null; copied
 * @param totalLiabilities their sum, not null
 * @param equity equity accounts (grants, accumulated surplus) with a balance, in code order, not
 *     null; copied
 * @param totalEquity their sum, not null
 * @param unclosedSurplus income less expense not yet closed into 3100, negative for a deficit,
 *     not null
 */
public record BalanceSheet(
    LocalDate asOf,
    List<ReportLine> assets,
    Money totalAssets,
    List<ReportLine> liabilities,
    Money totalLiabilities,
    List<ReportLine> equity,
    Money totalEquity,
    Money unclosedSurplus) {

  /**
   * Creates the sheet.
   *
   * @param asOf the day, inclusive, not null
   * @param assets asset accounts with a balance, in code order, not null; copied
   * @param totalAssets their sum, not null
   * @param liabilities liability accounts with a balance, in code order, not null; copied
   * @param totalLiabilities their sum, not null
   * @param equity equity accounts (grants, accumulated surplus) with a balance, in code order, not
   *     null; copied
   * @param totalEquity their sum, not null
   * @param unclosedSurplus income less expense not yet closed into 3100, negative for a deficit,
   *     not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a total is not the sum of its lines
   */
  public BalanceSheet {
    Objects.requireNonNull(asOf, "asOf");
    assets = List.copyOf(assets);
    liabilities = List.copyOf(liabilities);
    equity = List.copyOf(equity);
    ReportLine.requireTotal("total assets", assets, totalAssets);
    ReportLine.requireTotal("total liabilities", liabilities, totalLiabilities);
    ReportLine.requireTotal("total equity", equity, totalEquity);
    Objects.requireNonNull(unclosedSurplus, "unclosedSurplus");
  }

  /**
   * The other side of the sheet: liabilities, equity and the surplus not yet closed.
   *
   * @return the total, not null
   */
  public Money totalLiabilitiesAndFunds() {
    return totalLiabilities.plus(totalEquity).plus(unclosedSurplus);
  }

  /**
   * Whether assets equal liabilities plus the group's funds: the sheet's own check.
   *
   * @return true when the sheet balances
   */
  public boolean balances() {
    return totalAssets.equals(totalLiabilitiesAndFunds());
  }
}
