package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.DateLimits;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * How requests take turns ({@link Turns}): for different groups at once, each on a store of its
 * own; for one group one at a time; SQLite's writers one at a time whatever the group; and a
 * request that runs alone with nothing else in flight. Each case is a latch the first request
 * waits on and the second opens: if they could not overlap, the first would time out.
 */
class TurnsTest {

  static final BookId SHG01 = BookId.of("SHG01");
  static final BookId SHG02 = BookId.of("SHG02");

  @TempDir Path folder;
  ServerBooks books;
  Turns turns;
  ExecutorService threads;

  @BeforeEach
  void open() {
    books = ServerBooks.open("jdbc:sqlite:" + folder.resolve("books.db"), DateLimits.standard(), Clock.systemUTC());
    turns = new Turns(books);
    threads = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    books.close();
  }

  @Test
  void readsOfDifferentGroupsRunAtOnceOnStoresOfTheirOwn() throws Exception {
    CountDownLatch bothIn = new CountDownLatch(2);
    LedgerStore[] used = new LedgerStore[2];
    Future<Boolean> first = threads.submit(() -> turns.forGroup(SHG01, false, store -> {
      used[0] = store;
      bothIn.countDown();
      return await(bothIn);
    }));
    Future<Boolean> second = threads.submit(() -> turns.forGroup(SHG02, false, store -> {
      used[1] = store;
      bothIn.countDown();
      return await(bothIn);
    }));
    assertTrue(first.get(10, TimeUnit.SECONDS) && second.get(10, TimeUnit.SECONDS), "both were in at once");
    assertNotSame(used[0], used[1]);
    assertNotSame(books.store(), used[0], "the main store is for what runs alone");
  }

  @Test
  void requestsForOneGroupTakeTurns() throws Exception {
    assertEquals(1, mostAtOnce(SHG01, SHG01, false));
  }

  @Test
  void sqliteWritersTakeTurnsWhateverTheGroup() throws Exception {
    assertEquals(1, mostAtOnce(SHG01, SHG02, true));
  }

  @Test
  void aRequestThatRunsAloneWaitsForThoseInFlightAndKeepsOthersOut() throws Exception {
    CountDownLatch inGroup = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    Future<?> reader = threads.submit(() -> turns.forGroup(SHG01, false, store -> {
      inside.incrementAndGet();
      inGroup.countDown();
      await(release);
      return inside.decrementAndGet();
    }));
    assertTrue(inGroup.await(10, TimeUnit.SECONDS));
    Future<Integer> alone = threads.submit(() -> turns.alone(store -> {
      assertTrue(store == books.store());
      return inside.get();
    }));
    assertFalse(waitsOut(alone), "it waits while a group's request is in flight");
    release.countDown();
    reader.get(10, TimeUnit.SECONDS);
    assertEquals(0, alone.get(10, TimeUnit.SECONDS), "and then runs with none inside");
  }

  /** Runs 6 requests, alternately for two groups, and returns how many were ever inside at once. */
  private int mostAtOnce(BookId a, BookId b, boolean writes) throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Future<?>[] done = new Future<?>[6];
    for (int i = 0; i < done.length; i++) {
      BookId group = i % 2 == 0 ? a : b;
      done[i] = threads.submit(() -> turns.forGroup(group, writes, store -> {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        sleep(30);
        return inside.decrementAndGet();
      }));
    }
    for (Future<?> future : done) {
      future.get(20, TimeUnit.SECONDS);
    }
    return most.get();
  }

  private static boolean waitsOut(Future<?> future) throws Exception {
    try {
      future.get(300, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
