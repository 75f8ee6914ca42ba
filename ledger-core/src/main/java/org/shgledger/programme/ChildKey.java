package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A child's key in her mother's group, such as {@code M01-C1}: all the registers know a child by.
 * It is opaque on purpose. A child's name is never kept: the programme needs to count children
 * and follow each one's schooling, not to know who she is.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
 */
public record ChildKey(String value) implements Comparable<ChildKey> {

  /** The longest key accepted. */
  public static final int MAX_LENGTH = 24;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /**
   * Creates a key.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long or has other characters
   */
  public ChildKey {
    Objects.requireNonNull(value, "child key");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "child key must be 1 to " + MAX_LENGTH + " letters, digits, - or _: '" + value + "'");
    }
  }

  /**
   * Creates a key.
   *
   * @param value the key, see {@link ChildKey}
   * @return the key, not null
   */
  public static ChildKey of(String value) {
    return new ChildKey(value);
  }

  @Override
  public int compareTo(ChildKey other) {
    return value.compareTo(other.value);
  }

  /** Returns the key itself. */
  @Override
  public String toString() {
    return value;
  }
}
