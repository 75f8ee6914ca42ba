package org.shgledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.shgledger.journal.BookId;
import org.shgledger.store.JdbcJournal;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg verify [GROUP]}: checks that the stored books are what was recorded, book by book,
 * and names the first entry that is not.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that the stored books are exactly what was recorded: every entry against its hash "
          + "and the chain of hashes, and every balance against the sum of the postings.",
      "Prints one line per book: OK with the number of entries and the hash of the last one "
          + "(write it down to check later that nothing was changed or removed), or the first "
          + "entry that does not match.",
      "Exits with 1 if any book does not verify.",
      "Example: shg verify --db shg.db"
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(
      arity = "0..1",
      paramLabel = "GROUP",
      converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01 (default: every book).")
  private BookId group;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (LedgerStore store = db.openExisting()) {
      JdbcJournal journal = store.journal();
      List<Verification> results =
          group == null ? journal.verifyAll() : List.of(journal.verify(group));
      if (results.isEmpty()) {
        out.println("no books in " + store.location());
      }
      boolean allOk = true;
      for (Verification result : results) {
        out.println(line(result));
        allOk &= result.isOk();
      }
      out.flush();
      return allOk ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
  }

  /** One book's result on one line. */
  static String line(Verification result) {
    if (result.isOk()) {
      return result.book() + ": OK, " + result.entriesChecked()
          + (result.entriesChecked() == 1 ? " entry" : " entries") + ", head " + result.headHash();
    }
    Verification.Mismatch mismatch = result.mismatch().orElseThrow();
    String where =
        mismatch.entry().map(id -> " at entry " + id + " (number " + mismatch.sequence() + ")")
            .orElse("");
    return result.book() + ": MISMATCH" + where + ": "
        + mismatch.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + mismatch.detail()
        + " (" + result.entriesChecked() + " entries before it verified)";
  }

  /** Reads a book id, so that a malformed one is a usage error naming the rule. */
  static final class BookIdConverter implements ITypeConverter<BookId> {
    @Override
    public BookId convert(String value) {
      return BookId.of(value);
    }
  }
}
