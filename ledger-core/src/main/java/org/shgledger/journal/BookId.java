package org.shgledger.journal;

/**
 * Names one set of books in a journal: one per Self Help Group, usually the group's code.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
 */
public record BookId(String value) implements Comparable<BookId> {

  /** The longest book id accepted. */
  public static final int MAX_LENGTH = 32;

  /**
   * Creates a book id.
   *
   * @param value 1 to {@value #MAX_LENGTH} letters, digits or {@code . _ : / -}, not null
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if the value is empty, too long or has other characters
   */
  public BookId {
    Identifiers.check("book id", value, MAX_LENGTH);
  }

  /**
   * Creates a book id.
   *
   * @param value the id, see {@link BookId}
   * @return the id, not null
   */
  public static BookId of(String value) {
    return new BookId(value);
  }

  @Override
  public int compareTo(BookId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself, so that {@code BookId.of(id.toString())} equals {@code id}. */
  @Override
  public String toString() {
    return value;
  }
}
