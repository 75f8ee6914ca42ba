package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/** {@code shg group create}: a group and its standard chart in the database, or a clear refusal. */
class GroupCommandTest {

  static Run create(Path db, String... more) {
    String[] base = {"group", "create", "SHG01", "--db", db.toString(), "--name", "Roshni Mahila Samooh",
        "--formed", "2024-04-01", "--monthly-savings", "100"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Run.shg(args);
  }

  @Test
  void createsTheGroupWithTheStandardChartAndTheGroupsLoanTerms(@TempDir Path dir) {
    Path db = dir.resolve("shg.db");
    Run run = create(db, "--loan-monthly-rate", "1.5", "--loan-method", "emi", "--loan-instalments", "12");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("group SHG01 'Roshni Mahila Samooh' is in the books, with the standard chart of accounts\n", run.out());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      assertTrue(store.journal().account(BookId.of("SHG01"), Chart.SUSPENSE).isPresent());
      var defaults = store.engine().group(BookId.of("SHG01")).loanDefaults();
      assertEquals(12, defaults.instalments());
      assertEquals("1.5", defaults.rate().percent().toPlainString());
    }
  }

  /** Issue 14: declining balance (EMI) by default, as NRLM and the banks teach; flat stays a choice. */
  @Test
  void aGroupsLoansAreEmiUnlessItSaysFlat(@TempDir Path dir) {
    Path db = dir.resolve("shg.db");
    assertEquals(ExitCodes.OK, create(db).exitCode());
    assertEquals(ExitCodes.OK, Run.shg("group", "create", "SHG02", "--db", db.toString(), "--name", "Flat Samooh",
        "--formed", "2024-04-01", "--monthly-savings", "100", "--loan-method", "flat").exitCode());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      assertEquals(java.util.Optional.of(org.shgledger.loan.RepaymentMethod.EMI),
          store.engine().group(BookId.of("SHG01")).loanDefaults().method());
      assertEquals(java.util.Optional.of(org.shgledger.loan.RepaymentMethod.FLAT),
          store.engine().group(BookId.of("SHG02")).loanDefaults().method());
    }
  }

  @Test
  void creatingTheSameGroupAgainChangesNothingButAnotherUnderItsCodeIsRefused(@TempDir Path dir) {
    Path db = dir.resolve("shg.db");
    assertEquals(ExitCodes.OK, create(db).exitCode());
    assertEquals(ExitCodes.OK, create(db).exitCode());

    Run other = create(db, "--currency", "NPR");

    assertEquals(ExitCodes.REJECTED, other.exitCode());
    assertTrue(other.err().startsWith("shg: rejected (GROUP_EXISTS): "), other.err());
  }

  @Test
  void aWrongWordOrDateIsAUsageError(@TempDir Path dir) {
    Path db = dir.resolve("shg.db");
    assertEquals(ExitCodes.USAGE, create(db, "--loan-method", "weekly").exitCode());
    assertEquals(ExitCodes.USAGE, create(db, "--year-start", "13").exitCode());
    assertEquals(ExitCodes.USAGE, create(db, "--currency", "RUPEES").exitCode());
  }
}
