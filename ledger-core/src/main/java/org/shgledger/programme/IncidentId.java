package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An incident's id in a group, such as {@code 20250405-1}: digits and hyphens, after at most
 * three capital letters ({@code INC-2025-017}), so that no name or word can be written into it.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters as above, not null
 */
public record IncidentId(String value) implements Comparable<IncidentId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 24;

  private static final Pattern SAFE = Pattern.compile("[A-Z]{0,3}-?[0-9][0-9-]*");

  /**
   * Creates an id.
   *
   * @param value see {@link IncidentId}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long, or not digits and hyphens after
   *     at most three capital letters
   */
  public IncidentId {
    Objects.requireNonNull(value, "incident id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException("an incident id is up to " + MAX_LENGTH
          + " digits and hyphens, after at most three capital letters (20250405-1, INC-2025-017), so that it "
          + "cannot hold a name: '" + value + "'");
    }
  }

  /**
   * Creates an id.
   *
   * @param value the id, see {@link IncidentId}
   * @return the id, not null
   */
  public static IncidentId of(String value) {
    return new IncidentId(value);
  }

  @Override
  public int compareTo(IncidentId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
