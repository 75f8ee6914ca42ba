package org.shgledger.cli.output;

import java.util.Objects;

/**
 * A sentence or paragraph for people, such as how to read a table. Text and HTML print it; CSV and
 * JSON, which carry data, leave it out.
 *
 * <p>A note may end in a hint: a command to type for more, such as the option that adds the
 * members' names. Only text, read at the terminal where it can be typed, prints the hint (after
 * the text, as its last lines); HTML leaves it out, because a printed page handed round at a
 * meeting is no place to tell its reader what to run.
 *
 * @param text the text, in the reader's language; {@code \n} starts a new line; not null
 * @param hint the hint for the terminal, in the reader's language; {@code \n} starts a new line;
 *     empty for none; not null
 */
public record Note(String text, String hint) implements Block {

  /** Checks for null. */
  public Note {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * A note without a hint.
   *
   * @param text the text, see {@link Note}, not null
   */
  public Note(String text) {
    this(text, "");
  }
}
