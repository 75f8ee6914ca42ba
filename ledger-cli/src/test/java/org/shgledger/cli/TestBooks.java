package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * A database file for the tests of the recording commands: the group SHG01 made with {@code shg
 * group create} (₹100 a month, loans at 2% a month flat over 10 instalments), members added with
 * {@code shg member add}, and helpers that run {@code shg} on it and read its books back.
 */
final class TestBooks {

  static final BookId SHG = BookId.of("SHG01");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");

  private final Path db;

  private TestBooks(Path db) {
    this.db = db;
  }

  /** The group with members joined on 2024-04-01, in a new database in the directory. */
  static TestBooks withMembers(Path directory, String... members) {
    TestBooks books = new TestBooks(directory.resolve("shg.db"));
    books.ok("group", "create", "SHG01", "--name", "Roshni Mahila Samooh", "--currency", "INR", "--formed",
        "2024-04-01", "--monthly-savings", "100", "--loan-monthly-rate", "2", "--loan-method", "flat",
        "--loan-instalments", "10");
    for (String member : members) {
      books.ok("member", "add", "SHG01", member, "--name", "Member " + member, "--joined", "2024-04-01");
    }
    return books;
  }

  /** The database file. */
  Path db() {
    return db;
  }

  /** Runs {@code shg} on this database: the arguments, then {@code --db FILE}. */
  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db.toString());
    return Run.shg(all.toArray(String[]::new));
  }

  /** Runs {@code shg} and checks that it succeeded. */
  Run ok(String... args) {
    Run run = run(args);
    assertEquals(ExitCodes.OK, run.exitCode(), () -> String.join(" ", args) + "\n" + run.err());
    return run;
  }

  /** Runs {@code shg}, checks its exit code and that its one error line names the reason. */
  Run fails(int exitCode, String reason, String... args) {
    Run run = run(args);
    assertEquals(exitCode, run.exitCode(), () -> String.join(" ", args) + "\n" + run.out() + run.err());
    assertTrue(run.err().contains(reason), run.err());
    return run;
  }

  /** Reads the books. */
  <T> T read(Function<SavingsGroups, T> query) {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      return query.apply(store.engine());
    }
  }

  /** An account's balance on its normal side, counting every entry. */
  Money balance(String account) {
    return read(engine -> engine.journal()
        .balance(SHG, AccountCode.of(account), java.time.LocalDate.of(2999, 12, 31)).normalBalance());
  }

  /** How many entries the book holds. */
  int entries() {
    return read(engine -> engine.journal().entries(SHG).size());
  }

  /** Rupees. */
  static Money inr(String amount) {
    return Money.of(INR, new java.math.BigDecimal(amount));
  }
}
