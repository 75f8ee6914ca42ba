package org.shgledger.unit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shgledger.group.GroupException;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;

/**
 * The NGO units that mentor groups, and the groups in them: a federation holds clusters, a cluster
 * holds groups. The rules: a unit's parent exists and is neither the unit itself nor a unit under
 * it (no cycles); units nest at most {@value #MAX_DEPTH} deep; a group is in at most one unit; a
 * unit and a group never share a code. A refused request throws {@link UnitException} (or the
 * engine's {@link GroupException} for an unknown group) and changes nothing. Creating what exists
 * already, or putting a group where it is, changes nothing.
 *
 * <pre>{@code
 * Units units = new Units(groups, new InMemoryUnitRegistry());   // or store.units()
 * units.createUnit(Unit.top(UnitCode.of("FED"), "Mahila federation"));
 * units.createUnit(Unit.under(UnitCode.of("CL-N"), "North cluster", UnitCode.of("FED")));
 * units.addGroup(UnitCode.of("CL-N"), BookId.of("SHG01"));
 * units.groupsUnder(UnitCode.of("FED"));                          // [SHG01]
 * }</pre>
 *
 * <p>What a unit's books add up to is {@link UnitReports}' work; docs/units.md has the rules.
 */
public final class Units {

  /** The most levels of units, the top one included: far more than federation, cluster, village. */
  public static final int MAX_DEPTH = 8;

  private final SavingsGroups groups;
  private final UnitRegistry registry;

  /**
   * Creates the units over an engine (for its groups) and a registry of units.
   *
   * @param groups the engine, not null
   * @param registry where units are kept, not null
   */
  public Units(SavingsGroups groups, UnitRegistry registry) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * The engine whose groups the units hold.
   *
   * @return the engine, not null
   */
  public SavingsGroups groups() {
    return groups;
  }

  /**
   * The registry of units.
   *
   * @return the registry, not null
   */
  public UnitRegistry registry() {
    return registry;
  }

  /**
   * Creates a unit. Creating a unit that exists with the same name and parent returns it and
   * changes nothing.
   *
   * @param unit the unit, not null
   * @return the unit, not null
   * @throws UnitException with, checked in this order, {@link UnitRejection#UNIT_EXISTS} (same
   *     code, another name or parent), {@link UnitRejection#CODE_IS_A_GROUP}, {@link
   *     UnitRejection#CYCLE} (its own parent), {@link UnitRejection#UNIT_NOT_FOUND} (the parent),
   *     {@link UnitRejection#TOO_DEEP}
   */
  public Unit createUnit(Unit unit) {
    Objects.requireNonNull(unit, "unit");
    return registry.atomically(() -> {
      Optional<Unit> existing = registry.unit(unit.code());
      if (existing.isPresent()) {
        if (!existing.get().equals(unit)) {
          throw new UnitException(UnitRejection.UNIT_EXISTS, "unit " + unit.code() + " exists already as '"
              + existing.get().name() + "'" + existing.get().parent().map(p -> " under " + p).orElse(" at the top"));
        }
        return existing.get();
      }
      if (groups.registry().group(BookId.of(unit.code().value())).isPresent()) {
        throw new UnitException(UnitRejection.CODE_IS_A_GROUP,
            unit.code() + " is a group's code; give the unit a code of its own");
      }
      checkParent(unit.code(), unit.parent());
      registry.putUnit(unit);
      return unit;
    });
  }

  /**
   * Moves a unit, with everything under it, under another parent or to the top.
   *
   * @param code the unit, not null
   * @param parent the new parent, not null (empty for the top)
   * @return the unit as it now is, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND} (the unit or the parent), {@link
   *     UnitRejection#CYCLE} if the parent is the unit or under it, {@link UnitRejection#TOO_DEEP}
   */
  public Unit moveUnit(UnitCode code, Optional<UnitCode> parent) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(parent, "parent");
    return registry.atomically(() -> {
      Unit unit = unit(code);
      if (unit.parent().equals(parent)) {
        return unit;
      }
      checkParent(code, parent);
      Unit moved = unit.withParent(parent);
      registry.putUnit(moved);
      return moved;
    });
  }

  /**
   * Puts a group in a unit. Putting it in the unit it is in changes nothing.
   *
   * @param unit the unit, not null
   * @param group the group, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}, or {@link
   *     UnitRejection#GROUP_IN_ANOTHER_UNIT} if the group is in another unit (see {@link
   *     #moveGroup})
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   */
  public void addGroup(UnitCode unit, BookId group) {
    put(unit, group, false);
  }

  /**
   * Puts a group in a unit, taking it out of the unit it was in, if any.
   *
   * @param unit the unit, not null
   * @param group the group, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   */
  public void moveGroup(UnitCode unit, BookId group) {
    put(unit, group, true);
  }

  private void put(UnitCode unit, BookId group, boolean move) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(group, "group");
    registry.atomically(() -> {
      unit(unit);
      groups.group(group);
      Optional<UnitCode> current = registry.unitOf(group);
      if (current.equals(Optional.of(unit))) {
        return null;
      }
      if (current.isPresent() && !move) {
        throw new UnitException(UnitRejection.GROUP_IN_ANOTHER_UNIT, "group " + group + " is in unit "
            + current.get() + " already; a group is in one unit at a time (move it to " + unit + " instead)");
      }
      registry.putGroup(group, unit);
      return null;
    });
  }

  /**
   * A unit.
   *
   * @param code the unit's code, not null
   * @return the unit, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public Unit unit(UnitCode code) {
    Objects.requireNonNull(code, "code");
    return registry.unit(code).orElseThrow(() ->
        new UnitException(UnitRejection.UNIT_NOT_FOUND, "there is no unit " + code + " in the books"));
  }

  /**
   * All units, in code order.
   *
   * @return the units, not null
   */
  public List<Unit> units() {
    return registry.units();
  }

  /**
   * The units directly under a unit, in code order.
   *
   * @param code the unit, not null
   * @return the units, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public List<Unit> children(UnitCode code) {
    unit(code);
    return registry.units().stream().filter(u -> u.parent().equals(Optional.of(code))).toList();
  }

  /**
   * The units from the top down to this one: {@code [FED, CL-N]} for a cluster under a federation.
   *
   * @param code the unit, not null
   * @return the path, this unit last, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public List<Unit> path(UnitCode code) {
    List<Unit> path = new ArrayList<>();
    Optional<UnitCode> at = Optional.of(code);
    while (at.isPresent() && path.size() <= MAX_DEPTH) {
      Unit unit = unit(at.get());
      path.add(0, unit);
      at = unit.parent();
    }
    return List.copyOf(path);
  }

  /**
   * Every group in a unit and in the units under it, at any depth, in code order.
   *
   * @param code the unit, not null
   * @return the groups, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public List<BookId> groupsUnder(UnitCode code) {
    return registry.atomically(() -> {
      unit(code);
      List<Unit> all = registry.units();
      Set<UnitCode> under = new HashSet<>();
      List<UnitCode> toVisit = new ArrayList<>(List.of(code));
      while (!toVisit.isEmpty()) {
        UnitCode next = toVisit.remove(toVisit.size() - 1);
        if (under.add(next)) {
          all.stream().filter(u -> u.parent().equals(Optional.of(next))).forEach(u -> toVisit.add(u.code()));
        }
      }
      List<BookId> found = new ArrayList<>();
      for (UnitCode unit : under) {
        found.addAll(registry.groups(unit));
      }
      found.sort(null);
      return List.copyOf(found);
    });
  }

  /**
   * The unit a group is in.
   *
   * @param group the group, not null
   * @return the unit's code, or empty if it is in none
   */
  public Optional<UnitCode> unitOf(BookId group) {
    return registry.unitOf(Objects.requireNonNull(group, "group"));
  }

  /** A parent must exist, must not be the unit or under it, and must leave the tree shallow enough. */
  private void checkParent(UnitCode code, Optional<UnitCode> parent) {
    if (parent.isEmpty()) {
      return;
    }
    if (parent.get().equals(code)) {
      throw new UnitException(UnitRejection.CYCLE, "unit " + code + " cannot sit under itself");
    }
    List<Unit> above = path(parent.get());
    for (Unit unit : above) {
      if (unit.code().equals(code)) {
        throw new UnitException(UnitRejection.CYCLE, "unit " + code + " cannot sit under " + parent.get()
            + ", which is under it (" + String.join(" > ", above.stream().map(u -> u.code().value()).toList()) + ")");
      }
    }
    if (above.size() + height(code) > MAX_DEPTH) {
      throw new UnitException(UnitRejection.TOO_DEEP, "unit " + code + " under " + parent.get()
          + " would make units " + (above.size() + height(code)) + " levels deep; at most " + MAX_DEPTH);
    }
  }

  /** How many levels a unit and those under it take: 1 for a unit with none under it. */
  private int height(UnitCode code) {
    List<Unit> all = registry.units();
    int levels = 0;
    List<UnitCode> level = List.of(code);
    while (!level.isEmpty() && levels <= MAX_DEPTH) {
      levels++;
      List<UnitCode> current = level;
      level = all.stream().filter(u -> u.parent().isPresent() && current.contains(u.parent().get()))
          .map(Unit::code).toList();
    }
    return levels;
  }
}
