package org.shgledger.cli;

import org.shgledger.cli.output.Labels;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class PassbookCommand extends ReportCommand {

  @Mixin private GroupParameter group;

  @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdConverter.class,
      description = "The member's id, such as M01.")
  private MemberId member;

  @Mixin private PeriodOptions.JoinedPeriod period;

  @Option(names = "--names", description = "Add her name to the heading.")
  private boolean names;

  @Mixin private PseudonymOptions pseudonyms;

  @Override
  void checkOptions() {
    pseudonyms.check(spec, names);
  }

  @Override
  Report report(LedgerStore store, Labels labels) {
    BookId code = group.code();
    Group books = store.engine().group(code);
    Member her = store.engine().member(code, member);
    ReportPeriod days = period.period(store, code, last -> her.joined(), labels.get("from.joined"), labels);
    MemberPassbook passbook = new Reports(store.engine()).passbook(code, member, days.from(), days.to());
    // her flat loans paid out by the period's end, each to be shown with its effective rate
    java.util.List<org.shgledger.group.MemberLoan> flat = store.engine().loansOf(code, member).stream()
        .filter(loan -> loan.terms() instanceof org.shgledger.loan.LoanTerms terms
            && terms.method() == org.shgledger.loan.RepaymentMethod.FLAT
            && !terms.disbursementDate().isAfter(days.to()))
        .toList();
    return pseudonyms.apply(store, code, PassbookReport.report(passbook, books.name(), days, names, labels, flat));
  }

  /** Reads a member id, so that a malformed one is a usage error naming the rule. */
  static final class MemberIdConverter implements ITypeConverter<MemberId> {
    @Override
    public MemberId convert(String value) {
      return MemberId.of(value);
    }
  }
}
