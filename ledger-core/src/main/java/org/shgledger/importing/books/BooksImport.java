package org.shgledger.importing.books;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.GroupException;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.passbook.CheckedLine;
import org.shgledger.importing.passbook.CheckedStatement;
import org.shgledger.importing.passbook.FirstDay;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookLine;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.RegisterPlan;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.Posting;

/**
 * Imports a meeting register and the bank passbook of the same period together, in date order,
 * all or nothing: the import a group needs when it lends money it drew from the bank, or banks
 * the cash its meetings collect, which neither file can be imported before the other for.
 *
 * <p>Imported one after the other, each file is checked against the books as the other left
 * them: a loan paid from cash that a {@code TO CASH} withdrawal brought the day before is refused
 * if the register goes first (cash would go below zero), and the deposit of a meeting's
 * collections is refused if the passbook goes first. Here both files are first read and checked
 * completely (every problem of either file is reported, nothing written); then everything is
 * recorded in one unit of the engine ({@link SavingsGroups#atomically}; over a {@code LedgerStore}
 * one database transaction), date by date, and within each date in this order:
 *
 * <ol>
 *   <li>the register's receipts: the check that each row's member is a member that day, the
 *       meeting's roll, then row by row savings, voluntary savings, fine, penalty charged and
 *       repayment ({@link RegisterPlan.Stage#RECEIPTS});
 *   <li>the passbook's lines of that date, in the statement's order (oldest first);
 *   <li>the register's payments: savings withdrawn, then loans given ({@link
 *       RegisterPlan.Stage#PAYMENTS}).
 * </ol>
 *
 * <p>So what brings money into cash or the bank on a day is recorded before what takes it out:
 * the day's collections are in the cash box before the passbook banks them, and the passbook's
 * cash withdrawal is in the box before the meeting lends it. (The journal judges the limited
 * accounts, such as cash and bank, by their balance at the end of each day, so only this order
 * within a day matters.) The passbook's lines stay in the statement's own order because their
 * running balance is the bank's.
 *
 * <p>Ids are those of the separate imports (the register's {@code MTG:date:member:KIND} and loan
 * ids, the passbook's content hashes), so a combined import followed by either separate import
 * of the same files records nothing, and a combined import repeated records nothing.
 *
 * <p>Where the passbook meets the book ({@link FirstDay}) is checked when the passbook's first date
 * has been recorded, with the register's entries of that date in the book, and only if the book
 * held bank entries before the import (as the passbook's own import does). A disagreement fails
 * the import and keeps nothing.
 *
 * <p>Memory: the register is held as its own import holds it ({@link RegisterLimits#DEFAULT}); the
 * passbook's checked lines are held too, at most {@link #MAX_PASSBOOK_LINES}. A longer passbook is
 * refused with a message saying to split both files by year.
 */
public final class BooksImport {

  /**
   * The most transaction lines of a passbook the combined import takes, as it holds them in
   * memory until they are recorded (a few megabytes). A group's account has a few hundred lines a
   * year.
   */
  public static final int MAX_PASSBOOK_LINES = 20_000;

  /** How a register import's refusal ends (register.Steps). */
  private static final String REGISTER_NOTHING_KEPT = "; nothing from this file was recorded";

  /** How a refusal here ends. */
  private static final String NOTHING_KEPT = "; nothing from either file was recorded";

  /** How many characters of a narration the list of what was recorded shows. */
  private static final int NARRATION_SHOWN = 40;

  private BooksImport() {}

  /**
   * How to import.
   *
   * @param members a roster to import first, in the same unit, or empty, not null
   * @param passbook the passbook's profile, rules, limits and progress ({@code dryRun}, {@code
   *     batchEntries} and {@code planned} are not used), not null
   * @param registerLimits the limits on the register and roster files, not null
   * @param dryRun true to record everything inside the unit and then roll it back, keeping
   *     nothing (over a transactional engine)
   */
  public record Options(
      Optional<Path> members, PassbookImporter.Options passbook, ImportLimits registerLimits, boolean dryRun) {

    /**
     * Creates options.
     *
     * @param members a roster to import first, in the same unit, or empty, not null
     * @param passbook the passbook's profile, rules, limits and progress ({@code dryRun}, {@code
     *     batchEntries} and {@code planned} are not used), not null
     * @param registerLimits the limits on the register and roster files, not null
     * @param dryRun true to record everything inside the unit and then roll it back, keeping
     *     nothing (over a transactional engine)
     * @throws NullPointerException if an argument is null
     */
    public Options {
      Objects.requireNonNull(members, "members");
      Objects.requireNonNull(passbook, "passbook");
      Objects.requireNonNull(registerLimits, "registerLimits");
    }

    /**
     * The defaults: no roster, the passbook's defaults (profile recognised, built-in rules), the
     * register's limits, record.
     *
     * @return the options, not null
     */
    public static Options defaults() {
      return new Options(Optional.empty(), PassbookImporter.Options.defaults(), RegisterLimits.DEFAULT, false);
    }

    /**
     * With a roster to import first.
     *
     * @param value the roster file, not null
     * @return new options, not null
     */
    public Options withMembers(Path value) {
      return new Options(Optional.of(value), passbook, registerLimits, dryRun);
    }

    /**
     * With the passbook's options.
     *
     * @param value the options, not null
     * @return new options, not null
     */
    public Options withPassbook(PassbookImporter.Options value) {
      return new Options(members, value, registerLimits, dryRun);
    }

    /**
     * With limits on the register and roster files.
     *
     * @param value the limits, not null
     * @return new options, not null
     */
    public Options withRegisterLimits(ImportLimits value) {
      return new Options(members, passbook, value, dryRun);
    }

    /**
     * As a dry run or not.
     *
     * @param value true to keep nothing
     * @return new options, not null
     */
    public Options withDryRun(boolean value) {
      return new Options(members, passbook, registerLimits, value);
    }
  }

  /**
   * Imports a meeting register and a passbook together.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param meetings the meeting register, not null
   * @param passbook the bank's export, not null
   * @param options how, not null
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem of every file with {@code file:line:column}
   *     (nothing is written), or naming the first thing the books refuse (nothing of any file is
   *     kept, over a transactional engine)
   * @throws GroupException if the group does not exist
   */
  public static BooksImportResult run(
      SavingsGroups groups, BookId code, Path meetings, Path passbook, Options options) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(meetings, "meetings");
    Objects.requireNonNull(passbook, "passbook");
    Objects.requireNonNull(options, "options");
    groups.group(code);

    // 1. Read and check every file; gather every file's problems before giving up.
    Problems problems = new Problems(options.registerLimits().maxProblems());
    Optional<RegisterPlan> roster = options.members().flatMap(file -> problems.collect(() -> {
      try (CsvTable table = CsvTable.open(file, options.registerLimits())) {
        return RosterImport.plan(groups, code, table, options.registerLimits());
      }
    }));
    Optional<RegisterPlan> register = problems.collect(() -> {
      try (CsvTable table = CsvTable.open(meetings, options.registerLimits())) {
        return MeetingImport.plan(groups, code, table, options.registerLimits());
      }
    });
    List<CheckedLine> lines = new ArrayList<>();
    Optional<CheckedStatement> statement = problems.collect(() -> checkPassbook(groups, code, passbook,
        options.passbook(), lines));
    problems.throwIfAny();

    // 2. Record everything in date order, in one unit.
    if (!options.dryRun()) {
      options.passbook().progress().recording(
          lines.stream().filter(line -> line.disposition() == CheckedLine.Disposition.NEW).count());
    }
    try {
      return groups.atomically(code, () -> record(groups, code, roster, register.orElseThrow(),
          passbook.toString(), statement.orElseThrow(), lines, options.dryRun()));
    } catch (DryRun done) {
      return done.result;
    }
  }

  /** Checks the passbook without recording it, keeping its lines (at most the limit). */
  private static CheckedStatement checkPassbook(
      SavingsGroups groups, BookId code, Path file, PassbookImporter.Options options, List<CheckedLine> lines) {
    String name = file.toString();
    Supplier<InputStream> source = () -> {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new ImportException(new ImportProblem(name, 0, 0, "cannot read the file: " + e.getMessage()));
      }
    };
    // the check records nothing; the unit is the engine's, for completeness
    PassbookImporter importer = new PassbookImporter(groups);
    return importer.checkStatement(code, name, source, options, line -> {
      if (lines.size() == MAX_PASSBOOK_LINES) {
        throw new ImportException(new ImportProblem(name, line.line().line(), 0,
            "the passbook has more than " + MAX_PASSBOOK_LINES + " lines, the most the combined import"
                + " takes (it holds them until they are recorded; a group's account has a few hundred a"
                + " year): split the passbook and the meeting register by year and import each year"
                + " with shg import books"));
      }
      lines.add(line);
    });
  }

  /** The unit's work: a store may run it again from the start, so it counts afresh. */
  private static BooksImportResult record(SavingsGroups groups, BookId code, Optional<RegisterPlan> roster,
      RegisterPlan register, String passbookName, CheckedStatement statement, List<CheckedLine> lines,
      boolean dryRun) {
    JournalReader journal = groups.journal();
    List<String> recorded = new ArrayList<>();
    Optional<RegisterPlan.Tally> rosterTally = roster.map(plan -> {
      RegisterPlan.Tally tally = new RegisterPlan.Tally();
      part(tally, recorded, () -> plan.recordUndated(tally));
      return tally;
    });
    RegisterPlan.Tally meetings = new RegisterPlan.Tally();
    PassbookCounts bank = new PassbookCounts();
    PassbookImportReport checked = statement.report();
    Optional<FirstDay> firstDay = statement.firstDay().filter(day -> checked.bookHadBankEntries());

    TreeSet<LocalDate> dates = new TreeSet<>(register.dates());
    lines.forEach(line -> dates.add(line.line().date()));
    int next = 0;
    for (LocalDate date : dates) {
      part(meetings, recorded, () -> register.record(date, RegisterPlan.Stage.RECEIPTS, meetings));
      while (next < lines.size() && lines.get(next).line().date().equals(date)) {
        recordLine(groups, code, passbookName, lines.get(next++), bank, recorded);
      }
      part(meetings, recorded, () -> register.record(date, RegisterPlan.Stage.PAYMENTS, meetings));
      if (firstDay.isPresent() && firstDay.get().date().equals(date)) {
        meet(journal, code, firstDay.get());
      }
    }

    Optional<Money> bankAtEnd = checked.lastDate().map(last -> journal.balance(code, Chart.BANK, last).net());
    PassbookImportReport passbook = new PassbookImportReport(checked.profile(), checked.lines(), bank.recorded,
        bank.already, bank.suspense, bank.leftToRegister, checked.firstDate(), checked.lastDate(),
        checked.openingBalance(), checked.closingBalance(), checked.bookHadBankEntries(), checked.newestFirst(),
        dryRun, List.of(), 0, checked.warnings(), checked.warningCount());
    BooksImportResult result = new BooksImportResult(
        rosterTally.map(tally -> result(roster.get(), tally, dryRun)),
        result(register, meetings, dryRun), passbook, recorded, bankAtEnd, dryRun);
    if (dryRun) {
      throw new DryRun(result);
    }
    return result;
  }

  private static ImportResult result(RegisterPlan plan, RegisterPlan.Tally tally, boolean dryRun) {
    return new ImportResult(plan.file(), plan.rows(), tally.recorded(), tally.alreadyRecorded(), dryRun);
  }

  /**
   * Records a part of a register and adds what it recorded to the list of everything. A refusal
   * says, as the register's own import does, that nothing of its file was recorded; here nothing
   * of either file was.
   */
  private static void part(RegisterPlan.Tally tally, List<String> recorded, Runnable work) {
    int before = tally.recorded().size();
    try {
      work.run();
    } catch (ImportException e) {
      throw new ImportException(e.problems().stream().map(problem -> new ImportProblem(problem.file(),
          problem.line(), problem.column(), problem.reason().replace(REGISTER_NOTHING_KEPT, NOTHING_KEPT))).toList(),
          e.truncated());
    }
    recorded.addAll(tally.recorded().subList(before, tally.recorded().size()));
  }

  /** The passbook's counts as its lines are recorded. */
  private static final class PassbookCounts {
    long recorded;
    long already;
    long suspense;
    long leftToRegister;
  }

  private static void recordLine(SavingsGroups groups, BookId code, String passbookName, CheckedLine line,
      PassbookCounts counts, List<String> recorded) {
    switch (line.disposition()) {
      case ALREADY_RECORDED -> counts.already++;
      case LEFT_TO_REGISTER -> counts.leftToRegister++;
      case NEW -> {
        JournalEntry entry = line.entry().orElseThrow();
        if (groups.journal().entry(code, entry.id()).isPresent()) {
          counts.already++; // recorded since the check by another writer
          return;
        }
        try {
          groups.record(code, line.recording().orElseThrow());
        } catch (JournalException e) {
          throw new ImportException(new ImportProblem(passbookName, line.line().line(), 0,
              "the books refuse this line (" + e.reason() + "): " + e.getMessage() + NOTHING_KEPT));
        } catch (GroupException e) {
          throw new ImportException(new ImportProblem(passbookName, line.line().line(), 0,
              "the books refuse this line (" + e.reason() + "): " + e.getMessage() + NOTHING_KEPT));
        }
        counts.recorded++;
        Posting other = entry.postings().stream().filter(p -> !p.account().equals(Chart.BANK)).findFirst()
            .orElseThrow();
        if (other.account().equals(Chart.SUSPENSE)) {
          counts.suspense++;
        }
        recorded.add(describe(line.line(), other));
      }
      default -> throw new AssertionError(line.disposition());
    }
  }

  /** One recorded bank line, in the register's manner: date, what, amount, the other side. */
  private static String describe(PassbookLine line, Posting other) {
    // as the books keep it: masked, and masked before it is cut
    String kept = AccountNumbers.mask(line.narration());
    String narration = kept.length() <= NARRATION_SHOWN ? kept : kept.substring(0, NARRATION_SHOWN) + "…";
    return line.date() + " bank line " + line.line() + ": "
        + (line.deposit().isPositive() ? "deposit of " + withCurrency(line.deposit()) + " from " : "withdrawal of "
            + withCurrency(line.withdrawal()) + " to ") + other.account() + (narration.isEmpty() ? "" : " ("
            + narration + ")");
  }

  /**
   * Checks where the passbook meets the book, now that its first date is recorded with the
   * register's entries of that date.
   */
  private static void meet(JournalReader journal, BookId code, FirstDay day) {
    Money atEnd = journal.balance(code, Chart.BANK, day.date()).net();
    Money dayBefore = journal.balance(code, Chart.BANK, day.date().minusDays(1)).net();
    Optional<ImportProblem> problem = day.disagreement(atEnd, dayBefore);
    if (problem.isPresent()) {
      ImportProblem found = problem.get();
      throw new ImportException(new ImportProblem(found.file(), found.line(), found.column(), found.reason()
          + ", nor by the meeting register through the bank without a passbook rule -> register"
          + NOTHING_KEPT));
    }
  }

  /** Thrown at the end of a dry run to roll the unit back; carries its result out. */
  private static final class DryRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient BooksImportResult result;

    DryRun(BooksImportResult result) {
      super("dry run", null, false, false);
      this.result = result;
    }
  }

  /** Every file's problems, gathered before giving up, up to the limit in all. */
  private static final class Problems {
    private final int max;
    private final List<ImportProblem> found = new ArrayList<>();
    private boolean truncated;

    Problems(int max) {
      this.max = max;
    }

    /** Runs a file's check; its problems are kept and the result is empty if it has any. */
    <T> Optional<T> collect(Supplier<T> check) {
      try {
        return Optional.of(check.get());
      } catch (ImportException e) {
        for (ImportProblem problem : e.problems()) {
          if (found.size() == max) {
            truncated = true;
            break;
          }
          found.add(problem);
        }
        truncated |= e.truncated();
        return Optional.empty();
      }
    }

    void throwIfAny() {
      if (!found.isEmpty()) {
        throw new ImportException(found, truncated);
      }
    }
  }
}
