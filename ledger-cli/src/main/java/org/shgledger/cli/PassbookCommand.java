package org.shgledger.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.group.Group;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.report.MemberPassbook;
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
 * {@code shg passbook GROUP MEMBER [--from DATE] [--to DATE] [--names]}: a member's passbook, line
 * by line with her running savings and loan balances.
 */
@Command(
    name = "passbook",
    mixinStandardHelpOptions = true,
    description = {
      "Print a member's passbook: every entry that touched her savings or loans, with what she "
          + "saved, borrowed and repaid, the interest and fines she paid, and her savings and loan "
          + "balances after each line.",
      "From the day she joined (or --from) to the date of the latest entry (or --to). She "
          + "appears by id; --names adds her name.",
      "For an auditor, --pseudonymize prints her pseudonym instead of her id.",
      "Example: shg passbook SHG01 M10 --from 2024-04-01 --to 2025-03-31"
    })
final class PassbookCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Mixin private OutputOptions output;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's code, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdConverter.class,
      description = "The member's id, such as M01.")
  private MemberId member;

  @Option(names = "--from", paramLabel = "DATE",
      description = "The first day, yyyy-mm-dd (default: the day she joined).")
  private LocalDate from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "The last day, yyyy-mm-dd, inclusive (default: the date of the latest entry).")
  private LocalDate to;

  @Option(names = "--names", description = "Add her name to the heading.")
  private boolean names;

  @Mixin private PseudonymOptions pseudonyms;

  @Override
  public Integer call() {
    pseudonyms.check(spec, names);
    Labels labels = output.labels();
    Report report;
    try (LedgerStore store = db.openExisting()) {
      Group books = store.engine().group(group);
      Member her = store.engine().member(group, member);
      ReportPeriod period = ReportPeriod.of(spec, from, to, "--to",
          TrialBalanceCommand.latestEntryDate(store.journal(), group),
          last -> her.joined(), labels.get("from.joined"), labels);
      MemberPassbook passbook = new Reports(store.engine()).passbook(group, member, period.from(), period.to());
      report = pseudonyms.apply(store, group, PassbookReport.report(passbook, books.name(), period, names, labels));
    }
    // the books are closed before anything is written: a slow terminal holds no database lock
    output.print(report);
    return ExitCodes.OK;
  }

  /** Reads a member id, so that a malformed one is a usage error naming the rule. */
  static final class MemberIdConverter implements ITypeConverter<MemberId> {
    @Override
    public MemberId convert(String value) {
      return MemberId.of(value);
    }
  }
}
