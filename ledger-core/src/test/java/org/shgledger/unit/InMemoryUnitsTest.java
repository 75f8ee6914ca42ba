package org.shgledger.unit;

import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.InMemoryJournal;

/** The units' contract in memory. */
class InMemoryUnitsTest extends UnitsContractTest {

  @Override
  protected Units newUnits() {
    return new Units(new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry()), new InMemoryUnitRegistry());
  }

  @Override
  protected boolean rollsBack() {
    return false;
  }
}
