package org.shgledger.importing.passbook;

import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.Recording;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;

/**
 * One line of a statement, read, reconciled and given its id, and what importing it does: the
 * passbook's check pass ({@link PassbookImporter#checkStatement}) hands these out, oldest first,
 * for a caller that records them itself.
 *
 * @param line the line as read, not null
 * @param id its entry id ({@link PassbookImporter#idOf}), not null
 * @param disposition what the import does with it, not null
 * @param entry the entry to record, present exactly when the disposition is {@link
 *     Disposition#NEW}, not null
 * @param recording the engine's operation that records that entry ({@link
 *     org.shgledger.group.SavingsGroups#recordAll}), present with the entry, not null
 */
public record CheckedLine(
    PassbookLine line, EntryId id, Disposition disposition, Optional<JournalEntry> entry,
    Optional<Recording> recording) {

  /** What importing a line does. */
  public enum Disposition {
    /** It is not in the book: its entry is recorded. */
    NEW,
    /** The book holds its id already (an earlier import): nothing is recorded. */
    ALREADY_RECORDED,
    /** A rule leaves it to the meeting register ({@code -> register}): nothing is recorded. */
    LEFT_TO_REGISTER
  }

  /**
   * Creates a checked line.
   *
   * @param line the line as read, not null
   * @param id its entry id ({@link PassbookImporter#idOf}), not null
   * @param disposition what the import does with it, not null
   * @param entry the entry to record, present exactly when the disposition is {@link
   *     Disposition#NEW}, not null
   * @param recording the engine's operation that records that entry ({@link
   *     org.shgledger.group.SavingsGroups#recordAll}), present with the entry, not null
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the entry is present for a line that is not new, or
   *     missing for one that is
   */
  public CheckedLine {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(recording, "recording");
    if (entry.isPresent() != (disposition == Disposition.NEW)) {
      throw new IllegalArgumentException("a line has an entry to record exactly when it is new: " + disposition);
    }
    if (recording.isPresent() != entry.isPresent()) {
      throw new IllegalArgumentException("a new line has both its entry and the engine's operation");
    }
  }
}
