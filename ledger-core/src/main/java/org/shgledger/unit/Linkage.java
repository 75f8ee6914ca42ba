package org.shgledger.unit;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.util.Objects;
import org.joda.money.Money;

/**
 * Whether a group is ready for a bank loan (SHG–bank linkage), and how large a loan to suggest.
 *
 * @param monthsActive consecutive calendar months, ending with the period's last month (or the one
 *     before, while the last has had no meeting yet), in each of which the group held a meeting, 0
 *     or more
 * @param eligible whether the group has been active at least {@link GradingPolicy#linkageMonths()}
 *     months, is graded at least {@link GradingPolicy#linkageGrade()} and has a positive corpus
 * @param corpus the group's own funds at the end of the period: total assets less what it has
 *     borrowed from the bank and the federation (= members' savings + grants + surplus), not null
 * @param suggestedLoan the corpus times {@link GradingPolicy#linkageMultiple()}, rounded down to
 *     the paisa; zero when not eligible, not null
 */
public record Linkage(int monthsActive, boolean eligible, Money corpus, Money suggestedLoan) {

  /**
   * Creates the linkage figures.
   *
   * @param monthsActive consecutive calendar months, ending with the period's last month (or the
   *     one before, while the last has had no meeting yet), in each of which the group held a
   *     meeting, 0 or more
   * @param eligible whether the group has been active at least
   *     {@link GradingPolicy#linkageMonths()} months, is graded at least
   *     {@link GradingPolicy#linkageGrade()} and has a positive corpus
   * @param corpus the group's own funds at the end of the period: total assets less what it has
   *     borrowed from the bank and the federation (= members' savings + grants + surplus), not null
   * @param suggestedLoan the corpus times {@link GradingPolicy#linkageMultiple()}, rounded down to
   *     the paisa; zero when not eligible, not null
   * @throws NullPointerException if an amount is null
   * @throws IllegalArgumentException if the months are negative or the amounts are in two
   *     currencies
   */
  public Linkage {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(suggestedLoan, "suggestedLoan");
    if (monthsActive < 0) {
      throw new IllegalArgumentException("months active must be 0 or more, not " + monthsActive);
    }
    if (!corpus.getCurrencyUnit().equals(suggestedLoan.getCurrencyUnit())) {
      throw new IllegalArgumentException("corpus " + withCurrency(corpus) + " and suggested loan "
          + withCurrency(suggestedLoan) + " in two currencies");
    }
  }
}
