package org.shgledger.cli;

import java.time.LocalDate;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.ShareOutTerms;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.JournalEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end of a year and of a cycle: {@code shg year-end}, {@code shg distribute-surplus} and
 * {@code shg share-out}, over {@link org.shgledger.group.SavingsGroups#closeYear}, {@code
 * distributeSurplus} and {@code shareOut}.
 */
final class ClosingCommands {

  private ClosingCommands() {}

  /** {@code shg year-end GROUP --date DATE}. */
  @Command(
      name = "year-end",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Close a financial year: move every income and expense account's balance into 3100 "
            + "Accumulated surplus with one entry dated the year's last day, and lock the books up to "
            + "it: nothing dated on or before it can be recorded afterwards. Closing the same year "
            + "again changes nothing.",
        "Example: shg year-end SHG01 --date 2025-03-31"
      })
  static final class YearEnd extends RecordingCommand {
    @Override
    void run() {
      Optional<LocalDate> locked = journal().lockDate(code);
      if (locked.isPresent() && locked.get().equals(date)) {
        Optional<JournalEntry> closing = journal().entries(code).stream()
            .filter(e -> e.date().equals(date) && e.kind() == org.shgledger.journal.EntryKind.YEAR_END)
            .filter(e -> journal().reversalOf(code, e.id()).isEmpty())
            .reduce((first, second) -> second);
        if (closing.isPresent() && (id == null || id.equals(closing.get().id()))) {
          out.print(EntryText.of(journal(), closing.get(), true));
          out.println("the year to " + date + " is closed already");
          return;
        }
        if (closing.isEmpty() && id == null) {
          out.println("the year to " + date + " is closed already (it had no income or expense); nothing new recorded");
          return;
        }
      }
      String stem = IdWalk.stem(code, date, "YEAREND", null);
      IdWalk.Step<Optional<JournalEntry>> step = IdWalk.run(id != null,
          n -> journal().entry(code, idFor(stem, n)).isPresent(),
          n -> journal().reversalOf(code, idFor(stem, n)).isPresent(),
          n -> engine.closeYear(code, idFor(stem, n), date));
      if (step.result().isPresent()) {
        out.print(EntryText.of(journal(), step.result().get(), step.repeat()));
      } else {
        out.println("no income or expense to close into surplus");
      }
      out.println("the books of " + code + " are closed up to " + date + ": nothing dated on or before it can be recorded now");
    }
  }

  /** {@code shg distribute-surplus GROUP --amount A --date DATE}. */
  @Command(
      name = "distribute-surplus",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Share part of the accumulated surplus (3100) among the members of the day in proportion to "
            + "their savings; each share is added to her voluntary savings and no cash moves. A group "
            + "that keeps whole rupees credits whole rupees, and the paise left stay in the surplus.",
        "Example: shg distribute-surplus SHG01 --amount 1500 --date 2025-04-05"
      })
  static final class DistributeSurplus extends RecordingCommand {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "How much of the surplus to share.")
    String amount;

    @Override
    void run() {
      Money total = amount("--amount", amount);
      record("DISTRIBUTE", null, entryId -> engine.distributeSurplus(code, entryId, date, total));
    }
  }

  /** {@code shg share-out GROUP --date DATE [--include-grants] [--remainder-to ACCOUNT]}. */
  @Command(
      name = "share-out",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "End a cycle by paying out the fund: each member gets her savings and a share of the group's "
            + "own funds (surplus, the year's income less expense) in proportion to her savings. The "
            + "Revolving Fund and other grants (3000) stay as the group's corpus unless --include-grants. "
            + "A group that keeps whole rupees pays whole rupees; what that leaves stays in the group "
            + "(--remainder-to, default 3100). Paid from cash first, then the bank. Needs every member "
            + "loan repaid (MEMBER_LOANS_OUTSTANDING) and the bank and federation loans at zero "
            + "(EXTERNAL_LOANS_OUTSTANDING).",
        "Example: shg share-out SHG01 --date 2025-03-29",
        "Example, a group closing for good: shg share-out SHG01 --date 2025-03-29 --include-grants"
      })
  static final class ShareOut extends RecordingCommand {
    @Option(names = "--include-grants", description = "Share out the grants (3000) too, as a group closing for good does.")
    boolean includeGrants;

    @Option(names = "--remainder-to", paramLabel = "ACCOUNT", defaultValue = "3100",
        description = "The equity or income account that keeps what paying whole rupees leaves. Default: ${DEFAULT-VALUE}.")
    String remainderTo;

    @Override
    void run() {
      AccountCode remainder;
      try {
        remainder = AccountCode.of(remainderTo.strip());
      } catch (IllegalArgumentException e) {
        throw usage("--remainder-to: '" + remainderTo + "' is not an account code, such as 3100");
      }
      ShareOutTerms terms = new ShareOutTerms(includeGrants, remainder);
      record("SHAREOUT", null, entryId -> engine.shareOut(code, entryId, date, terms));
      out.println(includeGrants ? "the fund of " + code + ", grants included, is paid out to its members"
          : "the fund of " + code + " is paid out to its members; its grants stay as its corpus");
    }
  }
}
