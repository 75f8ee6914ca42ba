package org.shgledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Destination;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Signatures;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.BookId;
import org.shgledger.report.MeetingSheet;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shg meeting sheet GROUP --date DATE}: what each member is expected to bring to a meeting
 * ({@link MeetingSheet}), printed before it. As text, JSON or an HTML page (one A4 page for a
 * group of 20, with signature lines) like every report; as PDF, that page printed by headless
 * Chromium; and as CSV, a meeting register in the {@code shg import meetings} format filled in
 * with the expected amounts, so that the treasurer changes only what differed at the meeting.
 */
@Command(
    name = "sheet",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the meeting sheet: for each member of the day, her compulsory savings due, each "
          + "loan's payment due (penalty, interest, principal) and the arrears in it, her savings "
          + "and loan outstanding; totals and signature lines. Reads the books as at the end of "
          + "the day before the meeting.",
      "--format csv writes a meeting register for 'shg import meetings' with every member "
          + "present and paying what is expected: change what differed, then import it. --format "
          + "pdf prints the HTML page with headless Chromium (needs chromium and --output).",
      "Example: shg meeting sheet SHG01 --date 2025-05-03 --format html --output sheet.html"
    })
final class MeetingSheetCommand implements Callable<Integer> {

  /** What the sheet can be written as: the report formats, and PDF. */
  enum SheetFormat {
    TEXT, CSV, JSON, HTML, PDF;

    /** Reads {@code --format} in any case, naming the choices otherwise. */
    static final class Converter implements ITypeConverter<SheetFormat> {
      @Override
      public SheetFormat convert(String value) {
        try {
          return SheetFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new picocli.CommandLine.TypeConversionException(
              "a meeting sheet is text, csv, json, html or pdf, not '" + value + "'");
        }
      }
    }
  }

  /** The register columns the CSV writes, in the order {@code shg import meetings} documents them. */
  static final String REGISTER_HEADER = "date,member,present,savings,repaid_total,loan";

  /** How long Chromium may take to print one page before the sheet gives up. */
  private static final long PRINT_TIMEOUT_SECONDS = 120;

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Mixin private GroupParameter group;

  @Option(names = "--date", converter = Words.DateWord.class, required = true, paramLabel = "DATE",
      description = "The day of the meeting.")
  private LocalDate date;

  @Option(names = {"-O", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      converter = SheetFormat.Converter.class,
      description = "text, csv (a meeting register to edit and import), json, html (a printable "
          + "page) or pdf (the page printed by chromium). Default: ${DEFAULT-VALUE}.")
  private SheetFormat format = SheetFormat.TEXT;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of standard output; the file is replaced only when the "
          + "whole sheet is written. Required for pdf.")
  private Path output;

  @Option(names = "--lang", paramLabel = "LANG", converter = Lang.Converter.class,
      completionCandidates = Lang.Codes.class,
      description = "The language of headings and labels: ${COMPLETION-CANDIDATES}. Default: the locale's "
          + "language (LC_ALL, else LC_MESSAGES, else LANG) when there are labels in it, else en.")
  private Lang lang;

  /** The program that prints HTML to PDF; tests replace it with one that is not installed. */
  static String chromium = "chromium";

  @Override
  public Integer call() {
    if (format == SheetFormat.PDF && output == null) {
      throw new ParameterException(spec.commandLine(), "--format pdf writes a file: give --output FILE.pdf");
    }
    Labels labels = Labels.of(lang != null ? lang : Lang.ofEnvironment(System::getenv));
    MeetingSheet sheet;
    try (LedgerStore store = db.openExisting()) {
      sheet = MeetingSheet.of(store.engine(), group.code(), date);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case CSV -> Destination.write(output, db, out, writer -> writer.write(register(sheet)));
      case PDF -> pdf(report(sheet, labels), labels);
      default -> {
        Format reportFormat = Format.valueOf(format.name());
        Report report = report(sheet, labels);
        Destination.write(output, db, out, writer -> reportFormat.renderer(labels.lang()).render(report, writer));
      }
    }
    if (format == SheetFormat.CSV) {
      for (MeetingSheet.Line line : sheet.lines()) {
        Optional<MeetingSheet.LoanDue> inRow = registerLoan(line);
        for (MeetingSheet.LoanDue loan : line.loans()) {
          if (loan.payment().isPositive() && !loan.equals(inRow.orElseThrow())) {
            spec.commandLine().getErr().println("note: " + line.member() + " also owes " + amount(loan.payment())
                + " on loan " + loan.loan() + ", which a register's one row per member cannot carry: record it "
                + "with 'shg loan repay'");
          }
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The sheet as a report, for text, JSON and HTML: one row per loan with something owing (a
   * member without one has a row of her savings alone), totals, and the signature lines.
   *
   * @param sheet the sheet, not null
   * @param labels the words, not null
   * @return the report, not null
   */
  static Report report(MeetingSheet sheet, Labels labels) {
    List<Row> rows = new ArrayList<>();
    for (MeetingSheet.Line line : sheet.lines()) {
      if (line.loans().isEmpty()) {
        rows.add(Row.of(Cell.text(line.member().value()), Cell.amount(line.savingsDue()), Cell.empty(),
            zero(sheet), zero(sheet), zero(sheet), zero(sheet), Cell.amount(line.total()),
            Cell.amount(line.savings()), Cell.amount(line.loanOutstanding())));
        continue;
      }
      boolean first = true;
      for (MeetingSheet.LoanDue loan : line.loans()) {
        // each row is one loan's: her savings due and savings are on her first row only, so that
        // every column adds up to its total
        rows.add(Row.of(first ? Cell.text(line.member().value()) : Cell.empty(),
            first ? Cell.amount(line.savingsDue()) : zero(sheet), Cell.text(loan.loan().value()),
            Cell.amount(loan.penalty()), Cell.amount(loan.interest()), Cell.amount(loan.principal()),
            Cell.amount(loan.arrears()), Cell.amount(first ? line.savingsDue().plus(loan.payment()) : loan.payment()),
            first ? Cell.amount(line.savings()) : zero(sheet), Cell.amount(loan.outstanding())));
        first = false;
      }
    }
    Table table = Table.of("expected",
            List.of(Column.text("member", labels.get("member")),
                Column.amount("savings_due", labels.get("sheet.savings_due")).blankingZero(),
                Column.text("loan", labels.get("loan")),
                Column.amount("penalty", labels.get("sheet.penalty")).blankingZero(),
                Column.amount("interest", labels.get("interest")).blankingZero(),
                Column.amount("principal", labels.get("principal")).blankingZero(),
                Column.amount("arrears", labels.get("sheet.arrears")).blankingZero(),
                Column.amount("expected", labels.get("sheet.expected")).blankingZero(),
                Column.amount("savings", labels.get("sheet.savings_held")).blankingZero(),
                Column.amount("loan_outstanding", labels.get("sheet.loan_outstanding")).blankingZero()),
            rows)
        .withCaption(labels.format("sheet.caption", sheet.date()))
        .withTotal(Row.of(Cell.text(labels.get("total")), Cell.amount(sheet.total(MeetingSheet.Line::savingsDue)),
            Cell.empty(),
            Cell.amount(sheet.total(line -> line.loans(MeetingSheet.LoanDue::penalty))),
            Cell.amount(sheet.total(line -> line.loans(MeetingSheet.LoanDue::interest))),
            Cell.amount(sheet.total(line -> line.loans(MeetingSheet.LoanDue::principal))),
            Cell.amount(sheet.total(line -> line.loans(MeetingSheet.LoanDue::arrears))),
            Cell.amount(sheet.total(MeetingSheet.Line::total)),
            Cell.amount(sheet.total(MeetingSheet.Line::savings)),
            Cell.amount(sheet.total(MeetingSheet.Line::loanOutstanding))));
    return Report.builder("meeting-sheet", labels.get("report.meeting_sheet"))
        .fact("group", labels.get("group"), Cell.text(sheet.group().value()))
        .fact("group_name", labels.get("group_name"), Cell.text(sheet.name()))
        .fact("date", labels.get("date"), Cell.date(sheet.date()))
        .fact("currency", labels.get("currency"), Cell.text(sheet.currency().getCode()))
        .add(table)
        .note(labels.get("sheet.note"))
        .add(new Signatures(List.of(labels.get("sign.prepared_by"), labels.get("sign.president"),
            labels.get("sign.treasurer")), labels.get("sign.signature"), labels.get("date")))
        .build();
  }

  /**
   * The sheet as a meeting register ({@code shg import meetings}): one row per member, present,
   * paying her savings due and her oldest owing loan's payment due; lines end in {@code \n}.
   * Imported unchanged, it records exactly those amounts. A member's further loans cannot be in
   * the register's one row: the command names them.
   *
   * @param sheet the sheet, not null
   * @return the CSV, not null
   */
  static String register(MeetingSheet sheet) {
    StringBuilder csv = new StringBuilder(REGISTER_HEADER).append('\n');
    for (MeetingSheet.Line line : sheet.lines()) {
      MeetingSheet.LoanDue loan = registerLoan(line).orElse(null);
      csv.append(sheet.date()).append(',').append(line.member().value()).append(",Y,")
          .append(amount(line.savingsDue())).append(',')
          .append(loan == null ? "" : amount(loan.payment())).append(',')
          .append(loan == null ? "" : loan.loan().value()).append('\n');
    }
    return csv.toString();
  }

  /** The loan a member's register row pays: her oldest with a payment due, as the import finds it. */
  private static Optional<MeetingSheet.LoanDue> registerLoan(MeetingSheet.Line line) {
    return line.loans().stream().filter(due -> due.payment().isPositive()).findFirst();
  }

  /** An amount as the register reads it: plain digits and the currency's decimals, blank for zero. */
  private static String amount(Money money) {
    BigDecimal amount = money.getAmount();
    return money.isZero() ? "" : amount.toPlainString();
  }

  private static Cell zero(MeetingSheet sheet) {
    return Cell.amount(Money.zero(sheet.currency()));
  }

  /**
   * Prints the sheet's HTML to {@link #output} as PDF with headless Chromium, written whole or
   * not at all; without Chromium, a clear error saying to print the HTML from a browser.
   */
  private void pdf(Report report, Labels labels) {
    Path temporary = null;
    try {
      temporary = Files.createTempDirectory("shg-sheet");
      Path html = temporary.resolve("sheet.html");
      try (Writer writer = Files.newBufferedWriter(html)) {
        Format.HTML.renderer(labels.lang()).render(report, writer);
      }
      Path pdf = temporary.resolve("sheet.pdf");
      Process process;
      try {
        ProcessBuilder builder = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + temporary.resolve("profile"), "--no-pdf-header-footer",
            "--print-to-pdf=" + pdf, html.toUri().toString())
            .redirectErrorStream(true).redirectOutput(temporary.resolve("chromium.log").toFile());
        // its profile and caches go into the scratch folder, never the user's home
        builder.environment().put("HOME", temporary.toString());
        process = builder.start();
      } catch (IOException e) {
        throw printFailure("cannot print the sheet as PDF: " + chromium + " is not installed. "
            + "Write it with --format html and print it from a browser (A4, portrait)");
      }
      boolean done = process.waitFor(PRINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly();
      }
      if (!done || process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw printFailure("cannot print the sheet as PDF: " + chromium + " did not write one; "
            + "write it with --format html and print it from a browser (A4, portrait)");
      }
      Path target = output.toAbsolutePath();
      for (Path book : db.bookFiles()) {
        if (Files.exists(target) && Files.exists(book) && Files.isSameFile(target, book)) {
          throw new ParameterException(spec.commandLine(), "--output " + output + " is the books' own file: "
              + "name another file for the PDF");
        }
      }
      Path partial = Files.createTempFile(target.getParent(), ".shg-sheet", ".pdf");
      Files.copy(pdf, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw printFailure("interrupted while printing the sheet");
    } finally {
      if (temporary != null) {
        deleteTree(temporary);
      }
    }
  }

  private static void deleteTree(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a scratch folder left behind in the temporary directory is harmless
    }
  }

  /** The sheet could not be printed as PDF: an input/output error (exit 5) of one line. */
  private static UncheckedIOException printFailure(String message) {
    return new UncheckedIOException(message, new IOException(message));
  }

  /** For tests: the text a report renders to. */
  static String text(MeetingSheet sheet, Labels labels) {
    StringWriter text = new StringWriter();
    try {
      Format.TEXT.renderer(labels.lang()).render(report(sheet, labels), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
