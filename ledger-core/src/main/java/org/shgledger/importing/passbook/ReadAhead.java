package org.shgledger.importing.passbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.AccountCode;

/**
 * The half of a passbook's check pass that needs nothing from the book, on a thread of its own:
 * reading and parsing the file, each line's ids and, for a line dated after the book's latest
 * entry (which cannot be in the book), the account the rules give it. The importing thread takes
 * the lines in order and does the rest (the look-ups in the book, the engine's and the journal's
 * rules, the writes), so on a machine with a second core the two halves overlap.
 *
 * <p>Memory stays flat: at most {@link #QUEUED_CHUNKS} chunks of {@link #CHUNK_LINES} lines wait
 * between the threads, and the reader waits while they do. The problems the reader finds (bad
 * lines) travel with the line that follows them, and the importing thread adds them to its own
 * list just before it checks that line: so the problems come out in the order, and stop at the
 * limit, exactly as when one thread did everything.
 */
final class ReadAhead implements AutoCloseable {

  /** Lines handed over at a time: one hand-over per line would cost more than reading it. */
  static final int CHUNK_LINES = 256;

  /** Chunks that may wait for the importing thread. */
  static final int QUEUED_CHUNKS = 16;

  /**
   * One line as the reader leaves it.
   *
   * @param line the line
   * @param identity its ids
   * @param account the account the rules give it, or null when not worked out here (the line
   *     may be in the book, which only the importing thread can ask)
   * @param tooSlow a rule's pattern that gave up on the line's narration, or null
   * @param problems the reader's problems found since the line before, in order
   */
  record Read(
      PassbookLine line, LineIdentity.Line identity, AccountCode account,
      PassbookRules.PatternTooSlowException tooSlow, List<ImportProblem> problems) {}

  /** The last thing the reader hands over: how it ended, with its problems since the last line. */
  private record End(Throwable failure, boolean fromProblems, List<ImportProblem> problems) {}

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final Thread thread;
  private final MessageDigest ids = LineIdentity.sha256();
  private volatile boolean stopped;
  private List<Read> chunk = List.of();
  private int next;
  private End end;

  /**
   * Starts reading.
   *
   * @param lines opens the statement's lines, oldest first; called on the reading thread, which
   *     closes them
   * @param problems where the reader's problems go, owned by the reading thread: the importing
   *     thread's own list gets them through {@link #next}
   * @param latest the book's latest entry date, read before anything is recorded
   * @param rules the rules
   */
  ReadAhead(Supplier<Lines> lines, ImportProblems problems, Optional<LocalDate> latest, PassbookRules rules) {
    thread = new Thread(() -> read(lines, problems, latest, rules), "shg-passbook-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The statement's lines oldest first, as the importer reads them. */
  interface Lines extends AutoCloseable {
    /**
     * The next line.
     *
     * @return the line, or empty at the end
     */
    Optional<PassbookLine> next();

    @Override
    void close();
  }

  private void read(Supplier<Lines> open, ImportProblems problems, Optional<LocalDate> latest, PassbookRules rules) {
    List<Read> reads = new ArrayList<>(CHUNK_LINES);
    int handed = 0;
    try (Lines lines = open.get()) {
      LineIdentity identities = new LineIdentity();
      for (Optional<PassbookLine> next = lines.next(); next.isPresent(); next = lines.next()) {
        PassbookLine line = next.get();
        boolean mayBeInBook = PassbookImporter.mayBeInBook(line, latest);
        LineIdentity.Line identity = identities.next(line, mayBeInBook);
        ids.update(identity.id().value().getBytes(StandardCharsets.US_ASCII));
        AccountCode account = null;
        PassbookRules.PatternTooSlowException tooSlow = null;
        if (!mayBeInBook) {
          try {
            account = rules.accountFor(line.narration());
          } catch (PassbookRules.PatternTooSlowException e) {
            tooSlow = e;
          }
        }
        List<ImportProblem> found = List.of();
        if (problems.size() > handed) {
          found = problems.list().subList(handed, problems.size());
          handed = problems.size();
        }
        reads.add(new Read(line, identity, account, tooSlow, found));
        if (tooSlow != null) {
          break; // the import stops at this line: the same pattern would give up again
        }
        if (reads.size() == CHUNK_LINES) {
          if (!hand(reads)) {
            return;
          }
          reads = new ArrayList<>(CHUNK_LINES);
        }
      }
      if (hand(reads)) {
        hand(new End(null, false, problems.list().subList(handed, problems.size())));
      }
    } catch (RuntimeException | Error e) {
      // a problem list that reached its limit, or a file that cannot be read on: handed over, in
      // order after the lines read before it
      boolean fromProblems = e instanceof ImportException refused && refused.problems().equals(problems.list());
      if (hand(reads)) {
        hand(new End(e, fromProblems, problems.list().subList(handed, problems.size())));
      }
    }
  }

  /** Waits for room and hands something over; false if the importing thread has stopped. */
  private boolean hand(Object item) {
    try {
      while (!stopped) {
        if (queue.offer(item, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The next line, after adding the reader's problems found before it to the importing thread's
   * list (which may then throw, at its limit, as it would have with one thread).
   *
   * @param problems the importing thread's problems
   * @return the next line, or null at the end of the statement
   * @throws ImportException where the reader's problems stopped the import, with every problem
   *     found so far, or the reader's own failure
   */
  Read next(ImportProblems problems) {
    while (next == chunk.size()) {
      if (end != null) {
        return null;
      }
      Object item = take();
      if (item instanceof End last) {
        end = last;
        last.problems().forEach(problems::add);
        if (last.failure() != null) {
          if (last.fromProblems()) {
            problems.throwIfAny(); // the problems now include the importing thread's own
          }
          if (last.failure() instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) last.failure();
        }
        return null;
      }
      @SuppressWarnings("unchecked")
      List<Read> reads = (List<Read>) item;
      chunk = reads;
      next = 0;
    }
    Read read = chunk.get(next++);
    read.problems().forEach(problems::add);
    return read;
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the passbook", e);
    }
  }

  /**
   * The digest of every line's id, to see the file unchanged when it is read again.
   *
   * @return the digest; only after {@link #next} returned null
   */
  byte[] ids() {
    if (end == null) {
      throw new IllegalStateException("the statement has not been read to its end");
    }
    return ids.digest();
  }

  /** Stops the reader, if it is still reading, and waits for it to close the file. */
  @Override
  public void close() {
    stopped = true;
    boolean interrupted = false;
    while (thread.isAlive()) {
      queue.clear();
      try {
        thread.join(50);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
