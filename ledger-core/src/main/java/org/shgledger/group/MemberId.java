package org.shgledger.group;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member's id within her group, such as {@code M01}. It is all the books know a member by: it
 * names her sub-ledger accounts ({@code 2000:M01}) and appears in every report, so it must not be
 * her name.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
 */
public record MemberId(String value) implements Comparable<MemberId> {

  /** The longest member id accepted. */
  public static final int MAX_LENGTH = 16;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  /**
   * Creates a member id.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits, {@code -} or {@code _}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, too long or has other characters
   */
  public MemberId {
    Objects.requireNonNull(value, "member id");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "member id must be 1 to " + MAX_LENGTH + " letters, digits, - or _: '" + value + "'");
    }
  }

  /**
   * Creates a member id.
   *
   * @param value the id, see {@link MemberId}
   * @return the id, not null
   */
  public static MemberId of(String value) {
    return new MemberId(value);
  }

  @Override
  public int compareTo(MemberId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
