package org.shgledger.importing.passbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.shgledger.group.Chart;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalReader;
import org.shgledger.money.MoneyFormats;

/**
 * Keeps a statement from counting again a bank movement the book holds under another id: the
 * same statement imported before in another layout by a version whose ids took the layout's
 * narration and reference (recipe {@code v1}, see {@link LineIdentity}), or a line the bank has
 * since restated.
 *
 * <p>Day by day, a line the book does not hold under its id ({@link #fresh}) is compared with
 * the book's imported bank lines of its date that no line of the statement was found as ({@link
 * #found}). One that moves the same amount the same way is, most likely, the same movement: the
 * line is reported as a conflict naming both, and nothing is recorded. Only imported lines are
 * compared (ids of {@link LineIdentity#isLineId}, not a reclassification's and not the meeting
 * register's entries), so money the register puts in the bank on another day than the bank does
 * is never mistaken for a line.
 *
 * <p>What this cannot tell apart, and refuses: a statement that starts or ends part way through a
 * day, whose other part (a different movement of the same amount) was imported first. A
 * statement covering the whole day is then accepted, since its lines are found under their ids.
 */
final class SameDayLines {

  private final JournalReader journal;
  private final BookId book;
  private final String file;
  private final ImportProblems problems;

  private LocalDate date;
  private final Set<EntryId> found = new HashSet<>();
  private final List<PassbookLine> fresh = new ArrayList<>();
  /** Conflicts found by {@link #settle}, reported by {@link #finish}. */
  private final List<ImportProblem> settled = new ArrayList<>();

  SameDayLines(JournalReader journal, BookId book, String file, ImportProblems problems) {
    this.journal = journal;
    this.book = book;
    this.file = file;
    this.problems = problems;
  }

  /** A line of the statement the book holds under an id (either recipe's). */
  void found(PassbookLine line, EntryId id) {
    dayOf(line);
    found.add(id);
  }

  /** A line the book does not hold under its id, dated where the book may already hold it. */
  void fresh(PassbookLine line) {
    dayOf(line);
    fresh.add(line);
  }

  /** Compares the last day's lines: call after the statement's last line. */
  void finish() {
    List<ImportProblem> conflicts = new ArrayList<>(settled);
    settled.clear();
    conflicts.addAll(conflicts());
    conflicts.forEach(problems::add);
  }

  /**
   * Compares the last day's lines now, while the book holds only what it held before the import,
   * and keeps the conflicts for {@link #finish}, which reports them where it would have: an
   * import that records lines while it checks the rest calls this before its first write, once
   * no line it has still to read can be in the book (so neither {@link #found} nor {@link #fresh}
   * is called again).
   */
  void settle() {
    settled.addAll(conflicts());
  }

  /** The conflicts of the day's fresh lines, which are then forgotten. */
  private List<ImportProblem> conflicts() {
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<ImportProblem> conflicts = new ArrayList<>();
    List<JournalEntry> unaccounted = new ArrayList<>();
    for (JournalEntry entry : journal.entriesPosting(book, Chart.BANK, date, date)) {
      if (LineIdentity.isLineId(entry.id()) && !found.contains(entry.id())) {
        unaccounted.add(entry);
      }
    }
    for (PassbookLine line : fresh) {
      Iterator<JournalEntry> candidates = unaccounted.iterator();
      while (candidates.hasNext()) {
        JournalEntry entry = candidates.next();
        if (entry.postings().contains(PassbookImporter.bankPosting(line))) {
          candidates.remove();
          conflicts.add(conflict(line, entry));
          break;
        }
      }
    }
    fresh.clear();
    return conflicts;
  }

  private void dayOf(PassbookLine line) {
    if (!line.date().equals(date)) {
      finish();
      found.clear();
      date = line.date();
    }
  }

  private ImportProblem conflict(PassbookLine line, JournalEntry entry) {
    return new ImportProblem(file, line.line(), 1, "this line (" + MoneyFormats.indian(line.net().abs())
        + (line.deposit().isPositive() ? " into" : " out of") + " the bank on " + line.date() + ", balance "
        + MoneyFormats.indian(line.balance()) + " after it) is not in the books under its id, but the books hold"
        + " an imported bank line of the same day and amount that this file does not account for: entry "
        + entry.id() + entry.sourceReference().map(source -> " (" + source + ")").orElse("") + ", '" + entry.memo()
        + "'. Most likely it is this line, imported before in another bank layout by an older version of shg,"
        + " so nothing is recorded: import the statement in the layout used before, or only its days after those"
        + " the books hold. If they are two different movements (a statement that starts or ends part way"
        + " through the day), import one that covers the whole of " + line.date());
  }
}
