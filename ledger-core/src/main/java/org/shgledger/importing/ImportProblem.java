package org.shgledger.importing;

import java.util.Objects;

/**
 * One thing wrong in an imported file, where it is and what to do about it.
 *
 * <p>Written as {@code file:line:column: reason}, the form editors and compilers use, so a
 * treasurer (or her editor) can jump to it.
 *
 * @param file the file's name as the user gave it, not null
 * @param line the physical line, from 1; 0 when the problem is about the whole file
 * @param column the field (1 for the first column of the CSV, 2 for the second...), or for
 *     problems below the level of fields (bad bytes, stray quotes) the character in the line, from
 *     1; 0 when the problem is about the whole line or file
 * @param reason what is wrong, in words a treasurer can act on, not null or blank
 */
public record ImportProblem(String file, long line, int column, String reason) {

  /**
   * Creates a problem.
   *
   * @param file the file's name as the user gave it, not null
   * @param line the physical line, from 1; 0 when the problem is about the whole file
   * @param column the field (1 for the first column of the CSV, 2 for the second...), or for
   *     problems below the level of fields (bad bytes, stray quotes) the character in the line, from
   *     1; 0 when the problem is about the whole line or file
   * @param reason what is wrong, in words a treasurer can act on, not null or blank
   * @throws NullPointerException if the file or reason is null
   * @throws IllegalArgumentException if the line or column is negative or the reason is blank
   */
  public ImportProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /** Returns {@code file:line:column: reason}, the form compilers use. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + reason;
  }
}
