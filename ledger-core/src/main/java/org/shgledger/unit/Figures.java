package org.shgledger.unit;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountCode;
import org.shgledger.report.BalanceSheet;
import org.shgledger.report.IncomeAndExpenditure;
import org.shgledger.report.ReportLine;

/**
 * The books of one group, or of several groups in one currency added up: the balance sheet at
 * the end of a period and the income and expenditure of the period, by top-level account code
 * (members' sub-ledgers counted in their control accounts), with how many groups and members they
 * cover. Nothing here names a member.
 *
 * <p>Amounts are those of the group statement ({@link org.shgledger.report.Reports#statement}):
 * balances on the account's normal side, year-end closings and share-outs left out of income and
 * expenditure. Only accounts with a non-zero amount are present.
 *
 * @param currency the currency of every amount, not null
 * @param groups how many groups the figures cover, 0 or more
 * @param members how many members those groups have on the last day of the period, 0 or more
 * @param assets asset balances by account code, not null; copied
 * @param liabilities liability balances by account code, not null; copied
 * @param equity equity balances (grants, accumulated surplus) by account code, not null; copied
 * @param unclosedSurplus income less expense not yet closed into 3100 at the end of the period,
 *     not null
 * @param income each income account's movement in the period, not null; copied
 * @param expenditure each expense account's movement in the period, not null; copied
 */
public record Figures(
    CurrencyUnit currency,
    int groups,
    int members,
    SortedMap<AccountCode, Money> assets,
    SortedMap<AccountCode, Money> liabilities,
    SortedMap<AccountCode, Money> equity,
    Money unclosedSurplus,
    SortedMap<AccountCode, Money> income,
    SortedMap<AccountCode, Money> expenditure) {

  /**
   * Creates figures.
   *
   * @param currency the currency of every amount, not null
   * @param groups how many groups the figures cover, 0 or more
   * @param members how many members those groups have on the last day of the period, 0 or more
   * @param assets asset balances by account code, not null; copied
   * @param liabilities liability balances by account code, not null; copied
   * @param equity equity balances (grants, accumulated surplus) by account code, not null; copied
   * @param unclosedSurplus income less expense not yet closed into 3100 at the end of the period,
   *     not null
   * @param income each income account's movement in the period, not null; copied
   * @param expenditure each expense account's movement in the period, not null; copied
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a count is negative or an amount is in another currency
   */
  public Figures {
    Objects.requireNonNull(currency, "currency");
    if (groups < 0 || members < 0) {
      throw new IllegalArgumentException("counts of groups and members are 0 or more: " + groups + ", " + members);
    }
    assets = copy(currency, assets);
    liabilities = copy(currency, liabilities);
    equity = copy(currency, equity);
    Objects.requireNonNull(unclosedSurplus, "unclosedSurplus");
    requireCurrency(currency, unclosedSurplus);
    income = copy(currency, income);
    expenditure = copy(currency, expenditure);
  }

  /**
   * Figures with nothing in them: the start of a sum.
   *
   * @param currency the currency, not null
   * @return the figures, not null
   */
  public static Figures none(CurrencyUnit currency) {
    Map<AccountCode, Money> empty = Map.of();
    return new Figures(currency, 0, 0, new TreeMap<>(empty), new TreeMap<>(empty), new TreeMap<>(empty),
        Money.zero(currency), new TreeMap<>(empty), new TreeMap<>(empty));
  }

  /**
   * One group's figures, from its statement's parts.
   *
   * @param currency the group's currency, not null
   * @param members its members on the last day of the period, 0 or more
   * @param sheet its balance sheet at the end of the period, not null
   * @param account its income and expenditure for the period, not null
   * @return the figures, counting one group, not null
   */
  public static Figures ofGroup(CurrencyUnit currency, int members, BalanceSheet sheet, IncomeAndExpenditure account) {
    return new Figures(currency, 1, members, byCode(sheet.assets()), byCode(sheet.liabilities()),
        byCode(sheet.equity()), sheet.unclosedSurplus(), byCode(account.income()), byCode(account.expenditure()));
  }

  /**
   * The sum of these figures and others in the same currency: counts added, amounts added by
   * account code.
   *
   * @param other the other figures, not null
   * @return the sum, not null
   * @throws IllegalArgumentException if the currencies differ: groups in different currencies are
   *     never added together
   */
  public Figures plus(Figures other) {
    Objects.requireNonNull(other, "other");
    if (!other.currency.equals(currency)) {
      throw new IllegalArgumentException(
          "figures in " + currency + " and " + other.currency + " are never added together");
    }
    return new Figures(currency, groups + other.groups, members + other.members,
        sum(assets, other.assets), sum(liabilities, other.liabilities), sum(equity, other.equity),
        unclosedSurplus.plus(other.unclosedSurplus), sum(income, other.income), sum(expenditure, other.expenditure));
  }

  /**
   * The sum of the assets.
   *
   * @return the total, not null
   */
  public Money totalAssets() {
    return total(assets);
  }

  /**
   * The sum of the liabilities.
   *
   * @return the total, not null
   */
  public Money totalLiabilities() {
    return total(liabilities);
  }

  /**
   * The sum of the equity accounts.
   *
   * @return the total, not null
   */
  public Money totalEquity() {
    return total(equity);
  }

  /**
   * The sum of the income accounts' movements.
   *
   * @return the total, not null
   */
  public Money totalIncome() {
    return total(income);
  }

  /**
   * The sum of the expense accounts' movements.
   *
   * @return the total, not null
   */
  public Money totalExpenditure() {
    return total(expenditure);
  }

  /**
   * Income less expenditure for the period.
   *
   * @return the surplus, negative for a deficit, not null
   */
  public Money surplus() {
    return totalIncome().minus(totalExpenditure());
  }

  /**
   * The members' savings: compulsory and voluntary (2000 + 2100).
   *
   * @return the savings, zero when there are none, not null
   */
  public Money membersSavings() {
    Money zero = Money.zero(currency);
    return liabilities.getOrDefault(Chart.COMPULSORY_SAVINGS, zero)
        .plus(liabilities.getOrDefault(Chart.VOLUNTARY_SAVINGS, zero));
  }

  /**
   * The loans to members outstanding (1200).
   *
   * @return the principal outstanding, zero when there is none, not null
   */
  public Money loansOutstanding() {
    return assets.getOrDefault(Chart.MEMBER_LOANS, Money.zero(currency));
  }

  /**
   * The amounts of one part of the figures by account code.
   *
   * @param part the part, not null
   * @return the part's amounts, not null
   */
  public SortedMap<AccountCode, Money> part(Part part) {
    return switch (part) {
      case ASSETS -> assets;
      case LIABILITIES -> liabilities;
      case EQUITY -> equity;
      case INCOME -> income;
      case EXPENDITURE -> expenditure;
    };
  }

  /** The parts of the figures that hold amounts by account code, in the order a statement shows them. */
  public enum Part {
    /** Asset balances. */
    ASSETS,
    /** Liability balances. */
    LIABILITIES,
    /** Equity balances. */
    EQUITY,
    /** Income movements. */
    INCOME,
    /** Expense movements. */
    EXPENDITURE
  }

  /**
   * Whether assets equal liabilities, equity and the surplus not yet closed: true for any sum of
   * sound groups' books.
   *
   * @return true when the balance sheet balances
   */
  public boolean balances() {
    return totalAssets().equals(totalLiabilities().plus(totalEquity()).plus(unclosedSurplus));
  }

  private Money total(Map<AccountCode, Money> amounts) {
    return amounts.values().stream().reduce(Money.zero(currency), Money::plus);
  }

  private static SortedMap<AccountCode, Money> byCode(List<ReportLine> lines) {
    SortedMap<AccountCode, Money> amounts = new TreeMap<>();
    for (ReportLine line : lines) {
      amounts.merge(line.code(), line.amount(), Money::plus);
    }
    return amounts;
  }

  /** Adds by code, leaving out codes whose amounts cancel: only non-zero amounts are present. */
  private static SortedMap<AccountCode, Money> sum(Map<AccountCode, Money> left, Map<AccountCode, Money> right) {
    SortedMap<AccountCode, Money> sum = new TreeMap<>(left);
    right.forEach((code, amount) -> sum.merge(code, amount, Money::plus));
    sum.values().removeIf(Money::isZero);
    return sum;
  }

  private static SortedMap<AccountCode, Money> copy(CurrencyUnit currency, SortedMap<AccountCode, Money> amounts) {
    Objects.requireNonNull(amounts, "amounts");
    SortedMap<AccountCode, Money> copy = new TreeMap<>();
    amounts.forEach((code, amount) -> {
      requireCurrency(currency, Objects.requireNonNull(amount, "amount"));
      if (!amount.isZero()) {
        copy.put(Objects.requireNonNull(code, "code"), amount);
      }
    });
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void requireCurrency(CurrencyUnit currency, Money amount) {
    if (!amount.getCurrencyUnit().equals(currency)) {
      throw new IllegalArgumentException("an amount of " + withCurrency(amount) + " among figures in " + currency);
    }
  }
}
