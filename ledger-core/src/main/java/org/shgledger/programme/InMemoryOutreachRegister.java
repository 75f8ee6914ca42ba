package org.shgledger.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.unit.UnitCode;

/** An {@link OutreachRegister} in memory, for tests and in-memory books. Thread-safe. */
public final class InMemoryOutreachRegister implements OutreachRegister {

  /** The register's order: by date, then by id. */
  static final Comparator<OutreachEvent> ORDER =
      Comparator.comparing(OutreachEvent::date).thenComparing(OutreachEvent::id);

  private final Map<UnitCode, List<OutreachEvent>> events = new HashMap<>();

  /** Creates an empty register. */
  public InMemoryOutreachRegister() {}

  @Override
  public synchronized Optional<OutreachEvent> event(UnitCode unit, OutreachId id) {
    Objects.requireNonNull(id, "id");
    return of(unit).stream().filter(event -> event.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<OutreachEvent> events(UnitCode unit) {
    return List.copyOf(of(unit));
  }

  @Override
  public synchronized void addEvent(UnitCode unit, OutreachEvent event) {
    Objects.requireNonNull(event, "event");
    if (event(unit, event.id()).isPresent()) {
      throw new IllegalStateException("outreach event " + event.id() + " of " + unit + " is recorded already");
    }
    List<OutreachEvent> held = of(unit);
    held.add(event);
    held.sort(ORDER);
  }

  private List<OutreachEvent> of(UnitCode unit) {
    Objects.requireNonNull(unit, "unit");
    return events.computeIfAbsent(unit, u -> new ArrayList<>());
  }
}
