package org.shgledger.cli;

import java.time.LocalDate;
import java.util.function.Function;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.MemberId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import picocli.CommandLine.Option;

/**
 * A command that records one entry on a group's books: {@code --date} (required: books take the
 * day the money moved, never silently today) and {@code --id} (optional: see {@link IdWalk} for
 * the default), and printing what was recorded with {@link EntryText}.
 */
abstract class RecordingCommand extends BookCommand {

  @Option(names = "--date", converter = Words.DateWord.class, required = true, paramLabel = "DATE",
      description = "The day the money moved, yyyy-mm-dd.")
  LocalDate date;

  @Option(names = "--id", paramLabel = "ENTRY", converter = Words.NewEntryIdWord.class,
      description = "The entry's id. Default: GROUP-DATE-KIND[-MEMBER], with -2, -3 ... for "
          + "another event of the same kind that day; the same command again records nothing.")
  EntryId id;

  /**
   * Records an entry under the given id or the first suitable default id, and prints it.
   *
   * @param kind the default id's kind, such as {@code SAVE}, not null
   * @param member the member in the default id, or null
   * @param operation records the entry under the id it is given
   * @return the recorded (or already recorded) entry, not null
   */
  JournalEntry record(String kind, MemberId member, Function<EntryId, JournalEntry> operation) {
    String stem = IdWalk.stem(code, date, kind, member);
    IdWalk.Step<JournalEntry> step = IdWalk.run(id != null,
        n -> journal().entry(code, idFor(stem, n)).isPresent(),
        n -> journal().reversalOf(code, idFor(stem, n)).isPresent(),
        n -> operation.apply(idFor(stem, n)));
    out.print(EntryText.of(journal(), step.result(), step.repeat()));
    return step.result();
  }

  /**
   * Records an everyday operation ({@link GroupOperation}) and prints it.
   *
   * @param kind the default id's kind, not null
   * @param member the member in the default id, or null
   * @param operation the operation, not null
   * @return the entry, not null
   */
  JournalEntry record(String kind, MemberId member, GroupOperation operation) {
    return record(kind, member, entryId -> engine.record(code, entryId, date, operation));
  }

  /** The given id, or the default's {@code n}th candidate. */
  EntryId idFor(String stem, int n) {
    return id != null ? id : IdWalk.entryId(stem, n);
  }
}
