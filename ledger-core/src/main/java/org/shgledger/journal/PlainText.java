package org.shgledger.journal;

import java.util.Objects;

/**
 * The rule for text that people write and reports print on a line of their own: names of groups,
 * members, accounts and units, and the descriptions and reasons of entries. Such text is one line
 * of visible characters: no control characters (a line break in a name would print a forged line
 * in a statement, {@code "Asha\nM02  9,99,999.00"}) and no bidirectional overrides or isolates
 * (U+202A–U+202E, U+2066–U+2069), which make text display in another order than it is stored.
 * Every entry point (commands, imports, the library's value types) applies it through the types
 * that hold such text.
 */
public final class PlainText {

  private PlainText() {}

  /**
   * Checks that a text is one line of visible characters.
   *
   * @param what what the text is, for the message ({@code "a member's name"}), not null
   * @param text the text, not null
   * @return the text, unchanged
   * @throws IllegalArgumentException naming the first character refused and its position
   */
  public static String check(String what, String text) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(text, what);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || isBidiControl(c)) {
        throw new IllegalArgumentException(what + " must be one line of visible text: character " + (i + 1)
            + " is " + String.format("U+%04X", (int) c) + (c == '\n' || c == '\r' ? " (a line break)" : ""));
      }
    }
    return text;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}
