package org.shgledger.programme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;

/**
 * Stable pseudonyms for members, for exports of member-level data to auditors: the same member
 * always gets the same pseudonym, such as {@code P-3f9a0c41d2e7}, and nobody without the secret
 * can tell whose it is, or work it out from the member's id.
 *
 * <p>A pseudonym is {@value #PREFIX} and the first 12 hexadecimal digits (48 bits) of
 * HMAC-SHA256, keyed with the secret, of the group's code and the member's id. Keyed, because the
 * ids are few and guessable ({@code M01} ... {@code M30}): an unkeyed hash of them could be
 * reversed by trying them all. The secret is the database's own ({@link
 * ProgrammeRegister#pseudonymSecret()}: pseudonyms stay the same in every export from the same
 * books), or one the NGO keeps in a file and gives for every export (the same pseudonyms across
 * several databases). See docs/privacy.md.
 */
public final class Pseudonyms {

  /** What every pseudonym starts with. */
  public static final String PREFIX = "P-";

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  /** The longest secret accepted, in bytes. */
  public static final int MAX_SECRET_BYTES = 1_024;

  /** What replaces a word of a name that several members share: it cannot be given to one. */
  public static final String SHARED_NAME = "[name]";

  private static final String ALGORITHM = "HmacSHA256";
  private static final int DIGITS = 12;

  private final SecretKeySpec key;

  private Pseudonyms(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * Pseudonyms keyed with a secret.
   *
   * @param secret {@value #MIN_SECRET_BYTES} to {@value #MAX_SECRET_BYTES} bytes, not null; copied
   * @return the pseudonyms, not null
   * @throws IllegalArgumentException if the secret is too short or too long
   */
  public static Pseudonyms keyedBy(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException("a pseudonym secret is " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES
          + " bytes, not " + secret.length);
    }
    return new Pseudonyms(secret.clone());
  }

  /**
   * A member's pseudonym.
   *
   * @param group her group, not null
   * @param member her id in it, not null
   * @return such as {@code P-3f9a0c41d2e7}, not null
   */
  public String of(BookId group, MemberId member) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(member, "member");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(("shg-pseudonym/1\n" + group.value() + "\n" + member.value())
          .getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, DIGITS);
    } catch (GeneralSecurityException e) {
      // every Java platform has HmacSHA256
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * What replaces a group's members in text: each member's id, whole name, and each word of her
   * name of three letters or more, wherever it stands as a word of its own ({@code M01} in {@code
   * 2000:M01}, {@code M01 saves} and {@code SHG01-2024-05-04-SAVE-M01}, but not in {@code M010}),
   * in any case. A whole name is found however its words are spaced: {@code Sunita Devi}, {@code
   * sunita  devi}, {@code SUNITADEVI} and {@code Sunita.Devi} are all hers. A word of a name, or a
   * whole name, that several members share becomes {@value #SHARED_NAME}.
   *
   * @param group the group, not null
   * @param members every member the group has had, not null
   * @return the replacer, not null
   */
  public Replacer forGroup(BookId group, List<Member> members) {
    Objects.requireNonNull(group, "group");
    Map<String, String> ids = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> nameWords = new HashMap<>();
    int longestName = 1;
    for (Member member : Objects.requireNonNull(members, "members")) {
      String pseudonym = of(group, member.id());
      ids.put(fold(member.id().value()), pseudonym);
      List<String> words = Replacer.words(member.name());
      if (words.isEmpty()) {
        continue;
      }
      longestName = Math.max(longestName, words.size());
      names.merge(String.join("", words), pseudonym, Pseudonyms::sameOrShared);
      for (String word : words) {
        if (word.codePointCount(0, word.length()) >= 3) {
          nameWords.merge(word, pseudonym, Pseudonyms::sameOrShared);
        }
      }
    }
    // ids win over whole names, and whole names over the words of a name
    Map<String, String> replacements = new HashMap<>(nameWords);
    replacements.putAll(names);
    replacements.putAll(ids);
    return new Replacer(replacements, names, longestName);
  }

  private static String sameOrShared(String one, String other) {
    return one.equals(other) ? one : SHARED_NAME;
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /**
   * Replaces a group's members' ids and names in text by their pseudonyms. It reads a text once,
   * word by word, and looks each word up, and each few words a name may be written as: no pattern
   * per member, so a long export is replaced in time that grows with its length only.
   */
  public static final class Replacer {
    private final Map<String, String> replacements;
    private final Map<String, String> names;
    private final Set<String> namePrefixes;
    private final int longestName;

    private Replacer(Map<String, String> replacements, Map<String, String> names, int longestName) {
      this.replacements = Map.copyOf(replacements);
      this.names = Map.copyOf(names);
      this.longestName = longestName;
      // a name spelt as several words is read word by word while the words so far begin a name
      Set<String> starts = new HashSet<>();
      for (String name : names.keySet()) {
        for (int end = 1; end < name.length(); end++) {
          starts.add(name.substring(0, end));
        }
      }
      this.namePrefixes = Set.copyOf(starts);
    }

    /**
     * The text with every member's id and name replaced.
     *
     * @param text the text, not null
     * @return the text with pseudonyms, not null
     */
    public String apply(String text) {
      Objects.requireNonNull(text, "text");
      if (replacements.isEmpty()) {
        return text;
      }
      List<int[]> words = spans(text);
      StringBuilder out = null;
      int copied = 0;
      for (int w = 0; w < words.size(); w++) {
        String word = fold(text.substring(words.get(w)[0], words.get(w)[1]));
        int last = w;
        String replacement = null;
        if (longestName > 1 && namePrefixes.contains(word)) {
          // the longest run of words, joined only by spaces or a name's punctuation, that is a name
          StringBuilder joined = new StringBuilder(word);
          for (int next = w + 1; next < words.size() && next < w + longestName
              && isJoin(text, words.get(next - 1)[1], words.get(next)[0]); next++) {
            joined.append(fold(text.substring(words.get(next)[0], words.get(next)[1])));
            String name = names.get(joined.toString());
            if (name != null) {
              replacement = name;
              last = next;
            } else if (!namePrefixes.contains(joined.toString())) {
              break;
            }
          }
        }
        if (replacement == null) {
          replacement = replacements.get(word);
        }
        if (replacement == null) {
          continue;
        }
        if (out == null) {
          out = new StringBuilder(text.length() + 16);
        }
        out.append(text, copied, words.get(w)[0]).append(replacement);
        copied = words.get(last)[1];
        w = last;
      }
      return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** A name's words, folded: what it is made of, whatever separates them. */
    static List<String> words(String text) {
      List<String> words = new ArrayList<>();
      for (int[] span : spans(text)) {
        words.add(fold(text.substring(span[0], span[1])));
      }
      return words;
    }

    /** Where each word (letters, their marks and digits) of a text starts and ends. */
    private static List<int[]> spans(String text) {
      List<int[]> spans = new ArrayList<>();
      int start = -1;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        boolean inWord = isWordCharacter(c);
        if (inWord && start < 0) {
          start = i;
        } else if (!inWord && start >= 0) {
          spans.add(new int[] {start, i});
          start = -1;
        }
        i += Character.charCount(c);
      }
      if (start >= 0) {
        spans.add(new int[] {start, text.length()});
      }
      return spans;
    }

    /** Letters, their marks (Devanagari vowel signs) and digits: what a name or an id is made of. */
    private static boolean isWordCharacter(int c) {
      if (Character.isLetterOrDigit(c)) {
        return true;
      }
      int type = Character.getType(c);
      return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK;
    }

    /**
     * Whether two words of a name may stand so: with only white space between them (any amount,
     * no-break spaces too), or one dot, hyphen or underscore (as in {@code sunita.devi@upi}).
     */
    private static boolean isJoin(String text, int from, int to) {
      if (to - from == 1 && ".-_".indexOf(text.charAt(from)) >= 0) {
        return true;
      }
      for (int i = from; i < to; i++) {
        if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
