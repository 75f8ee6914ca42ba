package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.report.SmallYear.M01;
import static org.shgledger.report.SmallYear.M02;
import static org.shgledger.report.SmallYear.M03;
import static org.shgledger.report.SmallYear.M04;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.YEAR_END;
import static org.shgledger.report.SmallYear.YEAR_START;
import static org.shgledger.report.SmallYear.rupees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** The group statement of {@link SmallYear}, worked out by hand. */
class GroupStatementTest {

  private final SmallYear year = new SmallYear();
  private final GroupStatement statement = year.reports.statement(SHG, YEAR_START, YEAR_END);

  /** A report's lines as code → amount, for compact comparison. */
  private static Map<String, Money> amounts(List<ReportLine> lines) {
    Map<String, Money> amounts = new LinkedHashMap<>();
    lines.forEach(line -> amounts.put(line.code().value(), line.amount()));
    return amounts;
  }

  @Test
  void receiptsAndPaymentsOfTheYearByCategory() {
    ReceiptsAndPayments account = statement.receiptsAndPayments();
    assertEquals(rupees(0), account.openingCash());
    assertEquals(rupees(0), account.openingBank());
    // savings 300 + 300 + 500 + 100 − 500 (the reversal, a negative receipt, not a payment)
    assertEquals(Map.of(
        "1200", rupees(2_000),   // principal repaid: two instalments of 1,000
        "2000", rupees(700),
        "2100", rupees(50),
        "3000", rupees(15_000),
        "4000", rupees(240),
        "4100", rupees(10),
        "4200", rupees(150)), amounts(account.receipts()));
    assertEquals(List.of("1200", "2000", "2100", "3000", "4000", "4100", "4200"),
        List.copyOf(amounts(account.receipts()).keySet()), "categories in code order");
    assertEquals("Members' compulsory savings", account.receipts().get(1).name());
    assertEquals(Map.of(
        "1200", rupees(8_000),   // loans paid out: 6,000 and 2,000
        "5100", rupees(50),
        "5200", rupees(200)), amounts(account.payments()));
    assertEquals(rupees(18_150), account.totalReceipts());
    assertEquals(rupees(8_250), account.totalPayments());
    assertEquals(rupees(300), account.closingCash());
    assertEquals(rupees(9_600), account.closingBank());
    assertTrue(account.reconciles());
  }

  @Test
  void bankingCashAndDrawingItAreContraEntriesNotReceiptsOrPayments() {
    // May: cash banked 500 and drawn 6,000 move money between cash and bank only
    ReceiptsAndPayments may = year.reports.statement(SHG, LocalDate.of(2024, 5, 5), LocalDate.of(2024, 5, 9))
        .receiptsAndPayments();
    assertEquals(List.of(), may.receipts());
    assertEquals(List.of(), may.payments());
    assertEquals(rupees(660), may.openingCash());
    assertEquals(rupees(160), may.closingCash());
    assertTrue(may.reconciles());
  }

  @Test
  void aReversalInALaterPeriodIsANegativeReceiptOfItsOriginalsCategory() {
    ReceiptsAndPayments september = year.reports.statement(SHG, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30))
        .receiptsAndPayments();
    assertEquals(Map.of("2000", rupees(-500), "4200", rupees(150)), amounts(september.receipts()));
    assertEquals(Map.of("5100", rupees(50)), amounts(september.payments()));
    assertEquals(rupees(2_800), september.openingCash());
    assertEquals(rupees(2_300), september.closingCash());
    assertEquals(rupees(9_500), september.openingBank());
    assertEquals(rupees(9_600), september.closingBank());
    assertTrue(september.reconciles());
  }

  @Test
  void reinstatingAReversedEntryCountsItOnItsOwnSideAgain() {
    LocalDate day = LocalDate.of(2025, 4, 7);
    year.groups.record(SHG, EntryId.of("F9"), day, new GroupOperation.Fine(M01, rupees(10), "late", Channel.CASH));
    year.groups.reverse(SHG, EntryId.of("F9"), EntryId.of("R9"), day, "not late after all");
    year.groups.reverse(SHG, EntryId.of("R9"), EntryId.of("R10"), day, "late after all");
    GroupStatement april = year.reports.statement(SHG, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    // 10 − 10 + 10: all three on the receipts side
    assertEquals(Map.of("4100", rupees(10)), amounts(april.receiptsAndPayments().receipts()));
    assertEquals(List.of(), april.receiptsAndPayments().payments());
    assertEquals(rupees(10), april.incomeAndExpenditure().totalIncome());
    MemberPassbook passbook = year.reports.passbook(SHG, M01, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    assertEquals(List.of(rupees(10), rupees(-10), rupees(10)),
        passbook.lines().stream().map(PassbookLine::finesPaid).toList());
    assertEquals(rupees(10), passbook.totalFinesPaid());
  }

  @Test
  void incomeAndExpenditureLeaveTheYearEndClosingOut() {
    IncomeAndExpenditure account = statement.incomeAndExpenditure();
    assertEquals(Map.of("4000", rupees(240), "4100", rupees(10), "4200", rupees(150)), amounts(account.income()));
    assertEquals(Map.of("5100", rupees(50), "5200", rupees(200)), amounts(account.expenditure()));
    assertEquals(rupees(400), account.totalIncome());
    assertEquals(rupees(250), account.totalExpenditure());
    assertEquals(rupees(150), account.surplus());
    assertFalse(account.isDeficit());
  }

  @Test
  void theClosingEntryIsRecognisedAsTheEngineWritesIt() {
    // the entry says what it is; its memo is the engine's words, which old books are classified by
    var closing = year.groups.journal().entry(SHG, EntryId.of("YE2025")).orElseThrow();
    assertEquals(org.shgledger.journal.EntryKind.YEAR_END, closing.kind());
    assertEquals(org.shgledger.group.SavingsGroups.YEAR_END_MEMO, closing.memo());
    assertTrue(new GroupBooks(year.groups.group(SHG), year.groups.journal()).isYearEndClosing(closing));
  }

  @Test
  void aPeriodWithinTheYearHasItsIncomeAndASurplusNotYetClosed() {
    GroupStatement firstHalf = year.reports.statement(SHG, YEAR_START, LocalDate.of(2024, 9, 30));
    assertEquals(rupees(150), firstHalf.incomeAndExpenditure().surplus());
    BalanceSheet sheet = firstHalf.balanceSheet();
    assertEquals(rupees(150), sheet.unclosedSurplus());
    assertTrue(sheet.balances());
  }

  @Test
  void theBalanceSheetAtTheYearEndBalances() {
    BalanceSheet sheet = statement.balanceSheet();
    assertEquals(YEAR_END, sheet.asOf());
    assertEquals(Map.of("1000", rupees(300), "1100", rupees(9_600), "1200", rupees(6_000)), amounts(sheet.assets()));
    assertEquals(Map.of("2000", rupees(700), "2100", rupees(50)), amounts(sheet.liabilities()));
    assertEquals(Map.of("3000", rupees(15_000), "3100", rupees(150)), amounts(sheet.equity()));
    assertEquals(rupees(0), sheet.unclosedSurplus(), "the year is closed");
    assertEquals(rupees(15_900), sheet.totalAssets());
    assertEquals(rupees(15_900), sheet.totalLiabilitiesAndFunds());
    assertTrue(sheet.balances());
  }

  @Test
  void theMemberTableHasEveryoneWhoBelongedWithSavingsLoansOverdueAndAttendance() {
    MemberTable table = statement.members();
    assertEquals(List.of(M01, M02, M03, M04), table.members().stream().map(MemberLine::id).toList());
    MemberLine m01 = table.members().get(0);
    assertEquals(rupees(200), m01.compulsorySavings());
    assertEquals(rupees(50), m01.voluntarySavings());
    assertEquals(rupees(4_000), m01.loanOutstanding());
    assertEquals(rupees(4_480), m01.overdue(), "instalments 3 to 6 of 1,120");
    assertEquals(Optional.of(new AttendanceRate(3, 3)), m01.attendance());
    MemberLine m02 = table.members().get(1);
    assertEquals(rupees(300), m02.compulsorySavings());
    assertEquals(rupees(2_000), m02.loanOutstanding());
    assertEquals(rupees(40), m02.overdue(), "the open loan's first month of interest");
    assertEquals(new AttendanceRate(3, 3), m02.attendance().orElseThrow(), "late counts as attending");
    MemberLine m03 = table.members().get(2);
    assertEquals(new AttendanceRate(3, 1), m03.attendance().orElseThrow());
    assertEquals(new BigDecimal("33.3"), m03.attendance().orElseThrow().percent());
    MemberLine m04 = table.members().get(3);
    assertEquals(new AttendanceRate(1, 1), m04.attendance().orElseThrow(), "only the meeting after she joined");
    assertEquals(rupees(0), m04.savings());
    assertEquals(rupees(700), table.totalCompulsorySavings());
    assertEquals(rupees(50), table.totalVoluntarySavings());
    assertEquals(rupees(6_000), table.totalLoanOutstanding());
    assertEquals(rupees(4_520), table.totalOverdue());
    assertTrue(table.agreesWithControls());
    assertTrue(statement.isConsistent());
  }

  @Test
  void aMemberWhoJoinedAfterThePeriodIsNotInItsTableAndNoMeetingsMeansNoAttendance() {
    GroupStatement june = year.reports.statement(SHG, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
    assertEquals(List.of(M01, M02, M03), june.members().members().stream().map(MemberLine::id).toList());
    assertTrue(june.members().members().stream().allMatch(m -> m.attendance().isEmpty()));
  }

  @Test
  void anUnknownGroupIsNotFoundAndABackwardPeriodIsRefused() {
    GroupException e = assertThrows(GroupException.class,
        () -> year.reports.statement(BookId.of("NOPE"), YEAR_START, YEAR_END));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, e.reason());
    assertThrows(IllegalArgumentException.class, () -> year.reports.statement(SHG, YEAR_END, YEAR_START));
  }

  @Test
  void aShareOutPaysSavingsAndSharesAndLeavesTheYearsIncomeInTheIncomeAccount() {
    SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    BookId code = BookId.of("VSLA1");
    groups.createGroup(new Group(code, "Cycle group", SmallYear.INR, YEAR_START, MeetingFrequency.MONTHLY, rupees(100),
        RoundingPolicy.minorUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 6)));
    LocalDate day = LocalDate.of(2024, 4, 6);
    for (MemberId id : List.of(M01, M02)) {
      groups.addMember(code, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, YEAR_START));
      groups.record(code, EntryId.of("S-" + id), day,
          new GroupOperation.Save(id, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
    }
    groups.record(code, EntryId.of("F1"), day, new GroupOperation.Fine(M01, rupees(10), "late", Channel.CASH));
    LocalDate end = LocalDate.of(2024, 12, 31);
    groups.shareOut(code, EntryId.of("OUT"), end);
    GroupStatement cycle = new Reports(groups).statement(code, YEAR_START, end);
    // the fund of 210 (savings 200, fines 10) is paid out: savings 200, shares 5 + 5
    assertEquals(Map.of("2000", rupees(200), "4100", rupees(10)), amounts(cycle.receiptsAndPayments().receipts()));
    assertEquals(Map.of("2000", rupees(200), "2100", rupees(10)), amounts(cycle.receiptsAndPayments().payments()));
    assertTrue(cycle.receiptsAndPayments().reconciles());
    assertEquals(rupees(0), cycle.receiptsAndPayments().closingTotal());
    assertEquals(rupees(10), cycle.incomeAndExpenditure().surplus(), "the share-out is no expense of the year");
    assertTrue(cycle.isConsistent());
  }

  @Test
  void attendanceIsRoundedHalfUpToOneDecimal() {
    assertEquals(new BigDecimal("66.7"), new AttendanceRate(3, 2).percent());
    assertEquals(new BigDecimal("100.0"), new AttendanceRate(1, 1).percent());
    assertEquals(new BigDecimal("0.0"), new AttendanceRate(4, 0).percent());
  }
}
