package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shgledger.testing.TestPostgres;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.UnitRejection;
import org.shgledger.unit.Units;
import org.shgledger.unit.UnitsContractTest;

/**
 * The units' contract against PostgreSQL, and two connections that move units at once: whatever
 * the timing, they never make a cycle between them.
 */
class PostgresUnitsTest extends UnitsContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.POSTGRESQL);

  private String url;

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @Override
  protected Units newUnits() {
    url = STORES.newDatabaseUrl();
    return STORES.track(LedgerStore.open(url)).units();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  @Test
  void twoConnectionsMovingUnitsAtOnceNeverMakeACycle() throws Exception {
    units.createUnit(Unit.top(NORTH, "North cluster"));
    units.createUnit(Unit.top(SOUTH, "South cluster"));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (LedgerStore first = LedgerStore.open(url); LedgerStore second = LedgerStore.open(url)) {
      for (int round = 0; round < 10; round++) {
        units.moveUnit(NORTH, Optional.empty());
        units.moveUnit(SOUTH, Optional.empty());
        CountDownLatch start = new CountDownLatch(1);
        Future<Boolean> northUnderSouth = threads.submit(() -> move(first.units(), start, true));
        Future<Boolean> southUnderNorth = threads.submit(() -> move(second.units(), start, false));
        start.countDown();
        boolean one = northUnderSouth.get(30, TimeUnit.SECONDS);
        boolean other = southUnderNorth.get(30, TimeUnit.SECONDS);

        assertEquals(true, one ^ other, "exactly one of the two moves is made, round " + round);
        List<Unit> after = units.units();
        assertEquals(1, after.stream().filter(u -> u.parent().isPresent()).count(), after.toString());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static boolean move(Units units, CountDownLatch start, boolean northUnderSouth) throws InterruptedException {
    start.await();
    try {
      if (northUnderSouth) {
        units.moveUnit(NORTH, Optional.of(SOUTH));
      } else {
        units.moveUnit(SOUTH, Optional.of(NORTH));
      }
      return true;
    } catch (UnitException e) {
      assertEquals(UnitRejection.CYCLE, e.reason());
      return false;
    }
  }
}
