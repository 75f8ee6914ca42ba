package org.shgledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.CsvRenderer;
import org.shgledger.cli.output.Destination;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code shg export GROUP --format gl-csv|trial-balance-csv|hledger|ledger|tally-xml [--output FILE]}: the
 * whole of a group's books for an accountant's spreadsheet or another accounting program.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a group's books for an accountant (docs/formats.md):",
      "  gl-csv: the general ledger, one CSV row per posting;",
      "  trial-balance-csv: as shg trial-balance GROUP --format csv;",
      "  hledger, ledger: a journal with its accounts, currency and balance assertions;",
      "  tally-xml: ledgers and vouchers in TallyPrime's XML import format.",
      "Example: shg export SHG01 --format hledger --output shg01.journal",
      "Example: shg export SHG01 --format tally-xml --output shg01-tally.xml"
    })
final class ExportCommand implements Callable<Integer> {

  /** What {@code --format} can ask for. */
  enum Kind {
    /** The general ledger as CSV. */
    GL_CSV,
    /** The trial balance as CSV. */
    TRIAL_BALANCE_CSV,
    /** An hledger journal. */
    HLEDGER,
    /** A Ledger journal. */
    LEDGER,
    /** A TallyPrime import request: ledger masters and vouchers. */
    TALLY_XML;

    String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Mixin private GroupParameter groupParameter;

  @Option(names = {"-O", "--format"}, paramLabel = "FORMAT", required = true, converter = KindConverter.class,
      completionCandidates = KindWords.class,
      description = "gl-csv, trial-balance-csv, hledger, ledger or tally-xml.")
  private Kind kind;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of standard output; the file is replaced only when the "
          + "whole export is written.")
  private Path output;

  @Mixin private PseudonymOptions pseudonyms;

  @Override
  public Integer call() {
    if (pseudonyms.asked() && kind != Kind.GL_CSV) {
      throw new ParameterException(spec.commandLine(), "--pseudonymize is for --format gl-csv");
    }
    pseudonyms.check(spec, false);
    BookId group = groupParameter.code();
    String version = VersionProvider.version();
    try (LedgerStore store = db.openExisting()) {
      Journal journal = store.journal();
      Book book = TrialBalanceCommand.book(journal, group);
      List<Account> accounts = journal.accounts(group);
      switch (kind) {
        case GL_CSV -> {
          // one row per posting, written as the entries are read, oldest first: any size of book
          UnaryOperator<String> replace = pseudonyms.replacer(store, group);
          GeneralLedger ledger = new GeneralLedger(book, accounts);
          Destination.write(output, db, spec.commandLine().getOut(), out -> {
            CsvRenderer.RowWriter rows = CsvRenderer.start(GeneralLedger.columns(), out);
            try {
              journal.forEachEntryByDate(group, entry -> {
                try {
                  for (Row row : ledger.rows(entry)) {
                    rows.write(Pseudonymization.row(row, replace));
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
            } catch (UncheckedIOException e) {
              throw e.getCause();
            }
            rows.flush();
          });
        }
        case TRIAL_BALANCE_CSV -> {
          LocalDate latest = TrialBalanceCommand.latestEntryDate(journal, group);
          LocalDate asOf = latest == null ? LocalDate.now() : latest;
          Report trialBalance =
              TrialBalanceText.report(book, journal.trialBalance(group, asOf), false, Labels.of(Lang.EN), "");
          store.close();
          Destination.write(output, db, spec.commandLine().getOut(), out -> new CsvRenderer().render(trialBalance, out));
        }
        case HLEDGER, LEDGER -> {
          // A journal is written as its entries are read, oldest first, a few at a time: a book of
          // any size exports in little memory. The read holds a snapshot, not a lock on writers.
          JournalExport.Dialect dialect =
              kind == Kind.HLEDGER ? JournalExport.Dialect.HLEDGER : JournalExport.Dialect.LEDGER;
          Destination.write(output, db, spec.commandLine().getOut(), out -> JournalExport.write(dialect, book, accounts,
              action -> journal.forEachEntryByDate(group, action), version, out));
        }
        case TALLY_XML ->
          // read twice, as the journals are read once: the ledgers first, then the vouchers
          Destination.write(output, db, spec.commandLine().getOut(), out -> TallyXmlExport.write(book, accounts,
              action -> journal.forEachEntryByDate(group, action), out));
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The general ledger: one row per posting, entries in date order (in recording order within a
   * date), columns {@code date,entry,memo,code,account,debit,credit,reverses}.
   */
  static final class GeneralLedger {
    private final Map<AccountCode, String> names;
    private final Money zero;

    /**
     * The ledger of a book.
     *
     * @param book the book, not null
     * @param accounts its accounts, for their names, not null
     */
    GeneralLedger(Book book, List<Account> accounts) {
      this.names = accounts.stream().collect(Collectors.toMap(Account::code, Account::name));
      this.zero = Money.zero(book.currency());
    }

    /** The columns, in English (the keys are the CSV header). */
    static List<Column> columns() {
      Labels labels = Labels.of(Lang.EN);
      Function<String, String> label = labels::get;
      return List.of(Column.date("date", label.apply("date")), Column.text("entry", label.apply("entry")),
          Column.text("memo", label.apply("memo")), Column.text("code", label.apply("code")),
          Column.text("account", label.apply("account")), Column.amount("debit", label.apply("debit")),
          Column.amount("credit", label.apply("credit")), Column.text("reverses", label.apply("reverses")));
    }

    /**
     * An entry's rows, one per posting. The memo's account numbers are masked: an entry recorded
     * before they were masked at entry may hold one, and no export shows it (docs/privacy.md).
     */
    List<Row> rows(JournalEntry entry) {
      Cell reverses = Cell.text(entry.reverses().map(Object::toString).orElse(""));
      Cell memo = Cell.text(AccountNumbers.mask(entry.memo()));
      List<Row> rows = new ArrayList<>(entry.postings().size());
      for (Posting posting : entry.postings()) {
        boolean debit = posting.side() == Side.DEBIT;
        rows.add(Row.of(Cell.date(entry.date()), Cell.text(entry.id().toString()), memo,
            Cell.text(posting.account().value()), Cell.text(names.getOrDefault(posting.account(), "")),
            Cell.amount(debit ? posting.amount() : zero), Cell.amount(debit ? zero : posting.amount()),
            reverses));
      }
      return rows;
    }
  }

  /** Reads {@code --format}, in any case, naming the choices when the word is not one of them. */
  static final class KindConverter implements ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      for (Kind kind : Kind.values()) {
        if (kind.word().equalsIgnoreCase(value.strip())) {
          return kind;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not an export format; use gl-csv, trial-balance-csv, hledger, ledger or tally-xml");
    }
  }

  /** The words {@code --format} takes, for help and shell completion. */
  static final class KindWords implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Kind.values()).map(Kind::word).iterator();
    }
  }
}
