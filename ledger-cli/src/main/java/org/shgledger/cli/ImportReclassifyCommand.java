package org.shgledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import reclassify GROUP ENTRY ACCOUNT[:MEMBER]}: moves an imported passbook line
 * (typically one in Suspense) to the right account, by a reversal and a new entry.
 */
@Command(
    name = "reclassify",
    mixinStandardHelpOptions = true,
    description = {
      "Move an imported bank line to the right account: records the reversal of its entry and a"
          + " new entry with the other account, together. Nothing is edited. The entry ids are"
          + " those 'shg import passbook --dry-run' shows (pb:...).",
      "The new entry is ENTRY/rc and can itself be reclassified later.",
      "Example: shg import reclassify SHG01 pb:027c17d0e5b1a0c4f2d9e8b7a6c5d4e3f2a1b0c9 5200"
    })
final class ImportReclassifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "ENTRY", description = "The imported entry's id, pb:...")
  private String entry;

  @Parameters(index = "2", paramLabel = "ACCOUNT",
      description = "The right account: a chart code such as 5200, or 2000:M01 for a member.")
  private String account;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LedgerStore store = db.openExisting()) {
      List<JournalEntry> recorded =
          new PassbookImporter(store.engine())
              .reclassify(group, EntryId.of(entry), account);
      for (JournalEntry each : recorded) {
        out.println(ImportPassbookCommand.describe(each));
      }
      out.flush();
      return ExitCodes.OK;
    } catch (ImportException e) {
      return report(e, spec.commandLine().getErr());
    }
  }

  /** Prints an import's problems and gives the exit code for a refused request. */
  static int report(ImportException e, PrintWriter err) {
    ImportPassbookCommand.printProblems(e, err);
    return ExitCodes.REJECTED;
  }
}
