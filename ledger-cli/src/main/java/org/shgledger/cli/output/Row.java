package org.shgledger.cli.output;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a {@link Table}: one cell per column, and how deep it sits under the rows above it.
 *
 * @param cells the cells, one per column in the table's order, not null
 * @param level 0 for an ordinary row; 1 or more for a row that details the row above it (a member
 *     sub-ledger under its control account), which text and HTML indent
 */
public record Row(List<Cell> cells, int level) {

  /**
   * Creates a row.
   *
   * @throws NullPointerException if the cells or any cell is null
   * @throws IllegalArgumentException if the level is negative
   */
  public Row {
    cells = List.copyOf(cells);
    if (level < 0) {
      throw new IllegalArgumentException("a row's level is 0 or more, not " + level);
    }
  }

  /**
   * An ordinary row.
   *
   * @param cells the cells, not null
   * @return the row, not null
   */
  public static Row of(Cell... cells) {
    return new Row(Arrays.asList(cells), 0);
  }

  /**
   * The same cells at another level.
   *
   * @param newLevel the level, 0 or more
   * @return a new row, not null
   */
  public Row atLevel(int newLevel) {
    return new Row(cells, newLevel);
  }
}
