package org.shgledger.cli;

import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Mixin;

/**
 * The template of a report on one group's books: {@code --db}/{@code --db-url}, GROUP, {@code
 * --format}, {@code --output} and {@code --lang}. A subclass adds its own options (a {@link
 * PeriodOptions} mixin for {@code --from}/{@code --to}) and builds the {@link Report} from the
 * books; this class opens the books (which must exist), closes them, and only then prints, so that
 * a slow terminal holds no database lock and {@code --output} gets the whole report or nothing.
 */
abstract class ReportCommand extends GroupBooksCommand {

  @Mixin OutputOptions output;

  @Override
  public final Integer call() {
    checkOptions();
    Labels labels = output.labels();
    Report report;
    try (LedgerStore store = db.openExisting()) {
      report = report(store, labels);
    }
    output.print(report);
    return ExitCodes.OK;
  }

  /**
   * Checks the options against each other before the books are opened, so that a wrong command
   * line is a usage error whatever the database; nothing to check by default.
   */
  void checkOptions() {}

  /**
   * Builds the report from the open books.
   *
   * @param store the books, open while this runs, not null
   * @param labels the words in the language asked for, not null
   * @return the report, not null
   */
  abstract Report report(LedgerStore store, Labels labels);
}
