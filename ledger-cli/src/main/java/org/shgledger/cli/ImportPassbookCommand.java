package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.money.MoneyFormats;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg import passbook GROUP FILE [--profile NAME] [--rules FILE] [--dry-run]}: records a
 * bank passbook export against the group's bank account, all or nothing.
 */
@Command(
    name = "passbook",
    mixinStandardHelpOptions = true,
    description = {
      "Record a bank passbook or statement export (CSV, tab-separated, or a spreadsheet: .xlsx or"
          + " .xls, its first sheet) against the group's bank account 1100. The bank's layout is"
          + " recognised from the header row wherever it is (the output says which: detected: NAME);"
          + " --profile chooses it instead. The other side of each line comes from the rules (built-in ones when"
          + " --rules is not given); a line no rule matches goes to Suspense 9999, for"
          + " 'shg import reclassify' later.",
      "Every line's balance must follow from the one before; lines already imported are skipped,"
          + " so importing the same or an overlapping export again is safe. A statement listed"
          + " newest first is recognised and recorded oldest first.",
      "Any problem: nothing is recorded, each problem is printed as FILE:LINE:COLUMN: reason, and"
          + " the exit code is 3.",
      "Example: shg import passbook SHG01 statement.csv --profile sbi --rules shg01.rules"
    })
final class ImportPassbookCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01.")
  private BookId group;

  @Parameters(index = "1", paramLabel = "FILE", description = "The bank's export.")
  private Path file;

  @Mixin private ProfileOption profile;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rules, one a line: PATTERN -> ACCOUNT[:MEMBER] (see docs/import.md).")
  private Path rules;

  @Option(names = {"-q", "--quiet"},
      description = "Show no progress on standard error; problems are still shown there.")
  private boolean quiet;

  @Option(names = "--dry-run",
      description = "Check the file and show what would be recorded, recording nothing.")
  private boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var chosen = profile.applyTo(PassbookImporter.Options.defaults().withDryRun(dryRun), err);
    if (chosen.isEmpty()) {
      return ExitCodes.USAGE;
    }
    PassbookImporter.Options options = chosen.get();
    try {
      if (rules != null) {
        options = options.withRules(PassbookRules.read(rules));
      }
      ProgressBar bar = ProgressBar.forStandardError(err, quiet, file);
      boolean succeeded = false;
      options = options.withProgress(bar).withPlanned(entry -> out.println(describe(entry)));
      PassbookImportReport report;
      // The group must exist already, so a mistyped --db is an error, not a new empty database.
      try (LedgerStore store = db.openExisting()) {
        report = new PassbookImporter(store.engine())
            .importFile(group, file, options);
        succeeded = true;
      } finally {
        bar.end(succeeded);
      }
      out.println(summary(report, options.profile().isEmpty()));
      out.flush();
      return ExitCodes.OK;
    } catch (ImportException e) {
      return ImportReclassifyCommand.report(e, err);
    }
  }

  /**
   * The summary: the file with the layout read (detected from the header, or chosen with
   * --profile), the counts, the balances and the notes.
   */
  private String summary(PassbookImportReport report, boolean detected) {
    StringBuilder text = new StringBuilder();
    text.append(group).append(": ").append(file).append(detected ? " (detected: " : " (profile ")
        .append(report.profile())
        .append(report.newestFirst() ? ", listed newest first" : "").append("): ").append(report.lines()).append(report.lines() == 1 ? " line, " : " lines, ")
        .append(report.recorded()).append(report.dryRun() ? " would be recorded, " : " recorded, ")
        .append(report.alreadyRecorded()).append(" already in the books, ")
        .append(report.suspense()).append(" to Suspense (9999)");
    if (report.leftToRegister() > 0) {
      text.append(", ").append(report.leftToRegister()).append(" left to the meeting register");
    }
    if (report.firstDate().isPresent()) {
      text.append(System.lineSeparator()).append("bank balance ")
          .append(MoneyFormats.indian(report.openingBalance())).append(" before ")
          .append(report.firstDate().get()).append(", ")
          .append(MoneyFormats.indian(report.closingBalance())).append(" after ")
          .append(report.lastDate().get());
    }
    if (!report.bookHadBankEntries() && !report.openingBalance().isZero()) {
      text.append(System.lineSeparator()).append("note: the books held no bank entries, so the")
          .append(" passbook's opening balance ").append(MoneyFormats.indian(report.openingBalance()))
          .append(" is not in them: record it as the opening bank balance so that the bank")
          .append(" account matches the passbook");
    }
    for (String note : report.notes()) {
      text.append(System.lineSeparator()).append("note: ").append(note);
    }
    if (report.noteCount() > report.notes().size()) {
      text.append(System.lineSeparator()).append("note: ").append(report.noteCount() - report.notes().size())
          .append(" more like these");
    }
    emiWarnings(report).forEach(warning -> text.append(System.lineSeparator()).append(warning));
    if (report.dryRun()) {
      text.append(System.lineSeparator()).append("dry run: nothing was recorded");
    }
    return text.toString();
  }

  /**
   * The warnings about bank-loan EMI lines that went wholly to the bank loan for lack of its
   * terms, each saying how to record them; none when there were no such lines.
   *
   * @param report the passbook's report
   * @return the lines to print, each starting {@code warning: }, not null
   */
  static java.util.List<String> emiWarnings(PassbookImportReport report) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String warning : report.warnings()) {
      lines.add("warning: " + warning);
    }
    if (report.warningCount() > report.warnings().size()) {
      lines.add("warning: " + (report.warningCount() - report.warnings().size()) + " more like these");
    }
    if (report.warningCount() > 0) {
      lines.add("warning: to split an EMI into interest and principal, keep the bank loan's terms"
          + " (shg bank-loan terms GROUP --entry ENTRY --annual-rate R --instalments N --method emi for a loan"
          + " already in the books, or shg bank-loan receive ... --annual-rate R --instalments N --method emi);"
          + " to correct a line already recorded, reverse it (shg reverse) and record the instalment with"
          + " shg bank-loan repay --principal P --interest I");
    }
    return lines;
  }

  /** One planned entry on one line: date, id, the other account with its side, amount, memo. */
  static String describe(JournalEntry entry) {
    Posting other = entry.postings().stream()
        .filter(p -> !p.account().value().equals("1100")).findFirst().orElseThrow();
    return entry.date() + "  " + entry.id() + "  " + (other.side() == Side.DEBIT ? "Dr " : "Cr ")
        + other.account() + "  " + MoneyFormats.indian(other.amount()) + "  " + entry.memo();
  }

  /** The problems of a refused import, one a line. */
  static void printProblems(ImportException e, PrintWriter err) {
    for (ImportProblem problem : e.problems()) {
      err.println("shg: " + problem);
    }
    if (e.truncated()) {
      err.println("shg: (more problems not shown; fix these and run again)");
    }
    err.println("shg: nothing was imported");
    err.flush();
  }
}
