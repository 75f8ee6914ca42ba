package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.group.SavingsGroupsTest.FORMED;
import static org.shgledger.group.SavingsGroupsTest.M01;
import static org.shgledger.group.SavingsGroupsTest.M02;
import static org.shgledger.group.SavingsGroupsTest.M03;
import static org.shgledger.group.SavingsGroupsTest.SHG;
import static org.shgledger.group.SavingsGroupsTest.rupees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;

/**
 * A new record is dated between its group's formation and today plus a margin (31 days unless
 * set): the engine refuses anything else before any other rule, names the date and the limit, and
 * records nothing. Today comes from a fixed clock, so that these examples mean the same in 2030.
 */
class EngineDatesTest {

  /** The day these examples run on, wherever they run. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
  static final DateLimits LIMITS =
      new DateLimits(Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Kolkata")).toInstant(),
          ZoneId.of("Asia/Kolkata")), DateLimits.DEFAULT_FUTURE_DAYS);
  static final LocalDate LATEST = TODAY.plusDays(31);
  static final LoanId L1 = LoanId.of("L1");

  private InMemoryJournal journal;
  private InMemoryGroupRegistry registry;
  private SavingsGroups groups;

  @BeforeEach
  void aGroupWithAGrantSavingsAndALoan() {
    journal = new InMemoryJournal();
    registry = new InMemoryGroupRegistry();
    groups = new SavingsGroups(journal, registry, UnitOfWork.immediate(), LIMITS);
    groups.createGroup(SavingsGroupsTest.roshni());
    for (MemberId id : List.of(M01, M02, M03)) {
      groups.addMember(SHG, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FORMED));
    }
    groups.record(SHG, EntryId.of("GRANT"), FORMED, new GroupOperation.ReceiveGrant(rupees("10000"), Channel.CASH));
    for (MemberId id : List.of(M01, M02, M03)) {
      groups.record(SHG, EntryId.of("SAVE-" + id), FORMED.plusDays(5), save(id));
    }
    groups.disburseLoan(SHG, EntryId.of("LOAN-1"), L1, M01, terms(FORMED.plusMonths(1)), Channel.CASH);
  }

  private static GroupOperation.Save save(MemberId member) {
    return new GroupOperation.Save(member, SavingsKind.COMPULSORY, rupees("100"), Channel.CASH);
  }

  private static LoanTerms terms(LocalDate date) {
    return LoanTerms.of(rupees("1000"), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
        Frequency.MONTHLY, date);
  }

  private static Recording bankInterest(String id, LocalDate date) {
    return new Recording(EntryId.of(id), date,
        new GroupOperation.BankLine(true, rupees("50"), Chart.BANK_INTEREST, "CREDIT INTEREST"), Optional.empty());
  }

  /** Every operation that records, on a date of the caller's choosing. */
  private Map<String, Function<LocalDate, Executable>> everyOperation() {
    Map<String, Function<LocalDate, Executable>> all = new LinkedHashMap<>();
    all.put("a member joins", d -> () -> groups.addMember(SHG,
        Member.joining(MemberId.of("M09"), "Member M09", MemberCategory.ADULT_WOMAN, d)));
    all.put("an election", d -> () -> groups.elect(SHG, new BearerTerm(Role.TREASURER, M02, d, d.plusYears(1))));
    all.put("a meeting", d -> () -> groups.recordMeeting(new Meeting(SHG, d, Map.of(M01, Attendance.PRESENT))));
    all.put("a saving", d -> () -> groups.record(SHG, EntryId.of("NEW-SAVE"), d, save(M02)));
    all.put("a recording", d -> () -> groups.record(SHG, bankInterest("pb:one", d)));
    all.put("a bank line in a batch", d -> () -> groups.recordAll(SHG, List.of(bankInterest("pb:batch", d))));
    all.put("an import's check of a line", d -> () -> groups.checker(SHG).apply(bankInterest("pb:check", d)));
    all.put("opening balances", d -> () -> groups.record(SHG, EntryId.of("OPEN"), d,
        new GroupOperation.OpeningBalances(List.of(Posting.debit(Chart.CASH, rupees("10")),
            Posting.credit(Chart.SURPLUS, rupees("10"))), "balances of the paper books")));
    all.put("a reversal", d -> () -> groups.reverse(SHG, EntryId.of("SAVE-M02"), EntryId.of("SAVE-M02-REV"), d,
        "entered twice"));
    all.put("a loan", d -> () -> groups.disburseLoan(SHG, EntryId.of("LOAN-2"), LoanId.of("L2"), M02, terms(d),
        Channel.CASH));
    all.put("a loan penalty", d -> () -> groups.chargeLoanPenalty(SHG, EntryId.of("PENALTY-1"), L1, d, rupees("5")));
    all.put("a repayment", d -> () -> groups.repayLoan(SHG, EntryId.of("REPAY-1"), L1, d, rupees("100"),
        Channel.CASH));
    all.put("a year end", d -> () -> groups.closeYear(SHG, EntryId.of("YEAR-END"),
        SavingsGroupsTest.roshni().financialYearStarting(d).plusYears(1).minusDays(1)));
    all.put("a surplus distribution", d -> () -> groups.distributeSurplus(SHG, EntryId.of("DISTRIBUTE"), d,
        rupees("1")));
    all.put("an exit", d -> () -> groups.settleExit(SHG, EntryId.of("EXIT-M03"), M03, d, Channel.CASH));
    all.put("a share-out", d -> () -> groups.shareOut(SHG, EntryId.of("SHARE-OUT"), d));
    return all;
  }

  /** Everything the group's books and registry hold. */
  private List<String> state() {
    List<String> all = new ArrayList<>();
    groups.journal().entries(SHG).forEach(entry -> all.add(entry.toString()));
    GroupRecords records = groups.registry();
    all.add(records.members(SHG).toString());
    all.add(records.terms(SHG).toString());
    all.add(records.meetings(SHG).toString());
    for (MemberLoan loan : records.loans(SHG)) {
      all.add(loan + " " + records.loanEvents(SHG, loan.id()));
    }
    all.add(groups.journal().lockDate(SHG).toString());
    return all;
  }

  private GroupException assertRefused(GroupRejection reason, String what, Executable operation) {
    List<String> before = state();
    GroupException e = assertThrows(GroupException.class, operation, what);
    assertEquals(reason, e.reason(), what + ": " + e.getMessage());
    assertEquals(before, state(), what + " is refused and records nothing");
    return e;
  }

  @Test
  void everyOperationThatRecordsRefusesADateBeforeTheGroupWasFormed() {
    // the year end of 2023-24, the day before formation, is the one before the group's first
    everyOperation().forEach((what, operation) ->
        assertRefused(GroupRejection.DATE_BEFORE_FORMATION, what, operation.apply(FORMED.minusDays(1))));
  }

  @Test
  void everyOperationThatRecordsRefusesADateMoreThanTheMarginAfterToday() {
    // the year end is that of 2025-26, 31 March 2026
    everyOperation().forEach((what, operation) ->
        assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, what, operation.apply(LATEST.plusDays(1))));
  }

  @Test
  void yearsZeroAndNineThousandNineHundredNinetyNineAndMeetingsIn2099AreRefused() {
    assertRefused(GroupRejection.DATE_BEFORE_FORMATION, "year 0000",
        () -> groups.record(SHG, EntryId.of("X"), LocalDate.of(0, 1, 1), save(M01)));
    assertRefused(GroupRejection.DATE_BEFORE_FORMATION, "year 0001",
        () -> groups.record(SHG, EntryId.of("X"), LocalDate.of(1, 1, 1), save(M01)));
    assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "year 9999",
        () -> groups.record(SHG, EntryId.of("X"), LocalDate.of(9999, 12, 31), save(M01)));
    assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "a meeting in 2099",
        () -> groups.recordMeeting(new Meeting(SHG, LocalDate.of(2099, 1, 1), Map.of(M01, Attendance.PRESENT))));
  }

  @Test
  void theDayOfFormationAndTheLastDayOfTheMarginAreTaken() {
    groups.record(SHG, EntryId.of("ON-FORMATION"), FORMED, save(M02));
    groups.recordMeeting(new Meeting(SHG, LATEST, Map.of(M01, Attendance.PRESENT)));
    groups.record(SHG, EntryId.of("ON-LATEST"), LATEST, save(M02));
    groups.addMember(SHG, Member.joining(MemberId.of("M04"), "Member M04", MemberCategory.ADULT_WOMAN, LATEST));
    assertEquals(LATEST, groups.dateLimits().latest());
  }

  @Test
  void theRefusalNamesTheDateTheLimitAndHowToChangeIt() {
    String before = assertRefused(GroupRejection.DATE_BEFORE_FORMATION, "a saving",
        () -> groups.record(SHG, EntryId.of("X"), LocalDate.of(2023, 12, 31), save(M01))).getMessage();
    assertEquals("group SHG01: entry X is dated 2023-12-31, before the group was formed on 2024-04-01; nothing is"
        + " recorded before a group's formation: check the date", before);
    String ahead = assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "a meeting",
        () -> groups.recordMeeting(new Meeting(SHG, LocalDate.of(2099, 1, 1), Map.of(M01, Attendance.PRESENT))))
        .getMessage();
    assertEquals("group SHG01: the meeting is dated 2099-01-01, more than 31 days after today (2025-06-15); the"
        + " latest date taken is 2025-07-16. Check the date; to record further ahead, raise the margin"
        + " (shg: --future-days N or SHG_FUTURE_DAYS; the library: DateLimits)", ahead);
  }

  @Test
  void theDateIsCheckedBeforeTheOperationsOwnRules() {
    // M09 is no member at all, and 2099 would be wrong anyway: the date is the likelier mistake
    assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "a saving of a stranger",
        () -> groups.record(SHG, EntryId.of("X"), LocalDate.of(2099, 1, 1), save(MemberId.of("M09"))));
    // but an unknown group is still not found
    GroupException e = assertThrows(GroupException.class,
        () -> groups.record(BookId.of("NOPE"), EntryId.of("X"), LocalDate.of(2099, 1, 1), save(M01)));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, e.reason());
  }

  @Test
  void aBatchNamesTheOperationWhoseDateIsRefused() {
    GroupException e = assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "a batch", () -> groups.recordAll(SHG,
        List.of(bankInterest("pb:ok", TODAY), bankInterest("pb:far", LocalDate.of(2099, 1, 1)))));
    assertEquals(1, e.batchIndex().getAsInt());
  }

  @Test
  void theMarginIsTheEnginesOption() {
    SavingsGroups strict = new SavingsGroups(journal, registry, UnitOfWork.immediate(), LIMITS.withFutureDays(0));
    GroupException refused = assertThrows(GroupException.class,
        () -> strict.record(SHG, EntryId.of("TOMORROW"), TODAY.plusDays(1), save(M01)));
    assertEquals(GroupRejection.DATE_TOO_FAR_AHEAD, refused.reason());
    strict.record(SHG, EntryId.of("TODAY"), TODAY, save(M01));

    SavingsGroups lenient = new SavingsGroups(journal, registry, UnitOfWork.immediate(),
        LIMITS.withFutureDays(DateLimits.MAX_FUTURE_DAYS));
    lenient.record(SHG, EntryId.of("NEXT-YEAR"), TODAY.plusDays(366), save(M01));

    assertThrows(IllegalArgumentException.class, () -> LIMITS.withFutureDays(DateLimits.MAX_FUTURE_DAYS + 1));
    assertThrows(IllegalArgumentException.class, () -> LIMITS.withFutureDays(-1));
    assertEquals(DateLimits.DEFAULT_FUTURE_DAYS, DateLimits.standard().futureDays());
  }

  @Test
  void aRepeatIsAnsweredAsBeforeWhateverItsDate() {
    // recorded by an engine with a wider margin, or by a version before the check
    SavingsGroups wider = new SavingsGroups(journal, registry, UnitOfWork.immediate(), LIMITS.withFutureDays(90));
    LocalDate ahead = TODAY.plusDays(60);
    JournalEntry saved = wider.record(SHG, EntryId.of("AHEAD"), ahead, save(M01));
    Meeting meeting = wider.recordMeeting(new Meeting(SHG, ahead, Map.of(M01, Attendance.PRESENT)));
    Member early = Member.joining(MemberId.of("M00"), "Member M00", MemberCategory.ADULT_WOMAN, FORMED.minusYears(1));
    registry.putMember(SHG, early);

    assertEquals(saved, groups.record(SHG, EntryId.of("AHEAD"), ahead, save(M01)));
    assertEquals(meeting, groups.recordMeeting(meeting));
    assertEquals(early, groups.addMember(SHG, early));
    assertEquals(List.of(early, registry.member(SHG, M01).orElseThrow()),
        groups.membersOn(SHG, FORMED).subList(0, 2), "old books read as they are");

    assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "something new on that day",
        () -> groups.record(SHG, EntryId.of("AHEAD-2"), ahead, save(M02)));
    // the same id with other content is still the journal's to refuse
    assertThrows(org.shgledger.journal.JournalException.class,
        () -> groups.record(SHG, EntryId.of("AHEAD"), ahead, save(M02)));
  }

  @Test
  void aGroupIsFormedNoEarlierThan1900AndNotAfterTheMargin() {
    Group roshni = SavingsGroupsTest.roshni();
    for (LocalDate formed : List.of(LocalDate.of(0, 1, 1), LocalDate.of(1899, 12, 31))) {
      GroupException e = assertThrows(GroupException.class, () -> groups.createGroup(formedOn(roshni, "OLD", formed)));
      assertEquals(GroupRejection.INVALID_DATE, e.reason(), e.getMessage());
    }
    GroupException e = assertThrows(GroupException.class,
        () -> groups.createGroup(formedOn(roshni, "LATE", LocalDate.of(2099, 1, 1))));
    assertEquals(GroupRejection.DATE_TOO_FAR_AHEAD, e.reason());
    assertEquals(List.of(SHG), groups.registry().groups().stream().map(Group::code).toList(), "none created");
    groups.createGroup(formedOn(roshni, "NEW", LATEST));
    groups.createGroup(formedOn(roshni, "OLDEST", DateLimits.EARLIEST));
  }

  private static Group formedOn(Group group, String code, LocalDate formed) {
    return new Group(BookId.of(code), group.name(), group.currency(), formed, group.meetingFrequency(),
        group.compulsorySavings(), group.rounding(), group.financialYearStart(), group.loanDefaults());
  }

  @Test
  void aBankAccountMayBeOlderThanTheGroupButNotOpenedInTheFuture() {
    groups.setBankAccount(SHG, M01, MemberBankAccount.of("SBI", "SBIN0001234", "123456789", FORMED.minusYears(5)));
    assertRefused(GroupRejection.DATE_TOO_FAR_AHEAD, "an account opened in 2099", () -> groups.setBankAccount(SHG, M02,
        MemberBankAccount.of("SBI", "SBIN0001234", "123456789", LocalDate.of(2099, 1, 1))));
    assertRefused(GroupRejection.INVALID_DATE, "an account opened in year 1", () -> groups.addMember(SHG,
        Member.joining(MemberId.of("M05"), "Member M05", MemberCategory.ADULT_WOMAN, TODAY)
            .withBankAccount(MemberBankAccount.of("SBI", "SBIN0001234", "123456789", LocalDate.of(1, 1, 1)))));
  }

  @Test
  void aTermStartsWithinTheLimitsAndMayEndYearsAhead() {
    groups.elect(SHG, new BearerTerm(Role.PRESIDENT, M01, FORMED, TODAY.plusYears(3)));
    assertEquals(Map.of(Role.PRESIDENT, M01), groups.bearersOn(SHG, TODAY));
  }
}
