package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.joda.money.Money;
import org.shgledger.LedgerException;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.Verification;

/**
 * The statement read through the store's month rows (schema version 18: whole months from the
 * rows, the days at the period's edges from their entries) is always the statement folded from
 * the period's entries one by one ({@link StatementSpec}, the code before the rows). Random lives
 * of a group through the engine ({@link RandomGroupLife}: savings, loans and repayments, fines,
 * bank and federation loans, grants, expenses, exits, year-end closings, surplus distributions,
 * share-outs, reversals and reversals of reversals) in a store, with batches written straight to
 * the journal (an entry, its reversal and the reversal's reversal in one batch) and imports that
 * fail midway (a unit of work that records entries, then throws): after each stretch of the life,
 * random periods (whole months, months in part at either edge, a few days, a year) give the same
 * receipts and payments and the same income and expenditure both ways, and at the end the book
 * verifies, which checks every month row against the entries.
 *
 * <p>It counts the events the engine accepted and fails if too few were, so that it cannot pass
 * by refusing everything. Subclasses choose the database.
 */
abstract class StatementMonthProperties {

  private static RandomGroupLife.Tally tally;
  private static final Map<String, AtomicLong> checks = new ConcurrentHashMap<>();

  /**
   * The URL of a new, empty database, for one life.
   *
   * @return a JDBC URL
   */
  protected abstract String newDatabaseUrl();

  @BeforeProperty
  void resetTally() {
    tally = new RandomGroupLife.Tally();
    checks.clear();
  }

  @Property
  void theStatementFromTheMonthRowsIsTheFoldOfTheEntries(@ForAll long seed,
      @ForAll @IntRange(min = 20, max = RandomGroupLife.MAX_STEPS) int steps) {
    Random random = new Random(seed);
    LedgerStore[] opened = new LedgerStore[1];
    String url = newDatabaseUrl();
    try {
      RandomGroupLife life = new RandomGroupLife(tally, dates -> {
        opened[0] = LedgerStore.open(url, Duration.ofSeconds(30), dates);
        return opened[0].engine();
      });
      LedgerStore store = opened[0];
      Reports reports = new Reports(life.groups);
      int lived = 0;
      while (lived < steps) {
        int stretch = Math.min(steps - lived, 5 + random.nextInt(20));
        life.live(random, stretch);
        lived += stretch;
        int extra = random.nextInt(4);
        if (extra == 0) {
          batch(store, life, random);
        } else if (extra == 1) {
          importFailingMidway(store, life, random);
        }
        for (int i = 0; i < 3; i++) {
          checkPeriod(life, reports, period(life.today(), random));
        }
      }
      LocalDate yearStart = life.group.financialYearStarting(life.today());
      checkPeriod(life, reports, new LocalDate[] {yearStart, yearStart.plusYears(1).minusDays(1)});
      checkPeriod(life, reports, new LocalDate[] {RandomGroupLife.FORMED, life.today()});
      Verification verification = store.journal().verify(RandomGroupLife.SHG);
      assertTrue(verification.isOk(), verification::toString);
    } finally {
      if (opened[0] != null) {
        opened[0].close();
      }
    }
  }

  /** A period: whole months, a month's days, edges inside months, a single day, before or after the life. */
  private static LocalDate[] period(LocalDate today, Random random) {
    LocalDate from = RandomGroupLife.FORMED.minusDays(20).plusDays(
        random.nextInt((int) (today.toEpochDay() - RandomGroupLife.FORMED.toEpochDay()) + 60));
    LocalDate to = from.plusDays(random.nextInt(random.nextBoolean() ? 20 : 400));
    switch (random.nextInt(4)) {
      case 0 -> {
        from = from.withDayOfMonth(1);
        to = to.with(TemporalAdjusters.lastDayOfMonth());
      }
      case 1 -> from = from.withDayOfMonth(1);
      case 2 -> to = to.with(TemporalAdjusters.lastDayOfMonth());
      default -> { }
    }
    return new LocalDate[] {from, to};
  }

  private static void checkPeriod(RandomGroupLife life, Reports reports, LocalDate[] period) {
    LocalDate from = period[0];
    LocalDate to = period[1];
    GroupStatement statement = reports.statement(RandomGroupLife.SHG, from, to);
    String where = "the statement from " + from + " to " + to;
    assertEquals(StatementSpec.receiptsAndPayments(life.groups, RandomGroupLife.SHG, from, to),
        statement.receiptsAndPayments(), where);
    assertEquals(StatementSpec.incomeAndExpenditure(life.groups, RandomGroupLife.SHG, from, to),
        statement.incomeAndExpenditure(), where);
    assertEquals(statement.incomeAndExpenditure(), reports.incomeAndExpenditure(RandomGroupLife.SHG, from, to), where);
    boolean partial = from.getDayOfMonth() != 1 || !to.equals(to.with(TemporalAdjusters.lastDayOfMonth()));
    count(partial ? "periods with months in part" : "periods of whole months");
    if (!statement.receiptsAndPayments().receipts().isEmpty() || !statement.incomeAndExpenditure().income().isEmpty()) {
      count("statements with figures");
    }
  }

  /**
   * A batch straight to the journal, as an import writes one: other income and a grant, and
   * corrections of the income in the same batch (its reversal, and that reversal's reversal), so
   * that a reversal's original is still queued in the writer.
   */
  private static void batch(LedgerStore store, RandomGroupLife life, Random random) {
    List<JournalEntry> entries = entries(life, random, "B");
    try {
      store.journal().recordAll(entries);
      count("batches");
      if (entries.size() > 2) {
        count("batches with a reversal of a reversal");
      }
    } catch (LedgerException refused) {
      count("batches refused");
    }
  }

  /** An import that fails after recording entries in its unit of work: nothing of it is kept. */
  private static void importFailingMidway(LedgerStore store, RandomGroupLife life, Random random) {
    List<JournalEntry> entries = entries(life, random, "F");
    // the import fails at its last row, or earlier where the journal refuses one of its entries (a
    // day the books have closed, say): either way inside the unit of work, which keeps nothing
    RuntimeException failed = assertThrows(RuntimeException.class,
        () -> life.groups.atomically(RandomGroupLife.SHG, () -> {
          store.journal().recordAll(entries.subList(0, 1));
          for (JournalEntry entry : entries.subList(1, entries.size())) {
            store.journal().record(entry);
          }
          throw new IllegalStateException("row " + (entries.size() + 1) + " of the register is wrong");
        }));
    assertTrue(failed instanceof IllegalStateException || failed instanceof LedgerException, failed.toString());
    assertTrue(store.journal().entry(RandomGroupLife.SHG, entries.get(0).id()).isEmpty(), "nothing is kept");
    count(failed instanceof LedgerException ? "imports refused midway by the journal" : "imports failing midway");
  }

  private static int nextId;

  private static synchronized List<JournalEntry> entries(RandomGroupLife life, Random random, String prefix) {
    LocalDate day = life.today().minusDays(random.nextInt(40));
    Money income = Money.ofMinor(RandomGroupLife.INR, 100L + random.nextInt(100_000));
    Money grant = Money.ofMinor(RandomGroupLife.INR, 100L * (1 + random.nextInt(500)));
    JournalEntry fees = JournalEntry.of(EntryId.of(prefix + "I" + (++nextId)), RandomGroupLife.SHG, day, "fees",
        List.of(Posting.debit(Chart.CASH, income), Posting.credit(Chart.OTHER_INCOME, income)))
        .withKind(EntryKind.OTHER_INCOME, Optional.empty(), Optional.empty());
    JournalEntry grantIn = JournalEntry.of(EntryId.of(prefix + "G" + nextId), RandomGroupLife.SHG, day.plusDays(1),
        "grant", List.of(Posting.debit(Chart.BANK, grant), Posting.credit(AccountCode.of("3000"), grant)))
        .withKind(EntryKind.GRANT, Optional.empty(), Optional.empty());
    List<JournalEntry> entries = new ArrayList<>(List.of(fees, grantIn));
    if (random.nextBoolean()) {
      JournalEntry reversal = fees.reversal(EntryId.of(prefix + "R" + nextId), day.plusDays(random.nextInt(45)), "in error");
      entries.add(reversal);
      if (random.nextBoolean()) {
        entries.add(reversal.reversal(EntryId.of(prefix + "RR" + nextId), reversal.date().plusDays(random.nextInt(3)),
            "not in error after all"));
      }
    }
    return entries;
  }

  private static void count(String what) {
    checks.computeIfAbsent(what, w -> new AtomicLong()).incrementAndGet();
  }

  @AfterProperty
  void mostEventsWereAccepted() {
    System.out.printf("%s: %d of %d events accepted; %s; checks %s%n", getClass().getSimpleName(), tally.accepted(),
        tally.total(), tally, new TreeMap<>(checks));
    assertTrue(tally.total() == 0 || tally.accepted() * 100 / tally.total() >= 50, tally::toString);
    if (tally.total() >= 300) {
      for (String kind : List.of("save", "reverse", "year end", "repay loan", "expense")) {
        assertTrue(tally.accepted(kind) > 0, () -> "no '" + kind + "' was accepted: " + tally);
      }
      for (String check : List.of("periods with months in part", "periods of whole months", "batches",
          "imports failing midway", "statements with figures")) {
        assertTrue(checks.containsKey(check), () -> "no " + check + ": " + checks);
      }
    }
  }
}
