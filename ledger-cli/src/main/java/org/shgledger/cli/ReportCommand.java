package org.shgledger.cli;

import java.util.concurrent.Callable;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The template of every report command: {@code --db}/{@code --db-url} ({@link DbOptions}) and
 * {@code --format}, {@code --output} and {@code --lang} ({@link OutputOptions}). A subclass adds
 * what it reports on (a {@link GroupParameter}, a unit) and its own options (a {@link
 * PeriodOptions} mixin for {@code --from}/{@code --to}) and builds the {@link Report} from the
 * books; this class opens the books (which must exist), closes them, and only then prints, so that
 * a slow terminal holds no database lock and {@code --output} gets the whole report or nothing.
 */
abstract class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DbOptions db;

  @Mixin OutputOptions output;

  @Override
  public final Integer call() {
    StartupTrace.mark("arguments parsed");
    checkOptions();
    Labels labels = output.labels();
    StartupTrace.mark("labels read");
    Report report;
    try (LedgerStore store = db.openExisting()) {
      StartupTrace.mark("books open");
      report = report(store, labels);
      StartupTrace.mark("report built");
    }
    output.print(report);
    StartupTrace.mark("report printed");
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

  /** A wrong command line, found after parsing: exit 2 with this one-line reason. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
