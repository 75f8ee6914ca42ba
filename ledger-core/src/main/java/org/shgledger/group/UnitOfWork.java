package org.shgledger.group;

import java.util.function.Supplier;
import org.shgledger.journal.BookId;

/**
 * Runs one engine operation as a whole: {@link SavingsGroups} calls it around each operation that
 * writes, so that the operation's journal entry and its registry records are kept together or not
 * at all. A durable store gives one that runs the work in one database transaction ({@code
 * LedgerStore.engine()} does); {@link #immediate()} suits stores that live and die with the
 * process.
 *
 * <p>Units nest: work that calls another operation (adding a member who brings a bank account)
 * runs inside the same unit.
 */
public interface UnitOfWork {

  /**
   * Runs work as one unit. If it throws, nothing it wrote is kept (for a unit that can undo, see
   * {@link #immediate()}) and the exception is passed on.
   *
   * @param book the book the work reads and writes, locked against other writers for the whole
   *     work where the store has locks, not null
   * @param work the work; a store may run it again from the start if a concurrent writer forced
   *     its transaction to roll back, so it must decide from what it reads, not null
   * @param <T> the work's result
   * @return the work's result, possibly null
   */
  <T> T atomically(BookId book, Supplier<T> work);

  /**
   * Whether work that throws leaves nothing it wrote behind, as a database transaction does. An
   * importer that knows so may record a file's lines while it is still checking the rest of it
   * (a problem found later undoes them); over a unit that cannot undo, it checks the whole file
   * before its first write.
   *
   * @return true if a failed unit is undone whole; false by default, and for {@link #immediate()}
   */
  default boolean undoesFailedWork() {
    return false;
  }

  /**
   * A unit that runs the work directly, for in-memory journals and registries: they have no
   * transaction and no crash to survive. It undoes nothing if the work fails after writing, which
   * the engine avoids by checking every rule before its first write.
   *
   * @return the unit, not null
   */
  static UnitOfWork immediate() {
    return ImmediateUnitOfWork.INSTANCE;
  }
}
