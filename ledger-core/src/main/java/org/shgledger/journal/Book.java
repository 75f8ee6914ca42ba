package org.shgledger.journal;

import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * One set of books: a Self Help Group's accounts and journal. Every amount in a book is in the
 * book's currency; a journal holds many books.
 *
 * @param id the book's id, not null
 * @param name a name for people, up to {@value #MAX_NAME_LENGTH} characters, not null
 * @param currency the one currency of every account and amount in the book, not null
 */
public record Book(BookId id, String name, CurrencyUnit currency) {

  /** The longest book name accepted. */
  public static final int MAX_NAME_LENGTH = 120;

  /**
   * Creates a book definition.
   *
   * @param id the book's id, not null
   * @param name a name for people, up to {@value #MAX_NAME_LENGTH} characters, not null
   * @param currency the one currency of every account and amount in the book, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the name is too long or not one line of visible text ({@link
   *     PlainText})
   */
  public Book {
    Objects.requireNonNull(id, "id");
    Identifiers.checkText("book name", name, MAX_NAME_LENGTH);
    PlainText.check("a group's name", name);
    Objects.requireNonNull(currency, "currency");
  }
}
