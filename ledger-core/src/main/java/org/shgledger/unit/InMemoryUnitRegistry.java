package org.shgledger.unit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.shgledger.journal.BookId;

/**
 * A {@link UnitRegistry} in memory, for tests and short-lived calculations. {@link #atomically}
 * keeps other threads out while the work runs; writes made before the work throws stay made.
 */
public final class InMemoryUnitRegistry implements UnitRegistry {

  private final Map<UnitCode, Unit> units = new TreeMap<>();
  private final Map<BookId, UnitCode> memberships = new TreeMap<>();

  /** Creates an empty registry. */
  public InMemoryUnitRegistry() {}

  @Override
  public synchronized Optional<Unit> unit(UnitCode code) {
    return Optional.ofNullable(units.get(Objects.requireNonNull(code, "code")));
  }

  @Override
  public synchronized List<Unit> units() {
    return List.copyOf(units.values());
  }

  @Override
  public synchronized void putUnit(Unit unit) {
    units.put(unit.code(), unit);
  }

  @Override
  public synchronized Optional<UnitCode> unitOf(BookId group) {
    return Optional.ofNullable(memberships.get(Objects.requireNonNull(group, "group")));
  }

  @Override
  public synchronized List<BookId> groups(UnitCode unit) {
    Objects.requireNonNull(unit, "unit");
    return memberships.entrySet().stream().filter(e -> e.getValue().equals(unit)).map(Map.Entry::getKey).toList();
  }

  @Override
  public synchronized void putGroup(BookId group, UnitCode unit) {
    memberships.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(unit, "unit"));
  }

  @Override
  public synchronized <T> T atomically(Supplier<T> work) {
    return work.get();
  }
}
