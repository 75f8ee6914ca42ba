package org.shgledger.server;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * How the server's requests take turns on the books (issue 19 goal 4). A request for one group's
 * books (its reports, its operations, its imports) holds that group's lock and a store of its own
 * ({@link ServerBooks#borrow()}): requests for one group run one at a time, in the order they came,
 * so that a report's several reads never see half of another request's work and a meeting's
 * operations are recorded in order; requests for different groups run in parallel. On SQLite, which
 * has one writer per file, writers also take one turn between them (waiting here, in order, rather
 * than in SQLite's busy loop); their reads run beside the writer.
 *
 * <p>Everything else (the routes over a unit's many groups, the list of groups, the books kept
 * offline, the pages) runs alone on the main store ({@link ServerBooks#store()}), with no request
 * for any group in flight, as every request did before; such requests are few and read many
 * groups, which then hold still for them. The locks are fair: a request waits behind those that
 * came first, and one that runs alone waits only for those in flight.
 *
 * <p>Two stores in one process keep apart in the database as two processes do (a book's row locked
 * by each write on PostgreSQL, the file's write lock on SQLite; docs/store.md): the locks here save
 * the database that work and give the order; they are not what makes writing safe.
 */
final class Turns {

  /** The groups' locks: a fixed number, so that no request can make more; two groups may share one. */
  private static final int GROUP_LOCKS = 1024;

  private final ServerBooks books;
  /** Held shared by a request for one group, alone by one that runs alone. */
  private final ReentrantReadWriteLock world = new ReentrantReadWriteLock(true);
  private final ReentrantLock[] groups = new ReentrantLock[GROUP_LOCKS];
  /** SQLite's one writer; null on PostgreSQL. */
  private final ReentrantLock writer;

  Turns(ServerBooks books) {
    this.books = books;
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new ReentrantLock(true);
    }
    this.writer = books.oneWriter() ? new ReentrantLock(true) : null;
  }

  /**
   * The lock of a request that runs alone: the pages and the routes over many groups.
   *
   * @return the lock, not null
   */
  Lock alone() {
    return world.writeLock();
  }

  /**
   * Runs a request alone on the main store.
   *
   * @param work the request's work
   * @return its result
   */
  <T> T alone(Function<LedgerStore, T> work) {
    world.writeLock().lock();
    try {
      return work.apply(books.store());
    } finally {
      world.writeLock().unlock();
    }
  }

  /**
   * Runs a request for one group's books on a store of its own, in the group's turn.
   *
   * @param group the group the request names
   * @param writes whether it may write (on SQLite it then also waits for the one writer's turn)
   * @param work the request's work
   * @return its result
   */
  <T> T forGroup(BookId group, boolean writes, Function<LedgerStore, T> work) {
    Lock inGroup = groups[Math.floorMod(group.value().hashCode(), groups.length)];
    Lock write = writes ? writer : null;
    world.readLock().lock();
    try {
      inGroup.lock();
      try {
        if (write != null) {
          write.lock();
        }
        try {
          LedgerStore store = borrow();
          try {
            return work.apply(store);
          } finally {
            books.giveBack(store);
          }
        } finally {
          if (write != null) {
            write.unlock();
          }
        }
      } finally {
        inGroup.unlock();
      }
    } finally {
      world.readLock().unlock();
    }
  }

  private LedgerStore borrow() {
    try {
      return books.borrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a store", e);
    }
  }
}
