package org.shgledger.cli.output;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table of a {@link Report}: columns, rows, and an optional total row.
 *
 * <p>Every format shows the rows. The total row is for people and for JSON: text and HTML print it
 * under a rule, JSON writes it as the table's {@code total} object, and CSV leaves it out, so that
 * a spreadsheet's sum of a column is not doubled and every CSV row is one thing of the same kind.
 *
 * @param key the stable key, lower-case letters, digits and underscores: the JSON field under
 *     {@code tables}; unique within a report, not null
 * @param caption a heading for people, printed above the table in text and HTML; empty for none,
 *     not null
 * @param columns the columns, at least one, keys unique, not null
 * @param rows the rows, each with one cell per column of the column's kind, not null
 * @param total the total row, as a row, not null (may be empty)
 */
public record Table(String key, String caption, List<Column> columns, List<Row> rows, Optional<Row> total)
    implements Block {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Creates a table, checking that every row fits the columns.
   *
   * @throws NullPointerException if any argument, column, row or cell is null
   * @throws IllegalArgumentException if the key is malformed, there are no columns, two columns
   *     share a key, a row has the wrong number of cells or a cell is not of its column's kind
   */
  public Table {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(caption, "caption");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    Objects.requireNonNull(total, "total");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "a table key is lower-case letters, digits and _, starting with a letter: '" + key + "'");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + key + " has no columns");
    }
    Set<String> keys = new HashSet<>();
    for (Column column : columns) {
      if (!keys.add(column.key())) {
        throw new IllegalArgumentException("table " + key + " has two columns " + column.key());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      check(key, "row " + (i + 1), columns, rows.get(i));
    }
    if (total.isPresent()) {
      check(key, "the total row", columns, total.get());
    }
  }

  /**
   * A table with no caption and no total row.
   *
   * @param key the key, not null
   * @param columns the columns, not null
   * @param rows the rows, not null
   * @return the table, not null
   */
  public static Table of(String key, List<Column> columns, List<Row> rows) {
    return new Table(key, "", columns, rows, Optional.empty());
  }

  /**
   * The same table with a total row.
   *
   * @param totalRow the total row, not null
   * @return a new table, not null
   */
  public Table withTotal(Row totalRow) {
    return new Table(key, caption, columns, rows, Optional.of(totalRow));
  }

  /**
   * The same table with a caption.
   *
   * @param newCaption the caption, not null
   * @return a new table, not null
   */
  public Table withCaption(String newCaption) {
    return new Table(key, newCaption, columns, rows, total);
  }

  private static void check(String table, String where, List<Column> columns, Row row) {
    if (row.cells().size() != columns.size()) {
      throw new IllegalArgumentException("table " + table + ", " + where + ": " + row.cells().size()
          + " cells for " + columns.size() + " columns");
    }
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      if (!column.kind().accepts(row.cells().get(c))) {
        throw new IllegalArgumentException("table " + table + ", " + where + ", column " + column.key()
            + ": a " + row.cells().get(c).getClass().getSimpleName() + " cell in a "
            + column.kind() + " column");
      }
    }
  }
}
