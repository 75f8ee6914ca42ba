package org.shgledger.unit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.shgledger.journal.BookId;

/**
 * Where units and their groups are kept. Writes are plain puts: {@link Units} checks every rule
 * (no cycle, a group in at most one unit) inside {@link #atomically}, so that two writers cannot
 * together make what neither could alone. Implementations: {@link InMemoryUnitRegistry}, and
 * {@code org.shgledger.store.JdbcUnitRegistry} beside the books (SQLite or PostgreSQL); the
 * contract test {@code UnitRegistryContractTest} runs against each.
 */
public interface UnitRegistry {

  /**
   * A unit.
   *
   * @param code the unit's code, not null
   * @return the unit, or empty
   */
  Optional<Unit> unit(UnitCode code);

  /**
   * All units, in code order.
   *
   * @return the units, not null
   */
  List<Unit> units();

  /**
   * Stores a unit, replacing any with the same code (a durable registry keeps the old one as
   * history).
   *
   * @param unit the unit, not null
   */
  void putUnit(Unit unit);

  /**
   * The unit a group is in.
   *
   * @param group the group, not null
   * @return the unit's code, or empty if the group is in none
   */
  Optional<UnitCode> unitOf(BookId group);

  /**
   * The groups put directly in a unit (not those of the units under it), in code order.
   *
   * @param unit the unit, not null
   * @return the groups, not null
   */
  List<BookId> groups(UnitCode unit);

  /**
   * Puts a group in a unit, taking it out of any other.
   *
   * @param group the group, not null
   * @param unit the unit, not null
   */
  void putGroup(BookId group, UnitCode unit);

  /**
   * Runs reads and writes as one: no other writer's change to units comes between them, and if the
   * work throws, none of its writes is kept (a durable registry runs it as one transaction, which
   * it may run again from the start).
   *
   * @param work the work, deciding from what it reads, not null
   * @param <T> its result
   * @return its result, possibly null
   */
  <T> T atomically(Supplier<T> work);
}
