package org.shgledger.importing;

import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file as read, with where it starts.
 *
 * @param file the file's name for messages, not null
 * @param line the physical line the record starts on, from 1
 * @param cells the fields as written (not trimmed), at least one, not null
 */
public record CsvRow(String file, long line, List<String> cells) {

  /**
   * Creates a row.
   *
   * @param file the file's name for messages, not null
   * @param line the physical line the record starts on, from 1
   * @param cells the fields as written (not trimmed), at least one, not null
   * @throws NullPointerException if the file or cells are null
   */
  public CsvRow {
    Objects.requireNonNull(file, "file");
    cells = List.copyOf(cells);
  }

  /**
   * How many fields the row has.
   *
   * @return the count, not negative
   */
  public int size() {
    return cells.size();
  }

  /**
   * A field with surrounding spaces removed (exports pad their cells).
   *
   * @param index the field, from 0
   * @return the trimmed text, empty if the row has no such field, not null
   */
  public String cell(int index) {
    return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
  }

  /**
   * Whether every field is empty or spaces: a blank line or a line of separators.
   *
   * @return true if the row holds no text
   */
  public boolean isBlank() {
    for (String cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A problem in one of this row's fields.
   *
   * @param index the field, from 0 (reported as column {@code index + 1})
   * @param reason what is wrong, not blank
   * @return the problem, not null
   */
  public ImportProblem problem(int index, String reason) {
    return new ImportProblem(file, line, index + 1, reason);
  }

  /**
   * A problem with the row as a whole (column 0).
   *
   * @param reason what is wrong, not blank
   * @return the problem, not null
   */
  public ImportProblem problem(String reason) {
    return new ImportProblem(file, line, 0, reason);
  }
}
