package org.shgledger.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * Where the community safety register is kept beside a group's books: incidents and the events of
 * their response, and the record of every purge. {@link Incidents} checks the rules before it
 * writes. Incidents and events are only added, until a purge deletes every one of a group's at
 * once, the one exception to append-only, which leaves a {@link IncidentPurge} that is never
 * deleted. Implementations: {@link InMemoryIncidentRegister}, and {@code
 * org.shgledger.store.JdbcIncidentRegister} in the same database as the books.
 */
public interface IncidentRegister {

  /**
   * An incident of a group.
   *
   * @param group the group, not null
   * @param id the incident's id, not null
   * @return the incident with its whole history, or empty
   */
  Optional<Incident> incident(BookId group, IncidentId id);

  /**
   * Every incident of a group, in id order.
   *
   * @param group the group, not null
   * @return the incidents, not null
   */
  List<Incident> incidents(BookId group);

  /**
   * Records an incident whose id is not yet recorded in the group, with its events.
   *
   * @param group the group, not null
   * @param incident the incident, not null
   */
  void addIncident(BookId group, Incident incident);

  /**
   * Adds an event to a recorded incident's history.
   *
   * @param group the group, not null
   * @param id the incident's id, not null
   * @param event the event, not null
   */
  void addEvent(BookId group, IncidentId id, IncidentEvent event);

  /**
   * Deletes every incident of a group and its events, and records that it did, with the counts,
   * in one transaction.
   *
   * @param group the group, not null
   * @param date the day of the purge, not null
   * @return the purge's record, not null
   */
  IncidentPurge purge(BookId group, LocalDate date);

  /**
   * The purges of a group's register, oldest first.
   *
   * @param group the group, not null
   * @return the records, not null
   */
  List<IncidentPurge> purges(BookId group);
}
