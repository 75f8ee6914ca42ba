package org.shgledger.journal;

/**
 * The caller-chosen id of a journal entry, unique within its book. It is the idempotency key:
 * recording an entry whose id is already taken by an identical entry records nothing and returns
 * the original, which makes retries after a crash or a timeout safe.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
 */
public record EntryId(String value) implements Comparable<EntryId> {

  /** The longest entry id accepted; long enough for a hash-derived id from an import. */
  public static final int MAX_LENGTH = 80;

  /**
   * Creates an entry id.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if the value is empty, too long or has other characters
   */
  public EntryId {
    Identifiers.check("entry id", value, MAX_LENGTH);
  }

  /**
   * Creates an entry id.
   *
   * @param value the id, see {@link EntryId}
   * @return the id, not null
   */
  public static EntryId of(String value) {
    return new EntryId(value);
  }

  @Override
  public int compareTo(EntryId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself, so that {@code EntryId.of(id.toString())} equals {@code id}. */
  @Override
  public String toString() {
    return value;
  }
}
