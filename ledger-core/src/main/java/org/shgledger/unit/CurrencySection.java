package org.shgledger.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;

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
   * @param currency the section's currency, not null
   * @param groups each group's figures, in code order, at least one, not null; copied
   * @param total the sum of the groups' figures, not null
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

  /**
   * One line per account code of a part of the total (assets, income...), with each group's
   * amount beside the total: the rows of a consolidated statement.
   *
   * @param part the part, not null
   * @return the lines in account code order, not null
   */
  public List<AccountLine> lines(Figures.Part part) {
    Money zero = Money.zero(currency);
    List<AccountLine> lines = new ArrayList<>();
    for (Map.Entry<AccountCode, Money> line : total.part(part).entrySet()) {
      // a group without the account shows zero, so that every line has a column for every group
      List<Money> byGroup = groups.stream().map(g -> g.figures().part(part).getOrDefault(line.getKey(), zero)).toList();
      lines.add(new AccountLine(line.getKey(), byGroup, line.getValue()));
    }
    return lines;
  }

  /**
   * One account code's amounts in a section.
   *
   * @param code the top-level account code, not null
   * @param byGroup each group's amount, in the order of the section's groups, not null; copied
   * @param total the sum over the groups, not null
   */
  public record AccountLine(AccountCode code, List<Money> byGroup, Money total) {
    /**
     * Creates a line.
     *
     * @param code the top-level account code, not null
     * @param byGroup each group's amount, in the order of the section's groups, not null; copied
     * @param total the sum over the groups, not null
     * @throws NullPointerException if any argument or amount is null
     */
    public AccountLine {
      Objects.requireNonNull(code, "code");
      byGroup = List.copyOf(byGroup);
      Objects.requireNonNull(total, "total");
    }
  }
}
