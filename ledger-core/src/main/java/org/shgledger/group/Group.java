package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.money.RoundingPolicy;

/**
 * A Self Help Group's standing rules: who it is, how often it meets, what each member saves, and
 * how it rounds and keeps its year. Its books are the journal book with the same code.
 *
 * @param code the group's code, which is also its book's id, not null
 * @param name the group's name, up to {@value Book#MAX_NAME_LENGTH} characters, not null
 * @param currency the currency of all its money (INR for Indian groups), not null
 * @param formed the date the group was formed, not null
 * @param meetingFrequency how often it meets, not null
 * @param compulsorySavings what each member saves at every meeting, positive, in the group's
 *     currency, not null
 * @param rounding how the group rounds calculated amounts (paise or whole rupees), not null
 * @param financialYearStart the first month of the group's financial year (April in India), not
 *     null
 * @param loanDefaults the terms members' loans usually get, not null
 */
public record Group(
    BookId code,
    String name,
    CurrencyUnit currency,
    LocalDate formed,
    MeetingFrequency meetingFrequency,
    Money compulsorySavings,
    RoundingPolicy rounding,
    Month financialYearStart,
    LoanDefaults loanDefaults) {

  /**
   * Creates a group definition.
   *
   * @param code the group's code, which is also its book's id, not null
   * @param name the group's name, up to {@value Book#MAX_NAME_LENGTH} characters, not null
   * @param currency the currency of all its money (INR for Indian groups), not null
   * @param formed the date the group was formed, not null
   * @param meetingFrequency how often it meets, not null
   * @param compulsorySavings what each member saves at every meeting, positive, in the group's
   *     currency, not null
   * @param rounding how the group rounds calculated amounts (paise or whole rupees), not null
   * @param financialYearStart the first month of the group's financial year (April in India), not
   *     null
   * @param loanDefaults the terms members' loans usually get, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the savings amount is not positive or in another currency
   */
  public Group {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    org.shgledger.journal.PlainText.check("a group's name", name);
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(formed, "formed");
    Objects.requireNonNull(meetingFrequency, "meetingFrequency");
    Objects.requireNonNull(compulsorySavings, "compulsorySavings");
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(financialYearStart, "financialYearStart");
    Objects.requireNonNull(loanDefaults, "loanDefaults");
    if (!compulsorySavings.getCurrencyUnit().equals(currency) || !compulsorySavings.isPositive()) {
      throw new IllegalArgumentException(
          "compulsory savings must be a positive amount in " + currency + ": " + withCurrency(compulsorySavings));
    }
  }

  /**
   * The book that holds this group's accounts.
   *
   * @return the book definition, not null
   */
  public Book book() {
    return new Book(code, name, currency);
  }

  /**
   * The first day of the financial year that contains a date.
   *
   * @param date any date, not null
   * @return the start of its financial year, not null
   */
  public LocalDate financialYearStarting(LocalDate date) {
    LocalDate start = LocalDate.of(date.getYear(), financialYearStart, 1);
    return start.isAfter(date) ? start.minusYears(1) : start;
  }
}
