package org.shgledger.journal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that keeps full bank account numbers out of the books: in a text, every number that
 * may be one is masked to its last {@value #KEPT_DIGITS} digits, each other digit replaced by
 * {@value #MASK}, as a member's own account number is kept ({@code XXXXXXXXXXXX8214}). A
 * treasurer still recognises an account by its last digits, as on a bank slip; nobody can use the
 * number. The text keeps its length and everything else in it.
 *
 * <p>What is masked (ASCII digits only; docs/privacy.md):
 *
 * <ul>
 *   <li>every run of {@value #MIN_DIGITS} or more digits, whatever touches it: Indian account
 *       numbers are 9 to 18 digits, and a longer run may be one run together with something else
 *       ({@code UPI/20417755301/...} becomes {@code UPI/XXXXXXX5301/...}, {@code
 *       A/C2463001700058214} becomes {@code A/CXXXXXXXXXXXX8214});
 *   <li>a number written in fours to be read, as account numbers are on slips and in letters: two
 *       or more groups of four digits, each joined to the next by one space or hyphen, maybe ending
 *       in a group of one to three digits, {@value #MIN_DIGITS} or more digits in all. It is masked
 *       as one number, its separators kept: {@code 2463 0017 0005 8214} becomes {@code XXXX XXXX
 *       XXXX 8214}. It does not start with the year of a date ({@code 06-04-2025 1500 2000}) or
 *       right after a digit and a {@code .}, {@code ,} or {@code /} (in an amount).
 * </ul>
 *
 * <p>What is not: dates ({@code 06-04-2025}, {@code 2025-04-06}: their groups are of two digits)
 * and amounts ({@code 15000.00}, {@code 1,50,000}) and any number of 8 digits or fewer, which no
 * Indian bank account has. Nor is a hash written in hexadecimal, a word of
 * {@value #MIN_HASH_LENGTH} or more of {@code 0-9a-f} with a letter among them (the ids of
 * imported bank lines, {@code pb:54bd519b…}): it is no account number, and a reversal's memo names
 * the entry it reverses by its id. Masking is idempotent: a masked text has nothing left to mask.
 */
public final class AccountNumbers {

  /** The fewest digits a number has to be masked: the shortest Indian account number. */
  public static final int MIN_DIGITS = 9;

  /** How many of a masked number's digits are kept: its last ones. */
  public static final int KEPT_DIGITS = 4;

  /** What replaces each other digit. */
  public static final char MASK = 'X';

  /** The shortest hexadecimal word taken for a hash (an MD5 is 32 digits, a line id 40). */
  public static final int MIN_HASH_LENGTH = 32;

  /**
   * A run of digits or a number in fours, or a hexadecimal hash (group 1) that is skipped. A run
   * is matched whole, so a run of fewer than nine is no number; a number in fours is checked for
   * its nine digits after matching.
   */
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![0-9A-Za-z])([0-9a-f]{" + MIN_HASH_LENGTH + ",})(?![0-9A-Za-z])"
          + "|(?<![0-9])(?<![0-9][.,/])(?<![0-9]{1,2}[-/.][0-9]{1,2}[-/.])[0-9]{4}(?:[ -][0-9]{4})+(?:[ -][0-9]{1,3}(?![0-9]|[./-][0-9]))?(?![0-9])"
          + "|(?<![0-9])[0-9]{" + MIN_DIGITS + ",}(?![0-9])");

  private AccountNumbers() {}

  /**
   * The text with every number that may be a bank account number masked to its last {@value
   * #KEPT_DIGITS} digits.
   *
   * @param text any text, not null
   * @return the text, masked, of the same length; the same instance when nothing is masked
   * @throws NullPointerException if the text is null
   */
  public static String mask(String text) {
    Objects.requireNonNull(text, "text");
    if (!mayHoldANumber(text)) {
      // most memos ("M01 saves (compulsory)", "SHG01-2024-05-04-SAVE-M01"): nothing to look for
      return text;
    }
    // Masking a run turns its digits into X, and a number in fours right after the run was not
    // read as one while a digit touched it; once an X does, it is. Masking again until nothing
    // changes makes masking idempotent (123450000-0000-0 -> XXXXXXXXX-X000-0). Each pass masks at
    // least one more digit or stops, so it ends.
    String masked = maskOnce(text);
    while (!masked.equals(text)) {
      text = masked;
      masked = maskOnce(text);
    }
    return masked;
  }

  private static String maskOnce(String text) {
    Matcher matcher = CANDIDATE.matcher(text);
    char[] masked = null;
    while (matcher.find()) {
      if (matcher.group(1) != null && hasHexLetter(matcher.group(1))) {
        continue;
      }
      int start = matcher.start();
      int end = matcher.end();
      int digits = countDigits(text, start, end);
      if (digits < MIN_DIGITS) {
        continue;
      }
      if (masked == null) {
        masked = text.toCharArray();
      }
      int toMask = digits - KEPT_DIGITS;
      for (int i = start; i < end && toMask > 0; i++) {
        if (isDigit(text.charAt(i))) {
          masked[i] = MASK;
          toMask--;
        }
      }
    }
    return masked == null ? text : new String(masked);
  }

  /** Whether the text has a run of nine digits or more, or two runs of four joined as in fours. */
  private static boolean mayHoldANumber(String text) {
    int previousRun = 0;
    char previousSeparator = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      int run = i - start;
      if (run >= MIN_DIGITS || run == 4 && previousRun == 4 && (previousSeparator == ' ' || previousSeparator == '-')) {
        return true;
      }
      previousRun = run;
      // the one character between this run and the next, if only one is
      previousSeparator = i + 1 < text.length() && isDigit(text.charAt(i + 1)) ? text.charAt(i) : 0;
    }
    return false;
  }

  private static int countDigits(String text, int start, int end) {
    int digits = 0;
    for (int i = start; i < end; i++) {
      if (isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits;
  }

  private static boolean hasHexLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) >= 'a' && word.charAt(i) <= 'f') {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
