package org.shgledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.journal.BookId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import meetings GROUP FILE [--dry-run]}: records a meeting register:
 * rolls, savings, fines, repayments, withdrawals and loans, all or nothing.
 */
@Command(
    name = "meetings",
    mixinStandardHelpOptions = true,
    description = {
      "Record a meeting register (CSV): one row per member per meeting, header "
          + "date,member,present,savings,voluntary_savings,repaid_principal,repaid_interest,"
          + "repaid_total,fine,loan_given,loan_method,loan_monthly_rate,loan_instalments,"
          + "savings_withdrawn (only date and member required); optional columns loan (the loan a"
          + " repayment or penalty is for), penalty (charged on her loan, paid first by a repayment) and"
          + " channel (cash, the default, or bank).",
      "Meetings in date order; at each the roll, then what comes in, then withdrawals, then "
          + "loans, each in its row's channel. Importing the same register again records nothing.",
      "Any problem: nothing is recorded, each problem is printed as FILE:LINE:COLUMN: reason, and"
          + " the exit code is 3. See docs/import.md.",
      "Example: shg import meetings SHG01 register-2024.csv --dry-run"
    })
final class ImportMeetingsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "FILE", description = "The file of the meeting register.")
  private Path file;

  @Option(names = "--dry-run", description = "Check everything and show what would be recorded, recording nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    return ImportMembersCommand.run(spec, db, engine -> MeetingImport.run(engine, group, file, RegisterLimits.DEFAULT, dryRun));
  }
}
