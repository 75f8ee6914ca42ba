package org.shgledger.programme;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A training session's id in a group, such as {@code orientation-2025-04-10}.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
 */
public record TrainingId(String value) implements Comparable<TrainingId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /**
   * Creates an id.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long or has other characters
   */
  public TrainingId {
    Objects.requireNonNull(value, "training id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "training id must be 1 to " + MAX_LENGTH + " letters, digits, - or _: '" + value + "'");
    }
  }

  /**
   * Creates an id.
   *
   * @param value the id, see {@link TrainingId}
   * @return the id, not null
   */
  public static TrainingId of(String value) {
    return new TrainingId(value);
  }

  @Override
  public int compareTo(TrainingId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
