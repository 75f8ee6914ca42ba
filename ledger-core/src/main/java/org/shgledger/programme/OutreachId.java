package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An outreach event's id in a unit, such as {@code 20250405-1}: digits and hyphens, after at most
 * three capital letters ({@code ADV-2025-017}), so that no name or word can be written into it.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters as above, not null
 */
public record OutreachId(String value) implements Comparable<OutreachId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 24;

  private static final Pattern SAFE = Pattern.compile("[A-Z]{0,3}-?[0-9][0-9-]*");

  /**
   * Creates an id.
   *
   * @param value see {@link OutreachId}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long, or not digits and hyphens after
   *     at most three capital letters
   */
  public OutreachId {
    Objects.requireNonNull(value, "outreach id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException("an outreach event id is up to " + MAX_LENGTH
          + " digits and hyphens, after at most three capital letters (20250405-1, ADV-2025-017), so that it "
          + "cannot hold a name: '" + value + "'");
    }
  }

  /**
   * Creates an id.
   *
   * @param value the id, see {@link OutreachId}
   * @return the id, not null
   */
  public static OutreachId of(String value) {
    return new OutreachId(value);
  }

  @Override
  public int compareTo(OutreachId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
