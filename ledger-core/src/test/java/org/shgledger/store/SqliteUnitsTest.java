package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.Units;
import org.shgledger.unit.UnitsContractTest;

/**
 * The units' contract against a SQLite file, and what only a stored registry does: history kept as
 * new rows, a store opened again reads the same units, text it cannot store refused.
 */
class SqliteUnitsTest extends UnitsContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);

  private LedgerStore store;
  private String url;

  @Override
  protected Units newUnits() {
    url = STORES.newDatabaseUrl();
    store = STORES.track(LedgerStore.open(url));
    return store.units();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  private long rows(String sql) throws SQLException {
    try (Connection raw = DriverManager.getConnection(url);
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void aMovedUnitAndAMovedGroupAreNewRowsAndTheirHistoryIsKept() throws SQLException {
    units.createUnit(Unit.top(FED, "Mahila federation"));
    units.createUnit(Unit.top(NORTH, "North cluster"));
    units.createUnit(Unit.top(SOUTH, "South cluster"));
    units.moveUnit(NORTH, Optional.of(FED));
    units.moveUnit(NORTH, Optional.of(FED));
    units.addGroup(NORTH, SHG1);
    units.moveGroup(SOUTH, SHG1);
    units.moveGroup(SOUTH, SHG1);

    assertEquals(4, rows("SELECT COUNT(*) FROM unit_version"));
    assertEquals(2, rows("SELECT COUNT(*) FROM unit_version WHERE unit_code = 'CL-NORTH'"));
    assertEquals(2, rows("SELECT COUNT(*) FROM unit_group WHERE book_id = 'SHG01'"));
  }

  @Test
  void aStoreOpenedAgainHasTheSameUnits() {
    units.createUnit(Unit.top(FED, "Mahila federation"));
    units.createUnit(Unit.under(NORTH, "North cluster", FED));
    units.addGroup(NORTH, SHG2);
    store.close();

    try (LedgerStore again = LedgerStore.open(url)) {
      assertEquals(List.of(Unit.under(NORTH, "North cluster", FED), Unit.top(FED, "Mahila federation")),
          again.units().units());
      assertEquals(List.of(SHG2), again.units().groupsUnder(FED));
    }
  }

  @Test
  void aNameWithHalfASurrogatePairIsRefusedBeforeAnythingIsWritten() throws SQLException {
    StoreException e = assertThrows(StoreException.class, () -> units.createUnit(Unit.top(FED, "Mahila \uD800")));
    assertEquals(StoreException.Kind.UNSTORABLE_TEXT, e.kind());
    assertEquals(0, rows("SELECT COUNT(*) FROM unit_version"));
  }

  @Test
  void theSchemaRefusesAUnitThatIsItsOwnParent() throws SQLException {
    try (Connection raw = DriverManager.getConnection(url); Statement statement = raw.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.execute(
          "INSERT INTO unit_version (change_seq, unit_code, name, parent_code, recorded_at)"
              + " VALUES (1, 'U', 'u', 'U', 'now')"));
      assertEquals(true, e.getMessage().contains("CHECK"), e.getMessage());
    }
  }

  @Test
  void unitCodeIsAnIdentifierNotFreeText() {
    assertThrows(IllegalArgumentException.class, () -> UnitCode.of("CL NORTH"));
    assertThrows(IllegalArgumentException.class, () -> UnitCode.of("x".repeat(UnitCode.MAX_LENGTH + 1)));
  }
}
