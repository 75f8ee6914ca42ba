package org.shgledger.importing.register;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.importing.CsvRow;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.importing.text.Dates;
import org.shgledger.journal.Journal;
import org.shgledger.money.MinorUnits;
import org.shgledger.money.MoneyFormats;

/**
 * A register file read whole: its header checked against the columns an import knows, then its
 * data rows, blank lines skipped. Fields are read through {@link Fields}, which turns every
 * malformed value into a problem at the field's {@code file:line:column}.
 *
 * <p>Rows are read one at a time; what an import keeps of them (its parsed rows) is bounded by the
 * {@link org.shgledger.importing.ImportLimits} the table was opened with ({@link RegisterLimits}).
 */
final class Sheet {

  /** The date forms registers use: ISO, and the day-first form of Indian paper books. */
  static final Dates DATES = Dates.of("yyyy-MM-dd", "dd/MM/yyyy");

  final String file;
  private final CsvTable table;
  private final Map<String, Integer> columns;
  private final ImportProblems problems;
  /** Whether the header ends with an empty field, the separator some spreadsheets add to every line. */
  private final boolean headerEndsWithSeparator;
  private int rows;

  private Sheet(CsvTable table, Map<String, Integer> columns, ImportProblems problems,
      boolean headerEndsWithSeparator) {
    this.file = table.file();
    this.table = table;
    this.columns = columns;
    this.problems = problems;
    this.headerEndsWithSeparator = headerEndsWithSeparator;
  }

  /**
   * Reads a table whose header names its columns; names are matched ignoring case and spaces.
   *
   * @throws ImportException if the header lacks a required column, names one twice or names one
   *     the import does not know, or if the file breaks the table's rules
   */
  static Sheet read(CsvTable table, List<String> required, List<String> optional, ImportProblems problems) {
    Optional<CsvRow> first = table.next();
    while (first.isPresent() && first.get().isBlank()) {
      first = table.next();
    }
    if (first.isEmpty()) {
      throw new ImportException(new ImportProblem(table.file(), 0, 0,
          "the file is empty: its first line must be the header " + String.join(",", required)));
    }
    CsvRow header = first.get();
    Map<String, Integer> columns = new HashMap<>();
    boolean headerEndsWithSeparator = false;
    Set<String> known = new java.util.HashSet<>(required);
    known.addAll(optional);
    for (int i = 0; i < header.size(); i++) {
      String name = header.cell(i).toLowerCase(Locale.ROOT).replace(' ', '_');
      if (name.isEmpty() && i == header.size() - 1 && i > 0) {
        headerEndsWithSeparator = true;
        continue; // a trailing separator that spreadsheets write
      }
      if (!known.contains(name)) {
        problems.add(header.problem(i, "unknown column \"" + header.cell(i) + "\": the columns are "
            + String.join(",", required) + (optional.isEmpty() ? "" : "," + String.join(",", optional))));
      } else if (columns.putIfAbsent(name, i) != null) {
        problems.add(header.problem(i, "the column " + name + " appears twice"));
      }
    }
    for (String name : required) {
      if (!columns.containsKey(name)) {
        problems.add(header.problem("the header has no column " + name + "; it must have "
            + String.join(",", required)));
      }
    }
    problems.throwIfAny();
    return new Sheet(table, Map.copyOf(columns), problems, headerEndsWithSeparator);
  }

  /**
   * Reads the data rows one at a time, blank ones skipped, handing each row's fields to the
   * reader; a row is not kept after its turn (a roster's account numbers live no longer than
   * their row).
   *
   * @throws ImportException if the file breaks the table's rules or the problem limit is reached
   */
  void forEachRow(Consumer<Fields> reader) {
    for (Optional<CsvRow> row = table.next(); row.isPresent(); row = table.next()) {
      if (!row.get().isBlank()) {
        rows++;
        reader.accept(new Fields(row.get(), problems));
      }
    }
  }

  /** How many data rows have been read. */
  int rows() {
    return rows;
  }

  /** The field reader of one row; each read that fails adds a problem and returns empty. */
  final class Fields {
    final CsvRow row;
    private final ImportProblems fieldProblems;

    private Fields(CsvRow row, ImportProblems problems) {
      this.row = row;
      this.fieldProblems = problems;
      int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
      // an empty field past the header's last is the trailing separator spreadsheets write, when
      // the header has one too; otherwise a field has split (1,000 unquoted read as 1 and 000,
      // every later field one column off), however empty the last one is
      boolean trailingSeparator = row.size() == width + 1 && row.cell(width).isEmpty() && headerEndsWithSeparator;
      if (row.size() > width && !trailingSeparator) {
        fieldProblems.add(row.problem(width, "the row has " + row.size() + " fields but the header "
            + width + ": a comma inside an amount or name? Put such a field in double quotes"));
      } else if (row.size() < width) {
        // read as it stands, a cut-off field would record part of an amount (1 of 100)
        fieldProblems.add(row.problem(row.size() - 1, "the row has " + row.size() + " fields but the header "
            + width + ": the line is cut short (a file saved or copied part way?); complete it, or end it"
            + " with a comma for each empty field"));
      }
    }

    /** The column's index from 0, or -1 when the file has no such column. */
    int index(String column) {
      return columns.getOrDefault(column, -1);
    }

    /** The problem at a column, reported at its position (column 0 if the file lacks it). */
    ImportProblem problem(String column, String reason) {
      int index = index(column);
      return index < 0 ? row.problem(reason) : row.problem(index, reason);
    }

    void add(String column, String reason) {
      fieldProblems.add(problem(column, reason));
    }

    /** The trimmed text, empty when blank or absent. */
    String text(String column) {
      int index = index(column);
      return index < 0 ? "" : row.cell(index);
    }

    boolean isBlank(String column) {
      return text(column).isEmpty();
    }

    /** A value that must be there. */
    <T> Optional<T> required(String column, String what, Function<String, T> parse) {
      if (isBlank(column)) {
        add(column, "the " + what + " is missing");
        return Optional.empty();
      }
      return optional(column, parse);
    }

    /** A value that may be blank; an IllegalArgumentException from the parser is the reason. */
    <T> Optional<T> optional(String column, Function<String, T> parse) {
      String text = text(column);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parse.apply(text));
      } catch (IllegalArgumentException e) {
        add(column, e.getMessage());
        return Optional.empty();
      }
    }

    /** An amount that is zero when blank and may not be negative. */
    Money amount(String column, CurrencyUnit currency) {
      return optionalAmount(column, currency).orElse(Money.zero(currency));
    }

    /** An amount that may be blank, not negative. */
    Optional<Money> optionalAmount(String column, CurrencyUnit currency) {
      Optional<Money> amount = optional(column, text -> MoneyFormats.parse(text, currency));
      if (amount.isPresent() && amount.get().isNegative()) {
        add(column, "the " + column.replace('_', ' ') + " is negative; write amounts without a minus sign");
        return Optional.empty();
      }
      if (amount.isPresent() && MinorUnits.exceeds(amount.get(), Journal.MAX_AMOUNT_MINOR)) {
        add(column, "the " + column.replace('_', ' ') + " " + withCurrency(amount.get())
            + " is more than a book takes in one line (" + withCurrency(Money.ofMinor(currency, Journal.MAX_AMOUNT_MINOR))
            + ")");
        return Optional.empty();
      }
      return amount;
    }
  }
}
