package org.shgledger.server;

import java.util.Optional;
import org.shgledger.journal.BookId;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.Units;

/**
 * The one place that decides whether a user's role lets her do something to a group or a unit
 * (docs/server.md, "Roles"). Every route names its {@link Action}; the server asks here before the
 * handler runs, and a refusal is a 403 with an audit line.
 */
final class Access {

  /** What a route does. */
  enum Action {
    /** Reads a group's books (statement, passbook, trial balance, loans). */
    READ_GROUP,
    /** Records on a group's books. */
    RECORD,
    /** Reads a unit's indicators or totals, never a member. */
    READ_UNIT_TOTALS,
    /** Reads a unit's figures group by group (unit statement, grades), never a member. */
    READ_UNIT_GROUPS,
    /** Lists the groups the user may see. */
    LIST_GROUPS
  }

  /** A decision: allowed, or refused for a reason that goes to the audit log (never to a stranger). */
  record Decision(boolean allowed, String reason) {
    static final Decision ALLOWED = new Decision(true, "");

    static Decision refused(String reason) {
      return new Decision(false, reason);
    }
  }

  private final Units units;

  Access(Units units) {
    this.units = units;
  }

  /**
   * Whether the user may do this to the group.
   *
   * @param user the user, not null
   * @param action {@link Action#READ_GROUP} or {@link Action#RECORD}, not null
   * @param group the group the request names, not null
   */
  Decision toGroup(User user, Action action, BookId group) {
    return switch (user.role()) {
      case ADMIN -> Decision.ALLOWED;
      case COORDINATOR -> inUnit(group, user.unit().orElseThrow())
          ? Decision.ALLOWED : Decision.refused("group " + group + " is not under unit " + user.unit().get());
      case TREASURER -> user.group().orElseThrow().equals(group)
          ? Decision.ALLOWED : Decision.refused("group " + group + " is not her group");
      case AUDITOR -> action != Action.READ_GROUP ? Decision.refused("an auditor reads only")
          : user.unit().isEmpty() || inUnit(group, user.unit().get())
              ? Decision.ALLOWED : Decision.refused("group " + group + " is not under unit " + user.unit().get());
      case DONOR -> Decision.refused("a donor sees indicators and unit totals only");
    };
  }

  /**
   * Whether the user may read the totals of a unit (indicators).
   *
   * @param user the user, not null
   * @param unit the unit the request names, not null
   */
  Decision toUnit(User user, UnitCode unit) {
    return switch (user.role()) {
      case ADMIN -> Decision.ALLOWED;
      case TREASURER -> Decision.refused("a treasurer sees her group only");
      case COORDINATOR, AUDITOR, DONOR -> user.unit().isEmpty() || under(unit, user.unit().get())
          ? Decision.ALLOWED : Decision.refused("unit " + unit + " is not under unit " + user.unit().get());
    };
  }

  /**
   * Whether the user may read a unit's figures group by group (its statement, its grades): those
   * who may read its groups, so not a donor (totals only) nor a treasurer (one group).
   *
   * @param user the user, not null
   * @param unit the unit the request names, not null
   */
  Decision toUnitGroups(User user, UnitCode unit) {
    return switch (user.role()) {
      case ADMIN -> Decision.ALLOWED;
      case TREASURER -> Decision.refused("a treasurer sees her group only");
      case DONOR -> Decision.refused("a donor sees indicators and unit totals only");
      case COORDINATOR, AUDITOR -> user.unit().isEmpty() || under(unit, user.unit().get())
          ? Decision.ALLOWED : Decision.refused("unit " + unit + " is not under unit " + user.unit().get());
    };
  }
  /**
   * Whether the user may read a unit's community safety counts group by group: the NGO's own
   * people who respond to incidents, an admin and the unit's coordinators, never an auditor, a
   * donor or a treasurer (issue 18: per-group counts are for coordinators; docs/privacy.md).
   *
   * @param user the user, not null
   * @param unit the unit the request names, not null
   */
  Decision toUnitIncidentsByGroup(User user, UnitCode unit) {
    return switch (user.role()) {
      case ADMIN -> Decision.ALLOWED;
      case COORDINATOR -> user.unit().isEmpty() || under(unit, user.unit().get())
          ? Decision.ALLOWED : Decision.refused("unit " + unit + " is not under unit " + user.unit().get());
      case TREASURER, AUDITOR, DONOR -> Decision.refused("incidents group by group are for the unit's coordinators only");
    };
  }


  /**
   * Whether the user may list groups at all (the list is then cut to hers: {@link #mayRead}).
   *
   * @param user the user, not null
   */
  Decision toList(User user) {
    return user.role() == Role.DONOR
        ? Decision.refused("a donor sees indicators and unit totals only") : Decision.ALLOWED;
  }

  /** Whether a group belongs in the user's list of groups. */
  boolean mayRead(User user, BookId group) {
    return toGroup(user, Action.READ_GROUP, group).allowed();
  }

  /** Whether members' names may be shown to the user: never to an auditor or a donor. */
  static boolean maySeeNames(User user) {
    return user.role() == Role.ADMIN || user.role() == Role.COORDINATOR || user.role() == Role.TREASURER;
  }

  /** Whether the group is in the unit or in a unit under it; a group in no unit is in none. */
  private boolean inUnit(BookId group, UnitCode unit) {
    Optional<UnitCode> home = units.unitOf(group);
    return home.isPresent() && under(home.get(), unit);
  }

  /** Whether a unit is the given one or under it; an unknown unit is under none. */
  private boolean under(UnitCode unit, UnitCode top) {
    try {
      return units.path(unit).stream().map(Unit::code).anyMatch(top::equals);
    } catch (UnitException e) {
      return false;
    }
  }
}
