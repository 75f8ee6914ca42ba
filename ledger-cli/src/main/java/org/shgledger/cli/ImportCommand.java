package org.shgledger.cli;

import picocli.CommandLine.Command;

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
final class ImportCommand extends CommandGroup {
}
