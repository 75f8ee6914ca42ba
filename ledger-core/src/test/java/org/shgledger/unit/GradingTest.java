package org.shgledger.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * The Panchasutra scorecard, worked by hand for two groups over the financial year April 2024 –
 * March 2025, under the default policy.
 *
 * <p><b>SHG-A</b>, 4 members, meets on the 5th of every month from April 2024 to March 2025 (12
 * meetings), everyone present and saving 100 each time. After the February meeting (cash 4,400)
 * M01 borrows 4,000 flat at 1 % a month, 10 monthly instalments of 440 (400 + 40) from 5 March,
 * and pays the first on time. On 31 March: loans 3,600, corpus = savings 4,800 + interest 40 =
 * 4,840. Meetings 12/12 = 1, attendance 48/48 = 1, savers 4/4 = 1, lending 3,600 ÷ (4,840 × 0.8)
 * = 0.9298, repayment 440/440 = 1, books (last entry 5 March, 26 days) = 1. Score 10 + 10 + 20 +
 * 20 × 0.9298 + 20 + 20 = 98.6: grade A. A meeting in each of 12 months: eligible for a bank loan
 * of 4 × 4,840 = 19,360.
 *
 * <p><b>SHG-C</b>, 5 members, meets from April to September only (6 meetings). M01 and M02 come
 * and save every time; one of M03, M04, M05 comes in turn, and those three save in April, May and
 * June only. In June (cash 1,500) M03 borrows 1,000 flat at 2 %, 5 instalments of 220 from 5 July,
 * and pays only July's. Corpus = 2,100 + 20 = 2,120, loans 800. Meetings 6/12 = 0.5, attendance
 * 18/30 = 0.6, savers 2/5 = 0.4, lending 800 ÷ 1,696 = 0.4717, repayment 220/1,100 = 0.2, books
 * (last entry 5 September, 207 days) = 0. Score 5 + 6 + 8 + 9.434 + 4 + 0 = 32.4: grade C; no
 * meeting in March or February: not eligible.
 */
class GradingTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId STRONG = BookId.of("SHG-A");
  static final BookId WEAK = BookId.of("SHG-C");
  static final LocalDate FROM = LocalDate.of(2024, 4, 1);
  static final LocalDate TO = LocalDate.of(2025, 3, 31);
  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final MemberId M03 = MemberId.of("M03");
  static final MemberId M04 = MemberId.of("M04");
  static final MemberId M05 = MemberId.of("M05");

  UnitLife life;
  SavingsGroups groups;
  Grading grading;
  final GradingPolicy policy = GradingPolicy.defaults();

  static Money rupees(long amount) {
    return Money.of(INR, BigDecimal.valueOf(amount));
  }

  static BigDecimal decimal(String value) {
    return new BigDecimal(value);
  }

  @BeforeEach
  void twoGroups() {
    life = new UnitLife();
    groups = life.groups;
    strong();
    weak();
    life.units.createUnit(Unit.top(UnitCode.of("CL"), "Cluster"));
    life.units.addGroup(UnitCode.of("CL"), WEAK);
    life.units.addGroup(UnitCode.of("CL"), STRONG);
    grading = new Grading(life.units);
  }

  private void create(BookId code, List<MemberId> members) {
    groups.createGroup(new Group(code, "Group " + code, INR, FROM, MeetingFrequency.MONTHLY, rupees(100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 10)));
    for (MemberId id : members) {
      groups.addMember(code, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FROM));
    }
  }

  private void save(BookId code, LocalDate day, MemberId member) {
    groups.record(code, EntryId.of(code + "-" + day + "-" + member), day,
        new GroupOperation.Save(member, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
  }

  private void strong() {
    List<MemberId> members = List.of(M01, M02, M03, M04);
    create(STRONG, members);
    for (int m = 0; m < 12; m++) {
      LocalDate day = LocalDate.of(2024, 4, 5).plusMonths(m);
      Map<MemberId, Attendance> roll = new TreeMap<>();
      for (MemberId id : members) {
        save(STRONG, day, id);
        roll.put(id, Attendance.PRESENT);
      }
      groups.recordMeeting(new Meeting(STRONG, day, roll));
    }
    LocalDate lent = LocalDate.of(2025, 2, 5);
    groups.disburseLoan(STRONG, EntryId.of("A-LOAN"), LoanId.of("L1"), M01,
        LoanTerms.of(rupees(4_000), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 10,
            Frequency.MONTHLY, lent), Channel.CASH);
    groups.repayLoan(STRONG, EntryId.of("A-REPAY-1"), LoanId.of("L1"), LocalDate.of(2025, 3, 5), rupees(440), Channel.CASH);
  }

  private void weak() {
    List<MemberId> members = List.of(M01, M02, M03, M04, M05);
    create(WEAK, members);
    List<MemberId> inTurn = List.of(M03, M04, M05);
    for (int m = 0; m < 6; m++) {
      LocalDate day = LocalDate.of(2024, 4, 5).plusMonths(m);
      Map<MemberId, Attendance> roll = new TreeMap<>();
      for (MemberId id : members) {
        boolean comes = id.equals(M01) || id.equals(M02) || id.equals(inTurn.get(m % 3));
        roll.put(id, comes ? Attendance.PRESENT : Attendance.ABSENT);
        if (id.equals(M01) || id.equals(M02) || m < 3) {
          save(WEAK, day, id);
        }
      }
      groups.recordMeeting(new Meeting(WEAK, day, roll));
    }
    groups.disburseLoan(WEAK, EntryId.of("C-LOAN"), LoanId.of("L1"), M03,
        LoanTerms.of(rupees(1_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
            Frequency.MONTHLY, LocalDate.of(2024, 6, 5)), Channel.CASH);
    groups.repayLoan(WEAK, EntryId.of("C-REPAY-1"), LoanId.of("L1"), LocalDate.of(2024, 7, 5), rupees(220), Channel.CASH);
  }

  @Test
  void aGroupThatKeepsEverySutraIsGradedAAndReadyForABankLoan() {
    Scorecard card = grading.scorecard(STRONG, FROM, TO, policy);

    assertEquals(12, card.meetingsHeld());
    assertEquals(12, card.meetingsExpected());
    assertEquals(48, card.memberMeetings());
    assertEquals(48, card.attended());
    assertEquals(4, card.savers());
    assertEquals(4, card.saversBase());
    assertEquals(rupees(3_600), card.loansOutstanding());
    assertEquals(rupees(440), card.demand());
    assertEquals(rupees(440), card.collection());
    assertEquals(Optional.of(26L), card.daysSinceLastEntry());
    assertEquals(Map.of(Measure.MEETINGS, decimal("1.0000"), Measure.ATTENDANCE, decimal("1.0000"),
        Measure.SAVINGS, decimal("1.0000"), Measure.LENDING, decimal("0.9298"),
        Measure.REPAYMENT, decimal("1.0000"), Measure.BOOKS, decimal("1.0000")), card.scores());
    assertEquals(decimal("98.6"), card.score());
    assertEquals(Grade.A, card.grade());
    assertEquals(new Linkage(12, true, rupees(4_840), rupees(19_360)), card.linkage());
    assertEquals(Optional.of(decimal("0.7438")), card.lendingRate());
    assertEquals(Optional.of(decimal("1.0000")), card.repaymentRate());
  }

  @Test
  void aGroupThatStoppedMeetingIsGradedCAndNotReady() {
    Scorecard card = grading.scorecard(WEAK, FROM, TO, policy);

    assertEquals(6, card.meetingsHeld());
    assertEquals(12, card.meetingsExpected());
    assertEquals(Optional.of(decimal("0.6000")), card.attendanceRate());
    assertEquals(Optional.of(decimal("0.4000")), card.saversRate());
    assertEquals(rupees(800), card.loansOutstanding());
    assertEquals(rupees(1_100), card.demand());
    assertEquals(rupees(220), card.collection());
    assertEquals(Optional.of(207L), card.daysSinceLastEntry());
    assertEquals(Map.of(Measure.MEETINGS, decimal("0.5000"), Measure.ATTENDANCE, decimal("0.6000"),
        Measure.SAVINGS, decimal("0.4000"), Measure.LENDING, decimal("0.4717"),
        Measure.REPAYMENT, decimal("0.2000"), Measure.BOOKS, decimal("0.0000")), card.scores());
    assertEquals(decimal("32.4"), card.score());
    assertEquals(Grade.C, card.grade());
    assertEquals(new Linkage(0, false, rupees(2_120), rupees(0)), card.linkage());
  }

  /**
   * SHG-A over May 2024 – 4 May 2025: 12 meetings of 13 expected (0.9231); the April instalment
   * unpaid (440 of 880: 0.5); the last entry 60 days back, books (90 − 60) ÷ (90 − 31) = 0.5085. Score
   * 9.231 + 10 + 20 + 18.596 + 10 + 10.17 = 78.0: grade B; no meeting in May or April 2025: not
   * eligible.
   */
  @Test
  void booksFallingBehindAndAMissedInstalmentMakeGradeB() {
    Scorecard card = grading.scorecard(STRONG, LocalDate.of(2024, 4, 5), LocalDate.of(2025, 5, 4), policy);

    assertEquals(decimal("0.9231"), card.scores().get(Measure.MEETINGS));
    assertEquals(decimal("0.5000"), card.scores().get(Measure.REPAYMENT));
    assertEquals(decimal("0.5085"), card.scores().get(Measure.BOOKS));
    assertEquals(decimal("78.0"), card.score());
    assertEquals(Grade.B, card.grade());
    assertFalse(card.linkage().eligible());
  }

  @Test
  void thePolicyDecidesTheGradesAndTheLinkage() {
    Properties strict = new Properties();
    strict.setProperty("grade.a", "99");
    strict.setProperty("linkage.multiple", "1.5");
    strict.setProperty("linkage.months", "12");

    Scorecard card = grading.scorecard(STRONG, FROM, TO, GradingPolicy.fromProperties(strict));

    assertEquals(Grade.B, card.grade());
    assertEquals(new Linkage(12, true, rupees(4_840), rupees(7_260)), card.linkage());
    strict.setProperty("linkage.grade", "A");
    assertFalse(grading.scorecard(STRONG, FROM, TO, GradingPolicy.fromProperties(strict)).linkage().eligible());
    strict.setProperty("linkage.grade", "B");
    strict.setProperty("linkage.months", "13");
    assertFalse(grading.scorecard(STRONG, FROM, TO, GradingPolicy.fromProperties(strict)).linkage().eligible());
  }

  @Test
  void onlyWeightedMeasuresCount() {
    Properties onlyBooks = new Properties();
    for (Measure measure : Measure.values()) {
      onlyBooks.setProperty("weight." + measure.key(), measure == Measure.BOOKS ? "1" : "0");
    }

    assertEquals(decimal("100.0"), grading.scorecard(STRONG, FROM, TO, GradingPolicy.fromProperties(onlyBooks)).score());
    assertEquals(decimal("0.0"), grading.scorecard(WEAK, FROM, TO, GradingPolicy.fromProperties(onlyBooks)).score());
  }

  @Test
  void aUnitsScorecardsAreItsGroupsInCodeOrder() {
    List<Scorecard> cards = grading.scorecards(UnitCode.of("CL"), FROM, TO, policy);

    assertEquals(List.of(STRONG, WEAK), cards.stream().map(Scorecard::group).toList());
    assertEquals(List.of(Grade.A, Grade.C), cards.stream().map(Scorecard::grade).toList());
    assertThrows(UnitException.class, () -> grading.scorecards(UnitCode.of("NOPE"), FROM, TO, policy));
    assertThrows(GroupException.class, () -> grading.scorecard(BookId.of("NOPE"), FROM, TO, policy));
  }

  @Test
  void closingTheYearIsNotKeepingTheBooks() {
    groups.closeYear(WEAK, EntryId.of("C-YEAR-END"), TO);

    Scorecard card = grading.scorecard(WEAK, FROM, TO, policy);

    assertEquals(Optional.of(LocalDate.of(2024, 9, 5)), card.lastEntry());
    assertEquals(decimal("0.0000"), card.scores().get(Measure.BOOKS));
  }

  @Test
  void aSavingReversedLaterDoesNotCountForItsMeeting() {
    LocalDate march = LocalDate.of(2025, 3, 5);
    groups.reverse(STRONG, EntryId.of(STRONG + "-" + march + "-" + M02), EntryId.of("A-REVERSE"),
        LocalDate.of(2025, 3, 20), "she did not pay");

    Scorecard card = grading.scorecard(STRONG, FROM, TO, policy);

    assertEquals(3, card.savers());
    assertEquals(decimal("0.7500"), card.scores().get(Measure.SAVINGS));
  }

  @Test
  void meetingsExpectedAreWholeWeeksFortnightsOrCalendarMonths() {
    assertEquals(12, Grading.expectedMeetings(MeetingFrequency.MONTHLY, FROM, TO));
    assertEquals(52, Grading.expectedMeetings(MeetingFrequency.WEEKLY, FROM, TO));
    assertEquals(26, Grading.expectedMeetings(MeetingFrequency.FORTNIGHTLY, FROM, TO));
    assertEquals(11, Grading.expectedMeetings(MeetingFrequency.MONTHLY, LocalDate.of(2024, 4, 15), TO));
    assertEquals(0, Grading.expectedMeetings(MeetingFrequency.WEEKLY, TO, FROM));
  }

  @Test
  void monthsOfActivityCountBackFromTheLastMonthWithoutPenalisingTheCurrentOne() {
    List<Meeting> meetings = List.of(
        new Meeting(STRONG, LocalDate.of(2024, 1, 9), Map.of()),
        new Meeting(STRONG, LocalDate.of(2024, 3, 9), Map.of()),
        new Meeting(STRONG, LocalDate.of(2024, 4, 9), Map.of()),
        new Meeting(STRONG, LocalDate.of(2024, 5, 9), Map.of()));

    assertEquals(3, Grading.monthsActive(meetings, LocalDate.of(2024, 5, 31)));
    assertEquals(3, Grading.monthsActive(meetings, LocalDate.of(2024, 6, 2)), "June has not met yet");
    assertEquals(0, Grading.monthsActive(meetings, LocalDate.of(2024, 7, 2)));
    assertEquals(2, Grading.monthsActive(meetings, LocalDate.of(2024, 5, 8)), "the May meeting is after the day");
  }

  @Test
  void aScorecardNamesNoMember() {
    String everything = grading.scorecards(UnitCode.of("CL"), FROM, TO, policy).toString();

    assertTrue(everything.contains("Group SHG-A"));
    assertFalse(everything.contains("Member M0"));
  }
}
