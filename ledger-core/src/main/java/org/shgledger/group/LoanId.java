package org.shgledger.group;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A loan's id within its group, such as {@code L2024-07} or the number in the loan register.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
 */
public record LoanId(String value) implements Comparable<LoanId> {

  /** The longest loan id accepted. */
  public static final int MAX_LENGTH = 24;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /**
   * Creates a loan id.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long or has other characters
   */
  public LoanId {
    Objects.requireNonNull(value, "loan id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "loan id must be 1 to " + MAX_LENGTH + " letters, digits, - or _: '" + value + "'");
    }
  }

  /**
   * Creates a loan id.
   *
   * @param value the id, see {@link LoanId}
   * @return the id, not null
   */
  public static LoanId of(String value) {
    return new LoanId(value);
  }

  @Override
  public int compareTo(LoanId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
