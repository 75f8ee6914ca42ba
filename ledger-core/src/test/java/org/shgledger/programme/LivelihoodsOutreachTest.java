package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.shgledger.unit.InMemoryUnitRegistry;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.UnitRejection;
import org.shgledger.unit.Units;

/**
 * The rules of the livelihood and outreach registers: an activity is a member's from a day she was
 * a member, financed by her own loan; readings only grow; every record is repeat-safe; an outreach
 * event is its unit's, held by groups under it.
 */
class LivelihoodsOutreachTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");
  private static final BookId OTHER = BookId.of("SHG09");
  private static final MemberId M01 = MemberId.of("M01");
  private static final MemberId M02 = MemberId.of("M02");
  private static final LocalDate JOINED = LocalDate.of(2024, 4, 1);
  private static final LocalDate APRIL = LocalDate.of(2025, 4, 1);
  private static final UnitCode PATNA = UnitCode.of("PATNA");

  private final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  private final InMemoryProgrammeRegister register = new InMemoryProgrammeRegister();
  private final Livelihoods livelihoods = new Livelihoods(groups, register.livelihoods());
  private final Units units = new Units(groups, new InMemoryUnitRegistry());
  private final Outreach outreach = new Outreach(units, register.outreach());

  LivelihoodsOutreachTest() {
    for (BookId code : List.of(SHG, OTHER)) {
      groups.createGroup(new Group(code, "Roshni", INR, JOINED, MeetingFrequency.MONTHLY, Money.of(INR, 100),
          RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
          LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
    }
    groups.addMember(SHG, Member.joining(M01, "Asha", MemberCategory.ADULT_WOMAN, JOINED));
    groups.addMember(SHG, Member.joining(M02, "Rekha", MemberCategory.ADOLESCENT_GIRL, APRIL));
    units.createUnit(Unit.top(PATNA, "Patna"));
    units.addGroup(PATNA, SHG);
  }

  private static Livelihood shop(MemberId member, LocalDate started, Optional<LoanId> loan, List<IncomeReading> readings) {
    return new Livelihood(LivelihoodId.of("X"), member, LivelihoodActivity.SMALL_SHOP, started, loan, readings);
  }

  private static IncomeReading rupees(LocalDate day, long amount) {
    return new IncomeReading(day, Money.of(INR, amount));
  }

  @Test
  void anActivityTakesTheMembersFirstFreeIdAndTheSameRecordAgainRecordsNothing() {
    Livelihoods.Recorded first = livelihoods.recordUnderDefaultId(SHG, shop(M01, APRIL, Optional.empty(),
        List.of(rupees(APRIL, 1500))));
    assertEquals(LivelihoodId.of("M01-A1"), first.livelihood().id());
    assertFalse(first.repeat());
    Livelihoods.Recorded again = livelihoods.recordUnderDefaultId(SHG, shop(M01, APRIL, Optional.empty(),
        List.of(rupees(APRIL, 1500))));
    assertTrue(again.repeat());
    Livelihoods.Recorded second = livelihoods.recordUnderDefaultId(SHG, shop(M01, APRIL.plusDays(1), Optional.empty(),
        List.of()));
    assertEquals(LivelihoodId.of("M01-A2"), second.livelihood().id());
    assertEquals(2, livelihoods.livelihoods(SHG).size());
  }

  @Test
  void anActivityIsAMembersFromADaySheWasAMember() {
    assertEquals(ProgrammeRejection.NOT_A_MEMBER_ON_DATE, assertThrows(ProgrammeException.class,
        () -> livelihoods.record(SHG, shop(M02, JOINED, Optional.empty(), List.of()))).reason());
    assertEquals(GroupRejection.MEMBER_NOT_FOUND, assertThrows(GroupException.class,
        () -> livelihoods.record(SHG, shop(MemberId.of("M77"), APRIL, Optional.empty(), List.of()))).reason());
    assertEquals(List.of(), livelihoods.livelihoods(SHG), "a refused record leaves nothing");
  }

  @Test
  void anActivityIsFinancedByALoanTheGroupMadeToHer() {
    LoanId loan = LoanId.of("L1");
    assertEquals(GroupRejection.LOAN_NOT_FOUND, assertThrows(GroupException.class,
        () -> livelihoods.record(SHG, shop(M01, APRIL, Optional.of(loan), List.of()))).reason());
    groups.record(SHG, EntryId.of("G"), JOINED, new GroupOperation.ReceiveGrant(Money.of(INR, 5_000), Channel.CASH));
    groups.disburseLoan(SHG, EntryId.of("LD1"), loan, M01, groups.group(SHG).loanDefaults().termsFor(
        Money.of(INR, 1_000), APRIL, RoundingPolicy.wholeUnits(RoundingMode.HALF_UP)), Channel.CASH);

    assertEquals(ProgrammeRejection.LOAN_OF_ANOTHER_MEMBER, assertThrows(ProgrammeException.class,
        () -> livelihoods.record(SHG, shop(M02, APRIL, Optional.of(loan), List.of()))).reason());
    assertEquals(Optional.of(loan), livelihoods.record(SHG, shop(M01, APRIL, Optional.of(loan), List.of()))
        .livelihood().loan());
  }

  @Test
  void anIdInUseWithAnotherActivityIsRefused() {
    livelihoods.record(SHG, shop(M01, APRIL, Optional.empty(), List.of()));
    assertEquals(ProgrammeRejection.LIVELIHOOD_EXISTS, assertThrows(ProgrammeException.class,
        () -> livelihoods.record(SHG, shop(M01, APRIL.plusDays(1), Optional.empty(), List.of()))).reason());
  }

  @Test
  void readingsOnlyGrowAndTheLaterOfOneDayStands() {
    LivelihoodId id = livelihoods.record(SHG, shop(M01, APRIL, Optional.empty(), List.of(rupees(APRIL, 1000))))
        .livelihood().id();
    livelihoods.update(SHG, id, rupees(APRIL.plusMonths(1), 1200));
    livelihoods.update(SHG, id, rupees(APRIL.plusMonths(1), 1250));
    Livelihood after = livelihoods.update(SHG, id, rupees(APRIL.plusMonths(1), 1250));

    assertEquals(3, after.readings().size(), "a reading equal to the one standing records nothing");
    assertEquals(Optional.of(rupees(APRIL.plusMonths(1), 1250)), after.readingOn(APRIL.plusMonths(2)));
    assertEquals(Optional.of(rupees(APRIL, 1000)), after.readingOn(APRIL.plusDays(3)));
    assertEquals(ProgrammeRejection.READING_BEFORE_START, assertThrows(ProgrammeException.class,
        () -> livelihoods.update(SHG, id, rupees(APRIL.minusDays(1), 5))).reason());
    assertEquals(ProgrammeRejection.LIVELIHOOD_NOT_FOUND, assertThrows(ProgrammeException.class,
        () -> livelihoods.update(SHG, LivelihoodId.of("M01-A9"), rupees(APRIL, 5))).reason());
    assertThrows(IllegalArgumentException.class, () -> livelihoods.update(SHG, id,
        new IncomeReading(APRIL, Money.of(CurrencyUnit.USD, 5))));
  }

  @Test
  void anOutreachEventIsItsUnitsHeldByGroupsUnderIt() {
    OutreachEvent rally = new OutreachEvent(OutreachId.of("0"), APRIL, OutreachKind.RALLY, 1200, OptionalLong.empty(),
        List.of(SHG));
    Outreach.Recorded first = outreach.recordUnderDefaultId(PATNA, rally);
    assertEquals(OutreachId.of("20250401-1"), first.event().id());
    assertTrue(outreach.recordUnderDefaultId(PATNA, rally).repeat());
    assertEquals(OutreachId.of("20250401-2"), outreach.recordUnderDefaultId(PATNA, new OutreachEvent(
        OutreachId.of("0"), APRIL, OutreachKind.RALLY, 800, OptionalLong.empty(), List.of())).event().id());

    assertEquals(ProgrammeRejection.GROUP_NOT_IN_UNIT, assertThrows(ProgrammeException.class,
        () -> outreach.record(PATNA, new OutreachEvent(OutreachId.of("7"), APRIL, OutreachKind.RALLY, 1,
            OptionalLong.empty(), List.of(OTHER)))).reason());
    assertEquals(ProgrammeRejection.OUTREACH_EXISTS, assertThrows(ProgrammeException.class,
        () -> outreach.record(PATNA, new OutreachEvent(first.event().id(), APRIL, OutreachKind.RALLY, 1,
            OptionalLong.empty(), List.of()))).reason());
    assertEquals(UnitRejection.UNIT_NOT_FOUND, assertThrows(UnitException.class,
        () -> outreach.record(UnitCode.of("GAYA"), rally)).reason());
    assertEquals(2, outreach.events(PATNA, APRIL, APRIL).size());
    assertEquals(0, outreach.events(PATNA, APRIL.plusDays(1), APRIL.plusDays(9)).size());
  }
}
