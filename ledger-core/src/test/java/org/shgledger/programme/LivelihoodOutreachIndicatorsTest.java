package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.shgledger.group.GroupOperation;
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
import org.shgledger.unit.Units;

/**
 * The commitment's last three targets as indicators: members generating a sustainable income
 * (an activity with a positive reading in the last 6 months), members with improved access to
 * capital (a loan from the group), people reached by outreach in the month; and the median income
 * by activity, withheld below 5 members.
 */
class LivelihoodOutreachIndicatorsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");
  private static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final UnitCode PATNA = UnitCode.of("PATNA");

  private final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  private final InMemoryProgrammeRegister register = new InMemoryProgrammeRegister();
  private final Livelihoods livelihoods = new Livelihoods(groups, register.livelihoods());
  private final Units units = new Units(groups, new InMemoryUnitRegistry());
  private final Outreach outreach = new Outreach(units, register.outreach());

  LivelihoodOutreachIndicatorsTest() {
    groups.createGroup(new Group(SHG, "Roshni", INR, FORMED, MeetingFrequency.MONTHLY, Money.of(INR, 100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
    for (int n = 1; n <= 8; n++) {
      groups.addMember(SHG, Member.joining(member(n), "Member " + n, MemberCategory.ADULT_WOMAN, FORMED));
    }
    units.createUnit(Unit.top(PATNA, "Patna"));
    units.addGroup(PATNA, SHG);
  }

  private static MemberId member(int n) {
    return MemberId.of(String.format("M%02d", n));
  }

  private void tailoring(int member, LocalDate reading, long rupees) {
    livelihoods.recordUnderDefaultId(SHG, new Livelihood(LivelihoodId.of("X"), member(member),
        LivelihoodActivity.TAILORING, FORMED.plusMonths(1), Optional.empty(),
        List.of(new IncomeReading(reading, Money.of(INR, rupees)))));
  }

  private IndicatorReport indicators() {
    return new ProgrammeIndicators(new Programme(groups, register)).compute(List.of(SHG), AS_OF, 3,
        outreach.events(PATNA, AS_OF.minusMonths(1).plusDays(1), AS_OF));
  }

  private static Value value(IndicatorReport report, String key) {
    return report.lines().stream().filter(line -> line.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void aSustainableIncomeIsAPositiveReadingOfTheLastSixMonths() {
    tailoring(1, AS_OF.minusMonths(1), 1000);
    tailoring(2, AS_OF.minusMonths(5), 1500);
    tailoring(3, AS_OF.minusMonths(6), 2000); // six months ago to the day: too old
    tailoring(4, AS_OF.minusMonths(1), 0); // running it, earning nothing yet
    tailoring(5, AS_OF.plusDays(1), 900); // a reading after the day is not seen
    tailoring(1, AS_OF.minusMonths(2), 3000); // her second activity: she counts once

    IndicatorReport report = indicators();
    assertEquals(Value.count(5), value(report, ProgrammeIndicators.MEMBERS_WITH_LIVELIHOOD));
    assertEquals(Value.count(2), value(report, ProgrammeIndicators.MEMBERS_EARNING));
  }

  @Test
  void theMedianIncomeOfAnActivityIsShownFromFiveMembers() {
    for (int n = 1; n <= 4; n++) {
      tailoring(n, AS_OF.minusMonths(1), 1000L * n);
    }
    assertEquals(new Value.Withheld(Value.Reason.SMALL), value(indicators(), "livelihood_income.tailoring"));

    tailoring(5, AS_OF.minusMonths(1), 100);
    tailoring(6, AS_OF.minusMonths(1), 2501);
    // 100, 1000, 2000, 2501, 3000, 4000: the middle two's mean, 2250.50
    assertEquals(new Value.Amount(Money.of(INR, 2250.50)), value(indicators(), "livelihood_income.tailoring"));
  }

  @Test
  void accessToCapitalCountsTheMembersWhoBorrowedAndTheLoansThatFinancedAnActivity() {
    groups.record(SHG, EntryId.of("G"), FORMED, new GroupOperation.ReceiveGrant(Money.of(INR, 50_000), Channel.CASH));
    for (int n = 1; n <= 3; n++) {
      groups.disburseLoan(SHG, EntryId.of("LD" + n), LoanId.of("L" + n), member(n), groups.group(SHG).loanDefaults()
          .termsFor(Money.of(INR, 1_000), FORMED.plusMonths(2), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP)),
          Channel.CASH);
    }
    groups.disburseLoan(SHG, EntryId.of("LD4"), LoanId.of("L4"), member(1), groups.group(SHG).loanDefaults()
        .termsFor(Money.of(INR, 1_000), FORMED.plusMonths(3), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP)),
        Channel.CASH);
    livelihoods.record(SHG, new Livelihood(LivelihoodId.of("M02-A1"), member(2), LivelihoodActivity.LIVESTOCK,
        FORMED.plusMonths(2), Optional.of(LoanId.of("L2")), List.of()));

    IndicatorReport report = indicators();
    assertEquals(Value.count(3), value(report, ProgrammeIndicators.MEMBERS_WITH_LOAN), "M01 borrowed twice");
    assertEquals(Value.count(1), value(report, ProgrammeIndicators.LOANS_FOR_ACTIVITY));
  }

  @Test
  void outreachCountsThePeopleReachedInTheMonthThatEndsOnTheDay() {
    outreach.record(PATNA, new OutreachEvent(OutreachId.of("1"), AS_OF.minusMonths(1), OutreachKind.RALLY, 5000,
        OptionalLong.empty(), List.of(SHG))); // 30 May: a month before, outside
    outreach.record(PATNA, new OutreachEvent(OutreachId.of("2"), AS_OF.minusMonths(1).plusDays(1),
        OutreachKind.STREET_PLAY, 400, OptionalLong.empty(), List.of()));
    outreach.record(PATNA, new OutreachEvent(OutreachId.of("3"), AS_OF, OutreachKind.PETITION, 1200,
        OptionalLong.of(3100), List.of(SHG)));

    IndicatorReport report = SmallCells.protect(indicators().withTargets(Targets.commitment()),
        SmallCells.DEFAULT_THRESHOLD);
    assertEquals(Value.count(1600), value(report, ProgrammeIndicators.OUTREACH_REACHED_MONTHLY));
    assertEquals(Value.count(2), value(report, ProgrammeIndicators.OUTREACH_EVENTS));
    assertEquals(Value.count(1), value(report, "outreach.petition"), "a count of events is no person: not withheld");
    assertEquals(Value.count(3100), value(report, ProgrammeIndicators.OUTREACH_SIGNATURES));
    IndicatorLine reach = report.lines().stream()
        .filter(line -> line.key().equals(ProgrammeIndicators.OUTREACH_REACHED_MONTHLY)).findFirst().orElseThrow();
    assertEquals(Optional.of(new BigDecimal("10000")), reach.target().map(BigDecimal::stripTrailingZeros)
        .map(t -> t.setScale(0)));
    assertEquals(new Value.Percent(new BigDecimal("16.0")), reach.percentOfTarget());
    assertTrue(Pace.of(report, FORMED, 5).lines().stream()
        .noneMatch(line -> line.key().equals(ProgrammeIndicators.OUTREACH_REACHED_MONTHLY)),
        "a month's reach is a level, with no yearly pace");
    assertEquals(List.of(OutreachId.of("1"), OutreachId.of("3")), outreach.eventsOfGroups(List.of(SHG),
        AS_OF.minusMonths(2), AS_OF).stream().map(OutreachEvent::id).toList(),
        "counted by groups, the events that name one of them");
  }
}
