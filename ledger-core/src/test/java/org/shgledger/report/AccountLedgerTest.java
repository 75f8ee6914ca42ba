package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.YEAR_END;
import static org.shgledger.report.SmallYear.YEAR_START;
import static org.shgledger.report.SmallYear.rupees;

import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Chart;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;

/** Account ledgers in {@link SmallYear}, worked out by hand. */
class AccountLedgerTest {

  private final SmallYear year = new SmallYear();

  private static List<Money> balances(AccountLedger ledger) {
    return ledger.lines().stream().map(LedgerLine::balance).toList();
  }

  @Test
  void theCashBookOfMayWithItsRunningBalance() {
    AccountLedger cash = year.reports.account(SHG, Chart.CASH, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));
    assertEquals("Cash in hand", cash.name());
    assertEquals(rupees(310), cash.opening());
    assertEquals(List.of(rupees(410), rupees(510), rupees(610), rupees(660), rupees(160), rupees(6_160), rupees(160)),
        balances(cash));
    LedgerLine banked = cash.lines().get(4);
    assertEquals("E10", banked.entry().value());
    assertEquals(rupees(0), banked.debit());
    assertEquals(rupees(500), banked.credit());
    assertEquals(rupees(6_350), cash.totalDebit());
    assertEquals(rupees(6_500), cash.totalCredit());
    assertEquals(rupees(160), cash.closing());
  }

  @Test
  void aControlAccountIncludesEveryMembersSubLedger() {
    AccountLedger savings = year.reports.account(SHG, Chart.COMPULSORY_SAVINGS, YEAR_START, YEAR_END);
    assertEquals(9, savings.lines().size());
    assertEquals(AccountCode.of("2000:M01"), savings.lines().get(0).account());
    LedgerLine reversal = savings.lines().get(8);
    assertEquals("R1", reversal.entry().value());
    assertEquals(AccountCode.of("2000:M02"), reversal.account());
    assertEquals(rupees(500), reversal.debit());
    assertEquals(rupees(1_200), savings.totalCredit());
    assertEquals(rupees(500), savings.totalDebit());
    assertEquals(rupees(700), savings.closing());
  }

  @Test
  void aSubLedgerCodeGivesOneMembersAccount() {
    AccountLedger hers = year.reports.account(SHG, AccountCode.of("2000:M02"), YEAR_START, YEAR_END);
    assertEquals(List.of(rupees(100), rupees(200), rupees(700), rupees(800), rupees(300)), balances(hers));
    assertEquals(rupees(300), hers.closing());
  }

  @Test
  void anIncomeAccountShowsTheYearEndClosingThatEmptiesIt() {
    AccountLedger interest = year.reports.account(SHG, Chart.LOAN_INTEREST, YEAR_START, YEAR_END);
    assertEquals(List.of(rupees(120), rupees(240), rupees(0)), balances(interest));
    assertEquals("YE2025", interest.lines().get(2).entry().value());
    assertEquals(rupees(0), interest.closing());
  }

  @Test
  void anUnknownAccountOrGroupIsNotFound() {
    JournalException account = assertThrows(JournalException.class,
        () -> year.reports.account(SHG, AccountCode.of("7777"), YEAR_START, YEAR_END));
    assertEquals(Rejection.ACCOUNT_NOT_FOUND, account.reason());
    assertTrue(account.reason().isNotFound());
    GroupException group = assertThrows(GroupException.class,
        () -> year.reports.account(BookId.of("NOPE"), Chart.CASH, YEAR_START, YEAR_END));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, group.reason());
  }
}
