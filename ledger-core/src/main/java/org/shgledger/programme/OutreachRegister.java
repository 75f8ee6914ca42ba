package org.shgledger.programme;

import java.util.List;
import java.util.Optional;
import org.shgledger.unit.UnitCode;

/**
 * Where a unit's outreach and advocacy events are kept. {@link Outreach} checks the rules before
 * it writes; events are only added, never changed or removed. Implementations: {@link
 * InMemoryOutreachRegister}, and {@code org.shgledger.store.JdbcOutreachRegister} in the same
 * database as the books.
 */
public interface OutreachRegister {

  /**
   * An event of a unit.
   *
   * @param unit the unit, not null
   * @param id the event's id, not null
   * @return the event, or empty
   */
  Optional<OutreachEvent> event(UnitCode unit, OutreachId id);

  /**
   * Every event of a unit, in date order, events of one day in id order.
   *
   * @param unit the unit, not null
   * @return the events, not null
   */
  List<OutreachEvent> events(UnitCode unit);

  /**
   * Records an event whose id is not yet recorded in the unit.
   *
   * @param unit the unit, not null
   * @param event the event, not null
   */
  void addEvent(UnitCode unit, OutreachEvent event);
}
