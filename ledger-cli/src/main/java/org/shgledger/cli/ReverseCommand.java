package org.shgledger.cli;

import java.time.LocalDate;
import java.util.Optional;
import org.shgledger.cli.Words.EntryIdWord;
import org.shgledger.group.EngineMemo;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shg reverse GROUP ENTRY}: corrects a recorded entry by recording its exact opposite,
 * linked to it, through {@link org.shgledger.group.SavingsGroups#reverse}. Nothing is edited or
 * deleted; the right entry is then recorded as usual.
 */
@Command(
    name = "reverse",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Correct a mistake: record the exact opposite of an entry (the id every recording command "
          + "prints), linked to it, then record the right entry as usual. Loan entries are reversed on "
          + "their own date, latest payment first; reversing an exit makes her a member again. "
          + "Reversing again changes nothing.",
      "Example: shg reverse SHG01 SHG01-2024-05-04-SAVE-M01 --reason \"wrong member\""
    })
final class ReverseCommand extends BookCommand {

  /** The longest original id that still takes the readable {@code -REV} default, with room for {@code -999}. */
  private static final int LONGEST_WITH_SUFFIX = EntryId.MAX_LENGTH - "-REV".length() - 4;

  @Parameters(index = "1", paramLabel = "ENTRY", converter = EntryIdWord.class, description = "The entry to reverse.")
  EntryId entry;

  @Option(names = "--date", converter = Words.DateWord.class, paramLabel = "DATE",
      description = "The reversal's date. Default: the entry's own date (printed), which is what a loan "
          + "entry needs and leaves the books as if the mistake had not happened.")
  LocalDate date;

  @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT", description = "Why, for the memo.")
  String reason;

  @Option(names = "--id", paramLabel = "ENTRY", converter = Words.NewEntryIdWord.class,
      description = "The reversal's id. Default: ENTRY-REV (-REV-2 ... if taken).")
  EntryId id;

  @Override
  void run() {
    JournalEntry original = journal().entry(code, entry).orElseThrow(() -> new JournalException(
        Rejection.REVERSED_ENTRY_NOT_FOUND, "book " + code + ": there is no entry " + entry + " to reverse"));
    Optional<JournalEntry> done = journal().reversalOf(code, entry);
    if (done.isPresent() && (id == null || id.equals(done.get().id()))) {
      out.print(EntryText.of(journal(), done.get(), true));
      return;
    }
    LocalDate day = date != null ? date : original.date();
    String why = text("--reason", reason);
    String memo = why.isEmpty() ? EngineMemo.REVERSAL.compose(entry.value())
        : EngineMemo.REVERSAL_FOR.compose(entry.value(), why);
    String stem = entry.value().length() <= LONGEST_WITH_SUFFIX
        ? entry + "-REV" : IdWalk.stem(code, day, "REVERSAL", null);
    IdWalk.Step<JournalEntry> step = IdWalk.run(id != null,
        n -> journal().entry(code, idFor(stem, n)).isPresent(),
        n -> journal().reversalOf(code, idFor(stem, n)).isPresent(),
        n -> engine.reverse(code, entry, idFor(stem, n), day, memo));
    out.print(EntryText.of(journal(), step.result(), step.repeat()));
    // the engine's mark of an exit settlement: reversing it made her a member again
    if (original.kind() == org.shgledger.journal.EntryKind.EXIT_SETTLEMENT) {
      original.member().ifPresent(member -> out.println(member + " is a member again"));
    }
  }

  private EntryId idFor(String stem, int n) {
    return id != null ? id : IdWalk.entryId(stem, n);
  }
}
