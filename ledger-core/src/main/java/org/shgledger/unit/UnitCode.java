package org.shgledger.unit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names an NGO unit: a cluster, a federation, a project team that mentors groups, such as {@code
 * CL-NORTH} or {@code FED01}.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ -}, starting with a letter
 *     or digit, not null
 */
public record UnitCode(String value) implements Comparable<UnitCode> {

  /** The longest unit code accepted: the same as a group's code. */
  public static final int MAX_LENGTH = 32;

  // the characters of a group's code less ':' and '/', which would read as paths in file names
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * Creates a unit code.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ -}, starting with a letter
   *     or digit, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if the value is empty, too long or has other characters
   */
  public UnitCode {
    Objects.requireNonNull(value, "unit code");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a unit code must be 1 to " + MAX_LENGTH + " characters, got " + value.length() + ": '" + value + "'");
    }
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a unit code may hold only letters, digits and . _ - (starting with a letter or digit): '" + value + "'");
    }
  }

  /**
   * Creates a unit code.
   *
   * @param value the code, see {@link UnitCode}
   * @return the code, not null
   */
  public static UnitCode of(String value) {
    return new UnitCode(value);
  }

  @Override
  public int compareTo(UnitCode other) {
    return value.compareTo(other.value);
  }

  /** Returns the code itself, so that {@code UnitCode.of(code.toString())} equals {@code code}. */
  @Override
  public String toString() {
    return value;
  }
}
