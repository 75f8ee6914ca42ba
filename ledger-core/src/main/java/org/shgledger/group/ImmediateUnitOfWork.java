package org.shgledger.group;

import java.util.Objects;
import java.util.function.Supplier;
import org.shgledger.journal.BookId;

/** The unit of work that runs work directly ({@link UnitOfWork#immediate()}). */
final class ImmediateUnitOfWork implements UnitOfWork {

  static final ImmediateUnitOfWork INSTANCE = new ImmediateUnitOfWork();

  private ImmediateUnitOfWork() {}

  @Override
  public <T> T atomically(BookId book, Supplier<T> work) {
    Objects.requireNonNull(book, "book");
    return work.get();
  }
}
