package org.shgledger.cli.output;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a report states about itself as a whole: the group, the date, the currency, a total
 * that stands alone. Text and HTML print the facts under the title as "label: value (note)"; JSON
 * writes them as the {@code facts} object, key to value; CSV, which holds tables only, leaves them
 * out.
 *
 * @param key the stable JSON key, lower-case letters, digits and underscores, not null
 * @param label the label for people, not null
 * @param value the value, not null
 * @param note a remark for people after the value, such as "the date of the latest entry"; empty
 *     for none; not in JSON; not null
 */
public record Fact(String key, String label, Cell value, String note) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Creates a fact.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the key is malformed
   */
  public Fact {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(note, "note");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "a fact key is lower-case letters, digits and _, starting with a letter: '" + key + "'");
    }
  }

  /**
   * A fact with no note.
   *
   * @param key the key, not null
   * @param label the label, not null
   * @param value the value, not null
   * @return the fact, not null
   */
  public static Fact of(String key, String label, Cell value) {
    return new Fact(key, label, value, "");
  }
}
