package org.shgledger.importing.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.journal.BookId;

/**
 * A register file read and checked, whose operations are not yet recorded.
 *
 * <p>{@link #run} records them alone, as the file's own import ({@code shg import meetings},
 * {@code members}, {@code opening}) does. A caller that records them together with other files'
 * lines inside one unit of its own (the combined import, {@code
 * org.shgledger.importing.books.BooksImport}) takes them a part at a time instead: a meeting
 * register's operations are kept by meeting date, each meeting in two {@link Stage stages}, what
 * comes in and what goes out, so that another file's lines of the same day can go between them.
 * A roster's and an opening file's operations have no date of their own here: they are all in
 * {@link #recordUndated}.
 *
 * <p>Recording any part runs the engine's operations, each of which checks the books as they then
 * stand; the first one refused throws an {@link ImportException} at its row and column. Not safe
 * for use by several threads.
 */
public final class RegisterPlan {

  /** The two parts of a meeting's operations, recorded in this order by the register's import. */
  public enum Stage {
    /**
     * What comes in, and what must come before it: the check that each row's member is a member
     * that day, the meeting's roll, then row by row savings, voluntary savings, fine, a penalty
     * charged and a repayment.
     */
    RECEIPTS,
    /** What goes out: every row's savings withdrawn, then every row's loan given. */
    PAYMENTS
  }

  /**
   * Counts what recording a plan did, as it goes. A store may run a unit of work again from its
   * start, so a caller makes a new tally inside its unit each time.
   */
  public static final class Tally {
    private final List<String> recorded = new ArrayList<>();
    private int alreadyRecorded;
    private KnownLoans loans;

    /** Creates an empty tally. */
    public Tally() {}

    /**
     * Counts one operation.
     *
     * @param description what it records, not null
     * @param wrote true if it was recorded now, false if the books held it already
     */
    public void count(String description, boolean wrote) {
      Objects.requireNonNull(description, "description");
      if (wrote) {
        recorded.add(description);
      } else {
        alreadyRecorded++;
      }
    }

    /**
     * What was recorded now, in order.
     *
     * @return an unmodifiable view, not null
     */
    public List<String> recorded() {
      return Collections.unmodifiableList(recorded);
    }

    /**
     * How many operations the books held already.
     *
     * @return the count, not negative
     */
    public int alreadyRecorded() {
      return alreadyRecorded;
    }

    /**
     * The members' loans as this run of the unit knows them: a tally is made anew each time the
     * unit runs, so what it keeps is never older than the unit's transaction.
     */
    KnownLoans loans(SavingsGroups groups, BookId code) {
      if (loans == null || !loans.isOf(groups, code)) {
        loans = new KnownLoans(groups, code);
      }
      return loans;
    }
  }

  private final String file;
  private final int rows;
  private final Steps undated;
  private final TreeMap<LocalDate, Map<Stage, Steps>> days = new TreeMap<>();

  private RegisterPlan(String file, int rows, Steps undated) {
    this.file = Objects.requireNonNull(file, "file");
    this.rows = rows;
    this.undated = Objects.requireNonNull(undated, "undated");
  }

  /** A plan whose steps have no date: a roster's, an opening file's. */
  static RegisterPlan undated(String file, int rows, Steps steps) {
    return new RegisterPlan(file, rows, steps);
  }

  /** A plan of dated steps, which {@link #stage} fills. */
  static RegisterPlan dated(String file, int rows) {
    return new RegisterPlan(file, rows, new Steps());
  }

  /** The steps of a date's stage, to add to; created empty on first use. */
  Steps stage(LocalDate date, Stage stage) {
    return days.computeIfAbsent(date, d -> new EnumMap<>(Stage.class)).computeIfAbsent(stage, s -> new Steps());
  }

  /**
   * The file's name as given.
   *
   * @return the name, not null
   */
  public String file() {
    return file;
  }

  /**
   * The data rows read.
   *
   * @return the count, not negative
   */
  public int rows() {
    return rows;
  }

  /**
   * The dates that have operations, oldest first (a meeting register's meeting dates).
   *
   * @return an unmodifiable view, not null
   */
  public NavigableSet<LocalDate> dates() {
    return Collections.unmodifiableNavigableSet(days.navigableKeySet());
  }

  /**
   * Records the operations that have no date (a roster's members, an opening file's entries), in
   * file order, in the caller's unit of the engine.
   *
   * @param tally counts what was recorded, not null
   * @throws ImportException at the row of the first operation the books refuse
   */
  public void recordUndated(Tally tally) {
    undated.recordInto(Objects.requireNonNull(tally, "tally"));
  }

  /**
   * Records one stage of one date's operations, in order, in the caller's unit of the engine. A
   * date or stage without operations records nothing.
   *
   * @param date the date, not null
   * @param stage the stage, not null
   * @param tally counts what was recorded, not null
   * @throws ImportException at the row of the first operation the books refuse
   */
  public void record(LocalDate date, Stage stage, Tally tally) {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(tally, "tally");
    Map<Stage, Steps> day = days.get(Objects.requireNonNull(date, "date"));
    if (day != null && day.containsKey(stage)) {
      day.get(stage).recordInto(tally);
    }
  }

  /**
   * Records the whole plan in one unit of the engine, as the file's own import does: the undated
   * operations, then date by date each date's receipts and payments. Over a {@code LedgerStore}
   * that is one database transaction, so the first refusal keeps nothing of the file; a dry run
   * runs everything the same way and then rolls it back on purpose.
   *
   * @param groups the engine, not null
   * @param code the group, not null
   * @param dryRun true to keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException naming the row of the first operation the books refused; nothing of
   *     the file is kept (over a transactional engine)
   */
  public ImportResult run(SavingsGroups groups, BookId code, boolean dryRun) {
    try {
      return groups.atomically(code, () -> {
        // a store may run the unit again from the start: count afresh each time
        Tally tally = new Tally();
        recordUndated(tally);
        for (LocalDate date : days.keySet()) {
          for (Stage stage : Stage.values()) {
            record(date, stage, tally);
          }
        }
        ImportResult result = new ImportResult(file, rows, tally.recorded(), tally.alreadyRecorded(), dryRun);
        if (dryRun) {
          throw new DryRun(result);
        }
        return result;
      });
    } catch (DryRun done) {
      return done.result;
    }
  }

  /** Thrown at the end of a dry run to roll the unit back; carries its result out. */
  private static final class DryRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ImportResult result;

    DryRun(ImportResult result) {
      super("dry run", null, false, false);
      this.result = result;
    }
  }
}
