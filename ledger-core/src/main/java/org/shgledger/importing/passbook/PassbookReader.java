package org.shgledger.importing.passbook;

import java.io.Closeable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.importing.CsvRow;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.importing.passbook.PassbookProfile.Columns;
import org.shgledger.importing.passbook.PassbookProfile.Role;
import org.shgledger.journal.Journal;
import org.shgledger.money.MinorUnits;
import org.shgledger.money.MoneyFormats;

/**
 * Reads a passbook's transaction lines one at a time, checking each as it goes: the header is
 * found after any preamble, summary lines after the table are skipped, and every line's balance
 * must follow from its neighbour's. In a statement listed oldest first (most exports) a line's
 * balance is the balance of the line above plus its deposit minus its withdrawal; in one listed
 * newest first (some bank portals) it is the balance of the line above less that line's own
 * movement. {@link #detectOrder} tells which a file is.
 *
 * <p>A bad line is added to the {@link ImportProblems} and skipped, and reading goes on so that one
 * run reports as many problems as it can; after a bad line the next good line's balance is taken
 * as given. Memory does not grow with the file. Not thread-safe.
 */
public final class PassbookReader implements Closeable {

  /** How many lines before the header are searched for it. */
  static final int MAX_PREAMBLE_ROWS = 200;

  /** The order of a statement's lines in its file. */
  public enum Order {
    /** Oldest first, as most exports list them: dates never go down. */
    OLDEST_FIRST,
    /** Newest first, as some bank portals list them: dates never go up. */
    NEWEST_FIRST
  }

  /** An amount with an optional Dr or Cr after it. */
  private static final Pattern MARKED =
      Pattern.compile("(?i)^(.*?)\\s*\\(?\\b(dr|cr)\\.?\\)?$");

  /**
   * A row that states a balance rather than moving money: an opening balance or one brought
   * forward ({@code By Opening Balance}, {@code Balance B/F}), group 1; a closing balance or one
   * carried forward, group 2.
   */
  private static final Pattern STATED = Pattern.compile(
      "(?i)\\b(?:(opening\\s+bal|b\\s*/\\s*f\\b|brought\\s+forward)|(closing\\s+bal|c\\s*/\\s*f\\b|carried\\s+forward))");

  /** The columns that move money. */
  private static final Role[] MOVEMENT = {Role.WITHDRAWAL, Role.DEPOSIT, Role.AMOUNT};

  /** How many notes a reading keeps; the rest are counted. */
  static final int MAX_NOTES = 20;

  private final CsvTable table;
  private final CurrencyUnit currency;
  private final ImportProblems problems;
  private final Columns columns;
  /** The order the lines are checked in; null while {@link #detectOrder} reads without checks. */
  private final Order order;
  /** Each role's column and the end of its spread, by ordinal: read for every cell of every line. */
  private final int[] at = new int[Role.values().length];
  private final int[] spreadTo = new int[Role.values().length];
  private Money previousBalance;
  private Money previousNet;
  private LocalDate previousDate;
  private long tableEndedAt;
  private Money openingBalance;
  /** The balance after the first and the last good line read, for stated closing balances. */
  private Money firstBalance;
  private Money lastBalance;
  /** How many good lines were read. */
  private long lines;
  /** An opening balance stated before the line that comes next, not yet checked. */
  private Stated pendingOpening;
  /** Balances stated where the lines read so far cannot check them: checked at the end. */
  private final List<Stated> atEnd = new ArrayList<>();
  private boolean finished;
  private int ownProblems;
  private final List<String> notes = new ArrayList<>();
  private long noteCount;

  private PassbookReader(
      CsvTable table, Columns columns, CurrencyUnit currency, ImportProblems problems, Order order) {
    this.table = table;
    this.columns = columns;
    for (Role role : Role.values()) {
      at[role.ordinal()] = columns.of(role);
      spreadTo[role.ordinal()] = columns.spreadTo().getOrDefault(role, at[role.ordinal()] + 1);
    }
    this.order = order;
    this.currency = currency;
    this.problems = problems;
  }

  /**
   * Finds the header and gets ready to read lines listed oldest first.
   *
   * @param table the file, which the reader closes, not null
   * @param profile the layout, or empty to take the first built-in profile whose header is found
   * @param currency the book's currency, not null
   * @param problems where problems go, not null
   * @return the reader, not null
   * @throws org.shgledger.importing.ImportException if no header is found in the first {@value
   *     #MAX_PREAMBLE_ROWS} rows, or the file cannot be read
   */
  public static PassbookReader open(
      CsvTable table, Optional<PassbookProfile> profile, CurrencyUnit currency,
      ImportProblems problems) {
    return open(table, profile, currency, problems, Order.OLDEST_FIRST);
  }

  /**
   * Finds the header and gets ready to read lines in the given order.
   *
   * @param table the file, which the reader closes, not null
   * @param profile the layout, or empty to take the first built-in profile whose header is found
   * @param currency the book's currency, not null
   * @param problems where problems go, not null
   * @param order the order the file lists its lines in, not null
   * @return the reader, not null
   * @throws org.shgledger.importing.ImportException if no header is found in the first {@value
   *     #MAX_PREAMBLE_ROWS} rows, or the file cannot be read
   */
  public static PassbookReader open(
      CsvTable table, Optional<PassbookProfile> profile, CurrencyUnit currency,
      ImportProblems problems, Order order) {
    return find(table, profile, currency, problems, Objects.requireNonNull(order, "order"));
  }

  /**
   * Tells whether a file lists its lines oldest or newest first, as {@link #detectOrder(CsvTable,
   * Optional, CurrencyUnit, int, Function)} does for a book without bank entries.
   *
   * @param table the file, which this closes, not null
   * @param profile the layout, or empty to recognise it from the header
   * @param currency the book's currency, not null
   * @param maxProblems after how many bad lines to stop looking and take oldest first
   * @return the order, not null
   * @throws org.shgledger.importing.ImportException if no header is found, or the file cannot be
   *     read
   */
  public static Order detectOrder(
      CsvTable table, Optional<PassbookProfile> profile, CurrencyUnit currency, int maxProblems) {
    return detectOrder(table, profile, currency, maxProblems, date -> Optional.empty());
  }

  /**
   * Tells whether a file lists its lines oldest or newest first, reading only as far as it must:
   * the first line whose date differs from the first line's decides. A file of a single day has
   * no such line; there the first pair of neighbouring lines whose balances follow from each other
   * in one order and not the other decides. Where none does (one line, or every pair fits both
   * ways, as a deposit and its reversal do), the order whose opening balance is the book's bank
   * balance at the end of the day before decides, when the book has bank entries to tell; where
   * that does not decide either, the file is taken as oldest first (in a book without bank
   * entries nothing says where the account stood, so no order is guessed from a zero). Bad lines are skipped here: reading the file for real reports them.
   *
   * @param table the file, which this closes, not null
   * @param profile the layout, or empty to recognise it from the header
   * @param currency the book's currency, not null
   * @param maxProblems after how many bad lines to stop looking and take oldest first
   * @param bankBefore the book's bank balance at the end of the day before a date, or empty when
   *     the book holds no bank entries, not null
   * @return the order, not null
   * @throws org.shgledger.importing.ImportException if no header is found, or the file cannot be
   *     read
   */
  public static Order detectOrder(
      CsvTable table, Optional<PassbookProfile> profile, CurrencyUnit currency, int maxProblems,
      Function<LocalDate, Optional<Money>> bankBefore) {
    Objects.requireNonNull(bankBefore, "bankBefore");
    ImportProblems ignored = new ImportProblems(maxProblems);
    try (PassbookReader reader = find(table, profile, currency, ignored, null)) {
      PassbookLine first = null;
      PassbookLine previous = null;
      Order byBalances = null;
      for (Optional<PassbookLine> next = reader.next(); next.isPresent(); next = reader.next()) {
        PassbookLine line = next.get();
        if (first == null) {
          first = line;
        } else if (!line.date().equals(first.date())) {
          return line.date().isBefore(first.date()) ? Order.NEWEST_FIRST : Order.OLDEST_FIRST;
        } else if (byBalances == null) {
          boolean oldestFirst = previous.balance().plus(line.net()).equals(line.balance());
          boolean newestFirst = line.balance().plus(previous.net()).equals(previous.balance());
          if (oldestFirst != newestFirst) {
            byBalances = oldestFirst ? Order.OLDEST_FIRST : Order.NEWEST_FIRST;
          }
        }
        previous = line;
      }
      if (byBalances != null) {
        return byBalances;
      }
      if (first != null && previous != null && first != previous) {
        // Read one way the day opens before the first line, the other way before the last.
        Optional<Money> book = bankBefore.apply(first.date());
        if (book.isPresent()) {
          boolean oldestFirst = first.balance().minus(first.net()).equals(book.get());
          boolean newestFirst = previous.balance().minus(previous.net()).equals(book.get());
          if (newestFirst && !oldestFirst) {
            return Order.NEWEST_FIRST;
          }
        }
      }
      return Order.OLDEST_FIRST;
    } catch (org.shgledger.importing.ImportException e) {
      if (ignored.isEmpty()) {
        throw e; // no header, or the file cannot be read: the same for the real reading
      }
      return Order.OLDEST_FIRST; // too many bad lines to tell: the real reading lists them
    }
  }

  private static PassbookReader find(
      CsvTable table, Optional<PassbookProfile> profile, CurrencyUnit currency,
      ImportProblems problems, Order order) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(problems, "problems");
    List<PassbookProfile> candidates = profile.map(List::of).orElse(PassbookProfile.BUILT_IN);
    for (int i = 0; i < MAX_PREAMBLE_ROWS; i++) {
      Optional<CsvRow> row = table.next();
      if (row.isEmpty()) {
        break;
      }
      Optional<Columns> columns = PassbookProfile.detect(row.get(), candidates);
      if (columns.isPresent()) {
        return new PassbookReader(table, columns.get(), currency, problems, order);
      }
    }
    table.close();
    String expected =
        candidates.stream()
            .map(p -> p.name() + " (" + p.header() + ")")
            .collect(Collectors.joining("; "));
    problems.add(new ImportProblem(table.file(), 0, 0,
        "no header row found in the first " + MAX_PREAMBLE_ROWS + " lines; expected the columns"
            + " of " + expected + ". Choose the bank's profile with --profile"));
    problems.throwIfAny();
    throw new AssertionError("unreachable");
  }

  /**
   * The profile whose header was found.
   *
   * @return the profile, not null
   */
  public PassbookProfile profile() {
    return columns.profile();
  }

  /**
   * The balance before the oldest line read so far: its balance less its deposit plus its
   * withdrawal (for a file listed newest first, final only at the end of the file).
   *
   * @return the opening balance, or empty before the first good line
   */
  public Optional<Money> openingBalance() {
    return Optional.ofNullable(openingBalance);
  }

  /**
   * Reads the next good line, adding the problems of bad ones on the way.
   *
   * @return the line, or empty at the end of the table
   * @throws org.shgledger.importing.ImportException if the file cannot be read on, or the problems
   *     reach their limit
   */
  public Optional<PassbookLine> next() {
    while (true) {
      Optional<CsvRow> next = table.next();
      if (next.isEmpty()) {
        finish();
        return Optional.empty();
      }
      CsvRow row = next.get();
      int dateColumn = columns.of(Role.DATE);
      String dateText = cell(row, Role.DATE);
      boolean blank = row.isBlank();
      boolean hasDigits = !blank && hasDigit(dateText);
      if (tableEndedAt > 0) {
        // a summary after the table (Opening balance ..., Closing balance ...) is checked; a line
        // with a date is a transaction the table's end would lose
        if (!blank && !stated(row) && hasDigits && parsesAsDate(dateText)) {
          addProblem(row.problem(dateColumn,
              "a transaction line after the end of the table (it ended at line " + tableEndedAt
                  + "): remove the blank or summary line between them"));
        }
        continue;
      }
      if (blank) {
        tableEndedAt = row.line();
        continue;
      }
      // a row that moves no money may state a balance instead (By Opening Balance, Balance C/F)
      if ((!hasDigits || movesNothing(row)) && stated(row)) {
        continue;
      }
      if (!hasDigits && mistypedDate(row, dateText)) {
        // a line that moves money and states a balance, under words where its date should be:
        // ending the table here would lose its money without a word
        addProblem(row.problem(dateColumn, "\"" + dateText.strip() + "\" is not a date, but the line moves money"
            + " and states a balance: write its date as the other lines do"));
        lost();
        continue;
      }
      if (!hasDigits) {
        tableEndedAt = row.line();
        continue;
      }
      PassbookLine line = read(row);
      if (line != null) {
        return Optional.of(line);
      }
    }
  }

  /**
   * A role's cell: its own column, or, where that is empty, the first value in the unnamed
   * columns after it ({@link Columns#spreadTo}).
   */
  private String cell(CsvRow row, Role role) {
    int column = at[role.ordinal()];
    String text = row.cell(column);
    if (text.isEmpty() && column >= 0) {
      for (int i = column + 1, end = spreadTo[role.ordinal()]; i < end && text.isEmpty(); i++) {
        text = row.cell(i);
      }
    }
    return text;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the row's movement cells are empty, dashes or zero. */
  /** Words of summary lines, which close a table: they are not transactions with bad dates. */
  private static final java.util.regex.Pattern SUMMARY_WORDS = java.util.regex.Pattern.compile(
      "(?i)total|balance|closing|opening|summary|brought|carried|\\b[bc]/f\\b|grand");

  /**
   * Whether a row without a digit in its date cell is a transaction whose date was mistyped
   * ({@code thirty June}): words in the date cell, none of a summary's, an amount that moves money
   * and a stated balance.
   */
  private boolean mistypedDate(CsvRow row, String dateText) {
    if (dateText.isBlank() || movesNothing(row) || at[Role.BALANCE.ordinal()] < 0
        || !hasDigit(cell(row, Role.BALANCE))) {
      return false;
    }
    for (int i = 0; i < row.size(); i++) {
      if (SUMMARY_WORDS.matcher(row.cell(i)).find()) {
        return false;
      }
    }
    return true;
  }

  private boolean movesNothing(CsvRow row) {
    for (Role role : MOVEMENT) {
      if (at[role.ordinal()] >= 0 && !isNothing(cell(row, role))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNothing(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '0' && c != '.' && c != ',' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** A balance a row states, where it is, and whether it opens or closes. */
  private record Stated(CsvRow row, int column, Money balance, boolean opening) {}

  /**
   * Reads a row that states a balance: a label in its date, narration or first cell and an amount
   * in its balance column (or, failing that, the last amount in the row). Checks it against the
   * lines where they can tell, or keeps it for the end. Returns false if the row states none.
   */
  private boolean stated(CsvRow row) {
    Matcher label = null;
    for (String text : new String[] {cell(row, Role.DATE), cell(row, Role.NARRATION),
        firstText(row)}) {
      Matcher m = STATED.matcher(text);
      if (text.length() <= 200 && m.find()) {
        label = m;
        break;
      }
    }
    if (label == null) {
      return false;
    }
    boolean opening = label.group(1) != null;
    int column = columns.of(Role.BALANCE);
    Money balance = balanceIn(row, column);
    for (int i = row.size() - 1; balance == null && i >= 0; i--) {
      if (hasDigit(row.cell(i))) {
        balance = balanceIn(row, i);
        column = i;
      }
    }
    if (balance == null || order == null) {
      return true; // a label without an amount, or only finding the order: nothing to check
    }
    Stated stated = new Stated(row, column, balance, opening);
    if (order == Order.NEWEST_FIRST) {
      atEnd.add(stated); // the statement's own opening or closing
    } else if (opening) {
      pendingOpening = stated; // the balance before the line that follows, if one does
    } else if (lines > 0) {
      if (previousBalance != null) {
        check(stated, previousBalance, "the balance after the line above");
      }
    } else {
      atEnd.add(stated);
    }
    return true;
  }

  private static String firstText(CsvRow row) {
    for (int i = 0; i < row.size(); i++) {
      String text = row.cell(i);
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  /** The amount in a cell as a balance ({@code Dr} is overdrawn), or null if it is none. */
  private Money balanceIn(CsvRow row, int column) {
    String text = row.cell(column);
    if (text.isEmpty()) {
      return null;
    }
    Matcher suffix = MARKED.matcher(text);
    boolean overdrawn = false;
    if (!Character.isDigit(text.charAt(text.length() - 1)) && suffix.matches()) {
      text = suffix.group(1);
      overdrawn = suffix.group(2).equalsIgnoreCase("dr");
    }
    try {
      Money money = MoneyFormats.parse(text, currency);
      return overdrawn ? money.negated() : money;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void check(Stated stated, Money expected, String what) {
    if (!stated.balance().equals(expected)) {
      addProblem(stated.row().problem(stated.column(),
          "the " + (stated.opening() ? "opening" : "closing") + " balance " + plain(stated.balance())
              + " stated here does not agree with the lines: " + what + " is " + plain(expected)
              + "; a line is missing or an amount is mistyped"));
    }
  }

  /** At the end of the file: the stated balances that only the whole statement can check. */
  private void finish() {
    if (finished || order == null) {
      return;
    }
    finished = true;
    if (lines == 0 || ownProblems > 0) {
      return;
    }
    if (pendingOpening != null) {
      atEnd.add(pendingOpening);
      pendingOpening = null;
    }
    Money closing = order == Order.NEWEST_FIRST ? firstBalance : lastBalance;
    for (Stated stated : atEnd) {
      if (stated.opening()) {
        check(stated, openingBalance, "the balance before the first line");
      } else {
        check(stated, closing, "the balance after the last line");
      }
    }
  }

  private void addProblem(ImportProblem problem) {
    ownProblems++;
    problems.add(problem);
  }

  /**
   * What the reading noticed and read one way where a reader might expect another: a negative
   * amount in a withdrawal or deposit column read as the opposite movement. At most {@value
   * #MAX_NOTES} are kept; {@link #noteCount()} counts them all.
   *
   * @return the notes, each starting {@code file:line:column:}, not null
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * How many notes the reading made, kept or not.
   *
   * @return the count, not negative
   */
  public long noteCount() {
    return noteCount;
  }

  private void note(CsvRow row, int column, String text) {
    if (order == null) {
      return; // only finding the order: the real reading notes it
    }
    noteCount++;
    if (notes.size() < MAX_NOTES) {
      notes.add(row.problem(column, text).toString());
    }
  }

  private boolean parsesAsDate(String text) {
    try {
      columns.profile().dates().parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Reads and checks one row, or adds its problems and returns null. */
  private PassbookLine read(CsvRow row) {
    int needed = columns.needed();
    if (row.size() < needed) {
      addProblem(row.problem(row.size(),
          "the line has " + row.size() + " fields but the header has " + columns.width()
              + ": is it cut short, or is a separator missing?"));
      lost();
      return null;
    }
    for (int i = columns.width(); i < row.size(); i++) {
      if (!row.cell(i).isBlank()) {
        // past the header's last column: a separator inside an unquoted narration or amount
        // moves every later field one column on, so no field of the line can be trusted
        addProblem(row.problem(i, "the line has a field past the header's " + columns.width()
            + " columns (\"" + row.cell(i) + "\"): a comma inside a narration or amount? Put such a field in"
            + " double quotes"));
        lost();
        return null;
      }
    }
    int before = problemCount();
    LocalDate date = null;
    int dateColumn = columns.of(Role.DATE);
    try {
      date = columns.profile().dates().parse(cell(row, Role.DATE));
    } catch (IllegalArgumentException e) {
      addProblem(row.problem(dateColumn, e.getMessage()));
    }
    Money withdrawal = Money.zero(currency);
    Money deposit = Money.zero(currency);
    if (columns.of(Role.AMOUNT) >= 0) {
      boolean markerRequired = columns.amountMarker() >= 0 || !columns.profile().signedAmounts();
      Money signed = amount(row, Role.AMOUNT, columns.amountMarker(), markerRequired);
      if (signed != null) {
        if (signed.isNegative()) {
          withdrawal = signed.negated();
        } else {
          deposit = signed;
        }
      }
    } else {
      // a negative amount in one column is the other movement (a withdrawal written as a negative
      // credit): read so, and noted
      Money out = signedOrZero(row, Role.WITHDRAWAL);
      Money in = signedOrZero(row, Role.DEPOSIT);
      if (out.isNegative()) {
        note(row, columns.of(Role.WITHDRAWAL), "a negative withdrawal, " + plain(out)
            + ", read as a deposit of " + plain(out.negated()));
        in = in.plus(out.negated());
        out = Money.zero(currency);
      }
      if (in.isNegative()) {
        note(row, columns.of(Role.DEPOSIT), "a negative deposit, " + plain(in)
            + ", read as a withdrawal of " + plain(in.negated()));
        out = out.plus(in.negated());
        in = Money.zero(currency);
      }
      withdrawal = out;
      deposit = in;
    }
    Money balance = amount(row, Role.BALANCE, columns.balanceMarker(), false);
    if (problemCount() == before && withdrawal.isPositive() == deposit.isPositive()) {
      int column = columns.of(Role.AMOUNT) >= 0 ? columns.of(Role.AMOUNT) : columns.of(Role.DEPOSIT);
      addProblem(row.problem(column,
          withdrawal.isPositive()
              ? "the line has both a withdrawal and a deposit: a line is one or the other"
              : "the line has neither a withdrawal nor a deposit"));
    }
    if (problemCount() > before) {
      lost();
      return null;
    }
    Money net = deposit.minus(withdrawal);
    String narration = cell(row, Role.NARRATION);
    String reference = cell(row, Role.REFERENCE);
    if (order == null) {
      // detecting the order: no checks between lines
      return new PassbookLine(row.line(), date, narration, reference, withdrawal, deposit, balance);
    }
    boolean newestFirst = order == Order.NEWEST_FIRST;
    if (previousDate != null && (newestFirst ? date.isAfter(previousDate) : date.isBefore(previousDate))) {
      addProblem(row.problem(dateColumn,
          "the lines are not in date order (" + date + " comes after " + previousDate
              + (newestFirst ? " in a statement listed newest first)" : ")")
              + ": export the statement in date order, oldest or newest first"));
      lost();
      return null;
    }
    previousDate = date;
    if (previousBalance != null) {
      // oldest first: the line above plus this line's movement; newest first: the line above
      // (a later one) less its own movement
      Money expected = newestFirst ? previousBalance.minus(previousNet) : previousBalance.plus(net);
      if (!expected.equals(balance)) {
        String because = newestFirst
            ? "the balance " + plain(previousBalance) + " on the line above, a later one, "
                + (previousNet.isPositive() ? "less its deposit of " : "plus its withdrawal of ")
                + plain(previousNet.abs()) + ", as the statement is listed newest first"
            : "the balance " + plain(previousBalance) + " on the line before, "
                + (net.isPositive() ? "plus " : "minus ") + plain(net.abs());
        addProblem(row.problem(columns.of(Role.BALANCE),
            "the balance " + plain(balance) + " should be " + plain(expected) + " (" + because + "): a line "
                + (newestFirst ? "between the two" : "above") + " is missing or an amount is mistyped"));
        previousBalance = balance;
        previousNet = net;
        pendingOpening = null;
        return null;
      }
    }
    if (pendingOpening != null) {
      check(pendingOpening, balance.minus(net), "the balance before the line that follows it");
      pendingOpening = null;
    }
    if (openingBalance == null || newestFirst) {
      openingBalance = balance.minus(net);
    }
    if (firstBalance == null) {
      firstBalance = balance;
    }
    lastBalance = balance;
    lines++;
    previousBalance = balance;
    previousNet = net;
    return new PassbookLine(row.line(), date, narration, reference, withdrawal, deposit, balance);
  }

  /** After a bad line the next good line's balance is taken as given, and nothing stated before is checked. */
  private void lost() {
    previousBalance = null;
    pendingOpening = null;
  }

  private int problemCount() {
    return problems.list().size();
  }

  /** A withdrawal or deposit cell, signed as written: blank or a dash is zero. */
  private Money signedOrZero(CsvRow row, Role role) {
    String text = cell(row, role);
    if (text.isEmpty() || text.equals("-")) {
      return Money.zero(currency);
    }
    Money money = amount(row, role, -1, false);
    if (money != null && money.isNegative() && !text.startsWith("-")) {
      return money.negated(); // "17.70 Dr" in the withdrawal column says what the column says
    }
    return money == null ? Money.zero(currency) : money;
  }

  /**
   * Reads an amount that may carry a Dr/Cr marker (suffix or a column of its own). For an amount,
   * Dr is money out (negative); for a balance, Dr is overdrawn (negative). Returns null after
   * adding a problem.
   */
  private Money amount(CsvRow row, Role role, int markerColumn, boolean markerRequired) {
    int column = columns.of(role);
    String text = cell(row, role);
    String marker = markerColumn >= 0 ? row.cell(markerColumn) : "";
    // a marker ends the cell with a letter, a dot or a bracket: most cells end with a digit
    Matcher suffix = text.isEmpty() || Character.isDigit(text.charAt(text.length() - 1)) ? null
        : MARKED.matcher(text);
    if (suffix != null && suffix.matches()) {
      text = suffix.group(1);
      marker = suffix.group(2);
    }
    Money money;
    try {
      money = MoneyFormats.parse(text, currency);
    } catch (IllegalArgumentException e) {
      addProblem(row.problem(column, e.getMessage()));
      return null;
    }
    if (MinorUnits.exceeds(money, Journal.MAX_AMOUNT_MINOR)) {
      addProblem(row.problem(column, plain(money) + " is more than a book takes in one line"));
      return null;
    }
    if (marker.isEmpty()) {
      if (markerRequired) {
        addProblem(row.problem(markerColumn >= 0 ? markerColumn : column,
            "the amount needs Dr (withdrawal) or Cr (deposit)"));
        return null;
      }
      return money;
    }
    String m = marker.strip().toLowerCase(Locale.ROOT).replace(".", "");
    if (m.equals("debit")) {
      m = "dr";
    } else if (m.equals("credit")) {
      m = "cr";
    }
    if (!m.equals("dr") && !m.equals("cr")) {
      addProblem(row.problem(markerColumn >= 0 ? markerColumn : column,
          "\"" + marker + "\" is neither Dr nor Cr"));
      return null;
    }
    if (money.isNegative()) {
      addProblem(row.problem(column, "an amount with Dr or Cr must not also have a minus sign"));
      return null;
    }
    return m.equals("dr") ? money.negated() : money;
  }

  private static String plain(Money money) {
    return org.shgledger.money.MoneyFormats.indian(money);
  }

  /** Closes the file. */
  @Override
  public void close() {
    table.close();
  }
}
