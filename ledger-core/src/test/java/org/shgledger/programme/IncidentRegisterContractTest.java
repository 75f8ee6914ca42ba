package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;

/**
 * What every {@link IncidentRegister} does: gives back what was put, in id order, each group's
 * apart; a purge deletes one group's incidents and keeps the record of it. Each implementation runs
 * these by extending this class.
 */
public abstract class IncidentRegisterContractTest {

  /** The first group. */
  protected static final BookId SHG01 = BookId.of("SHG01");
  /** The second group. */
  protected static final BookId SHG02 = BookId.of("SHG02");

  private static final LocalDate APRIL = LocalDate.of(2025, 4, 5);

  private IncidentRegister register;

  /**
   * A new, empty register in which the books of both groups exist.
   *
   * @param books the books, not null
   * @return the register, not null
   */
  protected abstract IncidentRegister newRegister(List<Book> books);

  @BeforeEach
  void newRegister() {
    CurrencyUnit inr = CurrencyUnit.of("INR");
    register = newRegister(List.of(new Book(SHG01, "One", inr), new Book(SHG02, "Two", inr)));
  }

  /**
   * An incident reported on 5 April 2025.
   *
   * @param id its id, not null
   * @return the incident, not null
   */
  protected static Incident incident(String id) {
    return new Incident(IncidentId.of(id), APRIL, IncidentType.TRAFFICKING, Optional.of(AgeBand.ADOLESCENT),
        List.of(new IncidentEvent(APRIL, IncidentStatus.REFERRED,
            List.of(SupportService.POLICE, SupportService.ANTI_TRAFFICKING_UNIT))));
  }

  @Test
  void anIncidentAndItsHistoryComeBackAsPut() {
    Incident incident = incident("20250405-1");
    register.addIncident(SHG01, incident);
    IncidentEvent closed = new IncidentEvent(APRIL.plusMonths(1), IncidentStatus.CLOSED, List.of());
    IncidentEvent shelter = new IncidentEvent(APRIL.plusDays(3), IncidentStatus.IN_PROGRESS,
        List.of(SupportService.SHELTER));
    // recorded out of date order: the history keeps the order of recording
    register.addEvent(SHG01, incident.id(), closed);
    register.addEvent(SHG01, incident.id(), shelter);

    Incident expected = incident.with(closed).with(shelter);
    assertEquals(Optional.of(expected), register.incident(SHG01, incident.id()));
    assertEquals(List.of(expected), register.incidents(SHG01));
    assertEquals(Optional.empty(), register.incident(SHG02, incident.id()), "each group's register is its own");
  }

  @Test
  void anIncidentWithoutAgeBandOrReferralComesBackAsPut() {
    Incident incident = new Incident(IncidentId.of("7"), APRIL, IncidentType.MISSING_GIRL, Optional.empty(),
        List.of(new IncidentEvent(APRIL, IncidentStatus.REPORTED, List.of())));
    register.addIncident(SHG02, incident);
    assertEquals(List.of(incident), register.incidents(SHG02));
  }

  @Test
  void incidentsComeInIdOrder() {
    for (String id : List.of("20250405-2", "20250405-10", "1", "20250405-1")) {
      register.addIncident(SHG01, incident(id));
    }
    assertEquals(List.of("1", "20250405-1", "20250405-10", "20250405-2"),
        register.incidents(SHG01).stream().map(incident -> incident.id().value()).toList());
  }

  @Test
  void aPurgeDeletesOneGroupsIncidentsAndKeepsItsRecord() {
    register.addIncident(SHG01, incident("1"));
    register.addIncident(SHG01, incident("2"));
    register.addEvent(SHG01, IncidentId.of("2"), new IncidentEvent(APRIL, IncidentStatus.CLOSED, List.of()));
    register.addIncident(SHG02, incident("1"));

    IncidentPurge first = register.purge(SHG01, APRIL.plusYears(1));
    IncidentPurge second = register.purge(SHG01, APRIL.plusYears(2));

    assertEquals(new IncidentPurge(SHG01, APRIL.plusYears(1), 2, 3), first);
    assertEquals(new IncidentPurge(SHG01, APRIL.plusYears(2), 0, 0), second);
    assertEquals(List.of(), register.incidents(SHG01));
    assertEquals(List.of(first, second), register.purges(SHG01));
    assertEquals(List.of(incident("1")), register.incidents(SHG02), "another group's register is untouched");
    assertEquals(List.of(), register.purges(SHG02));
  }
}
