package org.shgledger.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.cli.output.Labels;
import org.shgledger.group.EngineMemo;

/**
 * A stored memo in the reader's language: a memo the engine wrote ({@link EngineMemo}) in the
 * words of {@code memo.KIND} with its arguments put back, anything else (a bank's narration, words
 * a treasurer typed) as stored.
 *
 * <p>The journal keeps each memo in English, under its hash; only what is printed changes. English
 * labels are the catalogue's own patterns, so an English report prints every memo exactly as
 * stored. Words inside a memo (a fine's reason, the line a reclassification reverses) are read the
 * same way, so the meeting import's {@code M04 fined: fine at the meeting of 2024-04-10} is Hindi
 * all through, while a reason a treasurer typed stays as she typed it.
 */
final class MemoText {

  private MemoText() {}

  /**
   * The memo as the report prints it.
   *
   * @param memo the memo as stored (already masked, as reports print memos), not null
   * @param labels the report's words, not null
   * @return the memo in the labels' language, or as stored if the engine did not write it; not null
   */
  static String of(String memo, Labels labels) {
    Objects.requireNonNull(labels, "labels");
    Optional<EngineMemo.Recognised> recognised = EngineMemo.recognise(memo);
    if (recognised.isEmpty()) {
      return memo;
    }
    EngineMemo kind = recognised.get().kind();
    List<String> values = recognised.get().arguments();
    String[] words = new String[values.size()];
    for (int i = 0; i < words.length; i++) {
      // a text argument is shorter than the memo that holds it, so this ends
      words[i] = kind.arguments().get(i) == EngineMemo.Argument.TEXT ? of(values.get(i), labels) : values.get(i);
    }
    return fill(labels.get("memo." + kind.key()), words);
  }

  /**
   * The label with {@code {0}}, {@code {1}} ... replaced in one pass, so that words of a memo that
   * hold {@code {1}} themselves are printed as they are, never filled in again.
   */
  private static String fill(String label, String[] words) {
    StringBuilder text = new StringBuilder(label.length() + 32);
    int i = 0;
    while (i < label.length()) {
      char c = label.charAt(i);
      int index = i + 2 < label.length() && label.charAt(i + 2) == '}' ? label.charAt(i + 1) - '0' : -1;
      if (c == '{' && index >= 0 && index < words.length) {
        text.append(words[index]);
        i += 3;
      } else {
        text.append(c);
        i++;
      }
    }
    return text.toString();
  }
}
