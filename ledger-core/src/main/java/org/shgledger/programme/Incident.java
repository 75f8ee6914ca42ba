package org.shgledger.programme;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An incident of gender-based violence or trafficking risk a group reported, as counts need it
 * and no more: an opaque id, the day it was reported, its type, the survivor's age band if known,
 * and the history of its response. There is no name, member, place or story, by design
 * (docs/privacy.md): nothing here can say who she is.
 *
 * @param id the incident's id in its group, not null
 * @param date the day the group reported it, not null
 * @param type its type, not null
 * @param ageBand the survivor's age band, or empty when not known, not null
 * @param events the response, in recording order, the first dated {@code date}, none before it,
 *     not empty
 */
public record Incident(IncidentId id, LocalDate date, IncidentType type, Optional<AgeBand> ageBand,
    List<IncidentEvent> events) {

  /** The most events one incident holds. */
  public static final int MAX_EVENTS = 100;

  /**
   * Checks the incident.
   *
   * @param id the incident's id in its group, not null
   * @param date the day the group reported it, not null
   * @param type its type, not null
   * @param ageBand the survivor's age band, or empty when not known, not null
   * @param events the response, in recording order, the first dated {@code date}, none before it,
   *     not empty
   * @throws IllegalArgumentException if there is no event, more than {@value #MAX_EVENTS}, the
   *     first is not dated on the incident's day, or one is dated before it
   */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ageBand, "ageBand");
    events = List.copyOf(events);
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException("incident " + id + " must have 1 to " + MAX_EVENTS + " events, not "
          + events.size());
    }
    if (!events.get(0).date().equals(date)) {
      throw new IllegalArgumentException("incident " + id + ": its first event is its report, dated " + date);
    }
    for (IncidentEvent event : events) {
      if (event.date().isBefore(date)) {
        throw new IllegalArgumentException("incident " + id + ": an event dated " + event.date()
            + " is before its report on " + date);
      }
    }
  }

  /**
   * The status on a day: that of the latest event dated on or before it; of two on one day, the
   * one recorded later (a correction).
   *
   * @param day the day, not null
   * @return the status, or empty before the incident's day
   */
  public Optional<IncidentStatus> statusOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    IncidentEvent latest = null;
    for (IncidentEvent event : events) {
      if (!event.date().isAfter(day) && (latest == null || !event.date().isBefore(latest.date()))) {
        latest = event;
      }
    }
    return Optional.ofNullable(latest).map(IncidentEvent::status);
  }

  /**
   * Every service the incident was referred to by a day, at any step.
   *
   * @param day the day, not null
   * @return the services, in their order, not null
   */
  public Set<SupportService> referredBy(LocalDate day) {
    Objects.requireNonNull(day, "day");
    Set<SupportService> services = EnumSet.noneOf(SupportService.class);
    events.stream().filter(event -> !event.date().isAfter(day)).forEach(event -> services.addAll(event.referredTo()));
    return services;
  }

  /**
   * The incident with one more event.
   *
   * @param event the event, not before the incident's day, not null
   * @return a new incident, not null
   */
  public Incident with(IncidentEvent event) {
    List<IncidentEvent> more = new java.util.ArrayList<>(events);
    more.add(Objects.requireNonNull(event, "event"));
    return new Incident(id, date, type, ageBand, more);
  }
}
