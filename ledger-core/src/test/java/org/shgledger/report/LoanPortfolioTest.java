package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.report.SmallYear.L1;
import static org.shgledger.report.SmallYear.L2;
import static org.shgledger.report.SmallYear.L3;
import static org.shgledger.report.SmallYear.M01;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.YEAR_END;
import static org.shgledger.report.SmallYear.YEAR_START;
import static org.shgledger.report.SmallYear.rupees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** The loan portfolio of {@link SmallYear}, worked out by hand. */
class LoanPortfolioTest {

  private final SmallYear year = new SmallYear();

  private static Dcb dcb(long arrears, long current, long collection, long advance) {
    Money demand = rupees(arrears + current);
    return new Dcb(rupees(arrears), rupees(current), demand, rupees(collection), rupees(advance),
        demand.minus(rupees(collection)));
  }

  @Test
  void eachLoanAtTheYearEnd() {
    LoanPortfolio portfolio = year.reports.loans(SHG, YEAR_END, YEAR_START);
    assertEquals(List.of(L1, L2), portfolio.loans().stream().map(LoanLine::loan).toList());
    LoanLine l1 = portfolio.loans().get(0);
    assertEquals(M01, l1.member());
    assertEquals(LocalDate.of(2024, 5, 10), l1.disbursed());
    assertEquals(rupees(6_000), l1.principal());
    assertEquals(LoanMethod.FLAT, l1.method());
    assertEquals(rupees(4_000), l1.outstandingPrincipal());
    assertEquals(rupees(480), l1.interestDue());
    assertEquals(rupees(4_480), l1.overdueAmount());
    assertEquals(233, l1.daysPastDue(), "since 10 August, instalment 3's due date");
    assertEquals(LoanStatus.OVERDUE, l1.status());
    // all six instalments of 1,120 fell due in the year; two were paid
    assertEquals(dcb(0, 6_720, 2_240, 0), l1.dcb());
    LoanLine l2 = portfolio.loans().get(1);
    assertEquals(LoanMethod.OPEN, l2.method());
    assertEquals(rupees(40), l2.interestDue());
    assertEquals(30, l2.daysPastDue());
    assertEquals(dcb(0, 40, 0, 0), l2.dcb());
  }

  @Test
  void totalsAndPar30CountOnlyLoansMoreThan30DaysPastDue() {
    LoanPortfolio portfolio = year.reports.loans(SHG, YEAR_END, YEAR_START);
    assertEquals(rupees(8_000), portfolio.totalPrincipal());
    assertEquals(rupees(6_000), portfolio.totalOutstanding());
    assertEquals(rupees(520), portfolio.totalInterestDue());
    assertEquals(rupees(4_520), portfolio.totalOverdue());
    // L2 is exactly 30 days past due: not at risk
    assertEquals(rupees(4_000), portfolio.principalAtRisk30());
    assertEquals(new BigDecimal("0.6667"), portfolio.par30());
    assertEquals(new BigDecimal("66.67"), portfolio.par30Percent());
    assertEquals(dcb(0, 6_760, 2_240, 0), portfolio.dcb());
  }

  @Test
  void arrearsAreWhatWasDueBeforeThePeriodAndUnpaid() {
    LoanLine l1 = year.reports.loans(SHG, YEAR_END, LocalDate.of(2024, 9, 1)).loans().get(0);
    // instalment 3 (10 August) brought forward; instalments 4 to 6 fall due in the period
    assertEquals(dcb(1_120, 3_360, 0, 0), l1.dcb());
  }

  @Test
  void anOpenLoansInterestPaidAndAnInstalmentPaidAhead() {
    year.withNextApril();
    LocalDate april = LocalDate.of(2025, 4, 1);
    LocalDate endOfApril = LocalDate.of(2025, 4, 30);
    LoanPortfolio portfolio = year.reports.loans(SHG, endOfApril, april);
    LoanLine l2 = portfolio.loans().get(1);
    assertEquals(dcb(40, 40, 80, 0), l2.dcb(), "March's interest in arrears, April's falls due, both paid");
    assertEquals(LoanStatus.CURRENT, l2.status());
    LoanLine l3 = portfolio.loans().get(2);
    assertEquals(L3, l3.loan());
    assertEquals(dcb(0, 0, 0, 520), l3.dcb(), "instalment 1 paid before it is due is advance");
    assertEquals(rupees(500), l3.outstandingPrincipal());
    LoanLine l3InMay = year.reports.loans(SHG, LocalDate.of(2025, 5, 31), LocalDate.of(2025, 5, 1)).loans().get(2);
    assertEquals(dcb(0, 0, 0, 0), l3InMay.dcb(), "May's instalment was paid in April: no demand left");
  }

  @Test
  void aSettledLoanIsClosedAndAnEmptyPortfolioHasNoRisk() {
    year.withNextApril();
    year.groups.repayLoan(SHG, org.shgledger.journal.EntryId.of("LP5"), SmallYear.L3, LocalDate.of(2025, 4, 25),
        rupees(500), org.shgledger.group.Channel.CASH);
    LoanLine l3 = year.reports.loans(SHG, LocalDate.of(2025, 4, 30), LocalDate.of(2025, 4, 1)).loans().get(2);
    assertEquals(LoanStatus.CLOSED, l3.status());
    assertEquals(new BigDecimal("0.0000"), LoanPortfolio.ratio(rupees(0), rupees(0)));
  }
}
