package org.shgledger.importing.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.shgledger.LedgerException;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.BookId;

/**
 * The engine operations an import decided on, each tied to the place in the file it came from,
 * run in order as one unit of the engine ({@link SavingsGroups#atomically}): over a {@code
 * LedgerStore} one database transaction, so the first refusal rolls back everything the file
 * wrote. A dry run runs them the same way and then rolls back on purpose.
 */
final class Steps {

  /** Records one operation, in a run of the unit whose tally it is given. */
  @FunctionalInterface
  interface Recorder {
    /**
     * Records it.
     *
     * @param tally the run's tally, which also keeps what the run's steps learn of the books
     * @return true if it wrote something, false if the books held it already
     */
    boolean record(RegisterPlan.Tally tally);
  }

  /** One operation: what it is, where it came from, and the call that records it. */
  record Step(ImportProblem where, String description, Recorder record, boolean counted) {
    Step {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(record, "record");
    }
  }

  private final List<Step> steps = new ArrayList<>();

  /**
   * Adds an operation.
   *
   * @param where the row and column it came from (the reason is not used)
   * @param description what it records, for a dry run's listing
   * @param record records it; returns true if it wrote something, false if the books held it
   *     already (a repeated import)
   */
  void add(ImportProblem where, String description, BooleanSupplier record) {
    steps.add(new Step(where, description, tally -> record.getAsBoolean(), true));
  }

  /**
   * Adds an operation that uses what the run has learnt of the books (its tally's {@link
   * RegisterPlan.Tally#loans}).
   *
   * @param where the row and column it came from (the reason is not used)
   * @param description what it records, for a dry run's listing
   * @param record records it; returns true if it wrote something, false if the books held it
   *     already (a repeated import)
   */
  void add(ImportProblem where, String description, Recorder record) {
    steps.add(new Step(where, description, record, true));
  }

  /**
   * Adds a check against the books that records nothing, run in its place among the operations.
   *
   * @param where the row and column it came from
   * @param description what it checks
   * @param check throws a {@link LedgerException} whose message is the reason, if the books do not
   *     pass
   */
  void check(ImportProblem where, String description, Runnable check) {
    steps.add(new Step(where, description, tally -> {
      check.run();
      return false;
    }, false));
  }

  /**
   * Records every step in order, in the caller's unit of the engine, counting into the tally.
   *
   * @throws ImportException naming the row of the first operation the books refused
   */
  void recordInto(RegisterPlan.Tally tally) {
    for (Step step : steps) {
      boolean wrote;
      try {
        wrote = step.record().record(tally);
      } catch (ImportException e) {
        throw e;
      } catch (LedgerException | IllegalArgumentException e) {
        ImportProblem where = step.where();
        ImportException refused = new ImportException(new ImportProblem(where.file(), where.line(), where.column(),
            (step.counted() ? "the books refuse " + step.description() + ": " : "") + e.getMessage()
                + "; nothing from this file was recorded"));
        // the engine's refusal stays reachable, for a caller that shows its named reason (the server's pages)
        refused.initCause(e);
        throw refused;
      }
      if (step.counted()) {
        tally.count(step.description(), wrote);
      }
    }
  }

  /**
   * Runs every step in one unit of the engine.
   *
   * @throws ImportException naming the row of the first operation the books refused; nothing of
   *     the file is kept (over a transactional engine)
   */
  ImportResult run(SavingsGroups groups, BookId code, String file, int rows, boolean dryRun) {
    return RegisterPlan.undated(file, rows, this).run(groups, code, dryRun);
  }
}
