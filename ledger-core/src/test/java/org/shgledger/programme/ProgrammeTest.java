package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** The registers' rules: checked against the books, repeat-safe, and a refusal writes nothing. */
class ProgrammeTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");
  private static final MemberId M01 = MemberId.of("M01");
  private static final MemberId M02 = MemberId.of("M02");
  private static final LocalDate JOINED = LocalDate.of(2024, 4, 1);
  private static final LocalDate APRIL = LocalDate.of(2025, 4, 1);
  private static final ChildKey C1 = ChildKey.of("M01-C1");

  private final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  private final InMemoryProgrammeRegister register = new InMemoryProgrammeRegister();
  private final Programme programme = new Programme(groups, register);

  ProgrammeTest() {
    groups.createGroup(new Group(SHG, "Roshni", INR, JOINED, MeetingFrequency.MONTHLY, Money.of(INR, 100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
    groups.addMember(SHG, Member.joining(M01, "Asha", MemberCategory.ADULT_WOMAN, JOINED));
    groups.addMember(SHG, Member.joining(M02, "Rekha", MemberCategory.ADOLESCENT_GIRL, APRIL));
  }

  // ---- children ----

  @Test
  void aChildIsRegisteredOnceAndTheSameRegistrationAgainChangesNothing() {
    SchoolStatusChange first = new SchoolStatusChange(APRIL, SchoolStatus.NOT_ENROLLED);
    Child child = programme.registerChild(SHG, C1, M01, 2016, first);

    assertEquals(new Child(C1, M01, 2016, List.of(first)), child);
    assertEquals(child, programme.registerChild(SHG, C1, M01, 2016, first));
    assertEquals(List.of(child), programme.children(SHG));

    ProgrammeException other = assertThrows(ProgrammeException.class,
        () -> programme.registerChild(SHG, C1, M01, 2017, first));
    assertEquals(ProgrammeRejection.CHILD_EXISTS, other.reason());
    assertEquals("group SHG01: child M01-C1 is registered already, under M01, born 2016, from 2025-04-01",
        other.getMessage());
  }

  @Test
  void aChildsMotherIsAMemberOnTheDay() {
    GroupException unknown = assertThrows(GroupException.class, () -> programme.registerChild(SHG, C1,
        MemberId.of("M09"), 2016, new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED)));
    assertEquals(GroupRejection.MEMBER_NOT_FOUND, unknown.reason());

    ProgrammeException early = assertThrows(ProgrammeException.class, () -> programme.registerChild(SHG, C1, M02,
        2016, new SchoolStatusChange(APRIL.minusDays(1), SchoolStatus.ENROLLED)));
    assertEquals(ProgrammeRejection.NOT_A_MEMBER_ON_DATE, early.reason());
    assertEquals("group SHG01: M02 was not a member on 2025-03-31 (joined 2025-04-01)", early.getMessage());

    GroupException noGroup = assertThrows(GroupException.class, () -> programme.registerChild(BookId.of("SHG99"), C1,
        M01, 2016, new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED)));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, noGroup.reason());
    assertEquals(List.of(), register.children(SHG), "nothing was written");
  }

  @Test
  void aChildIsBornByTheDayAndNotMoreThanEighteenYearsBefore() {
    SchoolStatusChange day = new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED);
    assertEquals(ProgrammeRejection.INVALID_BIRTH_YEAR,
        assertThrows(ProgrammeException.class, () -> programme.registerChild(SHG, C1, M01, 2026, day)).reason());
    ProgrammeException old = assertThrows(ProgrammeException.class, () -> programme.registerChild(SHG, C1, M01, 2006, day));
    assertEquals("group SHG01: child M01-C1 born in 2006 would be 19 in 2025; children are registered from birth to 18",
        old.getMessage());
    programme.registerChild(SHG, C1, M01, 2007, day);
    programme.registerChild(SHG, ChildKey.of("M01-C2"), M01, 2025, day);
  }

  @Test
  void aStatusChangeIsAddedAndTheLaterOfOneDayStands() {
    programme.registerChild(SHG, C1, M01, 2014, new SchoolStatusChange(APRIL, SchoolStatus.DROPPED_OUT));
    LocalDate july = LocalDate.of(2025, 7, 1);
    programme.recordSchoolStatus(SHG, C1, new SchoolStatusChange(july, SchoolStatus.ENROLLED));
    // a mistake corrected: not enrolled but in a bridge course from 1 July
    Child child = programme.recordSchoolStatus(SHG, C1, new SchoolStatusChange(july, SchoolStatus.BRIDGE_COURSE));

    assertEquals(3, child.statuses().size(), "the mistake stays in the history");
    assertEquals(SchoolStatus.DROPPED_OUT, child.statusOn(july.minusDays(1)).orElseThrow().status());
    assertEquals(SchoolStatus.BRIDGE_COURSE, child.statusOn(july).orElseThrow().status());
    assertEquals(Optional.empty(), child.statusOn(APRIL.minusDays(1)), "no status before she was registered");

    assertEquals(child, programme.recordSchoolStatus(SHG, C1, new SchoolStatusChange(july, SchoolStatus.BRIDGE_COURSE)),
        "the status in force again changes nothing");
    assertEquals(3, programme.child(SHG, C1).statuses().size());
  }

  @Test
  void aStatusIsOfARegisteredChildFromHerRegistrationOn() {
    ProgrammeException missing = assertThrows(ProgrammeException.class, () -> programme.recordSchoolStatus(SHG,
        ChildKey.of("M01-C7"), new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED)));
    assertEquals(ProgrammeRejection.CHILD_NOT_FOUND, missing.reason());
    assertTrue(missing.reason().isNotFound());

    programme.registerChild(SHG, C1, M01, 2014, new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED));
    ProgrammeException before = assertThrows(ProgrammeException.class, () -> programme.recordSchoolStatus(SHG, C1,
        new SchoolStatusChange(APRIL.minusDays(1), SchoolStatus.DROPPED_OUT)));
    assertEquals(ProgrammeRejection.STATUS_BEFORE_REGISTRATION, before.reason());
  }

  // ---- trainings ----

  @Test
  void aTrainingsAttendeesWereMembersOnItsDay() {
    Training training = new Training(TrainingId.of("T1"), TrainingTopic.of("orientation"), APRIL.minusDays(1),
        List.of(M01, M02));
    ProgrammeException absent = assertThrows(ProgrammeException.class, () -> programme.recordTraining(SHG, training));
    assertEquals(ProgrammeRejection.ATTENDEE_NOT_A_MEMBER, absent.reason());
    assertEquals("group SHG01: training T1 on 2025-03-31 names M02, not a member on that day", absent.getMessage());

    Training unknown = new Training(TrainingId.of("T1"), TrainingTopic.of("orientation"), APRIL,
        List.of(M01, MemberId.of("M77")));
    assertEquals(GroupRejection.MEMBER_NOT_FOUND,
        assertThrows(GroupException.class, () -> programme.recordTraining(SHG, unknown)).reason());
    assertEquals(List.of(), programme.trainings(SHG));
  }

  @Test
  void aTrainingIsRecordedOnceUnderItsId() {
    Training training = new Training(TrainingId.of("T1"), TrainingTopic.of("orientation"), APRIL, List.of(M02, M01));
    assertEquals(training, programme.recordTraining(SHG, training));
    assertEquals(training, programme.recordTraining(SHG, training));
    assertEquals(List.of(training), programme.trainings(SHG));

    Training other = new Training(TrainingId.of("T1"), TrainingTopic.of("orientation"), APRIL, List.of(M01));
    ProgrammeException exists = assertThrows(ProgrammeException.class, () -> programme.recordTraining(SHG, other));
    assertEquals(ProgrammeRejection.TRAINING_EXISTS, exists.reason());
  }

  // ---- loan purposes ----

  @Test
  void aLoanPurposeIsOfALoanTheGroupMade() {
    LoanId loan = LoanId.of("L1");
    assertEquals(GroupRejection.LOAN_NOT_FOUND, assertThrows(GroupException.class,
        () -> programme.setLoanPurpose(SHG, loan, LoanPurpose.HEALTH)).reason());

    groups.record(SHG, EntryId.of("G"), JOINED, new GroupOperation.ReceiveGrant(Money.of(INR, 5_000), Channel.CASH));
    groups.disburseLoan(SHG, EntryId.of("LD1"), loan, M01,
        groups.group(SHG).loanDefaults().termsFor(Money.of(INR, 1_000), JOINED.plusMonths(1), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP)),
        Channel.CASH);
    programme.setLoanPurpose(SHG, loan, LoanPurpose.CONSUMPTION);
    programme.setLoanPurpose(SHG, loan, LoanPurpose.LIVELIHOOD);
    assertEquals(Map.of(loan, LoanPurpose.LIVELIHOOD), programme.loanPurposes(SHG));
  }
}
