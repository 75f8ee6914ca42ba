package org.shgledger.cli;

import java.time.LocalDate;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.group.Group;
import org.shgledger.journal.BookId;
import org.shgledger.report.LoanPortfolio;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shg loans GROUP [--as-of DATE] [--from DATE]}: every member loan's standing, the
 * portfolio at risk, and demand, collection and balance for a period.
 */
@Command(
    name = "loans",
    mixinStandardHelpOptions = true,
    description = {
      "Print the group's loans to members: for each loan the principal outstanding, the interest "
          + "due, the overdue amount, the days past due and its status; PAR30, the share of the "
          + "outstanding principal in loans more than 30 days past due; and demand, collection "
          + "and balance (DCB) for the period from --from to --as-of.",
      "As of the date of the latest entry unless --as-of says otherwise; the DCB period starts "
          + "at the start of that financial year unless --from says otherwise.",
      "Example: shg loans SHG01 --as-of 2025-03-31 --format csv --output loans.csv"
    })
final class LoansCommand extends ReportCommand {

  @Mixin private GroupParameter group;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day, yyyy-mm-dd, inclusive (default: the date of the latest entry).")
  private LocalDate asOf;

  @Option(names = "--from", paramLabel = "DATE",
      description = "The first day of the DCB period, yyyy-mm-dd (default: the start of the "
          + "financial year of --as-of).")
  private LocalDate from;

  @Override
  Report report(LedgerStore store, Labels labels) {
    BookId code = group.code();
    Group books = store.engine().group(code);
    ReportPeriod period = ReportPeriod.of(spec, from, asOf, "--as-of",
        TrialBalanceCommand.latestEntryDate(store.journal(), code),
        books::financialYearStarting, labels.get("from.year_start"), labels);
    LoanPortfolio portfolio = new Reports(store.engine()).loans(code, period.to(), period.from());
    return LoansReport.report(portfolio, books.name(), period, output.format() != Format.TEXT, labels);
  }
}
