package org.shgledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.shgledger.journal.Book;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shg demo}: builds the demo group's books in memory and prints their trial balance. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a made-up group's first quarter of books in memory (savings at three meetings, "
          + "a fine, a loan and its first repayment, cash banked) and print the trial balance "
          + "as of 2025-06-30.",
      "Nothing is saved."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    Journal journal = new InMemoryJournal();
    Book book = DemoBook.recordInto(journal);
    PrintWriter out = spec.commandLine().getOut();
    out.print(TrialBalanceText.format(book, journal.trialBalance(book.id(), DemoBook.AS_OF)));
    out.flush();
    return ExitCodes.OK;
  }
}
