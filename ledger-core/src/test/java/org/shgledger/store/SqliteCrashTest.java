package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;

/**
 * Kills a process in the middle of recording batches, again and again, and checks that the books
 * it leaves are whole: each batch wholly present or wholly absent, the chain verifies, balances
 * equal the fold of the postings, and recording the same batches again adds nothing twice.
 *
 * <p>The kill is SIGKILL, so no code of the child's runs after it: what survives is what SQLite
 * had committed. (A power cut also loses the operating system's unwritten pages; {@code
 * synchronous=FULL} is what covers that, and no test on one machine can cut the power.) The
 * default number of trials keeps the test near 15 seconds; {@code -Dshg.crash.trials=200} runs
 * more.
 */
class SqliteCrashTest {

  private static final int TRIALS = Integer.getInteger("shg.crash.trials", 10);
  private static final int BATCH = 400;

  @Test
  void killedMidBatchTheBooksAreWholeAndARepeatAddsNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crash.db");
    long seed = Long.getLong("shg.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int killedWhileWriting = 0;
    int expectedEntries = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      // a new tag each trial, so the writer starts recording new batches at once
      String tag = "K" + trial;
      Process child = start(file, tag, 1_000, BATCH);
      // kill anywhere from start-up (migrating, opening the book) to deep in the batches
      long delayMillis = 150 + random.nextInt(900);
      boolean exited = child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
      child.destroyForcibly();
      child.waitFor();
      killedWhileWriting += exited ? 0 : 1;
      assertTrue(!exited || child.exitValue() == 0, () -> "the writer failed: " + output(child));

      try (LedgerStore store = LedgerStore.openSqlite(file)) {
        JdbcJournal journal = store.journal();
        String where = "trial " + trial + " (seed " + seed + ", killed after " + delayMillis + " ms)";
        int rounds = checkWhole(journal, tag, expectedEntries, where);
        CrashWriter.setUp(journal);
        for (int round = 0; round <= rounds; round++) {
          journal.recordAll(CrashWriter.batch(tag, round, BATCH));
        }
        expectedEntries += (rounds + 1) * BATCH;
        assertEquals(expectedEntries, journal.entries(CrashWriter.BOOK).size(),
            where + ": repeating the batches recorded nothing twice, and the next one whole");
        assertTrue(journal.verify(CrashWriter.BOOK).isOk(), where);
      }
    }
    assertTrue(killedWhileWriting > TRIALS / 2, "most kills must land while the writer runs");
  }

  @Test
  void twoProcessesWritingOneFileBothSucceed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shared.db");
    Process first = start(file, "A", 6, 150);
    Process second = start(file, "B", 6, 150);
    assertTrue(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), () -> output(first));
    assertEquals(0, second.exitValue(), () -> output(second));

    try (LedgerStore store = LedgerStore.openSqlite(file)) {
      JdbcJournal journal = store.journal();
      List<JournalEntry> entries = journal.entries(CrashWriter.BOOK);
      assertEquals(2 * 6 * 150, entries.size());
      for (String tag : List.of("A", "B")) {
        for (int round = 0; round < 6; round++) {
          for (JournalEntry entry : CrashWriter.batch(tag, round, 150)) {
            assertEquals(entry, journal.entry(CrashWriter.BOOK, entry.id()).orElseThrow());
          }
        }
      }
      assertTrue(journal.verify(CrashWriter.BOOK).isOk());
    }
  }

  /**
   * Checks what a killed writer left: the entries of earlier trials, and whole batches of this
   * trial's writer.
   *
   * @return how many whole batches of this trial's writer are recorded
   */
  private static int checkWhole(JdbcJournal journal, String tag, int earlierEntries, String where) {
    if (journal.book(CrashWriter.BOOK).isEmpty()) {
      assertEquals(0, earlierEntries, where);
      return 0; // killed before it created the book
    }
    List<JournalEntry> entries = journal.entries(CrashWriter.BOOK);
    Map<Integer, Integer> perRound = new TreeMap<>();
    Map<Integer, List<JournalEntry>> batches = new HashMap<>();
    for (JournalEntry entry : entries.subList(earlierEntries, entries.size())) {
      String[] parts = entry.id().value().split("-");
      assertEquals(tag, parts[0], where + ": entries after the earlier trials' are this writer's");
      int round = Integer.parseInt(parts[1]);
      List<JournalEntry> batch = batches.computeIfAbsent(round, r -> CrashWriter.batch(tag, r, BATCH));
      assertEquals(batch.get(Integer.parseInt(parts[2])), entry,
          where + ": entry " + entry.id() + " is wholly present, postings and all");
      perRound.merge(round, 1, Integer::sum);
    }
    int rounds = perRound.size();
    for (int round = 0; round < rounds; round++) {
      assertEquals(BATCH, perRound.getOrDefault(round, 0),
          where + ": batch " + round + " is wholly present or absent: " + perRound);
    }
    Verification result = journal.verify(CrashWriter.BOOK);
    assertTrue(result.isOk(), () -> where + ": " + result);
    assertBalancesAreTheFoldOfThePostings(journal, entries);
    return rounds;
  }

  private static void assertBalancesAreTheFoldOfThePostings(JdbcJournal journal, List<JournalEntry> entries) {
    Map<AccountCode, Long> fold = new HashMap<>();
    for (JournalEntry entry : entries) {
      for (Posting posting : entry.postings()) {
        fold.merge(posting.account(), posting.signedMinor(), Long::sum);
      }
    }
    for (Account account : journal.accounts(CrashWriter.BOOK)) {
      long expected = account.control().isPresent() || !account.code().equals(CrashWriter.SAVINGS)
          ? fold.getOrDefault(account.code(), 0L)
          : fold.entrySet().stream().filter(e -> e.getKey().value().startsWith("2000:"))
              .mapToLong(Map.Entry::getValue).sum();
      assertEquals(expected,
          journal.balance(CrashWriter.BOOK, account.code(), LocalDate.MAX).net().getAmountMinorLong(),
          "balance of " + account.code());
    }
  }

  private static Process start(Path file, String tag, int batches, int size) throws IOException {
    return startJava(CrashWriter.class, file.toString(), tag, Integer.toString(batches), Integer.toString(size));
  }

  /** Starts a child JVM on this test's class path running a class's main method. */
  static Process startJava(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** What a child process printed. */
  static String output(Process process) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder text = new StringBuilder();
      reader.lines().forEach(line -> text.append(line).append('\n'));
      return text.toString();
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
