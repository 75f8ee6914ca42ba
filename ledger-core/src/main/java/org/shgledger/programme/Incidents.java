package org.shgledger.programme;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;

/**
 * The community safety register of a group, with its rules: incidents of gender-based violence and
 * trafficking risk the group reported, counted and never told (docs/privacy.md). It checks each
 * record before it writes to the {@link IncidentRegister}, inside the engine's unit of work on the
 * group, so that over a {@code LedgerStore} a record is checked and written in one transaction.
 *
 * <p>Every write is repeat-safe: the same record again changes nothing. A refused record leaves no
 * trace. An unknown group is the engine's {@link GroupException}.
 */
public final class Incidents {

  /** The most incidents recorded under default ids on one day in one group. */
  public static final int MAX_DEFAULT_IDS_A_DAY = 99;

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private final SavingsGroups groups;
  private final IncidentRegister register;

  /**
   * Creates the register's rules over an engine's books.
   *
   * @param groups the engine, not null
   * @param register where incidents are kept, not null
   */
  public Incidents(SavingsGroups groups, IncidentRegister register) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.register = Objects.requireNonNull(register, "register");
  }

  /**
   * What a record did: the incident as recorded, and whether it was recorded already.
   *
   * @param incident the incident, not null
   * @param repeat whether the same record was there already, so nothing was written
   */
  public record Recorded(Incident incident, boolean repeat) {}

  /**
   * Records an incident reported by a group.
   *
   * @param group the group, not null
   * @param incident the incident with one event, its report, not null
   * @return what was recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#INCIDENT_EXISTS} if the id is recorded
   *     with another report
   * @throws IllegalArgumentException if the incident has more than its first event
   */
  public Recorded record(BookId group, Incident incident) {
    Objects.requireNonNull(incident, "incident");
    if (incident.events().size() != 1) {
      throw new IllegalArgumentException("an incident is recorded with its report only; later steps are updates");
    }
    return groups.atomically(group, () -> {
      groups.group(group);
      Optional<Incident> existing = register.incident(group, incident.id());
      if (existing.isPresent()) {
        if (sameReport(existing.get(), incident)) {
          return new Recorded(existing.get(), true);
        }
        Incident known = existing.get();
        throw new ProgrammeException(ProgrammeRejection.INCIDENT_EXISTS, "group " + group + ": incident "
            + incident.id() + " is recorded already (reported " + known.date() + ")");
      }
      register.addIncident(group, incident);
      return new Recorded(incident, false);
    });
  }

  /**
   * Records an incident under the first free default id of its day, {@code yyyymmdd-1}, {@code
   * -2} ...; the same report again under one of those ids is a repeat and records nothing (two
   * such incidents on one day need their own ids).
   *
   * @param group the group, not null
   * @param date the day the group reported it, not null
   * @param type its type, not null
   * @param ageBand the survivor's age band, or empty, not null
   * @param first its status and referrals on the day, not null
   * @return what was recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalStateException if the day has {@value #MAX_DEFAULT_IDS_A_DAY} default ids taken
   */
  public Recorded record(BookId group, LocalDate date, IncidentType type, Optional<AgeBand> ageBand,
      IncidentEvent first) {
    return groups.atomically(group, () -> {
      groups.group(group);
      for (int n = 1; n <= MAX_DEFAULT_IDS_A_DAY; n++) {
        Incident incident = new Incident(IncidentId.of(date.format(BASIC) + "-" + n), date, type, ageBand,
            List.of(first));
        Optional<Incident> existing = register.incident(group, incident.id());
        if (existing.isEmpty() || sameReport(existing.get(), incident)) {
          return record(group, incident);
        }
      }
      throw new IllegalStateException("group " + group + " has " + MAX_DEFAULT_IDS_A_DAY
          + " incidents under default ids on " + date + ": give the id");
    });
  }

  /**
   * Records a step of an incident's response as a new event; the history is kept. An event that
   * changes nothing (the status it has on that day, services it was referred to already) records
   * nothing.
   *
   * @param group the group, not null
   * @param id the incident's id, not null
   * @param event the step, not before the incident's report, not null
   * @return the incident with its history, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#INCIDENT_NOT_FOUND}, {@link
   *     ProgrammeRejection#EVENT_BEFORE_INCIDENT}
   */
  public Incident update(BookId group, IncidentId id, IncidentEvent event) {
    Objects.requireNonNull(event, "event");
    return groups.atomically(group, () -> {
      Incident incident = incident(group, id);
      if (event.date().isBefore(incident.date())) {
        throw new ProgrammeException(ProgrammeRejection.EVENT_BEFORE_INCIDENT, "group " + group + ": incident "
            + id + " was reported on " + incident.date() + "; nothing can happen to it on " + event.date());
      }
      boolean sameStatus = incident.statusOn(event.date()).filter(event.status()::equals).isPresent();
      if (sameStatus && incident.referredBy(event.date()).containsAll(event.referredTo())) {
        return incident;
      }
      register.addEvent(group, id, event);
      return register.incident(group, id).orElseThrow();
    });
  }

  /**
   * A recorded incident.
   *
   * @param group the group, not null
   * @param id the incident's id, not null
   * @return the incident, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws ProgrammeException {@link ProgrammeRejection#INCIDENT_NOT_FOUND}
   */
  public Incident incident(BookId group, IncidentId id) {
    groups.group(group);
    return register.incident(group, Objects.requireNonNull(id, "id")).orElseThrow(
        () -> new ProgrammeException(ProgrammeRejection.INCIDENT_NOT_FOUND,
            "group " + group + ": there is no incident " + id));
  }

  /**
   * Every incident of a group, in id order.
   *
   * @param group the group, not null
   * @return the incidents, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public List<Incident> incidents(BookId group) {
    groups.group(group);
    return register.incidents(group);
  }

  /**
   * Deletes every incident of a group and its history, the one exception to append-only
   * (docs/privacy.md), checks that none is left, and records the purge with its counts; all in one
   * transaction, so a purge that leaves anything behind deletes nothing.
   *
   * @param group the group, not null
   * @param date the day of the purge, not null
   * @return the purge's record, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalStateException if an incident was left behind (and nothing was deleted)
   */
  public IncidentPurge purge(BookId group, LocalDate date) {
    Objects.requireNonNull(date, "date");
    return groups.atomically(group, () -> {
      groups.group(group);
      IncidentPurge purge = register.purge(group, date);
      if (!register.incidents(group).isEmpty()) {
        throw new IllegalStateException("group " + group + ": the purge left " + register.incidents(group).size()
            + " incidents; nothing was deleted");
      }
      return purge;
    });
  }

  /**
   * The purges of a group's register, oldest first.
   *
   * @param group the group, not null
   * @return the records, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public List<IncidentPurge> purges(BookId group) {
    groups.group(group);
    return register.purges(group);
  }

  private static boolean sameReport(Incident known, Incident incident) {
    return known.date().equals(incident.date()) && known.type() == incident.type()
        && known.ageBand().equals(incident.ageBand()) && known.events().get(0).equals(incident.events().get(0));
  }
}
