package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.store.Verification;
import org.shgledger.testing.TestPostgres;

/**
 * Two servers on different ports over one PostgreSQL behave as one (issue 16): writers through
 * both record into the same groups at once, each request is sent to both servers (as a client
 * that retries on the other after a timeout would), and every operation is recorded exactly once;
 * verify passes. Skipped where no PostgreSQL answers, unless {@code SHG_REQUIRE_POSTGRES=1}.
 */
class TwoServersTest {

  private static final int WRITERS = 4;
  private static final int SAVINGS_PER_WRITER = 15;

  private TestPostgres.Schema schema;
  private TestServer first;
  private TestServer second;

  @BeforeEach
  void start() {
    TestPostgres.assumeAnswers();
    schema = TestPostgres.createSchema();
    first = TestServer.over(schema.url(), TestServer.echo());
    second = TestServer.beside(first, TestServer.echo());
  }

  @AfterEach
  void stop() {
    for (TestServer server : new TestServer[] {first, second}) {
      if (server != null) {
        server.close();
      }
    }
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  void concurrentWritersThroughBothRecordEachOperationExactlyOnce() throws Exception {
    assertTrue(first.server.port() != second.server.port());
    List<BookId> groups = List.of(TestServer.SHG01, TestServer.SHG02);
    int before = entries(groups);
    Money savedBefore = saved(groups);
    AtomicInteger created = new AtomicInteger();
    AtomicInteger repeats = new AtomicInteger();
    ConcurrentHashMap<String, String> failures = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS * 2);
    List<Future<?>> done = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      for (TestServer server : List.of(first, second)) {
        int w = writer;
        // both servers get the same requests, in opposite orders: each id arrives twice, at once
        boolean reversed = server == second;
        done.add(pool.submit(() -> {
          for (int n = 0; n < SAVINGS_PER_WRITER; n++) {
            int i = reversed ? SAVINGS_PER_WRITER - 1 - n : n;
            BookId group = groups.get((w + i) % groups.size());
            String id = "TWO-" + w + "-" + i;
            HttpResponse<String> response = server.saving(group, id, w, i);
            if (response.statusCode() == 201) {
              created.incrementAndGet();
            } else if (response.statusCode() == 200) {
              repeats.incrementAndGet();
            } else {
              failures.put(id + " via " + server.server.port(), response.statusCode() + " " + response.body());
            }
          }
        }));
      }
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    assertEquals(java.util.Map.of(), failures);
    int operations = WRITERS * SAVINGS_PER_WRITER;
    assertEquals(operations * 2, created.get() + repeats.get(), "every request answered 201 or 200");
    assertTrue(created.get() >= operations, "each operation acknowledged as new at least once");
    assertEquals(before + operations, entries(groups), "and recorded exactly once");
    Money expected = savedBefore;
    for (int w = 0; w < WRITERS; w++) {
      for (int i = 0; i < SAVINGS_PER_WRITER; i++) {
        expected = expected.plus(10 + i);
        BookId group = groups.get((w + i) % groups.size());
        assertTrue(first.books.store().journal().entry(group, EntryId.of("TWO-" + w + "-" + i)).isPresent());
      }
    }
    assertEquals(expected, saved(groups), "the trial balances hold each saving once");
    for (BookId group : groups) {
      Verification verification = first.books.store().journal().verify(group);
      assertTrue(verification.isOk(), verification.toString());
    }
  }

  private int entries(List<BookId> groups) {
    int count = 0;
    for (BookId group : groups) {
      count += first.books.store().journal().entries(group).size();
    }
    return count;
  }

  /** The cash both groups hold: every saving here is paid in cash. */
  private Money saved(List<BookId> groups) {
    Money cash = Money.zero(TestServer.INR);
    for (BookId group : groups) {
      cash = cash.plus(first.books.store().journal()
          .balance(group, org.shgledger.group.Chart.CASH, java.time.LocalDate.of(2024, 12, 31)).normalBalance());
    }
    return cash;
  }
}
