package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Attendance;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRecords;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.Role;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanState;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * A group's life stops with one process and continues in another: everything the first recorded
 * (registry, balances, the loan's state) is in the file, the second carries on from it, and the
 * books verify.
 */
class GroupRestartTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final MemberId M03 = MemberId.of("M03");
  static final LoanId LOAN = LoanId.of("L2024-01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final LocalDate APRIL = LocalDate.of(2024, 4, 6);
  static final LocalDate MAY = LocalDate.of(2024, 5, 6);
  static final LocalDate JUNE = LocalDate.of(2024, 6, 6);

  @TempDir Path directory;

  static Money rupees(long amount) {
    return Money.ofMajor(INR, amount);
  }

  /** Everything the registry and the journal answer about the group, to compare across a restart. */
  record Snapshot(
      Optional<Group> group,
      List<Member> members,
      List<BearerTerm> terms,
      List<Meeting> meetings,
      List<MemberLoan> loans,
      List<LoanEvent> loanEvents,
      TrialBalance trialBalance,
      LoanState loanState) {

    static Snapshot of(SavingsGroups groups, LocalDate asOf) {
      GroupRecords registry = groups.registry();
      return new Snapshot(
          registry.group(SHG),
          registry.members(SHG),
          registry.terms(SHG),
          registry.meetings(SHG),
          registry.loans(SHG),
          registry.loanEvents(SHG, LOAN),
          groups.journal().trialBalance(SHG, asOf),
          groups.loanState(SHG, LOAN, asOf));
    }
  }

  @Test
  void aGroupsLifeContinuesInAnotherProcess() {
    Path file = directory.resolve("shg.db");
    Group group = new Group(SHG, "Roshni Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY, rupees(100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
    BearerTerm treasurer = new BearerTerm(Role.TREASURER, M01, APRIL, APRIL.plusYears(1));
    Meeting april = new Meeting(SHG, APRIL, Map.of(M01, Attendance.PRESENT, M02, Attendance.LATE, M03, Attendance.ABSENT));

    Snapshot before;
    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      SavingsGroups groups = store.engine();
      groups.createGroup(group);
      for (MemberId id : List.of(M01, M02, M03)) {
        groups.addMember(SHG, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FORMED));
      }
      groups.setBankAccount(SHG, M02, MemberBankAccount.of("Canara Bank", "CNRB0000001", "111122223333", FORMED));
      for (MemberId id : List.of(M01, M02, M03)) {
        groups.record(SHG, EntryId.of("SAVE-" + id), APRIL,
            new GroupOperation.Save(id, SavingsKind.COMPULSORY, rupees(1000), Channel.CASH));
      }
      groups.recordMeeting(april);
      groups.elect(SHG, treasurer);
      groups.disburseLoan(SHG, EntryId.of("LOAN-M01"), LOAN, M01,
          group.loanDefaults().termsFor(rupees(2000), APRIL, group.rounding()), Channel.CASH);
      groups.repayLoan(SHG, EntryId.of("REPAY-1"), LOAN, MAY, rupees(240), Channel.CASH);
      before = Snapshot.of(groups, MAY);
    }

    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      SavingsGroups groups = store.engine();
      assertEquals(before, Snapshot.of(groups, MAY), "everything as the first process left it");
      assertEquals(Map.of(Role.TREASURER, M01), groups.bearersOn(SHG, MAY));
      assertEquals(rupees(1800), groups.loanState(SHG, LOAN, MAY).outstandingPrincipal());
      assertEquals(rupees(1800), store.journal().balance(SHG, Chart.memberAccount(Chart.MEMBER_LOANS, M01), MAY).normalBalance());

      // repeating the first process's last operation records nothing
      groups.repayLoan(SHG, EntryId.of("REPAY-1"), LOAN, MAY, rupees(240), Channel.CASH);
      assertEquals(before, Snapshot.of(groups, MAY));

      groups.repayLoan(SHG, EntryId.of("REPAY-2"), LOAN, JUNE, rupees(240), Channel.CASH);
      groups.settleExit(SHG, EntryId.of("EXIT-M02"), M02, JUNE, Channel.CASH);

      assertEquals(rupees(1600), groups.loanState(SHG, LOAN, JUNE).outstandingPrincipal());
      assertEquals(Optional.of(JUNE), groups.member(SHG, M02).exited());
      assertEquals(2, groups.registry().loanEvents(SHG, LOAN).size());
      Verification verification = store.journal().verify(SHG);
      assertTrue(verification.isOk(), verification::toString);
    }

    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      assertEquals(List.of(M01, M03), store.engine().membersOn(SHG, JUNE.plusDays(1)).stream().map(Member::id).toList());
      assertTrue(store.journal().verify(SHG).isOk());
    }
  }
}
