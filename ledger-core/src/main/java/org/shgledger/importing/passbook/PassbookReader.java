package org.shgledger.importing.passbook;

import java.io.Closeable;
import java.time.LocalDate;
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

  private final CsvTable table;
  private final CurrencyUnit currency;
  private final ImportProblems problems;
  private final Columns columns;
  /** The order the lines are checked in; null while {@link #detectOrder} reads without checks. */
  private final Order order;
  private Money previousBalance;
  private Money previousNet;
  private LocalDate previousDate;
  private long tableEndedAt;
  private Money openingBalance;

  private PassbookReader(
      CsvTable table, Columns columns, CurrencyUnit currency, ImportProblems problems, Order order) {
    this.table = table;
    this.columns = columns;
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
      for (PassbookProfile candidate : candidates) {
        Optional<Columns> columns = candidate.match(row.get());
        if (columns.isPresent()) {
          return new PassbookReader(table, columns.get(), currency, problems, order);
        }
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
        return Optional.empty();
      }
      CsvRow row = next.get();
      int dateColumn = columns.of(Role.DATE);
      String dateText = row.cell(dateColumn);
      boolean looksLikeLine = !row.isBlank() && dateText.chars().anyMatch(Character::isDigit);
      if (tableEndedAt > 0) {
        if (looksLikeLine && parsesAsDate(dateText)) {
          problems.add(row.problem(dateColumn,
              "a transaction line after the end of the table (it ended at line " + tableEndedAt
                  + "): remove the blank or summary line between them"));
        }
        continue;
      }
      if (!looksLikeLine) {
        tableEndedAt = row.line();
        continue;
      }
      PassbookLine line = read(row);
      if (line != null) {
        return Optional.of(line);
      }
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
      problems.add(row.problem(row.size(),
          "the line has " + row.size() + " fields but the header has " + columns.width()
              + ": is it cut short, or is a separator missing?"));
      previousBalance = null;
      return null;
    }
    int before = problemCount();
    LocalDate date = null;
    int dateColumn = columns.of(Role.DATE);
    try {
      date = columns.profile().dates().parse(row.cell(dateColumn));
    } catch (IllegalArgumentException e) {
      problems.add(row.problem(dateColumn, e.getMessage()));
    }
    Money withdrawal = Money.zero(currency);
    Money deposit = Money.zero(currency);
    if (columns.of(Role.AMOUNT) >= 0) {
      Money signed = amount(row, Role.AMOUNT, columns.amountMarker(), true);
      if (signed != null) {
        if (signed.isNegative()) {
          withdrawal = signed.negated();
        } else {
          deposit = signed;
        }
      }
    } else {
      withdrawal = orZero(row, Role.WITHDRAWAL);
      deposit = orZero(row, Role.DEPOSIT);
    }
    Money balance = amount(row, Role.BALANCE, columns.balanceMarker(), false);
    if (problemCount() == before && withdrawal.isPositive() == deposit.isPositive()) {
      int column = columns.of(Role.AMOUNT) >= 0 ? columns.of(Role.AMOUNT) : columns.of(Role.DEPOSIT);
      problems.add(row.problem(column,
          withdrawal.isPositive()
              ? "the line has both a withdrawal and a deposit: a line is one or the other"
              : "the line has neither a withdrawal nor a deposit"));
    }
    if (problemCount() > before) {
      previousBalance = null;
      return null;
    }
    Money net = deposit.minus(withdrawal);
    if (order == null) {
      // detecting the order: no checks between lines
      return new PassbookLine(row.line(), date, row.cell(columns.of(Role.NARRATION)),
          row.cell(columns.of(Role.REFERENCE)), withdrawal, deposit, balance);
    }
    boolean newestFirst = order == Order.NEWEST_FIRST;
    if (previousDate != null && (newestFirst ? date.isAfter(previousDate) : date.isBefore(previousDate))) {
      problems.add(row.problem(dateColumn,
          "the lines are not in date order (" + date + " comes after " + previousDate
              + (newestFirst ? " in a statement listed newest first)" : ")")
              + ": export the statement in date order, oldest or newest first"));
      previousBalance = null;
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
        problems.add(row.problem(columns.of(Role.BALANCE),
            "the balance " + plain(balance) + " should be " + plain(expected) + " (" + because + "): a line "
                + (newestFirst ? "between the two" : "above") + " is missing or an amount is mistyped"));
        previousBalance = balance;
        previousNet = net;
        return null;
      }
    }
    if (openingBalance == null || newestFirst) {
      openingBalance = balance.minus(net);
    }
    previousBalance = balance;
    previousNet = net;
    return new PassbookLine(row.line(), date, row.cell(columns.of(Role.NARRATION)),
        row.cell(columns.of(Role.REFERENCE)), withdrawal, deposit, balance);
  }

  private int problemCount() {
    return problems.list().size();
  }

  private Money orZero(CsvRow row, Role role) {
    int column = columns.of(role);
    String text = row.cell(column);
    if (text.isEmpty() || text.equals("-")) {
      return Money.zero(currency);
    }
    Money money = amount(row, role, -1, false);
    if (money == null) {
      return Money.zero(currency);
    }
    if (money.isNegative()) {
      problems.add(row.problem(column, "a " + role.name().toLowerCase(Locale.ROOT)
          + " cannot be negative"));
      return Money.zero(currency);
    }
    return money;
  }

  /**
   * Reads an amount that may carry a Dr/Cr marker (suffix or a column of its own). For an amount,
   * Dr is money out (negative); for a balance, Dr is overdrawn (negative). Returns null after
   * adding a problem.
   */
  private Money amount(CsvRow row, Role role, int markerColumn, boolean markerRequired) {
    int column = columns.of(role);
    String text = row.cell(column);
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
      problems.add(row.problem(column, e.getMessage()));
      return null;
    }
    if (MinorUnits.exceeds(money, Journal.MAX_AMOUNT_MINOR)) {
      problems.add(row.problem(column, plain(money) + " is more than a book takes in one line"));
      return null;
    }
    if (marker.isEmpty()) {
      if (markerRequired) {
        problems.add(row.problem(markerColumn >= 0 ? markerColumn : column,
            "the amount needs Dr (withdrawal) or Cr (deposit)"));
        return null;
      }
      return money;
    }
    String m = marker.strip().toLowerCase(Locale.ROOT).replace(".", "");
    if (!m.equals("dr") && !m.equals("cr")) {
      problems.add(row.problem(markerColumn >= 0 ? markerColumn : column,
          "\"" + marker + "\" is neither Dr nor Cr"));
      return null;
    }
    if (money.isNegative()) {
      problems.add(row.problem(column, "an amount with Dr or Cr must not also have a minus sign"));
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
