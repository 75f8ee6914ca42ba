package org.shgledger.cli;

import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.group.Group;
import org.shgledger.journal.BookId;
import org.shgledger.journal.AccountCode;
import org.shgledger.report.AccountLedger;
import org.shgledger.report.Reports;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class AccountCommand extends ReportCommand {

  @Mixin private GroupParameter group;

  @Parameters(index = "1", paramLabel = "CODE", converter = AccountCodeConverter.class,
      description = "The account's code, such as 1000 (cash in hand) or 2000:M01.")
  private AccountCode account;

  @Mixin private PeriodOptions.YearPeriod period;

  @Option(names = "--entries",
      description = "Show each line's entry id in text and HTML too (CSV and JSON always have it).")
  private boolean entries;

  /**
   * What of the ledger is shown: all of it for the command line; one page of it for the server's
   * API ({@link ServeCommand.Reports}), which pages long ledgers.
   */
  UnaryOperator<AccountLedger> page = UnaryOperator.identity();

  @Override
  Report report(LedgerStore store, Labels labels) {
    BookId code = group.code();
    Group books = store.engine().group(code);
    ReportPeriod days = period.period(store, code, labels);
    AccountLedger ledger = page.apply(new Reports(store.engine()).account(code, account, days.from(), days.to()));
    boolean ids = entries || output.format() == Format.CSV || output.format() == Format.JSON;
    return AccountLedgerReport.report(ledger, books.name(), days, ids, labels);
  }

  /** Reads an account code, so that a malformed one is a usage error naming the rule. */
  static final class AccountCodeConverter implements ITypeConverter<AccountCode> {
    @Override
    public AccountCode convert(String value) {
      return AccountCode.of(value);
    }
  }
}
