package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.money.RoundingPolicy;

/**
 * Corrections, repeats and back-dated entries: the ways the books and the registry could drift
 * apart, each closed by a rule.
 */
class EngineCorrectionsTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final LocalDate MAY = LocalDate.of(2024, 5, 4);
  static final LocalDate JUNE = LocalDate.of(2024, 6, 1);
  static final LocalDate JULY = LocalDate.of(2024, 7, 6);
  static final LoanId L1 = LoanId.of("L1");

  GroupRegistry registry = new InMemoryGroupRegistry();
  SavingsGroups groups;
  InMemoryJournal journal;

  static Money rupees(long amount) {
    return Money.of(INR, amount);
  }

  @BeforeEach
  void formTheGroup() {
    journal = new InMemoryJournal();
    groups = new SavingsGroups(journal, registry);
    groups.createGroup(new Group(SHG, "Roshni", INR, FORMED, MeetingFrequency.MONTHLY, rupees(100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.open(InterestRate.perMonth(BigDecimal.valueOf(2)))));
    for (MemberId id : List.of(M01, M02)) {
      groups.addMember(SHG, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FORMED));
      groups.record(SHG, EntryId.of("S-" + id), FORMED, new GroupOperation.Save(id, SavingsKind.COMPULSORY, rupees(1000), Channel.CASH));
    }
  }

  void lendM01() {
    groups.disburseLoan(SHG, EntryId.of("OUT"), L1, M01, OpenLoanTerms.of(rupees(1000), InterestRate.perMonth(BigDecimal.valueOf(2)), MAY), Channel.CASH);
  }

  void assertRefused(GroupRejection reason, Executable operation) {
    int before = groups.journal().entries(SHG).size();
    GroupException e = assertThrows(GroupException.class, operation);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(before, groups.journal().entries(SHG).size(), "a refused operation records nothing");
  }

  @Test
  void anEarlierEntryOfAMemberWhoHasLeftIsNotReversedButHerSettlementIs() {
    groups.record(SHG, EntryId.of("W-M02"), MAY,
        new GroupOperation.WithdrawSavings(M02, SavingsKind.COMPULSORY, rupees(200), Channel.CASH));
    groups.settleExit(SHG, EntryId.of("EXIT-M02"), M02, JUNE, Channel.CASH);

    // reversing her withdrawal would put 200 back on accounts her settlement emptied
    assertRefused(GroupRejection.MEMBER_HAS_LEFT,
        () -> groups.reverse(SHG, EntryId.of("W-M02"), EntryId.of("W-R"), JUNE, "never taken"));
    groups.reverse(SHG, EntryId.of("EXIT-M02"), EntryId.of("EXIT-R"), JUNE, "she stays");
    groups.reverse(SHG, EntryId.of("W-M02"), EntryId.of("W-R"), JUNE, "never taken");

    assertEquals(rupees(1000), groups.savings(SHG, M02, JUNE));
  }

  @Test
  void theReversalOfALoanPaymentIsNotReversedTheLoanIsPaidAgainUnderANewId() {
    lendM01();
    groups.repayLoan(SHG, EntryId.of("P1"), L1, JUNE, rupees(120), Channel.CASH);
    groups.reverse(SHG, EntryId.of("P1"), EntryId.of("P1-R"), JUNE, "wrong amount");

    assertRefused(GroupRejection.REVERSAL_OF_CORRECTION,
        () -> groups.reverse(SHG, EntryId.of("P1-R"), EntryId.of("P1-RR"), JUNE, "undo the correction"));
    groups.repayLoan(SHG, EntryId.of("P1b"), L1, JUNE, rupees(120), Channel.CASH);
    assertEquals(groups.loanState(SHG, L1, JUNE).outstandingPrincipal(),
        groups.journal().balance(SHG, Chart.memberAccount(Chart.MEMBER_LOANS, M01), JUNE).normalBalance());
  }

  @Test
  void theReversalOfAnExitIsNotReversed() {
    groups.settleExit(SHG, EntryId.of("X"), M01, JUNE, Channel.CASH);
    groups.reverse(SHG, EntryId.of("X"), EntryId.of("X-R"), JUNE, "she stays");
    assertRefused(GroupRejection.REVERSAL_OF_CORRECTION,
        () -> groups.reverse(SHG, EntryId.of("X-R"), EntryId.of("X-RR"), JUNE, "she goes after all"));
    assertRefused(GroupRejection.EXIT_REVERSED, () -> groups.settleExit(SHG, EntryId.of("X"), M01, JUNE, Channel.CASH));
    groups.settleExit(SHG, EntryId.of("X2"), M01, JULY, Channel.CASH);
    assertEquals(rupees(0), groups.savings(SHG, M01, JULY));
  }

  /**
   * A closed year stays closed: reversing its closing entry on a day of the open year would move
   * last year's income into this year while the balance sheet keeps last year's surplus.
   */
  @Test
  void aYearEndClosingIsNotReversed() {
    groups.record(SHG, EntryId.of("F1"), LocalDate.of(2024, 6, 1),
        new GroupOperation.Fine(M01, Money.of(INR, 10), "late", Channel.CASH));
    groups.closeYear(SHG, EntryId.of("YE2025"), LocalDate.of(2025, 3, 31));
    int entries = groups.journal().entries(SHG).size();

    assertRefused(GroupRejection.YEAR_END_NOT_REVERSIBLE,
        () -> groups.reverse(SHG, EntryId.of("YE2025"), EntryId.of("YE2025-REV"), LocalDate.of(2025, 4, 5), "undo"));
    assertEquals(entries, groups.journal().entries(SHG).size());
  }

  @Test
  void aLoanPaymentIsReversedOnItsOwnDate() {
    lendM01();
    groups.repayLoan(SHG, EntryId.of("P1"), L1, JUNE, rupees(1000), Channel.CASH);
    assertRefused(GroupRejection.LOAN_REVERSAL_NOT_ON_ITS_DATE,
        () -> groups.reverse(SHG, EntryId.of("P1"), EntryId.of("P1-R"), JULY, "was 600 really"));
    groups.reverse(SHG, EntryId.of("P1"), EntryId.of("P1-R"), JUNE, "was 600 really");
    groups.repayLoan(SHG, EntryId.of("P1b"), L1, JUNE, rupees(600), Channel.CASH);
    // June 1 is before the first month's interest falls due (June 4): all 600 repays principal
    assertEquals(rupees(400), groups.loanState(SHG, LoanId.of("L1"), JUNE).outstandingPrincipal());
  }

  @Test
  void aBackDatedDistributionCannotSpendSurplusAlreadyGivenOut() {
    groups.record(SHG, EntryId.of("FEES"), MAY, new GroupOperation.OtherIncome(rupees(1000), "fees", Channel.CASH));
    groups.closeYear(SHG, EntryId.of("YE"), LocalDate.of(2025, 3, 31));
    groups.distributeSurplus(SHG, EntryId.of("D1"), LocalDate.of(2025, 6, 30), rupees(1000));

    assertRefused(GroupRejection.INSUFFICIENT_SURPLUS,
        () -> groups.distributeSurplus(SHG, EntryId.of("D2"), LocalDate.of(2025, 4, 15), rupees(1000)));
    assertEquals(groups.journal().entry(SHG, EntryId.of("D1")).orElseThrow(),
        groups.distributeSurplus(SHG, EntryId.of("D1"), LocalDate.of(2025, 6, 30), rupees(1000)), "a repeat");
  }

  @Test
  void nothingIsRecordedForAMemberWhoLeftAndSheCannotLeaveBeforeHerLastEntry() {
    groups.record(SHG, EntryId.of("S2"), JULY, new GroupOperation.Save(M01, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
    assertRefused(GroupRejection.MEMBER_HAS_LATER_ENTRIES, () -> groups.settleExit(SHG, EntryId.of("X"), M01, JUNE, Channel.CASH));

    groups.settleExit(SHG, EntryId.of("X"), M01, JULY, Channel.CASH);
    assertRefused(GroupRejection.MEMBER_HAS_LEFT,
        () -> groups.record(SHG, EntryId.of("S3"), JUNE, new GroupOperation.Save(M01, SavingsKind.COMPULSORY, rupees(100), Channel.CASH)));
  }

  @Test
  void aShareOutRepeatedWithItsIdReturnsTheSameEntry() {
    var first = groups.shareOut(SHG, EntryId.of("SO"), JULY);
    assertEquals(first, groups.shareOut(SHG, EntryId.of("SO"), JULY));
  }

  @Test
  void aPenaltyIdIsNotReusedForAnotherPenaltyNorChargedInALockedPeriod() {
    lendM01();
    groups.chargeLoanPenalty(SHG, EntryId.of("PEN1"), L1, JUNE, rupees(50));
    assertRefused(GroupRejection.PENALTY_EXISTS, () -> groups.chargeLoanPenalty(SHG, EntryId.of("PEN1"), L1, JUNE, rupees(70)));
    assertEquals(rupees(50), groups.loanState(SHG, L1, JUNE).finesDue());

    groups.closeYear(SHG, EntryId.of("YE"), LocalDate.of(2025, 3, 31));
    JournalException locked = assertThrows(JournalException.class,
        () -> groups.chargeLoanPenalty(SHG, EntryId.of("PEN2"), L1, LocalDate.of(2025, 3, 20), rupees(50)));
    assertEquals(Rejection.DATE_LOCKED, locked.reason());
  }

  @Test
  void aLoanHasNoStateBeforeItWasPaidOut() {
    lendM01();
    assertRefused(GroupRejection.INVALID_DATE, () -> groups.loanState(SHG, L1, MAY.minusDays(1)));
  }

  @Test
  void repeatingAnExitAfterACrashCompletesItsLoanEvents() {
    lendM01();
    boolean[] failOnce = {true};
    GroupRegistry flaky = new ForwardingRegistry(registry) {
      @Override
      public void addLoanEvent(BookId group, LoanId loan, LoanEvent event) {
        if (failOnce[0]) {
          failOnce[0] = false;
          throw new IllegalStateException("power cut");
        }
        super.addLoanEvent(group, loan, event);
      }
    };
    SavingsGroups crashing = new SavingsGroups(journal, flaky);
    assertThrows(IllegalStateException.class, () -> crashing.settleExit(SHG, EntryId.of("X"), M01, JUNE, Channel.CASH));

    crashing.settleExit(SHG, EntryId.of("X"), M01, JUNE, Channel.CASH);

    assertTrue(groups.loanState(SHG, L1, JUNE).outstandingPrincipal().isZero(), "the exit repaid her loan");
    assertTrue(groups.member(SHG, M01).exited().isPresent());
  }
}
