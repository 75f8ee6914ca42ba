package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;

/** The indicators of generated units come to what the generator counted as it built them. */
class ProgrammeIndicatorsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 20250630})
  void aGeneratedUnitHasTheCountsItWasBuiltWith(long seed) {
    GeneratedUnit unit = new GeneratedUnit(seed, 12);

    IndicatorReport report = new ProgrammeIndicators(unit.programme).compute(unit.codes, GeneratedUnit.AS_OF, 3);

    assertEquals(unit.groupsCounted, count(report, ProgrammeIndicators.GROUPS));
    assertEquals(12, report.groups().size(), "the group formed after the day is not in the report");
    long adults = unit.members.getOrDefault(MemberCategory.ADULT_WOMAN, 0L);
    long adolescents = unit.members.getOrDefault(MemberCategory.ADOLESCENT_GIRL, 0L);
    assertEquals(adults + adolescents, count(report, ProgrammeIndicators.MEMBERS));
    assertEquals(adults, count(report, ProgrammeIndicators.MEMBERS_ADULT));
    assertEquals(adolescents, count(report, ProgrammeIndicators.MEMBERS_ADOLESCENT));
    assertEquals(unit.withBankAccount, count(report, ProgrammeIndicators.MEMBERS_WITH_BANK_ACCOUNT));
    assertEquals(unit.savers, count(report, ProgrammeIndicators.MEMBERS_SAVING));

    assertEquals(unit.loans, count(report, ProgrammeIndicators.LOANS_DISBURSED));
    for (LoanPurpose purpose : LoanPurpose.values()) {
      assertEquals((long) unit.loansByPurpose.getOrDefault(purpose, 0L),
          count(report, ProgrammeIndicators.loansFor(purpose)), purpose::name);
    }
    assertEquals(unit.loansWithoutPurpose, count(report, ProgrammeIndicators.LOANS_NO_PURPOSE));
    assertEquals(unit.loansRepaid, count(report, ProgrammeIndicators.LOANS_REPAID));
    assertEquals(unit.disbursed, amount(report, ProgrammeIndicators.AMOUNT_LENT));
    assertEquals(unit.principalRepaid, amount(report, ProgrammeIndicators.PRINCIPAL_REPAID));
    assertEquals(unit.disbursed.minus(unit.principalRepaid), amount(report, ProgrammeIndicators.PRINCIPAL_OUTSTANDING));
    assertEquals(unit.livelihood, amount(report, ProgrammeIndicators.AMOUNT_LENT_LIVELIHOOD));
    assertEquals(new Value.Percent(unit.collected.getAmount().multiply(BigDecimal.valueOf(100))
            .divide(unit.demand.getAmount(), 2, RoundingMode.DOWN)),
        report.value(ProgrammeIndicators.REPAYMENT_RATE).orElseThrow());

    long children = 0;
    for (SchoolStatus status : SchoolStatus.values()) {
      long expected = unit.children.getOrDefault(status, 0L);
      children += expected;
      assertEquals(expected, count(report, ProgrammeIndicators.childrenWith(status)), status::name);
    }
    assertEquals(children, count(report, ProgrammeIndicators.CHILDREN));
    assertEquals(unit.childrenOfSchoolAge, count(report, ProgrammeIndicators.CHILDREN_SCHOOL_AGE));

    long trainedAdults = unit.trained.getOrDefault(MemberCategory.ADULT_WOMAN, 0L);
    long trainedAdolescents = unit.trained.getOrDefault(MemberCategory.ADOLESCENT_GIRL, 0L);
    assertEquals(trainedAdults + trainedAdolescents, count(report, ProgrammeIndicators.TRAINED));
    assertEquals(trainedAdults, count(report, ProgrammeIndicators.TRAINED_ADULT));
    assertEquals(trainedAdolescents, count(report, ProgrammeIndicators.TRAINED_ADOLESCENT));
    for (Map.Entry<TrainingTopic, Long> topic : unit.trainedByTopic.entrySet()) {
      assertEquals((long) topic.getValue(), count(report, ProgrammeIndicators.trainedIn(topic.getKey())));
    }
    assertTrue(unit.loans > 0 && unit.savers > 0 && children > 0 && trainedAdults > 0,
        "the generator made something of each kind to count");
  }

  @Test
  void partsAddUpToTheirTotals() {
    GeneratedUnit unit = new GeneratedUnit(7, 30);
    IndicatorReport report = new ProgrammeIndicators(unit.programme).compute(unit.codes, GeneratedUnit.AS_OF, 3);
    for (IndicatorLine total : report.lines()) {
      List<IndicatorLine> parts = report.lines().stream()
          .filter(line -> line.partOf().equals(java.util.Optional.of(total.key()))).toList();
      if (!parts.isEmpty()) {
        long sum = parts.stream().mapToLong(part -> ((Value.Count) part.value()).value()).sum();
        assertEquals(((Value.Count) total.value()).value(), sum, total.key());
      }
    }
  }

  @Test
  void aGroupNamedTwiceCountsOnceAndAnUnknownOneIsNotFound() {
    GeneratedUnit unit = new GeneratedUnit(5, 2);
    ProgrammeIndicators indicators = new ProgrammeIndicators(unit.programme);
    IndicatorReport once = indicators.compute(unit.codes, GeneratedUnit.AS_OF, 3);
    List<BookId> twice = new java.util.ArrayList<>(unit.codes);
    twice.addAll(unit.codes);
    assertEquals(once, indicators.compute(twice, GeneratedUnit.AS_OF, 3));

    GroupException unknown = assertThrows(GroupException.class,
        () -> indicators.compute(List.of(BookId.of("NOPE")), GeneratedUnit.AS_OF, 3));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, unknown.reason());
  }

  @Test
  void savingIsCountedOverTheLastNMonthsEndingOnTheDay() {
    GeneratedUnit unit = new GeneratedUnit(11, 1);
    ProgrammeIndicators indicators = new ProgrammeIndicators(unit.programme);
    // one month: everyone who saved on 5 June, the late joiners and irregular savers too
    long members = count(indicators.compute(unit.codes, GeneratedUnit.AS_OF, 3), ProgrammeIndicators.MEMBERS);
    assertEquals(members, count(indicators.compute(unit.codes, GeneratedUnit.AS_OF, 1), ProgrammeIndicators.MEMBERS_SAVING));
    // on 4 June the two months are 5 April to 4 May and 5 May to 4 June: the meetings of 5 April
    // and 5 May, which the irregular savers (who skipped May) and the late joiners missed
    assertEquals(unit.savers, count(indicators.compute(unit.codes, LocalDate.of(2025, 6, 4), 2),
        ProgrammeIndicators.MEMBERS_SAVING));
  }

  /** A saving reversed by the day is no saving; one reversed only after it still was. */
  @Test
  void aReversedSavingDoesNotCount() {
    GeneratedUnit unit = new GeneratedUnit(3, 1);
    BookId code = unit.codes.get(0);
    MemberId saver = unit.groups.membersOn(code, GeneratedUnit.AS_OF).stream()
        .filter(member -> member.joined().equals(GeneratedUnit.FORMED)).findFirst().orElseThrow().id();
    ProgrammeIndicators indicators = new ProgrammeIndicators(unit.programme);
    long before = count(indicators.compute(unit.codes, GeneratedUnit.AS_OF, 1), ProgrammeIndicators.MEMBERS_SAVING);

    unit.groups.reverse(code, EntryId.of("S-2025-06-05-" + saver), EntryId.of("R1"), LocalDate.of(2025, 6, 20),
        "not her money");
    assertEquals(before - 1, count(indicators.compute(unit.codes, GeneratedUnit.AS_OF, 1), ProgrammeIndicators.MEMBERS_SAVING));
    assertEquals(before, count(indicators.compute(unit.codes, LocalDate.of(2025, 6, 19), 1),
        ProgrammeIndicators.MEMBERS_SAVING), "on the 19th the saving of the 5th still stood");

    // saving again on the 25th counts
    unit.groups.record(code, EntryId.of("S2"), LocalDate.of(2025, 6, 25),
        new GroupOperation.Save(saver, SavingsKind.VOLUNTARY, GeneratedUnit.rupees(50), Channel.CASH));
    assertEquals(before, count(indicators.compute(unit.codes, GeneratedUnit.AS_OF, 1), ProgrammeIndicators.MEMBERS_SAVING));
  }

  static long count(IndicatorReport report, String key) {
    Value value = report.value(key).orElseThrow(() -> new AssertionError("no line " + key));
    return ((Value.Count) value).value();
  }

  static Money amount(IndicatorReport report, String key) {
    return ((Value.Amount) report.value(key).orElseThrow()).value();
  }
}
