package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import members GROUP FILE [--dry-run]}: adds a group's members from a roster, all or
 * nothing, masking bank account numbers as they are read.
 */
@Command(
    name = "members",
    mixinStandardHelpOptions = true,
    description = {
      "Add the group's members from a roster (CSV), header "
          + "member,name,category,joined,bank_name,bank_ifsc,bank_account (the bank columns "
          + "optional). Account numbers are kept masked to their last 4 digits.",
      "Members already recorded alike are left as they are, so importing the roster again is safe.",
      "Any problem: nothing is recorded, each problem is printed as FILE:LINE:COLUMN: reason, and"
          + " the exit code is 3. See docs/import.md.",
      "Example: shg import members SHG01 roster.csv"
    })
final class ImportMembersCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "FILE", description = "The roster.")
  private Path file;

  @Option(names = "--dry-run", description = "Check everything and show what would be recorded, recording nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    return run(spec, db, engine -> RosterImport.run(engine, group, file, RegisterLimits.DEFAULT, dryRun));
  }

  /**
   * Runs a register import against the books the options name and prints its result: one line per
   * thing recorded and a summary on standard output, or every problem on standard error.
   *
   * @return {@link ExitCodes#OK}, or {@link ExitCodes#REJECTED} if the file has problems
   */
  static int run(CommandSpec spec, DbOptions db, Function<SavingsGroups, ImportResult> work) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportResult result;
    // the group must exist, so a mistyped --db is an error rather than a new empty database
    try (LedgerStore store = db.openExisting()) {
      result = work.apply(store.engine());
    } catch (ImportException e) {
      for (ImportProblem problem : e.problems()) {
        err.println("shg: " + problem);
      }
      if (e.truncated()) {
        err.println("shg: (more problems not shown; fix these and run again)");
      }
      err.println("shg: nothing was imported");
      err.flush();
      return ExitCodes.REJECTED;
    }
    for (String line : result.recorded()) {
      out.println((result.dryRun() ? "would record " : "recorded ") + line);
    }
    out.println(result.file() + ": " + result.rows() + (result.rows() == 1 ? " row, " : " rows, ")
        + result.recorded().size() + (result.dryRun() ? " would be recorded, " : " recorded, ")
        + result.alreadyRecorded() + " already in the books"
        + (result.dryRun() ? "; dry run: nothing was recorded" : ""));
    out.flush();
    return ExitCodes.OK;
  }
}
