package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.GroupRecords;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;

/**
 * Kills a process in the middle of a group's year of engine operations, again and again, and
 * checks that each operation's journal entry and registry record survive together or not at all:
 * every loan paid out is a loan on record and the other way round, every loan payment is an event
 * of its loan and the other way round, every settled exit has the member marked as left, each
 * member's loan account is the outstanding principal of her loans, and the chain verifies. Then
 * the same operations run again with the same ids and the books come out exactly as a run that
 * was never interrupted: nothing lost, nothing doubled.
 *
 * <p>As in {@link SqliteCrashTest}, the kill is SIGKILL. Each trial starts from a new file. The
 * default number of trials keeps the test near 15 seconds; {@code -Dshg.crash.trials=100} runs
 * more, and {@code -Dshg.crash.seed=N} repeats a run's kill times.
 */
class SqliteEngineCrashTest {

  private static final int TRIALS = Integer.getInteger("shg.crash.trials", 8);

  /** What the registry and the journal hold of the crash group, to compare with a whole run. */
  record Books(List<JournalEntry> entries, List<Member> members, List<MemberLoan> loans,
      Map<String, List<LoanEvent>> events, int terms, int meetings) {

    static Books of(SavingsGroups groups) {
      GroupRecords registry = groups.registry();
      Map<String, List<LoanEvent>> events = new TreeMap<>();
      for (MemberLoan loan : registry.loans(GroupCrashWriter.SHG)) {
        events.put(loan.id().value(), registry.loanEvents(GroupCrashWriter.SHG, loan.id()));
      }
      return new Books(groups.journal().entries(GroupCrashWriter.SHG), registry.members(GroupCrashWriter.SHG),
          registry.loans(GroupCrashWriter.SHG), events, registry.terms(GroupCrashWriter.SHG).size(),
          registry.meetings(GroupCrashWriter.SHG).size());
    }
  }

  @Test
  void killedMidOperationEveryEntryHasItsRecordAndARepeatAddsNothing(@TempDir Path dir) throws Exception {
    Books whole;
    long wholeMillis = System.nanoTime();
    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("whole.db"))) {
      GroupCrashWriter.live(store.engine());
      whole = Books.of(store.engine());
    }
    wholeMillis = (System.nanoTime() - wholeMillis) / 1_000_000;
    // Kills are timed against a cold child's own run, start-up included: this JVM may have run the
    // engine warm already (other tests before this one), far faster than a new JVM does.
    long childMillis = System.nanoTime();
    Process probe = start(dir.resolve("probe.db"));
    assertTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0,
        () -> "the writer failed: " + SqliteCrashTest.output(probe));
    childMillis = (System.nanoTime() - childMillis) / 1_000_000;
    long runMillis = Math.max(wholeMillis, childMillis);

    long seed = Long.getLong("shg.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int killedMidway = 0;
    // grows each time a kill lands before the child wrote anything
    long startupMillis = 250;
    // On a loaded machine a cold child JVM may be slower than this warm one, so kills can land
    // before its first write: run extra trials (up to four times as many) until enough land midway.
    for (int trial = 0; trial < TRIALS || (killedMidway < TRIALS / 4 && trial < 4 * TRIALS); trial++) {
      Path file = dir.resolve("crash-" + trial + ".db");
      Process child = start(file);
      // a child JVM takes a few hundred milliseconds to start and open the file; kill anywhere
      // from there to past the end of its year
      long delayMillis = startupMillis + random.nextInt((int) Math.max(400, runMillis));
      boolean exited = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
      child.destroyForcibly();
      child.waitFor();
      assertTrue(!exited || child.exitValue() == 0, () -> "the writer failed: " + SqliteCrashTest.output(child));
      String where = "trial " + trial + " (seed " + seed + ", killed after " + delayMillis + " ms)";
      if (!Files.exists(file)) {
        startupMillis += 200;
        continue; // killed before it created the file
      }
      try (LedgerStore store = LedgerStore.openSqlite(file)) {
        SavingsGroups groups = store.engine();
        if (store.journal().book(GroupCrashWriter.SHG).isPresent()) {
          int recorded = checkWhole(groups, where);
          killedMidway += recorded > 0 && recorded < whole.entries().size() ? 1 : 0;
          startupMillis += recorded == 0 ? 200 : 0;
        } else {
          startupMillis += 200;
        }
        GroupCrashWriter.live(groups);
        assertEquals(whole, Books.of(groups), where + ": the repeat completes the year, nothing doubled");
        assertTrue(store.journal().verify(GroupCrashWriter.SHG).isOk(), where);
      }
    }
    assertTrue(killedMidway >= TRIALS / 4, "enough kills must land midway through the year: " + killedMidway);
  }

  /**
   * Checks that every operation the killed writer left is whole.
   *
   * @return how many entries are recorded
   */
  private static int checkWhole(SavingsGroups groups, String where) {
    GroupRecords registry = groups.registry();
    List<JournalEntry> entries = groups.journal().entries(GroupCrashWriter.SHG);
    Set<EntryId> disbursements = idsStartingWith(entries, "DISB-");
    Set<EntryId> payments = idsStartingWith(entries, "PAY-");
    Set<EntryId> exits = idsStartingWith(entries, "EXIT-");

    Set<EntryId> loansOnRecord = new TreeSet<>();
    Set<EntryId> paymentEvents = new TreeSet<>();
    for (MemberLoan loan : registry.loans(GroupCrashWriter.SHG)) {
      loansOnRecord.add(loan.disbursement());
      for (LoanEvent event : registry.loanEvents(GroupCrashWriter.SHG, loan.id())) {
        if (event.kind() == LoanEvent.Kind.PAYMENT) {
          assertTrue(event.id().value().startsWith("PAY-") || exits.contains(event.id()),
              where + ": payment " + event.id() + " of loan " + loan.id() + " has its entry");
          if (event.id().value().startsWith("PAY-")) {
            paymentEvents.add(event.id());
          }
        }
      }
    }
    assertEquals(disbursements, loansOnRecord, where + ": loans paid out are the loans on record");
    assertEquals(payments, paymentEvents, where + ": loan payments are the loans' payment events");

    Set<EntryId> leavers = new TreeSet<>();
    for (Member member : registry.members(GroupCrashWriter.SHG)) {
      if (member.exited().isPresent()) {
        leavers.add(EntryId.of("EXIT-" + member.id()));
      }
    }
    assertEquals(exits, leavers, where + ": the members who left are those whose exit is settled");

    LocalDate end = LocalDate.MAX;
    for (Member member : registry.members(GroupCrashWriter.SHG)) {
      MemberId id = member.id();
      Money outstanding = Money.zero(GroupCrashWriter.INR);
      for (MemberLoan loan : groups.loans(GroupCrashWriter.SHG)) {
        if (loan.member().equals(id)) {
          LocalDate asOf = GroupCrashWriter.meetingDay(GroupCrashWriter.MONTHS);
          outstanding = outstanding.plus(groups.loanState(GroupCrashWriter.SHG, loan.id(), asOf).outstandingPrincipal());
        }
      }
      Money account = groups.journal()
          .balance(GroupCrashWriter.SHG, Chart.memberAccount(Chart.MEMBER_LOANS, id), end).normalBalance();
      assertEquals(outstanding, account, where + ": " + id + "'s loan account is what her loans leave outstanding");
    }
    Verification verification = ((JdbcJournal) groups.journal()).verify(GroupCrashWriter.SHG);
    assertTrue(verification.isOk(), () -> where + ": " + verification);
    return entries.size();
  }

  private static Set<EntryId> idsStartingWith(List<JournalEntry> entries, String prefix) {
    Set<EntryId> ids = new TreeSet<>();
    for (JournalEntry entry : entries) {
      if (entry.id().value().startsWith(prefix)) {
        ids.add(entry.id());
      }
    }
    return ids;
  }

  private static Process start(Path file) throws IOException {
    return SqliteCrashTest.startJava(GroupCrashWriter.class, file.toString());
  }
}
