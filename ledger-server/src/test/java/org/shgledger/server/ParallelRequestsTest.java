package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.TrialBalance;
import org.shgledger.store.Verification;
import org.shgledger.testing.TestPostgres;

/**
 * One server, many clients at once (issue 19 goal 4): savings to two groups from several threads,
 * each request sent twice at the same moment (as a client that retries would), while others read
 * the groups' trial balances and a unit's report. Every write is answered 201 or 200 and recorded
 * exactly once, every report balances, and {@code verify} passes; on SQLite (one writer) and on
 * PostgreSQL (writers to different groups in parallel).
 */
class ParallelRequestsTest {

  private static final int WRITERS = 4;
  private static final int SAVINGS_PER_WRITER = 12;
  private static final List<BookId> GROUPS = List.of(TestServer.SHG01, TestServer.SHG02);

  @TempDir Path folder;

  @Test
  void onSqlite() throws Exception {
    try (TestServer server = TestServer.over("jdbc:sqlite:" + folder.resolve("shg.db"), balancing())) {
      check(server);
    }
  }

  @Test
  void onPostgresql() throws Exception {
    TestPostgres.assumeAnswers();
    try (TestPostgres.Schema schema = TestPostgres.createSchema();
        TestServer server = TestServer.over(schema.url(), balancing())) {
      check(server);
    }
  }

  /** A report that reads the group's trial balance from the request's store and says whether it balances. */
  private static ReportSource balancing() {
    return (store, query) -> {
      String subject = query.subject();
      boolean balanced = true;
      for (BookId group : GROUPS) {
        if (group.value().equals(subject) || query.kind() == ReportSource.Kind.INDICATORS) {
          TrialBalance trial = store.journal().trialBalance(group, LocalDate.of(2024, 12, 31));
          balanced &= trial.totalDebit().equals(trial.totalCredit());
        }
      }
      boolean answer = balanced;
      return Bodies.object("shg.test/1", json -> json.writeBooleanField("balanced", answer));
    };
  }

  private static void check(TestServer server) throws Exception {
    int before = entries(server);
    Money cashBefore = cash(server);
    AtomicInteger created = new AtomicInteger();
    AtomicInteger repeats = new AtomicInteger();
    Map<String, String> failures = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS * 2 + 2);
    List<Future<?>> done = new ArrayList<>();
    for (int writer = 0; writer < WRITERS * 2; writer++) {
      int w = writer % WRITERS;  // two threads send each writer's requests, at once
      done.add(threads.submit(() -> {
        for (int i = 0; i < SAVINGS_PER_WRITER; i++) {
          BookId group = GROUPS.get((w + i) % GROUPS.size());
          String id = "PAR-" + w + "-" + i;
          HttpResponse<String> response = server.saving(group, id, w, i);
          if (response.statusCode() == 201) {
            created.incrementAndGet();
          } else if (response.statusCode() == 200) {
            repeats.incrementAndGet();
          } else {
            failures.put(id + " #" + Thread.currentThread().getName(), response.statusCode() + " " + response.body());
          }
        }
      }));
    }
    for (String path : List.of("/api/v1/groups/SHG01/trial-balance", "/api/v1/units/NGO/indicators")) {
      done.add(threads.submit(() -> {
        for (int i = 0; i < 10; i++) {
          HttpResponse<String> response = server.send("GET", path, Role.ADMIN, null);
          if (response.statusCode() != 200 || !response.body().contains("\"balanced\" : true")) {
            failures.put(path + " " + i, response.statusCode() + " " + response.body());
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    assertEquals(Map.of(), failures);
    int operations = WRITERS * SAVINGS_PER_WRITER;
    assertEquals(operations, created.get(), "each operation new once");
    assertEquals(operations, repeats.get(), "and a repeat once");
    assertEquals(before + operations, entries(server), "recorded exactly once");
    Money expected = cashBefore;
    for (int w = 0; w < WRITERS; w++) {
      for (int i = 0; i < SAVINGS_PER_WRITER; i++) {
        expected = expected.plus(10 + i);
        assertTrue(server.books.store().journal().entry(GROUPS.get((w + i) % GROUPS.size()),
            EntryId.of("PAR-" + w + "-" + i)).isPresent());
      }
    }
    assertEquals(expected, cash(server));
    for (BookId group : GROUPS) {
      Verification verification = server.books.store().journal().verify(group);
      assertTrue(verification.isOk(), verification.toString());
    }
  }

  private static int entries(TestServer server) {
    int count = 0;
    for (BookId group : GROUPS) {
      count += server.books.store().journal().entries(group).size();
    }
    return count;
  }

  private static Money cash(TestServer server) {
    Money cash = Money.zero(TestServer.INR);
    for (BookId group : GROUPS) {
      cash = cash.plus(server.books.store().journal().balance(group, Chart.CASH, LocalDate.of(2024, 12, 31))
          .normalBalance());
    }
    return cash;
  }
}
