package org.shgledger.programme;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.UnitRejection;
import org.shgledger.unit.Units;

/**
 * The outreach and advocacy events of NGO units (issue 18), with their rules: the unit exists,
 * and the groups that held an event are under it. Counts only: the people reached are a number.
 *
 * <p>Every write is repeat-safe: the same event again changes nothing. A refused record leaves no
 * trace.
 */
public final class Outreach {

  /** The most events recorded under default ids on one day in one unit. */
  public static final int MAX_DEFAULT_IDS_A_DAY = 99;

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private final Units units;
  private final OutreachRegister register;

  /**
   * Creates the register's rules over the units.
   *
   * @param units the units and, through them, the groups, not null
   * @param register where events are kept, not null
   */
  public Outreach(Units units, OutreachRegister register) {
    this.units = Objects.requireNonNull(units, "units");
    this.register = Objects.requireNonNull(register, "register");
  }

  /**
   * What a record did: the event as recorded, and whether it was recorded already.
   *
   * @param event the event, not null
   * @param repeat whether the same event was there already, so nothing was written
   */
  public record Recorded(OutreachEvent event, boolean repeat) {}

  /**
   * Records an event a unit held.
   *
   * @param unit the unit, not null
   * @param event the event, not null
   * @return what was recorded, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   * @throws org.shgledger.group.GroupException for a group that does not exist
   * @throws ProgrammeException {@link ProgrammeRejection#GROUP_NOT_IN_UNIT}, {@link
   *     ProgrammeRejection#OUTREACH_EXISTS} if the id is recorded with another event
   */
  public Recorded record(UnitCode unit, OutreachEvent event) {
    Objects.requireNonNull(event, "event");
    units.unit(unit);
    Set<BookId> under = new HashSet<>(units.groupsUnder(unit));
    for (BookId group : event.groups()) {
      units.groups().group(group);
      if (!under.contains(group)) {
        throw new ProgrammeException(ProgrammeRejection.GROUP_NOT_IN_UNIT,
            "group " + group + " is not under unit " + unit);
      }
    }
    Optional<OutreachEvent> existing = register.event(unit, event.id());
    if (existing.isPresent()) {
      if (existing.get().equals(event)) {
        return new Recorded(existing.get(), true);
      }
      throw new ProgrammeException(ProgrammeRejection.OUTREACH_EXISTS, "unit " + unit + ": outreach event "
          + event.id() + " is recorded already (" + existing.get().kind().word() + " on " + existing.get().date() + ")");
    }
    register.addEvent(unit, event);
    return new Recorded(event, false);
  }

  /**
   * Records an event under the first free default id of its day, {@code yyyymmdd-1}, {@code -2}
   * ...; the same event again under one of those ids is a repeat and records nothing.
   *
   * @param unit the unit, not null
   * @param event the event, whose id is ignored, not null
   * @return what was recorded, not null
   * @throws UnitException as {@link #record(UnitCode, OutreachEvent)}
   * @throws ProgrammeException as {@link #record(UnitCode, OutreachEvent)}
   * @throws IllegalStateException if the day has {@value #MAX_DEFAULT_IDS_A_DAY} default ids taken
   */
  public Recorded recordUnderDefaultId(UnitCode unit, OutreachEvent event) {
    Objects.requireNonNull(event, "event");
    units.unit(unit);
    for (int n = 1; n <= MAX_DEFAULT_IDS_A_DAY; n++) {
      OutreachEvent named = new OutreachEvent(OutreachId.of(event.date().format(BASIC) + "-" + n), event.date(),
          event.kind(), event.reached(), event.signatures(), event.groups());
      Optional<OutreachEvent> existing = register.event(unit, named.id());
      if (existing.isEmpty() || existing.get().equals(named)) {
        return record(unit, named);
      }
    }
    throw new IllegalStateException("unit " + unit + " has " + MAX_DEFAULT_IDS_A_DAY
        + " outreach events under default ids on " + event.date() + ": give the id");
  }

  /**
   * The events of a unit and of the units under it, dated from one day to another, in date order.
   *
   * @param unit the unit, not null
   * @param from the first day, not null
   * @param to the last day, not null
   * @return the events, not null
   * @throws UnitException {@link UnitRejection#UNIT_NOT_FOUND}
   */
  public List<OutreachEvent> events(UnitCode unit, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    units.unit(unit);
    return unitsUnder(unit).stream().flatMap(code -> register.events(code).stream())
        .filter(event -> !event.date().isBefore(from) && !event.date().isAfter(to))
        .sorted(InMemoryOutreachRegister.ORDER).toList();
  }

  /**
   * The events held by any of some groups, dated from one day to another, in date order: those
   * recorded in each group's unit or a unit above it that name the group.
   *
   * @param codes the groups, not null
   * @param from the first day, not null
   * @param to the last day, not null
   * @return the events, each once, not null
   */
  public List<OutreachEvent> eventsOfGroups(java.util.Collection<BookId> codes, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Set<BookId> held = new HashSet<>(Objects.requireNonNull(codes, "codes"));
    java.util.Map<String, OutreachEvent> found = new java.util.TreeMap<>();
    for (BookId code : held) {
      Optional<UnitCode> unit = units.unitOf(code);
      if (unit.isEmpty()) {
        continue;
      }
      for (org.shgledger.unit.Unit above : units.path(unit.get())) {
        for (OutreachEvent event : register.events(above.code())) {
          if (!event.date().isBefore(from) && !event.date().isAfter(to)
              && event.groups().stream().anyMatch(held::contains)) {
            found.put(above.code().value() + "/" + event.id().value(), event);
          }
        }
      }
    }
    return found.values().stream().sorted(InMemoryOutreachRegister.ORDER).toList();
  }

  /** The unit and every unit under it. */
  private List<UnitCode> unitsUnder(UnitCode unit) {
    List<UnitCode> codes = new java.util.ArrayList<>(List.of(unit));
    for (int i = 0; i < codes.size(); i++) {
      units.children(codes.get(i)).forEach(child -> codes.add(child.code()));
    }
    return codes;
  }
}
