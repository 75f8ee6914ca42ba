package org.shgledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.OpeningImport;
import org.shgledger.journal.BookId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import opening GROUP FILE [--dry-run]}: records the opening
 * balances of a group moving from paper books, all or nothing.
 */
@Command(
    name = "opening",
    mixinStandardHelpOptions = true,
    description = {
      "Record a group's opening balances from its paper books (CSV), header "
          + "as_of,item,member,amount,loan_method,loan_monthly_rate,loan_instalments: one "
          + "opening entry (the difference to 3100 Accumulated surplus) and each outstanding "
          + "loan. The book must hold no other entries.",
      "Any problem: nothing is recorded, each problem is printed as FILE:LINE:COLUMN: reason, and"
          + " the exit code is 3. See docs/import.md.",
      "Example: shg import opening SHG01 opening-2024-04-01.csv"
    })
final class ImportOpeningCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "FILE", description = "The file of the opening balances.")
  private Path file;

  @Option(names = "--dry-run", description = "Check everything and show what would be recorded, recording nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    return ImportMembersCommand.run(spec, db, engine -> OpeningImport.run(engine, group, file, RegisterLimits.DEFAULT, dryRun));
  }
}
