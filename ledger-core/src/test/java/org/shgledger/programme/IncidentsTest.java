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
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** The community safety register's rules: repeat-safe records, a history that only grows, a purge. */
class IncidentsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");
  private static final LocalDate APRIL = LocalDate.of(2025, 4, 5);

  private final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  private final Incidents incidents = new Incidents(groups, new InMemoryIncidentRegister());

  IncidentsTest() {
    groups.createGroup(new Group(SHG, "Roshni", INR, LocalDate.of(2024, 4, 1), MeetingFrequency.MONTHLY,
        Money.of(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
  }

  private static IncidentEvent reported(LocalDate day) {
    return new IncidentEvent(day, IncidentStatus.REPORTED, List.of());
  }

  @Test
  void anIncidentTakesTheFirstFreeIdOfItsDayAndTheSameReportAgainRecordsNothing() {
    Incidents.Recorded first = incidents.record(SHG, APRIL, IncidentType.TRAFFICKING, Optional.of(AgeBand.ADOLESCENT),
        reported(APRIL));
    assertEquals(IncidentId.of("20250405-1"), first.incident().id());
    assertFalse(first.repeat());

    Incidents.Recorded again = incidents.record(SHG, APRIL, IncidentType.TRAFFICKING, Optional.of(AgeBand.ADOLESCENT),
        reported(APRIL));
    assertTrue(again.repeat());
    assertEquals(first.incident(), again.incident());

    Incidents.Recorded another = incidents.record(SHG, APRIL, IncidentType.MISSING_GIRL, Optional.empty(),
        reported(APRIL));
    assertEquals(IncidentId.of("20250405-2"), another.incident().id());
    assertEquals(2, incidents.incidents(SHG).size());
  }

  @Test
  void anIdInUseWithAnotherReportIsRefused() {
    IncidentId id = IncidentId.of("INC-7");
    incidents.record(SHG, new Incident(id, APRIL, IncidentType.RAPE, Optional.empty(), List.of(reported(APRIL))));
    ProgrammeException other = assertThrows(ProgrammeException.class, () -> incidents.record(SHG,
        new Incident(id, APRIL, IncidentType.PHYSICAL_ASSAULT, Optional.empty(), List.of(reported(APRIL)))));
    assertEquals(ProgrammeRejection.INCIDENT_EXISTS, other.reason());
  }

  @Test
  void anUpdateIsANewEventAndTheHistoryIsKept() {
    Incident incident = incidents.record(SHG, APRIL, IncidentType.FORCED_MARRIAGE, Optional.of(AgeBand.ADOLESCENT),
        reported(APRIL)).incident();
    IncidentEvent referred = new IncidentEvent(APRIL.plusDays(2), IncidentStatus.REFERRED,
        List.of(SupportService.POLICE, SupportService.CHILD_WELFARE_COMMITTEE));
    IncidentEvent closed = new IncidentEvent(APRIL.plusMonths(2), IncidentStatus.CLOSED, List.of());

    incidents.update(SHG, incident.id(), referred);
    Incident after = incidents.update(SHG, incident.id(), closed);

    assertEquals(List.of(reported(APRIL), referred, closed), after.events());
    assertEquals(Optional.of(IncidentStatus.REFERRED), after.statusOn(APRIL.plusMonths(1)));
    assertEquals(Optional.of(IncidentStatus.CLOSED), after.statusOn(APRIL.plusMonths(3)));
    assertEquals(2, after.referredBy(APRIL.plusMonths(3)).size());
    assertEquals(after, incidents.update(SHG, incident.id(), closed), "the same step again records nothing");
  }

  @Test
  void anUpdateBeforeTheReportOrOfAnUnknownIncidentIsRefused() {
    Incident incident = incidents.record(SHG, APRIL, IncidentType.RAPE, Optional.empty(), reported(APRIL)).incident();
    ProgrammeException before = assertThrows(ProgrammeException.class, () -> incidents.update(SHG, incident.id(),
        new IncidentEvent(APRIL.minusDays(1), IncidentStatus.CLOSED, List.of())));
    assertEquals(ProgrammeRejection.EVENT_BEFORE_INCIDENT, before.reason());
    ProgrammeException unknown = assertThrows(ProgrammeException.class, () -> incidents.update(SHG,
        IncidentId.of("99"), reported(APRIL)));
    assertEquals(ProgrammeRejection.INCIDENT_NOT_FOUND, unknown.reason());
    assertTrue(unknown.reason().isNotFound());
    GroupException noGroup = assertThrows(GroupException.class,
        () -> incidents.incidents(BookId.of("SHG99")));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, noGroup.reason());
  }

  @Test
  void aPurgeDeletesEveryIncidentOfTheGroupAndRecordsTheCounts() {
    Incident incident = incidents.record(SHG, APRIL, IncidentType.RAPE, Optional.empty(), reported(APRIL)).incident();
    incidents.update(SHG, incident.id(), new IncidentEvent(APRIL, IncidentStatus.REFERRED, List.of(SupportService.HEALTH)));
    incidents.record(SHG, APRIL, IncidentType.MISSING_GIRL, Optional.empty(), reported(APRIL));

    IncidentPurge purge = incidents.purge(SHG, APRIL.plusYears(1));

    assertEquals(new IncidentPurge(SHG, APRIL.plusYears(1), 2, 3), purge);
    assertEquals(List.of(), incidents.incidents(SHG));
    assertEquals(List.of(purge), incidents.purges(SHG));
  }

  @Test
  void anIdCannotHoldAWord() {
    for (String bad : List.of("SUNITA", "asha-1", "ABCD-1", "", "1".repeat(25), "M01 2")) {
      assertThrows(IllegalArgumentException.class, () -> IncidentId.of(bad), bad);
    }
    for (String good : List.of("20250405-1", "INC-2025-017", "7", "AB12")) {
      assertEquals(good, IncidentId.of(good).value());
    }
  }
}
