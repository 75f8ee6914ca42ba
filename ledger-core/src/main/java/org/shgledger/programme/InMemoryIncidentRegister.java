package org.shgledger.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.journal.BookId;

/** An {@link IncidentRegister} in memory, for tests and in-memory books. Thread-safe. */
public final class InMemoryIncidentRegister implements IncidentRegister {

  private final Map<BookId, TreeMap<IncidentId, Incident>> incidents = new HashMap<>();
  private final Map<BookId, List<IncidentPurge>> purges = new HashMap<>();

  /** Creates an empty register. */
  public InMemoryIncidentRegister() {}

  @Override
  public synchronized Optional<Incident> incident(BookId group, IncidentId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(of(group).get(id));
  }

  @Override
  public synchronized List<Incident> incidents(BookId group) {
    return List.copyOf(of(group).values());
  }

  @Override
  public synchronized void addIncident(BookId group, Incident incident) {
    Objects.requireNonNull(incident, "incident");
    if (of(group).putIfAbsent(incident.id(), incident) != null) {
      throw new IllegalStateException("incident " + incident.id() + " of " + group + " is recorded already");
    }
  }

  @Override
  public synchronized void addEvent(BookId group, IncidentId id, IncidentEvent event) {
    Incident incident = incident(group, id).orElseThrow(
        () -> new IllegalStateException("there is no incident " + id + " of " + group));
    of(group).put(id, incident.with(event));
  }

  @Override
  public synchronized IncidentPurge purge(BookId group, LocalDate date) {
    TreeMap<IncidentId, Incident> held = of(group);
    long events = held.values().stream().mapToLong(incident -> incident.events().size()).sum();
    IncidentPurge purge = new IncidentPurge(group, date, held.size(), events);
    held.clear();
    purges.computeIfAbsent(group, g -> new ArrayList<>()).add(purge);
    return purge;
  }

  @Override
  public synchronized List<IncidentPurge> purges(BookId group) {
    Objects.requireNonNull(group, "group");
    return List.copyOf(purges.getOrDefault(group, List.of()));
  }

  private TreeMap<IncidentId, Incident> of(BookId group) {
    Objects.requireNonNull(group, "group");
    return incidents.computeIfAbsent(group, g -> new TreeMap<>());
  }
}
