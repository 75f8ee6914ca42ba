package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.joda.money.Money;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.books.BooksImport;
import org.shgledger.importing.books.BooksImportResult;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.journal.BookId;
import org.shgledger.money.MoneyFormats;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import books GROUP --meetings FILE --passbook FILE [--members FILE] [--profile NAME]
 * [--rules FILE] [--dry-run]}: a meeting register and the bank passbook of the same period,
 * recorded together in date order, all or nothing ({@link BooksImport}).
 */
@Command(
    name = "books",
    mixinStandardHelpOptions = true,
    description = {
      "Record a meeting register and the group's bank passbook together, in date order, for a"
          + " group that lends cash it draws from the bank or banks what its meetings collect:"
          + " imported one after the other, one of the two files would be refused.",
      "Both files are checked first and every problem of either is printed as FILE:LINE:COLUMN:"
          + " reason, exit code 3, nothing recorded. Then, day by day: the meeting's receipts,"
          + " the day's passbook lines, the meeting's payments (withdrawals, loans), all in one"
          + " transaction. Ids are those of 'shg import meetings' and 'shg import passbook', so"
          + " importing again, combined or either file alone, records nothing.",
      "Example: shg import books SHG01 --meetings register-2024.csv --passbook statement.csv"
          + " --rules shg01.rules --dry-run"
    })
final class ImportBooksCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Option(names = "--meetings", paramLabel = "FILE", required = true,
      description = "The meeting register (as for 'shg import meetings').")
  private Path meetings;

  @Option(names = "--passbook", paramLabel = "FILE", required = true,
      description = "The bank's export (as for 'shg import passbook'), at most "
          + BooksImport.MAX_PASSBOOK_LINES + " lines.")
  private Path passbook;

  @Option(names = "--members", paramLabel = "FILE",
      description = "A member roster to add first, in the same transaction (as for 'shg import members').")
  private Path members;

  @Mixin private ProfileOption profile;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Passbook rules, one a line: PATTERN -> ACCOUNT[:MEMBER] or PATTERN -> register"
          + " (see docs/import.md).")
  private Path rules;

  @Option(names = {"-q", "--quiet"},
      description = "Show no progress on standard error; problems are still shown there.")
  private boolean quiet;

  @Option(names = "--dry-run",
      description = "Check everything against the books and show what would be recorded, recording nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var chosen = profile.applyTo(PassbookImporter.Options.defaults(), err);
    if (chosen.isEmpty()) {
      return ExitCodes.USAGE;
    }
    PassbookImporter.Options bank = chosen.get();
    BooksImportResult result;
    try {
      if (rules != null) {
        bank = bank.withRules(PassbookRules.read(rules));
      }
      ProgressBar bar = ProgressBar.forStandardError(err, quiet, passbook);
      boolean succeeded = false;
      BooksImport.Options options = BooksImport.Options.defaults().withPassbook(bank.withProgress(bar))
          .withDryRun(dryRun);
      if (members != null) {
        options = options.withMembers(members);
      }
      // the group must exist, so a mistyped --db is an error rather than a new empty database
      try (LedgerStore store = db.openExisting()) {
        result = BooksImport.run(store.engine(), group, meetings, passbook, options);
        succeeded = true;
      } finally {
        bar.end(succeeded);
      }
    } catch (ImportException e) {
      return ImportReclassifyCommand.report(e, err);
    }
    for (String line : result.recorded()) {
      out.println((result.dryRun() ? "would record " : "recorded ") + line);
    }
    result.members().ifPresent(roster -> out.println(summary(roster)));
    out.println(summary(result.meetings()));
    out.println(summary(result.passbook()));
    ImportPassbookCommand.emiWarnings(result.passbook()).forEach(out::println);
    out.println(reconciliation(result));
    if (!result.passbook().bookHadBankEntries() && !result.passbook().openingBalance().isZero()) {
      out.println("note: the books held no bank entries, so the passbook's opening balance "
          + MoneyFormats.indian(result.passbook().openingBalance()) + " is not in them: record it as the"
          + " opening bank balance (shg import opening) so that the bank account matches the passbook");
    }
    if (result.dryRun()) {
      out.println("dry run: nothing was recorded");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String summary(ImportResult part) {
    return part.file() + ": " + part.rows() + (part.rows() == 1 ? " row, " : " rows, ") + part.recorded().size()
        + (part.dryRun() ? " would be recorded, " : " recorded, ") + part.alreadyRecorded() + " already in the books";
  }

  private String summary(PassbookImportReport report) {
    StringBuilder text = new StringBuilder().append(passbook).append(" (profile ").append(report.profile())
        .append(report.newestFirst() ? ", listed newest first" : "").append("): ").append(report.lines())
        .append(report.lines() == 1 ? " line, " : " lines, ").append(report.recorded())
        .append(report.dryRun() ? " would be recorded, " : " recorded, ").append(report.alreadyRecorded())
        .append(" already in the books, ").append(report.suspense()).append(" to Suspense (9999)");
    if (report.leftToRegister() > 0) {
      text.append(", ").append(report.leftToRegister()).append(" left to the meeting register");
    }
    return text.toString();
  }

  /** The passbook's balances and whether the book's bank account ends where the passbook does. */
  private static String reconciliation(BooksImportResult result) {
    PassbookImportReport report = result.passbook();
    if (report.firstDate().isEmpty() || result.bankAtEnd().isEmpty()) {
      return "the passbook has no lines";
    }
    Money book = result.bankAtEnd().get();
    Money bank = report.closingBalance();
    String text = "bank balance " + MoneyFormats.indian(report.openingBalance()) + " before "
        + report.firstDate().get() + ", " + MoneyFormats.indian(bank) + " after " + report.lastDate().get()
        + "; the books' bank account " + (result.dryRun() ? "would hold " : "holds ") + MoneyFormats.indian(book)
        + " then";
    return book.equals(bank) ? text + ": they agree"
        : text + ": they differ by " + MoneyFormats.indian(book.minus(bank).abs())
            + " (bank entries recorded apart from this passbook, or a payment the register records through"
            + " the bank without a passbook rule -> register)";
  }
}
