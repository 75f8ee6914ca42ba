package org.shgledger.cli;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Labels;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --from DATE} and {@code --to DATE}, the period of a report: mixed in as one of the
 * subclasses, which differ only in the first day's default (and its help text). The last day
 * defaults to the date of the latest entry; see {@link ReportPeriod}.
 */
abstract class PeriodOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--to", paramLabel = "DATE",
      description = "The last day, yyyy-mm-dd, inclusive (default: the date of the latest entry).")
  LocalDate to;

  /** The first day asked for, or null. */
  abstract LocalDate from();

  /**
   * The period asked for, with defaults filled in; a first day after the last is a usage error.
   *
   * @param store the books, not null
   * @param group the group, not null
   * @param defaultFrom the first day when none is asked for, from the last day, not null
   * @param defaultNote the remark for that default, not null
   * @param labels the words, not null
   * @return the period, not null
   */
  ReportPeriod period(LedgerStore store, BookId group, UnaryOperator<LocalDate> defaultFrom, String defaultNote,
      Labels labels) {
    return ReportPeriod.of(spec, from(), to, "--to", TrialBalanceCommand.latestEntryDate(store.journal(), group),
        defaultFrom, defaultNote, labels);
  }

  /** A period that starts by default at the start of the financial year of its last day. */
  static final class YearPeriod extends PeriodOptions {

    @Option(names = "--from", paramLabel = "DATE",
        description = "The first day, yyyy-mm-dd (default: the start of the financial year of --to).")
    LocalDate from;

    @Override
    LocalDate from() {
      return from;
    }

    /**
     * The period, by default from the start of the group's financial year of its last day.
     *
     * @param store the books, not null
     * @param group the group, not null
     * @param labels the words, not null
     * @return the period, not null
     */
    ReportPeriod period(LedgerStore store, BookId group, Labels labels) {
      return period(store, group, store.engine().group(group)::financialYearStarting,
          labels.get("from.year_start"), labels);
    }
  }

  /** A member's period, which starts by default on the day she joined. */
  static final class JoinedPeriod extends PeriodOptions {

    @Option(names = "--from", paramLabel = "DATE",
        description = "The first day, yyyy-mm-dd (default: the day she joined).")
    LocalDate from;

    @Override
    LocalDate from() {
      return from;
    }
  }
}
