package org.shgledger.programme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
  /** Letters, their marks (Devanagari vowel signs) and digits: what a name or an id is made of. */
  private static final String WORD_CHARACTER = "[\\p{L}\\p{M}\\p{N}]";

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
   * in any case. A word of a name that several members share becomes {@value #SHARED_NAME}.
   *
   * @param group the group, not null
   * @param members every member the group has had, not null
   * @return the replacer, not null
   */
  public Replacer forGroup(BookId group, List<Member> members) {
    Objects.requireNonNull(group, "group");
    Map<String, String> replacements = new HashMap<>();
    Map<String, String> nameWords = new HashMap<>();
    for (Member member : Objects.requireNonNull(members, "members")) {
      String pseudonym = of(group, member.id());
      replacements.put(fold(member.id().value()), pseudonym);
      replacements.put(fold(member.name().strip()), pseudonym);
      for (String word : member.name().strip().split("[^\\p{L}\\p{M}\\p{N}]+")) {
        if (word.codePointCount(0, word.length()) >= 3) {
          nameWords.merge(fold(word), pseudonym, (one, other) -> one.equals(other) ? one : SHARED_NAME);
        }
      }
    }
    // ids and whole names win over the words of a name
    nameWords.forEach(replacements::putIfAbsent);
    return new Replacer(replacements);
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Replaces a group's members' ids and names in text by their pseudonyms. */
  public static final class Replacer {
    private final Map<String, String> replacements;
    private final Pattern pattern;

    private Replacer(Map<String, String> replacements) {
      this.replacements = Map.copyOf(replacements);
      List<String> tokens = new ArrayList<>(replacements.keySet());
      tokens.removeIf(String::isEmpty);
      // the longest first, so that a whole name is replaced before a word of it
      tokens.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
      String alternatives = tokens.stream().map(Pattern::quote).collect(Collectors.joining("|"));
      this.pattern = tokens.isEmpty() ? null : Pattern.compile(
          "(?<!" + WORD_CHARACTER + ")(?:" + alternatives + ")(?!" + WORD_CHARACTER + ")",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The text with every member's id and name replaced.
     *
     * @param text the text, not null
     * @return the text with pseudonyms, not null
     */
    public String apply(String text) {
      Objects.requireNonNull(text, "text");
      if (pattern == null) {
        return text;
      }
      Matcher matcher = pattern.matcher(text);
      StringBuilder out = new StringBuilder(text.length());
      while (matcher.find()) {
        String replacement = replacements.get(fold(matcher.group()));
        matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? SHARED_NAME : replacement));
      }
      matcher.appendTail(out);
      return out.toString();
    }
  }
}
