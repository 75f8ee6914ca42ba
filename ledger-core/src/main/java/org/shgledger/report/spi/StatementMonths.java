package org.shgledger.report.spi;

import java.time.YearMonth;
import java.util.Map;
import org.shgledger.journal.BookId;

/**
 * What a journal that keeps the statement's figures per month ({@link StatementFigures}, written
 * with the entries they sum) offers the reports: the sums of whole months, so that a statement
 * reads a row per category and month instead of the period's entries.
 */
public interface StatementMonths {

  /**
   * The statement's figures of the entries dated in whole calendar months, summed per category.
   *
   * @param book the book, not null
   * @param from the first month, not null
   * @param to the last month, not before {@code from}, not null
   * @return per category code, the sums indexed as {@link StatementFigures#RECEIPTS}, {@link
   *     StatementFigures#PAYMENTS} and {@link StatementFigures#NET_INCOME}; modifiable, not null
   */
  Map<String, long[]> statementMonths(BookId book, YearMonth from, YearMonth to);
}
