package org.shgledger.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.group.Group;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.report.AccountLedger;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg account GROUP CODE [--from DATE] [--to DATE]}: an account's ledger with its running
 * balance.
 */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {
      "Print an account's ledger: its opening balance, every posting with the running balance, "
          + "and its closing balance.",
      "The ledger of a control account (1200, 2000, 2100) includes its members' sub-ledgers and "
          + "names the member on each line; CODE:MEMBER, such as 2000:M01, is one member's alone.",
      "From the start of the financial year of --to (or --from) to the date of the latest entry "
          + "(or --to). CSV and JSON have each line's entry id; --entries shows it in text and "
          + "HTML too.",
      "Example: shg account SHG01 1000 --from 2024-04-01 --to 2025-03-31 --format csv"
    })
final class AccountCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Mixin private OutputOptions output;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's code, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "CODE", converter = AccountCodeConverter.class,
      description = "The account's code, such as 1000 (cash in hand) or 2000:M01.")
  private AccountCode account;

  @Option(names = "--from", paramLabel = "DATE",
      description = "The first day, yyyy-mm-dd (default: the start of the financial year of --to).")
  private LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "The last day, yyyy-mm-dd, inclusive (default: the date of the latest entry).")
  private LocalDate to;

  @Option(names = "--entries",
      description = "Show each line's entry id in text and HTML too (CSV and JSON always have it).")
  private boolean entries;

  @Override
  public Integer call() {
    Labels labels = output.labels();
    Report report;
    try (LedgerStore store = db.openExisting()) {
      Group books = store.engine().group(group);
      ReportPeriod period = ReportPeriod.of(spec, from, to, "--to",
          TrialBalanceCommand.latestEntryDate(store.journal(), group),
          books::financialYearStarting, labels.get("from.year_start"), labels);
      AccountLedger ledger = new Reports(store.engine()).account(group, account, period.from(), period.to());
      boolean ids = entries || output.format() == Format.CSV || output.format() == Format.JSON;
      report = AccountLedgerReport.report(ledger, books.name(), period, ids, labels);
    }
    // the books are closed before anything is written: a slow terminal holds no database lock
    output.print(report);
    return ExitCodes.OK;
  }

  /** Reads an account code, so that a malformed one is a usage error naming the rule. */
  static final class AccountCodeConverter implements ITypeConverter<AccountCode> {
    @Override
    public AccountCode convert(String value) {
      return AccountCode.of(value);
    }
  }
}
