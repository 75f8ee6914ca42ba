package org.shgledger.journal;

import java.util.Objects;

/**
 * The rule for text that people write and reports print on a line of their own: names of groups,
 * members, accounts and units, and the descriptions and reasons of entries. Such text is one line
 * of visible characters: no control characters (a line break in a name would print a forged line
 * in a statement, {@code "Asha\nM02  9,99,999.00"}), no line or paragraph separators (U+2028,
 * U+2029, which break a line as surely), and no bidirectional controls: overrides, embeddings and
 * isolates (U+202A–U+202E, U+2066–U+2069) and the invisible direction marks (U+200E, U+200F,
 * U+061C), which make text display in another order than it is stored.
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
    return check(what, text, false);
  }

  /**
   * Checks that a description (of an entry, a reason) is one line of visible characters, tabs
   * allowed: such text is often pasted from elsewhere, and a memo may hold tabs anyway (a bank's
   * narration), so every report and export already prints a tab as a space.
   *
   * @param what what the text is, for the message, not null
   * @param text the text, not null
   * @return the text, unchanged
   * @throws IllegalArgumentException naming the first character refused and its position
   */
  public static String checkDescription(String what, String text) {
    return check(what, text, true);
  }

  private static String check(String what, String text, boolean tabs) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(text, what);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((Character.isISOControl(c) && !(tabs && c == '\t')) || isBidiControl(c) || isLineBreak(c)) {
        throw new IllegalArgumentException(what + " must be one line of visible text: character " + (i + 1)
            + " is " + String.format("U+%04X", (int) c) + (isLineBreak(c) ? " (a line break)"
                : isBidiControl(c) ? " (a control of the text's direction)" : ""));
      }
    }
    return text;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F' || c == '\u061C';
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
