package org.shgledger.programme;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of an incident's response: from a day on, its status, and the services it was referred
 * to at that step. The first event is the report itself; each later one is a change, never an edit.
 *
 * @param date the day of the step, not null
 * @param status the status from that day, not null
 * @param referredTo the services referred to at this step, in their order, none repeated, not null
 */
public record IncidentEvent(LocalDate date, IncidentStatus status, List<SupportService> referredTo) {

  /**
   * Checks the event and puts its services in their order.
   *
   * @param date the day of the step, not null
   * @param status the status from that day, not null
   * @param referredTo the services, not null, none null
   */
  public IncidentEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(status, "status");
    Set<SupportService> services = EnumSet.noneOf(SupportService.class);
    services.addAll(Objects.requireNonNull(referredTo, "referredTo"));
    referredTo = List.copyOf(services);
  }
}
