package org.shgledger.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit's consolidated statement for a period: the books of every group in the unit and in the
 * units under it, added up by account code, one section per currency. It names groups, never
 * members: it is fit for donors.
 *
 * @param unit the unit, not null
 * @param from the first day of the period, not null
 * @param to the last day, the day of the balance sheet, not before {@code from}, not null
 * @param sections one per currency, in currency-code order, not null; copied (empty when the unit
 *     has no groups)
 */
public record UnitStatement(Unit unit, LocalDate from, LocalDate to, List<CurrencySection> sections) {

  /**
   * Creates a statement.
   *
   * @param unit the unit, not null
   * @param from the first day of the period, not null
   * @param to the last day, the day of the balance sheet, not before {@code from}, not null
   * @param sections one per currency, in currency-code order, not null; copied (empty when the unit
   *     has no groups)
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the period ends before it starts or two sections share a
   *     currency
   */
  public UnitStatement {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
    }
    sections = List.copyOf(sections);
    if (sections.stream().map(CurrencySection::currency).distinct().count() != sections.size()) {
      throw new IllegalArgumentException("unit " + unit.code() + ": two sections in one currency");
    }
  }

  /**
   * How many groups the statement covers, in all currencies.
   *
   * @return the count
   */
  public int groupCount() {
    return sections.stream().mapToInt(s -> s.total().groups()).sum();
  }

  /**
   * How many members those groups have on the last day, in all currencies.
   *
   * @return the count
   */
  public int memberCount() {
    return sections.stream().mapToInt(s -> s.total().members()).sum();
  }
}
