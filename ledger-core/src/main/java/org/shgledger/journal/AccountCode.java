package org.shgledger.journal;

/**
 * The code of an account within a book, such as {@code 1000} (cash in hand) or {@code 2000:M01}
 * (member M01's compulsory savings, a sub-ledger of {@code 2000}).
 *
 * <p>The {@code CONTROL:MEMBER} spelling is a convention that {@link #sub(String)} follows; what
 * makes an account a sub-ledger is its {@link Account#control() control} link, not its code.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
 */
public record AccountCode(String value) implements Comparable<AccountCode> {

  /** The longest account code accepted. */
  public static final int MAX_LENGTH = 48;

  /**
   * Creates an account code.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if the value is empty, too long or has other characters
   */
  public AccountCode {
    Identifiers.check("account code", value, MAX_LENGTH);
  }

  /**
   * Creates an account code.
   *
   * @param value the code, see {@link AccountCode}
   * @return the code, not null
   */
  public static AccountCode of(String value) {
    return new AccountCode(value);
  }

  /**
   * The conventional code of a sub-ledger account under this one: {@code 2000} and {@code M01}
   * give {@code 2000:M01}.
   *
   * @param key the sub-ledger's key, usually a member id, not null
   * @return the sub-ledger code, not null
   * @throws IllegalArgumentException if the result is not a valid code
   */
  public AccountCode sub(String key) {
    return new AccountCode(value + ":" + key);
  }

  @Override
  public int compareTo(AccountCode other) {
    return value.compareTo(other.value);
  }

  /** Returns the code itself, so that {@code AccountCode.of(code.toString())} equals {@code code}. */
  @Override
  public String toString() {
    return value;
  }
}
