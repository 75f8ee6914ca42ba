package org.shgledger.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;

/**
 * Recording one batch of entries into the in-memory journal: every rule of journal.md checked,
 * nothing written anywhere. The same month-end batch as {@code BatchRecordingBenchmark} records
 * into SQLite, so the two together show what the database adds. Results: docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InMemoryRecordingBenchmark {

  /** Entries in the batch. */
  @Param({"5000"})
  public int entries;

  private List<JournalEntry> batch;
  private InMemoryJournal journal;

  /** Makes the batch once per trial. */
  @Setup(Level.Trial)
  public void makeTheBatch() {
    batch = Books.monthEndBatch(entries);
  }

  /** A new journal holding the book and its accounts for each invocation. */
  @Setup(Level.Invocation)
  public void newJournal() {
    journal = new InMemoryJournal();
    Books.openBook(journal);
  }

  /**
   * Records the batch.
   *
   * @return the recorded entries
   */
  @Benchmark
  public List<JournalEntry> recordAll() {
    return journal.recordAll(batch);
  }
}
