package org.shgledger.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shg import ...}: the parent of the commands that bring in what treasurers already have.
 * It does nothing by itself; its subcommands do the work (docs/import.md).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a file into a group's books: all or nothing, every problem named by file:line:column,"
          + " safe to repeat. Try any import with --dry-run first.",
      "Example: shg import passbook SHG01 statement.csv --rules shg01.rules --dry-run"
    },
    subcommands = {
      ImportPassbookCommand.class,
      ImportReclassifyCommand.class,
      ImportMembersCommand.class,
      ImportMeetingsCommand.class,
      ImportOpeningCommand.class,
      ImportBooksCommand.class
    })
final class ImportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Without a subcommand there is nothing to import: show what there is, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
