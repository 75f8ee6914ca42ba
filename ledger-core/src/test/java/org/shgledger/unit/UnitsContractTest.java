package org.shgledger.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * What units must do over every registry: a unit under another, no cycles, a group in at most one
 * unit, refusals that change nothing, and the groups under a unit at any depth. Each registry runs
 * these by extending this class ({@code InMemoryUnitsTest}, {@code SqliteUnitsTest}, {@code
 * PostgresUnitsTest}).
 */
public abstract class UnitsContractTest {

  /** A federation at the top. */
  protected static final UnitCode FED = UnitCode.of("FED");
  /** A cluster under it. */
  protected static final UnitCode NORTH = UnitCode.of("CL-NORTH");
  /** Another cluster under it. */
  protected static final UnitCode SOUTH = UnitCode.of("CL-SOUTH");
  /** A village unit under the north cluster. */
  protected static final UnitCode VILLAGE = UnitCode.of("V-RAMPUR");

  /** A group. */
  protected static final BookId SHG1 = BookId.of("SHG01");
  /** A second group. */
  protected static final BookId SHG2 = BookId.of("SHG02");
  /** A third group. */
  protected static final BookId SHG3 = BookId.of("SHG03");

  /** The units under test, new for each test. */
  protected Units units;

  /**
   * New, empty units of the implementation under test, over an engine with no groups.
   *
   * @return the units
   */
  protected abstract Units newUnits();

  @BeforeEach
  void newUnitsWithGroups() {
    units = newUnits();
    for (BookId code : List.of(SHG1, SHG2, SHG3)) {
      units.groups().createGroup(group(code));
    }
  }

  static Group group(BookId code) {
    CurrencyUnit inr = CurrencyUnit.of("INR");
    return new Group(code, "Group " + code, inr, LocalDate.of(2024, 4, 1), MeetingFrequency.MONTHLY,
        Money.of(inr, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
  }

  private void federation() {
    units.createUnit(Unit.top(FED, "Mahila federation"));
    units.createUnit(Unit.under(NORTH, "North cluster", FED));
    units.createUnit(Unit.under(SOUTH, "South cluster", FED));
    units.createUnit(Unit.under(VILLAGE, "Rampur village", NORTH));
  }

  private static UnitRejection refusal(Runnable request) {
    return assertThrows(UnitException.class, request::run).reason();
  }

  @Test
  void aUnitReadsBackAsCreatedAndCreatingItAgainChangesNothing() {
    Unit fed = units.createUnit(Unit.top(FED, "Mahila federation — महिला संघ"));
    Unit north = units.createUnit(Unit.under(NORTH, "North cluster", FED));

    assertEquals(fed, units.createUnit(Unit.top(FED, "Mahila federation — महिला संघ")));
    assertEquals(Optional.of(fed), units.registry().unit(FED));
    assertEquals(north, units.unit(NORTH));
    assertEquals(List.of(north, fed), units.units(), "in code order");
  }

  @Test
  void aUnitCodeNamesOneUnit() {
    units.createUnit(Unit.top(FED, "Mahila federation"));

    assertEquals(UnitRejection.UNIT_EXISTS, refusal(() -> units.createUnit(Unit.top(FED, "Another federation"))));
    assertEquals("Mahila federation", units.unit(FED).name());
  }

  @Test
  void aUnitMayNotTakeAGroupsCode() {
    assertEquals(UnitRejection.CODE_IS_A_GROUP, refusal(() -> units.createUnit(Unit.top(UnitCode.of("SHG01"), "x"))));
    assertEquals(List.of(), units.units());
  }

  @Test
  void anUnknownUnitOrParentIsNotFound() {
    UnitException unknown = assertThrows(UnitException.class, () -> units.unit(FED));
    assertEquals(UnitRejection.UNIT_NOT_FOUND, unknown.reason());
    assertEquals(true, unknown.reason().isNotFound());
    assertEquals(UnitRejection.UNIT_NOT_FOUND, refusal(() -> units.createUnit(Unit.under(NORTH, "North", FED))));
    assertEquals(UnitRejection.UNIT_NOT_FOUND, refusal(() -> units.addGroup(FED, SHG1)));
    assertEquals(List.of(), units.units());
  }

  @Test
  void aUnitCannotSitUnderItselfOrUnderAUnitBelowIt() {
    federation();

    assertEquals(UnitRejection.CYCLE, refusal(() -> units.createUnit(Unit.under(UnitCode.of("X"), "x", UnitCode.of("X")))));
    assertEquals(UnitRejection.CYCLE, refusal(() -> units.moveUnit(FED, Optional.of(FED))));
    assertEquals(UnitRejection.CYCLE, refusal(() -> units.moveUnit(FED, Optional.of(VILLAGE))));
    assertEquals(UnitRejection.CYCLE, refusal(() -> units.moveUnit(NORTH, Optional.of(VILLAGE))));
    assertEquals(Optional.empty(), units.unit(FED).parent(), "nothing changed");
    assertEquals(Optional.of(NORTH), units.unit(VILLAGE).parent());
  }

  @Test
  void aUnitMovesWithEverythingUnderIt() {
    federation();
    units.addGroup(VILLAGE, SHG1);

    Unit moved = units.moveUnit(NORTH, Optional.of(SOUTH));

    assertEquals(Optional.of(SOUTH), moved.parent());
    assertEquals(moved, units.unit(NORTH));
    assertEquals(List.of(units.unit(FED), units.unit(SOUTH), moved, units.unit(VILLAGE)), units.path(VILLAGE));
    assertEquals(List.of(SHG1), units.groupsUnder(SOUTH));
    assertEquals(Optional.empty(), units.moveUnit(NORTH, Optional.empty()).parent());
    assertEquals(List.of(), units.groupsUnder(FED));
  }

  @Test
  void unitsNestAtMostMaxDepthLevels() {
    UnitCode above = UnitCode.of("L1");
    units.createUnit(Unit.top(above, "level 1"));
    for (int level = 2; level <= Units.MAX_DEPTH; level++) {
      UnitCode code = UnitCode.of("L" + level);
      units.createUnit(Unit.under(code, "level " + level, above));
      above = code;
    }
    UnitCode deepest = above;

    assertEquals(UnitRejection.TOO_DEEP, refusal(() -> units.createUnit(Unit.under(UnitCode.of("L9"), "too deep", deepest))));
    units.createUnit(Unit.top(UnitCode.of("T"), "a second top with one under it"));
    units.createUnit(Unit.under(UnitCode.of("T2"), "under it", UnitCode.of("T")));
    assertEquals(UnitRejection.TOO_DEEP, refusal(() -> units.moveUnit(UnitCode.of("T"), Optional.of(UnitCode.of("L7")))));
    units.moveUnit(UnitCode.of("T"), Optional.of(UnitCode.of("L6")));
  }

  @Test
  void aGroupIsInAtMostOneUnit() {
    federation();
    units.addGroup(NORTH, SHG1);
    units.addGroup(NORTH, SHG1);

    UnitException e = assertThrows(UnitException.class, () -> units.addGroup(SOUTH, SHG1));
    assertEquals(UnitRejection.GROUP_IN_ANOTHER_UNIT, e.reason());
    assertEquals(true, e.getMessage().contains("SHG01 is in unit CL-NORTH already"), e.getMessage());
    assertEquals(Optional.of(NORTH), units.unitOf(SHG1));

    units.moveGroup(SOUTH, SHG1);
    assertEquals(Optional.of(SOUTH), units.unitOf(SHG1));
    assertEquals(List.of(), units.registry().groups(NORTH));
    assertEquals(List.of(SHG1), units.registry().groups(SOUTH));
  }

  @Test
  void anUnknownGroupIsTheEnginesNotFound() {
    federation();

    GroupException e = assertThrows(GroupException.class, () -> units.addGroup(NORTH, BookId.of("NOPE")));
    assertEquals(GroupRejection.GROUP_NOT_FOUND, e.reason());
    assertEquals(List.of(), units.registry().groups(NORTH));
  }

  @Test
  void theGroupsUnderAUnitAreThoseOfAllTheUnitsBelowIt() {
    federation();
    units.addGroup(VILLAGE, SHG3);
    units.addGroup(NORTH, SHG2);
    units.addGroup(SOUTH, SHG1);

    assertEquals(List.of(SHG1, SHG2, SHG3), units.groupsUnder(FED));
    assertEquals(List.of(SHG2, SHG3), units.groupsUnder(NORTH));
    assertEquals(List.of(SHG3), units.groupsUnder(VILLAGE));
    assertEquals(List.of(SHG2), units.registry().groups(NORTH), "directly in the unit");
    assertEquals(List.of(units.unit(NORTH), units.unit(SOUTH)), units.children(FED));
    assertEquals(Optional.empty(), units.unitOf(BookId.of("NOPE")));
  }

  @Test
  void aRefusalInsideAtomicWorkUndoesAllOfItInAStore() {
    federation();

    assertThrows(UnitException.class, () -> units.registry().atomically(() -> {
      units.addGroup(NORTH, SHG1);
      units.addGroup(SOUTH, SHG1);
      return null;
    }));

    assertEquals(rollsBack() ? Optional.empty() : Optional.of(NORTH), units.unitOf(SHG1));
  }

  /**
   * Whether a failed {@link UnitRegistry#atomically} leaves nothing of its writes (a durable
   * store), or keeps the writes made before the failure (in memory).
   *
   * @return true for a registry that rolls back
   */
  protected boolean rollsBack() {
    return true;
  }
}
