package org.shgledger.cli;

import java.time.LocalDate;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shg trial-balance GROUP [--as-of DATE] [--members]}: every account's balance in the debit
 * or credit column, as text, CSV, JSON or HTML.
 */
@Command(
    name = "trial-balance",
    mixinStandardHelpOptions = true,
    description = {
      "Print the group's trial balance: one line per account with a balance, in the debit or the "
          + "credit column, and the totals, which are always equal.",
      "As of the date of the latest entry unless --as-of says otherwise; --members adds each "
          + "member's sub-ledger (coded CONTROL:MEMBER, such as 2000:M01) under its account.",
      "With --format csv the header is code,account,debit,credit and amounts are plain numbers "
          + "(docs/formats.md).",
      "For an auditor, --pseudonymize prints each member's pseudonym instead of her id.",
      "Example: shg trial-balance SHG01 --members --format csv --output tb.csv"
    })
final class TrialBalanceCommand extends ReportCommand {

  @Mixin private GroupParameter group;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The date, yyyy-mm-dd, inclusive (default: the date of the latest entry).")
  private LocalDate asOf;

  @Option(names = "--members", description = "Add each member's sub-ledger lines under their account.")
  private boolean members;

  @Mixin private PseudonymOptions pseudonyms;

  @Override
  void checkOptions() {
    pseudonyms.check(spec, false);
  }

  @Override
  Report report(LedgerStore store, Labels labels) {
    BookId code = group.code();
    Journal journal = store.journal();
    Book book = book(journal, code);
    LocalDate date = asOf;
    String note = "";
    if (date == null) {
      LocalDate latest = latestEntryDate(journal, code);
      date = latest == null ? LocalDate.now() : latest;
      note = labels.get(latest == null ? "as_of.no_entries" : "as_of.latest_entry");
    }
    return pseudonyms.apply(store, code,
        TrialBalanceText.report(book, journal.trialBalance(code, date), members, labels, note));
  }

  /**
   * A book, or the journal's not-found refusal (exit 4).
   *
   * @param journal the journal, not null
   * @param id the book's id, not null
   * @return the book, not null
   */
  static Book book(Journal journal, BookId id) {
    return journal.book(id).orElseThrow(() ->
        new JournalException(Rejection.BOOK_NOT_FOUND, "there is no group " + id + " in the books"));
  }

  /**
   * The date of a book's latest entry.
   *
   * @param journal the journal, not null
   * @param id the book, not null
   * @return the date, or null if the book has no entries
   */
  static LocalDate latestEntryDate(Journal journal, BookId id) {
    return journal.latestEntryDate(id).orElse(null);
  }
}
