package org.shgledger.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.report.BalanceSheet;
import org.shgledger.report.IncomeAndExpenditure;
import org.shgledger.report.Reports;

/**
 * What a unit's groups add up to: the consolidated statement (balance sheet and income and
 * expenditure by account code, groups and members counted) of every group in the unit and the
 * units under it, each currency apart. The rules are in docs/units.md.
 *
 * <p>Each group's figures are exactly its group statement's ({@link Reports#balanceSheet}, read
 * from the journal's trial balance, and {@link Reports#incomeAndExpenditure}), so the unit's totals
 * equal the sum of its groups' statements. Each group is read as one unit of work ({@link
 * SavingsGroups#atomically}), so its figures are of one state of its books.
 */
public final class UnitReports {

  private static final Map<AccountCode, String> STANDARD_NAMES = new TreeMap<>();

  static {
    for (Account account : Chart.standardAccounts(BookId.of("CHART"), CurrencyUnit.of("INR"))) {
      STANDARD_NAMES.put(account.code(), account.name());
    }
  }

  private final Units units;
  private final Reports reports;

  /**
   * Creates the reports over a unit registry and its engine.
   *
   * @param units the units, not null
   */
  public UnitReports(Units units) {
    this.units = Objects.requireNonNull(units, "units");
    this.reports = new Reports(units.groups());
  }

  /**
   * The name of an account of the standard chart, which every group's book opens with.
   *
   * @param code a top-level account code, not null
   * @return its name in the standard chart, or empty for a code outside it (an account a group
   *     opened itself, whose name a unit report does not show)
   */
  public static Optional<String> standardName(AccountCode code) {
    return Optional.ofNullable(STANDARD_NAMES.get(Objects.requireNonNull(code, "code")));
  }

  /**
   * A unit's consolidated statement for a period.
   *
   * @param code the unit, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @return the statement, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public UnitStatement statement(UnitCode code, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    Unit unit = units.unit(code);
    Map<CurrencyUnit, List<GroupFigures>> byCurrency = new TreeMap<>();
    for (BookId group : units.groupsUnder(code)) {
      GroupFigures figures = figures(group, from, to);
      byCurrency.computeIfAbsent(figures.figures().currency(), c -> new ArrayList<>()).add(figures);
    }
    List<CurrencySection> sections = new ArrayList<>();
    byCurrency.forEach((currency, groups) -> sections.add(CurrencySection.of(currency, groups)));
    return new UnitStatement(unit, from, to, sections);
  }

  /**
   * One group's figures for a period: its balance sheet at the end, its income and expenditure,
   * and its members on the last day.
   *
   * @param code the group, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @return the figures, not null
   * @throws org.shgledger.group.GroupException {@link
   *     org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   */
  public GroupFigures figures(BookId code, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    SavingsGroups groups = units.groups();
    return groups.atomically(code, () -> {
      Group group = groups.group(code);
      BalanceSheet sheet = reports.balanceSheet(code, to);
      IncomeAndExpenditure account = reports.incomeAndExpenditure(code, from, to);
      int members = (int) groups.registry().members(code).stream().filter(m -> m.isMemberOn(to)).count();
      return new GroupFigures(code, group.name(), Figures.ofGroup(group.currency(), members, sheet, account));
    });
  }

  private static void requirePeriod(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
    }
  }
}
