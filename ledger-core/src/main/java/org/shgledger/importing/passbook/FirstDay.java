package org.shgledger.importing.passbook;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.importing.ImportProblem;
import org.shgledger.money.MoneyFormats;

/**
 * Where a statement meets a book that already holds bank entries: the end of the statement's
 * first day (docs/import.md, "Running balance and agreement with the book").
 *
 * @param file the statement's name, for the message, not null
 * @param date the statement's first date, not null
 * @param onlyDay true if the statement covers this one day only, so that it may not reach the
 *     day's end and may instead meet the book at its start
 * @param opening the statement's balance before its first line, not null
 * @param closing the statement's balance after its last line of that day, not null
 * @param line the physical line of that last line, where a disagreement is reported
 */
public record FirstDay(String file, LocalDate date, boolean onlyDay, Money opening, Money closing, long line) {

  /**
   * Creates the meeting point.
   *
   * @param file the statement's name, for the message, not null
   * @param date the statement's first date, not null
   * @param onlyDay true if the statement covers this one day only, so that it may not reach the
   *     day's end and may instead meet the book at its start
   * @param opening the statement's balance before its first line, not null
   * @param closing the statement's balance after its last line of that day, not null
   * @param line the physical line of that last line, where a disagreement is reported
   * @throws NullPointerException if an object argument is null
   */
  public FirstDay {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(opening, "opening");
    Objects.requireNonNull(closing, "closing");
  }

  /**
   * Whether the book meets the statement: the book's bank balance at the end of the first day
   * (with the statement's new lines of that day) is the statement's balance then; or, for a
   * statement of one day, the book's balance at the end of the day before is the statement's
   * opening balance.
   *
   * @param bookAtEnd the book's bank balance at the end of {@link #date}, counting the
   *     statement's new lines of that day whether or not they are recorded yet, not null
   * @param bookDayBefore the book's bank balance at the end of the day before, not null
   * @return the problem at {@link #line}, or empty if they meet, not null
   */
  public Optional<ImportProblem> disagreement(Money bookAtEnd, Money bookDayBefore) {
    if (bookAtEnd.equals(closing) || onlyDay && opening.equals(bookDayBefore)) {
      return Optional.empty();
    }
    return Optional.of(new ImportProblem(file, line, 0, onlyDay
        ? "the passbook covers only " + date + ", and meets the book at neither end: it opens at "
            + MoneyFormats.indian(opening) + " but the book's bank account held "
            + MoneyFormats.indian(bookDayBefore) + " at the end of " + date.minusDays(1)
            + ", and it closes at " + MoneyFormats.indian(closing) + " but the book's bank account"
            + " would hold " + MoneyFormats.indian(bookAtEnd) + ": import the statements before this one"
            + " first, and check that no bank line was also recorded by hand"
        : "the passbook's balance at the end of " + date + " is "
            + MoneyFormats.indian(closing) + " but the book's bank account would hold "
            + MoneyFormats.indian(bookAtEnd) + ": import the statements before this one first,"
            + " and check that no bank line was also recorded by hand"));
  }
}
