package org.shgledger.importing.passbook;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.EngineMemo;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.Recording;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.importing.passbook.PassbookReader.Order;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;

/**
 * Imports a bank passbook export into a group's bank account (1100), all or nothing.
 *
 * <p>Each transaction line becomes one entry: the bank account on one side, on the other the
 * account the {@link PassbookRules} pick from the narration (Suspense, 9999, when none does). The
 * import holds no more than one batch of entries in memory:
 *
 * <ol>
 *   <li>It checks everything before writing anything: every line reads and reconciles with the
 *       running balance, the rules' accounts exist, no new line falls in a locked period, and the
 *       file agrees with the book where they meet (the book's bank balance at the end of the file's
 *       first day, with the file's new lines of that day, is the file's balance then; for a file
 *       of a single day, that or the file's opening balance is the book's at the end of the day
 *       before; checked when the book already holds bank entries). Any problem ends the import
 *       with an {@link ImportException} listing them with {@code file:line:column}.
 *   <li>It records the lines not yet in the book in batches of at most {@link
 *       Journal#MAX_BATCH_ENTRIES}, all inside one {@link UnitOfWork}: on a durable store one
 *       database transaction, so a failure part way leaves nothing written. (An in-memory journal
 *       with {@link UnitOfWork#immediate()} has no transaction: there a file of more than one batch
 *       relies on the checks of the first pass.) The entries come from the first pass when it
 *       made no more than {@link Journal#MAX_BATCH_ENTRIES} of them, which every real passbook
 *       does; a larger statement is read a second time, and the import fails if its lines differ
 *       from the first reading.
 * </ol>
 *
 * <p>A statement listed newest first (as some bank portals export) is recognised by its dates
 * ({@link PassbookReader#detectOrder}), checked as it is read, kept in a temporary file of its
 * checked lines and imported from that file's end, oldest first, so that it gets the same entries
 * and ids as the same statement listed oldest first; memory stays flat (see {@link LineSpool}).
 *
 * <p>Each line's entry id is derived from what every bank layout shows of it (date, amounts,
 * balance) and its ordinal among such lines of the same date ({@link LineIdentity}), so importing
 * a statement again, in any layout, records nothing, an overlapping later export records only its
 * new lines, and two genuinely identical lines both count. Lines whose id is already in the book
 * are skipped even if the rules have changed since, and so are lines reclassified since; see
 * {@link #reclassify}. A line not found under its id but matching, by date and amount, an imported
 * line of the book that no line of the statement accounts for is refused as a conflict ({@link
 * SameDayLines}): that is how a book imported before ids left out the layout is kept from counting
 * a line twice.
 */
public final class PassbookImporter {

  /** The prefix of every imported line's entry id. */
  public static final String ID_PREFIX = SavingsGroups.BANK_LINE_ID_PREFIX;

  /** How the journal names the refused entry of a batch. */
  private static final Pattern BATCH_POSITION = Pattern.compile("batch entry (\\d+) of \\d+: ");

  /** How often progress is reported, in lines. */
  private static final int PROGRESS_EVERY = 1_000;

  /** Receives progress of a long import; called on the importing thread. */
  public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {};

    /**
     * Called as lines are checked.
     *
     * @param lines lines checked so far
     */
    default void checked(long lines) {}

    /**
     * Called once, when every line is checked and recording begins (never in a dry run): where a
     * program that shows an import's phases starts the second. Recording may take a while with
     * no {@link #recorded} call before the end of a batch.
     *
     * @param total entries of the passbook to record; a combined import's register adds more
     */
    default void recording(long total) {}

    /**
     * Called as entries are recorded.
     *
     * @param entries entries recorded so far
     * @param total entries to record in all
     */
    default void recorded(long entries, long total) {}
  }

  /**
   * How to import.
   *
   * @param profile the bank's layout, or empty to recognise it from the header, not null
   * @param rules the rules, not null
   * @param dryRun true to check and report without writing
   * @param limits the file limits, not null
   * @param batchEntries entries per {@link Journal#recordAll} call, 1 to {@link
   *     Journal#MAX_BATCH_ENTRIES}
   * @param progress progress reports, not null
   * @param planned receives each entry that a dry run would record, in file order, not null
   * @param heldEntries how many entries of new lines the check pass keeps for the write, 0 to
   *     {@link Journal#MAX_BATCH_ENTRIES}: a statement with more new lines is read a second time
   *     instead; lower it to hold less in memory
   */
  public record Options(
      Optional<PassbookProfile> profile,
      PassbookRules rules,
      boolean dryRun,
      ImportLimits limits,
      int batchEntries,
      Progress progress,
      Consumer<JournalEntry> planned,
      int heldEntries) {

    /**
     * Creates options.
     *
     * @param profile the bank's layout, or empty to recognise it from the header, not null
     * @param rules the rules, not null
     * @param dryRun true to check and report without writing
     * @param limits the file limits, not null
     * @param batchEntries entries per {@link Journal#recordAll} call, 1 to {@link
     *     Journal#MAX_BATCH_ENTRIES}
     * @param progress progress reports, not null
     * @param planned receives each entry that a dry run would record, in file order, not null
     * @param heldEntries how many entries of new lines the check pass keeps for the write, 0 to
     *     {@link Journal#MAX_BATCH_ENTRIES}: a statement with more new lines is read a second time
     *     instead; lower it to hold less in memory
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if the batch size is out of range
     */
    public Options {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(progress, "progress");
      Objects.requireNonNull(planned, "planned");
      if (batchEntries < 1 || batchEntries > Journal.MAX_BATCH_ENTRIES) {
        throw new IllegalArgumentException("batchEntries out of range: " + batchEntries);
      }
      if (heldEntries < 0 || heldEntries > Journal.MAX_BATCH_ENTRIES) {
        throw new IllegalArgumentException("heldEntries out of range: " + heldEntries);
      }
    }

    /**
     * The defaults: recognise the profile, built-in rules, write, default limits, full batches,
     * and a statement of up to a full batch of new lines read once.
     *
     * @return the options, not null
     */
    public static Options defaults() {
      return new Options(Optional.empty(), PassbookRules.DEFAULT, false, ImportLimits.DEFAULT,
          Journal.MAX_BATCH_ENTRIES, Progress.NONE, entry -> {}, Journal.MAX_BATCH_ENTRIES);
    }

    /**
     * With a profile.
     *
     * @param value the profile, not null
     * @return new options, not null
     */
    public Options withProfile(PassbookProfile value) {
      return new Options(Optional.of(value), rules, dryRun, limits, batchEntries, progress, planned, heldEntries);
    }

    /**
     * With rules.
     *
     * @param value the rules, not null
     * @return new options, not null
     */
    public Options withRules(PassbookRules value) {
      return new Options(profile, value, dryRun, limits, batchEntries, progress, planned, heldEntries);
    }

    /**
     * As a dry run or not.
     *
     * @param value true to write nothing
     * @return new options, not null
     */
    public Options withDryRun(boolean value) {
      return new Options(profile, rules, value, limits, batchEntries, progress, planned, heldEntries);
    }

    /**
     * With limits.
     *
     * @param value the limits, not null
     * @return new options, not null
     */
    public Options withLimits(ImportLimits value) {
      return new Options(profile, rules, dryRun, value, batchEntries, progress, planned, heldEntries);
    }

    /**
     * With a batch size.
     *
     * @param value entries per batch
     * @return new options, not null
     */
    public Options withBatchEntries(int value) {
      return new Options(profile, rules, dryRun, limits, value, progress, planned, heldEntries);
    }

    /**
     * With a progress listener.
     *
     * @param value the listener, not null
     * @return new options, not null
     */
    public Options withProgress(Progress value) {
      return new Options(profile, rules, dryRun, limits, batchEntries, value, planned, heldEntries);
    }

    /**
     * With a receiver of the planned entries.
     *
     * @param value the receiver, not null
     * @return new options, not null
     */
    public Options withPlanned(Consumer<JournalEntry> value) {
      return new Options(profile, rules, dryRun, limits, batchEntries, progress, value, heldEntries);
    }

    /**
     * With a number of entries the check pass keeps for the write.
     *
     * @param value entries, 0 to {@link Journal#MAX_BATCH_ENTRIES}
     * @return new options, not null
     */
    public Options withHeldEntries(int value) {
      return new Options(profile, rules, dryRun, limits, batchEntries, progress, planned, value);
    }
  }

  private final SavingsGroups groups;
  private final JournalReader journal;

  /**
   * Creates an importer that records through the engine: every line is an operation the engine
   * checks by the same rules as a command ({@link GroupOperation.BankLine}), and the whole write
   * runs in the engine's unit of work (on a durable store, one transaction).
   *
   * @param groups the engine, not null
   */
  public PassbookImporter(SavingsGroups groups) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.journal = groups.journal();
  }

  /**
   * Imports a file.
   *
   * @param book the group's book, not null
   * @param file the passbook export, not null
   * @param options how, not null
   * @return what was recorded, not null
   * @throws ImportException if the file has problems; nothing is written
   * @throws JournalException if the book does not exist, or the journal refuses an entry; nothing
   *     is written on a durable store
   */
  public PassbookImportReport importFile(BookId book, Path file, Options options) {
    Objects.requireNonNull(file, "file");
    return importSource(book, file.toString(), () -> {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new ImportException(
            new ImportProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
      }
    }, options);
  }

  /**
   * Imports from a source that can be opened more than once (the import reads it twice).
   *
   * @param book the group's book, not null
   * @param name the file's name for messages and source references, not null
   * @param source opens the bytes afresh each time, not null
   * @param options how, not null
   * @return what was recorded, not null
   * @throws ImportException if the file has problems; nothing is written
   * @throws JournalException if the book does not exist, or the journal refuses an entry
   */
  public PassbookImportReport importSource(
      BookId book, String name, Supplier<InputStream> source, Options options) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Book definition =
        journal.book(book).orElseThrow(() -> new JournalException(
            Rejection.BOOK_NOT_FOUND, "there is no group " + book));
    CurrencyUnit currency = definition.currency();
    // a spreadsheet is read once into text, which every pass then reads
    try (StatementFile statement = StatementFile.open(name, source, options.limits())) {
      return importText(book, currency, name, statement.source(), options);
    }
  }

  private PassbookImportReport importText(
      BookId book, CurrencyUnit currency, String name, Supplier<InputStream> source, Options options) {
    // Reads only as far as the first change of date; a statement listed newest first is then
    // read into a spool and imported from its end.
    Order order;
    try (CsvTable table = CsvTable.of(name, source.get(), options.limits(), null)) {
      order = PassbookReader.detectOrder(table, options.profile(), currency, options.limits().maxProblems(),
          bankBefore(book));
    }
    if (options.dryRun()) {
      try (LineSpool spool = spoolFor(order, currency)) {
        return check(book, currency, name, source, options, planned(options.planned()), true, order, spool, null)
            .report();
      }
    }
    return groups.atomically(book, () -> {
      try (LineSpool spool = spoolFor(order, currency)) {
        if (groups.undoesFailedWork()) {
          // One transaction: the lines are recorded as they are checked, and a problem found
          // later, or a failure, undoes them with everything else.
          Streamed stream = new Streamed(book, name, options);
          Checked checked = check(book, currency, name, source, options, stream, true, order, spool, stream);
          options.progress().recording(checked.report().recorded());
          if (stream.overflowed()) {
            write(book, currency, name, source, options, checked, order, spool);
          } else {
            stream.finish();
            options.progress().recorded(stream.written(), checked.report().recorded());
          }
          return checked.report();
        }
        // The check pass keeps the entries it makes, up to one full batch: a statement that fits
        // (any real passbook) is recorded from them and read once; a larger one is read again.
        Held held = new Held(options.heldEntries());
        Checked checked = check(book, currency, name, source, options, held, true, order, spool, null);
        options.progress().recording(checked.report().recorded());
        if (held.overflowed()) {
          write(book, currency, name, source, options, checked, order, spool);
        } else {
          recordHeld(book, held.entries(), name, options);
        }
        return checked.report();
      }
    });
  }

  /** The entries of the new lines, as the check pass makes them, while there are few enough. */
  private static final class Held implements Consumer<CheckedLine> {
    private final int limit;
    private List<Recording> entries = new ArrayList<>();

    Held(int limit) {
      this.limit = limit;
    }

    @Override
    public void accept(CheckedLine line) {
      if (entries != null && line.recording().isPresent()) {
        if (entries.size() == limit) {
          entries = null; // too many to hold: the write pass reads the file again
        } else {
          entries.add(line.recording().get());
        }
      }
    }

    boolean overflowed() {
      return entries == null;
    }

    List<Recording> entries() {
      return entries;
    }
  }

  /**
   * Records the new lines while the check pass goes on, in batches of {@link Options#batchEntries}
   * (by default {@link Journal#MAX_BATCH_ENTRIES}, so a passbook of up to that many new lines
   * is one batch, recorded when the check ends, as before: the journal looks a batch's ids up in
   * the book only when the book's chain is not empty, and smaller batches would make it look up
   * every one after the first), inside the import's one transaction ({@link
   * SavingsGroups#undoesFailedWork}). Lines the book may already hold (up to its latest entry)
   * are only kept until the pass has looked them all up: the first line past the book's latest
   * entry {@linkplain #begin begins} the recording, so that no look-up in the book sees a line of
   * this import. Once a problem is found nothing more is recorded (the import will fail, and the
   * transaction undo what was); a refusal by the books is kept and reported after the check, as
   * the check's own problems come first. Holds at most one batch, or, before it begins, {@link
   * Options#heldEntries} entries: beyond that it gives up and the write pass reads the file again.
   */
  private final class Streamed implements Consumer<CheckedLine> {
    private final BookId book;
    private final String name;
    private final int batchEntries;
    private final int heldEntries;
    private List<Recording> batch = new ArrayList<>();
    private ImportProblems problems;
    private ImportException refused;
    private long written;

    Streamed(BookId book, String name, Options options) {
      this.book = book;
      this.name = name;
      this.batchEntries = options.batchEntries();
      this.heldEntries = options.heldEntries();
    }

    /** Lets recording begin: no line from here on can be in the book. */
    void begin(ImportProblems found) {
      if (batch != null) {
        problems = found;
        // the lines held until now, in batches
        List<Recording> held = batch;
        batch = new ArrayList<>();
        for (Recording recording : held) {
          add(recording);
        }
      }
    }

    @Override
    public void accept(CheckedLine line) {
      if (batch != null && line.recording().isPresent()) {
        if (problems == null && batch.size() == heldEntries) {
          batch = null; // too many to hold before recording may begin: the write pass reads again
        } else {
          add(line.recording().get());
        }
      }
    }

    private void add(Recording recording) {
      batch.add(recording);
      if (problems != null && batch.size() >= batchEntries) {
        record();
      }
    }

    private void record() {
      if (refused == null && problems.isEmpty()) {
        try {
          PassbookImporter.this.record(book, batch, name);
          written += batch.size();
        } catch (ImportException e) {
          refused = e;
        }
      }
      batch.clear();
    }

    boolean overflowed() {
      return batch == null;
    }

    /** Records the last batch, after a check that found no problem, or throws the books' refusal. */
    void finish() {
      if (problems == null) {
        begin(new ImportProblems(1)); // every line may be in the book: none of them was
      }
      if (!batch.isEmpty()) {
        record();
      }
      if (refused != null) {
        throw refused;
      }
    }

    long written() {
      return written;
    }
  }

  /** Records the entries the check pass held, batch by batch. */
  private void recordHeld(BookId book, List<Recording> entries, String name, Options options) {
    long total = entries.size();
    long written = 0;
    for (int from = 0; from < entries.size(); from += options.batchEntries()) {
      List<Recording> batch = entries.subList(from, Math.min(entries.size(), from + options.batchEntries()));
      record(book, batch, name);
      written += batch.size();
      options.progress().recorded(written, total);
    }
    options.progress().recorded(written, total);
  }

  /**
   * Checks a statement as {@link #importSource} does and records nothing: every line is read,
   * reconciled and given its id and account; the rules' accounts and the lock date are checked.
   * Each line goes to {@code lines}, oldest first, with what importing it would do. The one check
   * left out is where the statement meets the book's bank balance ({@link FirstDay}): a caller
   * that records other entries of the statement's first day with it (the combined import of a
   * meeting register and a passbook) makes it when that day is recorded. {@code
   * options.dryRun()} and {@code options.planned()} are not used.
   *
   * <p>Holds nothing but what {@code lines} keeps (a statement listed newest first goes through
   * a temporary file, as in an import).
   *
   * @param book the group's book, not null
   * @param name the file's name for messages and source references, not null
   * @param source opens the bytes afresh each time, not null
   * @param options how: the profile, rules, limits and progress, not null
   * @param lines receives each line with its id, disposition and entry, oldest first, not null
   * @return the counts, balances and first day, not null
   * @throws ImportException if the file has problems
   * @throws JournalException if the book does not exist
   */
  public CheckedStatement checkStatement(
      BookId book, String name, Supplier<InputStream> source, Options options, Consumer<CheckedLine> lines) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(lines, "lines");
    Book definition =
        journal.book(book).orElseThrow(() -> new JournalException(
            Rejection.BOOK_NOT_FOUND, "there is no group " + book));
    CurrencyUnit currency = definition.currency();
    try (StatementFile statement = StatementFile.open(name, source, options.limits())) {
      return checkText(book, currency, name, statement.source(), options, lines);
    }
  }

  private CheckedStatement checkText(
      BookId book, CurrencyUnit currency, String name, Supplier<InputStream> source, Options options,
      Consumer<CheckedLine> lines) {
    Order order;
    try (CsvTable table = CsvTable.of(name, source.get(), options.limits(), null)) {
      order = PassbookReader.detectOrder(table, options.profile(), currency, options.limits().maxProblems(),
          bankBefore(book));
    }
    try (LineSpool spool = spoolFor(order, currency)) {
      Checked checked = check(book, currency, name, source, options.withDryRun(true), lines, false, order, spool,
          null);
      return new CheckedStatement(checked.report(), checked.firstDay());
    }
  }

  /**
   * The book's bank balance at the end of the day before a date, where a statement opens; empty
   * when the book holds no bank entries (or no bank account, which the checks that follow refuse
   * with a clear reason).
   */
  private Function<LocalDate, Optional<Money>> bankBefore(BookId book) {
    return date -> {
      if (journal.account(book, Chart.BANK).isEmpty()) {
        return Optional.empty();
      }
      var bank = journal.balance(book, Chart.BANK, LocalDate.MAX);
      if (bank.debits().isZero() && bank.credits().isZero()) {
        return Optional.empty();
      }
      return Optional.of(journal.balance(book, Chart.BANK, date.minusDays(1)).net());
    };
  }

  /** Hands the entries of new lines to a consumer of planned entries. */
  private static Consumer<CheckedLine> planned(Consumer<JournalEntry> planned) {
    return line -> line.entry().ifPresent(planned);
  }

  private static LineSpool spoolFor(Order order, CurrencyUnit currency) {
    return order == Order.NEWEST_FIRST ? LineSpool.create(currency) : null;
  }

  /**
   * The first pass's report, a digest of every line's id to see the file unchanged, and where the
   * file meets the book.
   */
  private record Checked(PassbookImportReport report, byte[] ids, Optional<FirstDay> firstDay) {}

  /**
   * The file's lines oldest first. A file listed oldest first is read as it goes; one listed
   * newest first is read whole into the spool (when {@code fill}; the write pass reads the spool
   * the check pass filled) and then read back from its end.
   *
   * @param found receives the reader, once its header was found (for its profile and its notes,
   *     complete when the lines are read)
   */
  private static ReadAhead.Lines oldestFirst(
      String name, Supplier<InputStream> source, Options options, CurrencyUnit currency,
      ImportProblems problems, Order order, LineSpool spool, boolean fill, Consumer<PassbookReader> found) {
    if (spool == null) {
      PassbookReader reader = reader(name, source, options, currency, problems, order);
      found.accept(reader);
      return new ReadAhead.Lines() {
        @Override
        public Optional<PassbookLine> next() {
          return reader.next();
        }

        @Override
        public void close() {
          reader.close();
        }
      };
    }
    if (fill) {
      try (PassbookReader reader = reader(name, source, options, currency, problems, order)) {
        found.accept(reader);
        for (Optional<PassbookLine> next = reader.next(); next.isPresent(); next = reader.next()) {
          spool.add(next.get());
        }
      }
    }
    LineSpool.Backwards backwards = spool.backwards();
    return new ReadAhead.Lines() {
      @Override
      public Optional<PassbookLine> next() {
        return backwards.next();
      }

      @Override
      public void close() {
        backwards.close();
      }
    };
  }

  /**
   * The first pass.
   *
   * @param each receives every line with its disposition, oldest first
   * @param meetBook true to check where the file meets the book now (an import), false to leave
   *     it to the caller ({@link #checkStatement})
   * @param stream records the new lines as they are checked, or null to record nothing here; it
   *     is told when the lines reach past the book's latest entry ({@link Streamed#begin}), and
   *     must be {@code each}
   */
  private Checked check(
      BookId book, CurrencyUnit currency, String name, Supplier<InputStream> source,
      Options options, Consumer<CheckedLine> each, boolean meetBook, Order order, LineSpool spool,
      Streamed stream) {
    ImportProblems problems = new ImportProblems(options.limits().maxProblems());
    checkAccounts(book, options.rules(), name, problems);
    Optional<LocalDate> lockDate = journal.lockDate(book);
    Money zero = Money.zero(currency);
    long lines = 0;
    long recorded = 0;
    long already = 0;
    long suspense = 0;
    long leftToRegister = 0;
    LocalDate firstDate = null;
    LocalDate lastDate = null;
    Money closing = zero;
    Money newOnFirstDay = zero;
    Money endOfFirstDay = zero;
    long lastLineOfFirstDay = 0;
    Money opening = zero;
    PassbookReader[] reader0 = {null};
    SameDayLines sameDay = new SameDayLines(journal, book, name, problems);
    Optional<LocalDate> latest = journal.latestEntryDate(book);
    String reference = referencePrefix(name);
    Function<Recording, JournalEntry> checker = groups.checker(book);
    EmiSplit emis = new EmiSplit(journal, book, groups.registry().bankLoans(book), currency);
    BankAtStart bankAtStart = null;
    // the reader's own problems, handed to this thread's list line by line (ReadAhead)
    ImportProblems readerProblems = new ImportProblems(options.limits().maxProblems());
    byte[] ids;
    try (ReadAhead reader = new ReadAhead(() -> oldestFirst(name, source, options, currency, readerProblems, order,
        spool, true, found -> reader0[0] = found), readerProblems, latest, options.rules())) {
      for (ReadAhead.Read read = reader.next(problems); read != null; read = reader.next(problems)) {
        PassbookLine line = read.line();
        lines++;
        if (firstDate == null) {
          firstDate = line.date();
          opening = line.balance().minus(line.net());
        }
        lastDate = line.date();
        closing = line.balance();
        if (stream != null && bankAtStart == null && !mayBeInBook(line, latest)) {
          // No line from here on can be in the book, so nothing more is looked up in it: what the
          // check compares with the book is read now, before the stream records its first line.
          sameDay.settle();
          bankAtStart = BankAtStart.read(journal, book, firstDate);
          stream.begin(problems);
        }
        LineIdentity.Line identity = read.identity();
        Optional<JournalEntry> recordedAs = recordedEntry(book, identity, line, latest);
        boolean present = recordedAs.isPresent();
        // the line's id in the books: this version's, or an older version's under which it was found
        EntryId id = present ? recordedAs.get().id() : identity.id();
        if (present && !isThisLine(recordedAs.get(), line)) {
          JournalEntry other = recordedAs.get();
          problems.add(new ImportProblem(name, line.line(), 1, "this line's id " + id + " is in the books already on"
              + " an entry of other content (dated " + other.date() + ", '" + other.memo() + "', "
              + other.postings().size() + " postings, none of them this line's " + withCurrency(line.net().abs()) + " "
              + (line.deposit().isPositive() ? "into" : "out of") + " the bank on " + line.date() + "): a conflict;"
              + " find out which is right and reverse the wrong one"));
        }
        AccountCode other = present ? null
            : read.tooSlow() != null ? tooSlow(read.tooSlow(), line, name, problems)
            : read.account() != null ? read.account() : accountOrStop(line, options.rules(), name, problems);
        // a line the rules leave to the meeting register is in the books through the register
        boolean toRegister = Chart.BANK.equals(other);
        if (line.date().equals(firstDate)) {
          endOfFirstDay = line.balance();
          lastLineOfFirstDay = line.line();
          if (!present && !toRegister) {
            newOnFirstDay = newOnFirstDay.plus(line.net());
          }
        }
        if (present) {
          sameDay.found(line, id);
        } else if (!toRegister && mayBeInBook(line, latest)) {
          sameDay.fresh(line);
        }
        if (present) {
          already++;
          each.accept(new CheckedLine(line, id, CheckedLine.Disposition.ALREADY_RECORDED, Optional.empty(),
              Optional.empty()));
        } else if (toRegister) {
          leftToRegister++;
          each.accept(new CheckedLine(line, id, CheckedLine.Disposition.LEFT_TO_REGISTER, Optional.empty(),
              Optional.empty()));
        } else {
          if (lockDate.isPresent() && !line.date().isAfter(lockDate.get())) {
            problems.add(new ImportProblem(name, line.line(), 1,
                "the books are locked up to " + lockDate.get() + ": this line of " + line.date()
                    + " is not in them and can no longer be added"));
          }
          recorded++;
          Recording recording = recordingOf(id, line, other, reference, emis.interestOf(name, line, other));
          JournalEntry entry;
          try {
            entry = checker.apply(recording);
          } catch (GroupException e) {
            if (meetBook || e.reason() == GroupRejection.ACCOUNT_OWNED_BY_ENGINE) {
              problems.add(new ImportProblem(name, line.line(), 1, "the books refuse this line (" + e.reason()
                  + "): " + e.getMessage()));
              continue;
            }
            // a combined import records members from its roster first; the engine checks the line
            // against them when it records it
            entry = asRecorded(book, recording);
          }
          if (isSuspense(entry)) {
            suspense++;
          }
          each.accept(new CheckedLine(line, id, CheckedLine.Disposition.NEW, Optional.of(entry),
              Optional.of(recording)));
        }
        if (lines % PROGRESS_EVERY == 0) {
          options.progress().checked(lines);
        }
      }
      ids = reader.ids();
    }
    sameDay.finish();
    problems.throwIfAny();
    if (bankAtStart == null) {
      bankAtStart = BankAtStart.read(journal, book, firstDate);
    }
    boolean bookHadBankEntries = bankAtStart.hadEntries();
    // Where the file meets the book, when the book already holds bank entries to agree with: the
    // end of the file's first day, which a file that goes on past that day covers. A file of a
    // single day may not reach that day's end (an export taken during the day, whose later lines
    // a later export brought in first): it may instead start where the book's day before ended.
    Optional<FirstDay> firstDay = firstDate == null ? Optional.empty()
        : Optional.of(new FirstDay(name, firstDate, lastDate.equals(firstDate), opening, endOfFirstDay,
            lastLineOfFirstDay));
    if (meetBook && firstDay.isPresent() && bookHadBankEntries) {
      Money after = bankAtStart.atFirstDate().plus(newOnFirstDay);
      Optional<ImportProblem> disagreement = firstDay.get().disagreement(after, bankAtStart.dayBefore());
      if (disagreement.isPresent()) {
        problems.add(disagreement.get());
        problems.throwIfAny();
      }
    }
    options.progress().checked(lines);
    PassbookReader read = reader0[0];
    return new Checked(new PassbookImportReport(read.profile().name(), lines, recorded, already, suspense,
        leftToRegister, Optional.ofNullable(firstDate), Optional.ofNullable(lastDate), opening, closing,
        bookHadBankEntries, order == Order.NEWEST_FIRST, options.dryRun(), read.notes(), read.noteCount(),
        emis.warnings(), emis.warningCount()),
        ids, firstDay);
  }

  /**
   * The book's bank account as it was before the import recorded anything: whether it held any
   * entry, and its balance at the end of the statement's first day and of the day before (zero
   * where it held none, or the statement has no lines).
   */
  private record BankAtStart(boolean hadEntries, Money atFirstDate, Money dayBefore) {
    static BankAtStart read(JournalReader journal, BookId book, LocalDate firstDate) {
      var bank = journal.balance(book, Chart.BANK, LocalDate.MAX);
      boolean had = !bank.debits().isZero() || !bank.credits().isZero();
      if (!had || firstDate == null) {
        return new BankAtStart(had, bank.net(), bank.net());
      }
      return new BankAtStart(true, journal.balance(book, Chart.BANK, firstDate).net(),
          journal.balance(book, Chart.BANK, firstDate.minusDays(1)).net());
    }
  }

  /**
   * The second pass, for a statement of more new lines than one batch holds: reads the file again
   * and records the lines not yet in the book, batch by batch.
   */
  private void write(
      BookId book, CurrencyUnit currency, String name, Supplier<InputStream> source,
      Options options, Checked checked, Order order, LineSpool spool) {
    long total = checked.report().recorded();
    MessageDigest ids = LineIdentity.sha256();
    ImportProblems problems = new ImportProblems(options.limits().maxProblems());
    List<Recording> batch = new ArrayList<>();
    long written = 0;
    LineIdentity identities = new LineIdentity();
    // before this pass records anything: a line dated after it is not in the book
    Optional<LocalDate> latest = journal.latestEntryDate(book);
    String reference = referencePrefix(name);
    // read before this pass records anything, as the check pass read it: the lines split alike
    EmiSplit emis = new EmiSplit(journal, book, groups.registry().bankLoans(book), currency);
    try (ReadAhead.Lines reader = oldestFirst(name, source, options, currency, problems, order, spool, false,
        found -> {})) {
      for (Optional<PassbookLine> next = reader.next(); next.isPresent(); next = reader.next()) {
        PassbookLine line = next.get();
        LineIdentity.Line identity = identities.next(line, mayBeInBook(line, latest));
        EntryId id = identity.id();
        ids.update(id.value().getBytes(StandardCharsets.US_ASCII));
        if (recordedEntry(book, identity, line, latest).isPresent()) {
          continue;
        }
        AccountCode other = options.rules().accountFor(line.narration());
        if (Chart.BANK.equals(other)) {
          continue; // left to the meeting register
        }
        batch.add(recordingOf(id, line, other, reference, emis.interestOf(name, line, other)));
        if (batch.size() == options.batchEntries()) {
          record(book, batch, name);
          written += batch.size();
          batch.clear();
          options.progress().recorded(written, total);
        }
      }
    }
    // The file changed between the passes: give up (the unit of work undoes the batches written)
    // rather than keep what was not checked.
    problems.throwIfAny();
    if (!MessageDigest.isEqual(ids.digest(), checked.ids())) {
      throw new ImportException(new ImportProblem(name, 0, 0,
          "the file changed while it was being imported: import it again"));
    }
    if (!batch.isEmpty()) {
      record(book, batch, name);
      written += batch.size();
    }
    options.progress().recorded(written, total);
  }

  /**
   * Records a batch; a refusal (cash that would go below zero, a closed account) becomes a problem
   * naming the line, and as it is thrown inside the unit of work nothing is kept.
   */
  private void record(BookId book, List<Recording> batch, String name) {
    try {
      groups.recordAll(book, batch);
    } catch (GroupException | JournalException e) {
      java.util.OptionalInt index = e instanceof GroupException refused ? refused.batchIndex()
          : ((JournalException) e).batchIndex();
      long line = 0;
      if (index.isPresent()) {
        String reference = batch.get(index.getAsInt()).sourceReference().orElse("");
        line = Long.parseLong(reference.substring(reference.lastIndexOf(':') + 1));
      }
      String reason = e instanceof GroupException refused ? refused.reason().toString()
          : ((JournalException) e).reason().toString();
      throw new ImportException(new ImportProblem(name, line, 0,
          "the books refuse this line (" + reason + "): " + withoutBatchPosition(e.getMessage())));
    }
  }

  /** A journal's message without the position in the batch it starts with: the line says where. */
  private static String withoutBatchPosition(String message) {
    Matcher position = BATCH_POSITION.matcher(message);
    return position.lookingAt() ? message.substring(position.end()) : message;
  }

  private static PassbookReader reader(
      String name, Supplier<InputStream> source, Options options, CurrencyUnit currency,
      ImportProblems problems, Order order) {
    CsvTable table = CsvTable.of(name, source.get(), options.limits(), null);
    return PassbookReader.open(table, options.profile(), currency, problems, order);
  }

  private void checkAccounts(BookId book, PassbookRules rules, String name, ImportProblems problems) {
    List<Account> accounts = journal.accounts(book);
    for (AccountCode code : List.of(Chart.BANK, Chart.SUSPENSE)) {
      String reason = unusable(accounts, book, code);
      if (reason != null) {
        problems.add(new ImportProblem(name, 0, 0, reason));
      }
    }
    for (PassbookRules.Rule rule : rules.rules()) {
      String reason = unusable(accounts, book, rule.account());
      if (reason != null) {
        problems.add(at(rule, reason, false));
      }
    }
  }

  /** A problem at a rule's place in its file: its account's column, or the line's start. */
  private static ImportProblem at(PassbookRules.Rule rule, String reason, boolean wholeLine) {
    String[] where = rule.source().split(":(?=\\d+:\\d+$)", 2);
    String[] lineColumn = where.length == 2 ? where[1].split(":") : new String[] {"0", "0"};
    return new ImportProblem(where[0], Long.parseLong(lineColumn[0]),
        wholeLine ? 1 : Integer.parseInt(lineColumn[1]), reason);
  }

  /**
   * The other side of a line, or, if a rule's pattern gives up on its narration, an import
   * exception naming the rule (with the problems found before): the same pattern would give up on
   * the next such narration too, so there is no use reading on.
   */
  private static AccountCode accountOrStop(
      PassbookLine line, PassbookRules rules, String name, ImportProblems problems) {
    try {
      return rules.accountFor(line.narration());
    } catch (PassbookRules.PatternTooSlowException e) {
      return tooSlow(e, line, name, problems);
    }
  }

  /** Stops the import at a rule whose pattern gave up on a line's narration. */
  private static AccountCode tooSlow(
      PassbookRules.PatternTooSlowException e, PassbookLine line, String name, ImportProblems problems) {
    problems.add(at(e.rule(), "the pattern gave up on the narration of " + name + " line " + line.line()
        + " after " + PassbookRules.MAX_MATCH_STEPS + " steps: it can match the same text in very many"
        + " ways (a repetition of something that itself repeats, such as (.*a){12}), more than anyone"
        + " can wait for; write it more simply", true));
    problems.throwIfAny();
    throw new AssertionError("unreachable");
  }

  private String unusable(List<Account> accounts, BookId book, AccountCode code) {
    if (journal.account(book, code).isEmpty()) {
      return "the group's books have no account " + code;
    }
    if (!journal.isOpen(book, code)) {
      return "account " + code + " is closed";
    }
    for (Account account : accounts) {
      if (account.control().filter(code::equals).isPresent()) {
        return "account " + code + " is a control account: name a member's sub-ledger, such as "
            + code + ":M01";
      }
    }
    return null;
  }

  private static boolean isSuspense(JournalEntry entry) {
    return entry.postings().stream().anyMatch(p -> p.account().equals(Chart.SUSPENSE));
  }

  /**
   * The entry id of a line: {@value #ID_PREFIX} and the first 160 bits of the SHA-256 of its
   * date, withdrawal, deposit, balance and ordinal, in hex (43 characters): the same in every
   * layout a bank exports the line in (see {@link LineIdentity}, recipe {@code v2}).
   *
   * @param line the line, not null
   * @param ordinal how many lines of the same date with the same withdrawal, deposit and balance
   *     came before it in the statement
   * @return the id, not null
   */
  public static EntryId idOf(PassbookLine line, int ordinal) {
    return new LineIdentity().of(line, ordinal);
  }

  /**
   * The entry under a line's id, or, for a book imported by a version before ids left out the
   * layout, under the id that version gave it. Looked up only where the book can hold it: a line
   * dated after the book's latest entry cannot be there, so only lines up to that date (where an
   * earlier export overlaps) cost a look-up.
   */
  private Optional<JournalEntry> recordedEntry(
      BookId book, LineIdentity.Line identity, PassbookLine line, Optional<LocalDate> latest) {
    if (!mayBeInBook(line, latest)) {
      return Optional.empty();
    }
    Optional<JournalEntry> entry = journal.entry(book, identity.id());
    return entry.isPresent() ? entry : journal.entry(book, identity.legacyId());
  }

  /** Whether a book whose latest entry is of a date can hold a line: the line is of that date or before. */
  static boolean mayBeInBook(PassbookLine line, Optional<LocalDate> latest) {
    return latest.isPresent() && !line.date().isAfter(latest.get());
  }

  /** The posting a line makes on the bank account: a deposit debits it, a withdrawal credits it. */
  static Posting bankPosting(PassbookLine line) {
    return line.deposit().isPositive() ? Posting.debit(Chart.BANK, line.deposit())
        : Posting.credit(Chart.BANK, line.withdrawal());
  }

  /**
   * Whether an entry under a line's id is that line: dated the line's date and moving the line's
   * amount into or out of the bank. Its other side may differ (the rules have changed since, or
   * the line was reclassified); an entry that moves other money is somebody else's, recorded
   * under the line's id by hand.
   */
  private static boolean isThisLine(JournalEntry entry, PassbookLine line) {
    return entry.date().equals(line.date()) && entry.postings().contains(bankPosting(line));
  }

  /** {@code passbook FILE:}, the start of every line's source reference. */
  private static String referencePrefix(String name) {
    Path file = Path.of(name).getFileName();
    return "passbook " + (file == null ? name : file.toString()) + ":";
  }

  /** The entry the engine records for a bank line, before it could check the member it names. */
  private static JournalEntry asRecorded(BookId book, Recording recording) {
    GroupOperation.BankLine line = (GroupOperation.BankLine) recording.operation();
    return JournalEntry.of(recording.id(), book, recording.date(), line.memo(), line.postings())
        .withSourceReference(recording.sourceReference().orElseThrow())
        .withKind(EntryKind.BANK_LINE, Chart.memberOf(line.counterpart()).map(m -> m.value()), Optional.empty());
  }

  private static Recording recordingOf(
      EntryId id, PassbookLine line, AccountCode other, String referencePrefix, Money interest) {
    boolean deposit = line.deposit().isPositive();
    // masked before it is cut, so that the cut cannot leave part of a number unmasked
    String memo = line.narration().isEmpty() ? EngineMemo.BANK_LINE.compose() : AccountNumbers.mask(line.narration());
    if (memo.length() > JournalEntry.MAX_MEMO_LENGTH) {
      memo = memo.substring(0, JournalEntry.MAX_MEMO_LENGTH);
    }
    String reference = referencePrefix + line.line();
    if (reference.length() > JournalEntry.MAX_SOURCE_REFERENCE_LENGTH) {
      reference = reference.substring(reference.length() - JournalEntry.MAX_SOURCE_REFERENCE_LENGTH);
    }
    return new Recording(id, line.date(),
        new GroupOperation.BankLine(deposit, deposit ? line.deposit() : line.withdrawal(), other, memo, interest),
        Optional.of(reference));
  }

  /**
   * Reclassifies an imported line: records the reversal of its entry and a new entry with the same
   * bank side and the other side on another account, together (a reversal and a new entry, never
   * an edit). Both are dated as the original. The new entry can itself be reclassified later.
   *
   * @param book the group's book, not null
   * @param entry the imported entry (often one in Suspense), not null
   * @param account the right account: a chart code, or {@code CODE:MEMBER} for a sub-ledger, not
   *     null
   * @return the reversal and the new entry, not null
   * @throws JournalException if there is no such entry, it is not an imported bank line, it was
   *     already reclassified, or the journal refuses either entry; nothing is recorded then
   * @throws ImportException if the account is not written as a chart code (or is register)
   */
  public List<JournalEntry> reclassify(BookId book, EntryId entry, String account) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(account, "account");
    PassbookRules.Rule parsed = PassbookRules.parse("account", ". -> " + account.strip()).rules().get(0);
    if (parsed.leftToRegister()) {
      // reported as a bad account is (the account given is read as a one-line rules file)
      throw new ImportException(new ImportProblem("account", 1, 1,
          "a line is reclassified to an account, not to the register"));
    }
    return groups.reclassifyBankLine(book, entry, parsed.account());
  }
}
