package org.shgledger.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The names nearest to a mistyped one, for "did you mean": {@code --fromat} is one transposition
 * from {@code --format}, {@code trial-balanse} one letter from {@code trial-balance}. picocli has
 * suggestions of its own, but for an unknown option followed by its value ({@code --fromat csv})
 * it looks for the value's nearest option and finds none.
 */
final class DidYouMean {

  /** More than this many close names is no suggestion: the word was too short to tell. */
  private static final int MOST_SUGGESTED = 3;

  private DidYouMean() {}

  /**
   * The known names nearest to a typed one: those fewest edits away (an edit adds, removes or
   * changes a letter, or swaps two neighbours), if that is at most a third of its letters, or
   * else those it begins, so that {@code --form} finds {@code --format}. Leading hyphens are not
   * letters here.
   *
   * @param typed the name as typed, such as {@code --fromat}, not null
   * @param known the names there are, not null
   * @return the nearest names in the order given, at most three; empty when none is near
   */
  static List<String> nearest(String typed, Collection<String> known) {
    String word = letters(typed);
    if (word.length() < 2) {
      return List.of();
    }
    int allowed = Math.max(1, word.length() / 3);
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String name : known) {
      int distance = distance(word, letters(name));
      if (distance > allowed || distance > best) {
        continue;
      }
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      nearest.add(name);
    }
    if (nearest.isEmpty() && word.length() >= 3) {
      for (String name : known) {
        if (letters(name).startsWith(word)) {
          nearest.add(name);
        }
      }
    }
    return nearest.size() > MOST_SUGGESTED ? List.of() : List.copyOf(nearest);
  }

  private static String letters(String name) {
    int start = 0;
    while (start < name.length() && name.charAt(start) == '-') {
      start++;
    }
    return name.substring(start);
  }

  /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
