package org.shgledger.cli.output;

import java.util.Objects;

/**
 * A sentence or paragraph for people, such as how to read a table. Text and HTML print it; CSV and
 * JSON, which carry data, leave it out.
 *
 * @param text the text, in the reader's language; {@code \n} starts a new line; not null
 */
public record Note(String text) implements Block {

  /** Checks for null. */
  public Note {
    Objects.requireNonNull(text, "text");
  }
}
