package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An income-generating activity's id in a group, such as {@code M01-A1} (the member's id and the
 * activity's number): letters, digits and hyphens.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, starting with a letter or digit, not null
 */
public record LivelihoodId(String value) implements Comparable<LivelihoodId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 32;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

  /**
   * Creates an id.
   *
   * @param value see {@link LivelihoodId}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long, or holds other characters
   */
  public LivelihoodId {
    Objects.requireNonNull(value, "livelihood id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException("an activity id is up to " + MAX_LENGTH
          + " letters, digits and hyphens, such as M01-A1: '" + value + "'");
    }
  }

  /**
   * Creates an id.
   *
   * @param value the id, see {@link LivelihoodId}
   * @return the id, not null
   */
  public static LivelihoodId of(String value) {
    return new LivelihoodId(value);
  }

  @Override
  public int compareTo(LivelihoodId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
