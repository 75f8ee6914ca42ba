package org.shgledger.unit;

import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * The groups of a unit statement that keep their books in one currency, and their total. Groups in
 * different currencies are in different sections and never added together.
 *
 * @param currency the section's currency, not null
 * @param groups each group's figures, in code order, at least one, not null; copied
 * @param total the sum of the groups' figures, not null
 */
public record CurrencySection(CurrencyUnit currency, List<GroupFigures> groups, Figures total) {

  /**
   * Creates a section.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if there are no groups, a group is in another currency, or
   *     the total is not the sum of the groups
   */
  public CurrencySection {
    Objects.requireNonNull(currency, "currency");
    groups = List.copyOf(groups);
    Objects.requireNonNull(total, "total");
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a section in " + currency + " without groups");
    }
    Figures sum = Figures.none(currency);
    for (GroupFigures group : groups) {
      sum = sum.plus(group.figures());
    }
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("the total in " + currency + " is not the sum of its groups");
    }
  }

  /**
   * A section whose total is the sum of its groups.
   *
   * @param currency the currency, not null
   * @param groups the groups' figures, not null
   * @return the section, not null
   * @throws IllegalArgumentException if a group is in another currency, or there is none
   */
  public static CurrencySection of(CurrencyUnit currency, List<GroupFigures> groups) {
    Figures sum = Figures.none(currency);
    for (GroupFigures group : groups) {
      sum = sum.plus(group.figures());
    }
    return new CurrencySection(currency, groups, sum);
  }
}
