package org.shgledger.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.report.GroupStatement;
import org.shgledger.report.ReportLine;
import org.shgledger.report.Reports;

/**
 * A unit's consolidated statement: the sum of its groups' statements, account by account, over all
 * the units under it, each currency apart, and no member's name anywhere.
 */
class UnitStatementTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final CurrencyUnit USD = CurrencyUnit.of("USD");
  static final UnitCode FED = UnitCode.of("FED");
  static final UnitCode NORTH = UnitCode.of("CL-NORTH");
  static final UnitCode SOUTH = UnitCode.of("CL-SOUTH");
  // a financial year of the groups, which crosses the year-end closing of 31 March 2024
  static final LocalDate FROM = LocalDate.of(2023, 10, 1);
  static final LocalDate TO = LocalDate.of(2024, 9, 30);

  UnitLife life;
  UnitReports reports;

  @BeforeEach
  void federationOfFiveGroups() {
    life = new UnitLife();
    life.group(BookId.of("SHG01"), INR, 5, LocalDate.of(2023, 9, 5), 13, 0);
    life.group(BookId.of("SHG02"), INR, 4, LocalDate.of(2023, 11, 10), 10, 1);
    life.group(BookId.of("SHG03"), INR, 6, LocalDate.of(2023, 6, 3), 15, 2);
    life.group(BookId.of("SHG04"), INR, 3, LocalDate.of(2024, 1, 7), 8, 3);
    life.group(BookId.of("US01"), USD, 4, LocalDate.of(2023, 8, 2), 12, 4);
    Units units = life.units;
    units.createUnit(Unit.top(FED, "Mahila federation"));
    units.createUnit(Unit.under(NORTH, "North cluster", FED));
    units.createUnit(Unit.under(SOUTH, "South cluster", FED));
    units.addGroup(NORTH, BookId.of("SHG01"));
    units.addGroup(NORTH, BookId.of("SHG02"));
    units.addGroup(SOUTH, BookId.of("SHG03"));
    units.addGroup(SOUTH, BookId.of("US01"));
    units.addGroup(FED, BookId.of("SHG04"));
    reports = new UnitReports(units);
  }

  @Test
  void eachAccountLineHasEveryGroupsAmountAndTheirSumAndTheSummaryReadsTheStandardAccounts() {
    CurrencySection rupees = reports.statement(FED, FROM, TO).sections().get(0);

    for (Figures.Part part : Figures.Part.values()) {
      List<CurrencySection.AccountLine> lines = rupees.lines(part);
      assertEquals(List.copyOf(rupees.total().part(part).keySet()), lines.stream().map(CurrencySection.AccountLine::code).toList());
      for (CurrencySection.AccountLine line : lines) {
        assertEquals(rupees.groups().size(), line.byGroup().size(), "a column for every group, zero if it has none");
        assertEquals(line.total(), line.byGroup().stream().reduce(Money.zero(INR), Money::plus));
      }
    }
    for (GroupFigures group : rupees.groups()) {
      Figures figures = group.figures();
      Money zero = Money.zero(INR);
      assertEquals(figures.liabilities().getOrDefault(AccountCode.of("2000"), zero)
          .plus(figures.liabilities().getOrDefault(AccountCode.of("2100"), zero)), figures.membersSavings());
      assertEquals(figures.assets().getOrDefault(AccountCode.of("1200"), zero), figures.loansOutstanding());
    }
    assertTrue(rupees.total().membersSavings().isPositive());
  }

  @Test
  void theRollUpEqualsTheSumOfTheGroupStatementsAccountByAccount() {
    UnitStatement statement = reports.statement(FED, FROM, TO);
    Reports groupReports = new Reports(life.groups);

    CurrencySection rupees = statement.sections().get(0);
    assertEquals(INR, rupees.currency());
    List<BookId> codes = List.of(BookId.of("SHG01"), BookId.of("SHG02"), BookId.of("SHG03"), BookId.of("SHG04"));
    assertEquals(codes, rupees.groups().stream().map(GroupFigures::group).toList());
    SortedMap<AccountCode, Money> assets = new TreeMap<>();
    SortedMap<AccountCode, Money> liabilities = new TreeMap<>();
    SortedMap<AccountCode, Money> equity = new TreeMap<>();
    SortedMap<AccountCode, Money> income = new TreeMap<>();
    SortedMap<AccountCode, Money> expenditure = new TreeMap<>();
    Money unclosed = Money.zero(INR);
    Money surplus = Money.zero(INR);
    for (int i = 0; i < codes.size(); i++) {
      GroupStatement group = groupReports.statement(codes.get(i), FROM, TO);
      assertTrue(group.isConsistent());
      Figures figures = rupees.groups().get(i).figures();
      assertEquals(byCode(group.balanceSheet().assets()), figures.assets(), codes.get(i).value());
      assertEquals(byCode(group.incomeAndExpenditure().income()), figures.income(), codes.get(i).value());
      assertEquals(group.incomeAndExpenditure().surplus(), figures.surplus());
      add(assets, group.balanceSheet().assets());
      add(liabilities, group.balanceSheet().liabilities());
      add(equity, group.balanceSheet().equity());
      add(income, group.incomeAndExpenditure().income());
      add(expenditure, group.incomeAndExpenditure().expenditure());
      unclosed = unclosed.plus(group.balanceSheet().unclosedSurplus());
      surplus = surplus.plus(group.incomeAndExpenditure().surplus());
    }
    Figures total = rupees.total();
    assertEquals(assets, total.assets());
    assertEquals(liabilities, total.liabilities());
    assertEquals(equity, total.equity());
    assertEquals(income, total.income());
    assertEquals(expenditure, total.expenditure());
    assertEquals(unclosed, total.unclosedSurplus());
    assertEquals(surplus, total.surplus());
    assertTrue(total.balances());
    assertFalse(total.income().isEmpty(), "the books have income to add up");
    assertTrue(total.equity().containsKey(AccountCode.of("3100")), "a year was closed into surplus in the period");
  }

  @Test
  void aYearEndClosingInThePeriodDoesNotCancelTheYearsIncome() {
    Figures shg01 = reports.figures(BookId.of("SHG01"), FROM, TO).figures();

    // the loan's interest, 12 a month for its 5 instalments (December to April), all paid in the
    // period, though 31 March 2024 closed the first four into 3100
    assertEquals(Money.of(INR, 60), shg01.income().get(AccountCode.of("4000")));
  }

  @Test
  void groupsInAnotherCurrencyAreASectionOfTheirOwn() {
    UnitStatement statement = reports.statement(FED, FROM, TO);

    assertEquals(List.of(INR, USD), statement.sections().stream().map(CurrencySection::currency).toList());
    CurrencySection dollars = statement.sections().get(1);
    assertEquals(List.of(BookId.of("US01")), dollars.groups().stream().map(GroupFigures::group).toList());
    assertEquals(dollars.groups().get(0).figures(), dollars.total());
    assertEquals(4, statement.sections().get(0).total().groups());
    assertEquals(5, statement.groupCount());
    assertThrows(IllegalArgumentException.class,
        () -> statement.sections().get(0).total().plus(dollars.total()), "never added together");
  }

  @Test
  void aUnitCoversTheGroupsOfTheUnitsUnderItAndNoOthers() {
    UnitStatement north = reports.statement(NORTH, FROM, TO);
    UnitStatement federation = reports.statement(FED, FROM, TO);

    assertEquals(List.of(BookId.of("SHG01"), BookId.of("SHG02")),
        north.sections().get(0).groups().stream().map(GroupFigures::group).toList());
    assertEquals(1, north.sections().size());
    Figures south = reports.statement(SOUTH, FROM, TO).sections().get(0).total();
    Figures direct = reports.figures(BookId.of("SHG04"), FROM, TO).figures();
    assertEquals(federation.sections().get(0).total(), north.sections().get(0).total().plus(south).plus(direct));
  }

  @Test
  void membersAreCountedOnThePeriodsLastDay() {
    UnitStatement statement = reports.statement(NORTH, FROM, TO);

    // SHG01: 5 members, the last left in its tenth month (June 2024); SHG02: 4, the last left in July 2024
    assertEquals(List.of(4, 3), statement.sections().get(0).groups().stream().map(g -> g.figures().members()).toList());
    assertEquals(7, statement.memberCount());
    assertEquals(5, reports.statement(NORTH, FROM, LocalDate.of(2024, 3, 31)).sections().get(0).groups().get(0)
        .figures().members());
  }

  @Test
  void noMembersNameIsAnywhereInTheStatement() {
    String everything = reports.statement(FED, FROM, TO).toString();

    assertTrue(everything.contains("Group SHG03"), "group names are there");
    for (String name : life.memberNames) {
      assertFalse(everything.contains(name), name);
    }
    assertFalse(everything.contains("Sunita"));
  }

  @Test
  void aUnitWithNoGroupsHasNoSectionsAndAnUnknownUnitIsNotFound() {
    life.units.createUnit(Unit.top(UnitCode.of("EMPTY"), "Nobody yet"));

    assertEquals(List.of(), reports.statement(UnitCode.of("EMPTY"), FROM, TO).sections());
    UnitException e = assertThrows(UnitException.class, () -> reports.statement(UnitCode.of("NOPE"), FROM, TO));
    assertEquals(UnitRejection.UNIT_NOT_FOUND, e.reason());
    assertThrows(IllegalArgumentException.class, () -> reports.statement(FED, TO, FROM));
  }

  @Test
  void theStandardChartNamesTheAccountsAndOtherCodesGoUnnamed() {
    assertEquals(Optional.of("Members' compulsory savings"), UnitReports.standardName(AccountCode.of("2000")));
    assertEquals(Optional.empty(), UnitReports.standardName(AccountCode.of("4900")));
  }

  private static SortedMap<AccountCode, Money> byCode(List<ReportLine> lines) {
    SortedMap<AccountCode, Money> amounts = new TreeMap<>();
    add(amounts, lines);
    return amounts;
  }

  private static void add(Map<AccountCode, Money> sums, List<ReportLine> lines) {
    for (ReportLine line : lines) {
      sums.merge(line.code(), line.amount(), Money::plus);
    }
    sums.values().removeIf(Money::isZero);
  }
}
