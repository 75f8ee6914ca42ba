package org.shgledger.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.TextRenderer;
import org.shgledger.group.Chart;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;
import org.shgledger.report.GroupStatement;
import org.shgledger.report.MonthEndBalances;
import org.shgledger.report.MonthEndBalancesBuilder;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shg statement GROUP [--from DATE] [--to DATE] [--names]}: the group statement for a
 * period, as read out at the group's meeting, in text, CSV, JSON or HTML (with a chart).
 */
@Command(
    name = "statement",
    mixinStandardHelpOptions = true,
    description = {
      "Print the group statement for a period: cash and bank at its start and end, receipts and "
          + "payments, income and expenditure, the balance sheet on its last day, and each "
          + "member's savings, loan outstanding, overdue amount and attendance.",
      "The period ends on --to (default: the date of the latest entry) and starts on --from "
          + "(default: the start of that financial year). Members appear by id; --names adds "
          + "their names, for the group's own meeting.",
      "With --format html the page has a chart of savings and loans outstanding at each month "
          + "end (docs/formats.md).",
      "Example: shg statement SHG01 --to 2025-03-31 --format html --output statement.html"
    })
final class StatementCommand extends ReportCommand {

  @Mixin private GroupParameter group;

  @Mixin private PeriodOptions.YearPeriod period;

  @Option(names = "--names",
      description = "Add the members' names to the member table. Leave them out of anything "
          + "that leaves the group, such as a report to a donor.")
  private boolean names;

  @Override
  Report report(LedgerStore store, Labels labels) {
    BookId code = group.code();
    return report(store, code, period.period(store, code, labels), names, labels);
  }

  /**
   * The statement of a group for a period, as a report.
   *
   * @param store the books, not null
   * @param group the group, not null
   * @param period the period, not null
   * @param names whether to add the members' names
   * @param labels the words for people, not null
   * @return the report, not null
   */
  static Report report(LedgerStore store, BookId group, ReportPeriod period, boolean names, Labels labels) {
    GroupStatement statement = new Reports(store.engine()).statement(group, period.from(), period.to());
    Journal journal = store.journal();
    MonthEndBalances monthEnds = new MonthEndBalancesBuilder(journal).build(group, period.from(), period.to());
    List<String> cashAndBank = List.of(name(journal, group, Chart.CASH), name(journal, group, Chart.BANK));
    return StatementReport.report(statement, period, monthEnds.points(), cashAndBank, names, labels);
  }

  /**
   * The statement as English text, members by id, for {@code shg demo}; a period that is a whole
   * financial year says so.
   *
   * @param store the books, not null
   * @param group the group, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @return the text, lines ending in {@code \n}, not null
   */
  static String text(LedgerStore store, BookId group, LocalDate from, LocalDate to) {
    Labels labels = Labels.of(Lang.EN);
    boolean year = store.engine().group(group).financialYearStarting(to).equals(from)
        && from.plusYears(1).minusDays(1).equals(to);
    ReportPeriod period = year
        ? new ReportPeriod(from, labels.get("from.year_start"), to, labels.get("to.year_end"))
        : new ReportPeriod(from, "", to, "");
    Report report = report(store, group, period, false, labels);
    StringWriter text = new StringWriter();
    try {
      new TextRenderer().render(report, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // a StringWriter does not fail
    }
    return text.toString();
  }

  private static String name(Journal journal, BookId group, AccountCode code) {
    return journal.account(group, code).map(Account::name).orElse(code.value());
  }
}
