package org.shgledger.programme;

import java.util.Locale;

/**
 * The kind of income-generating activity a member runs, from a fixed list so that activities add
 * up across groups and nothing about the person can be written into one.
 */
public enum LivelihoodActivity {
  /** Tailoring and sewing. */
  TAILORING,
  /** A small shop or stall of her own. */
  SMALL_SHOP,
  /** Goats, poultry, cows. */
  LIVESTOCK,
  /** Street or market vending. */
  VENDING,
  /** Wage work for others. */
  WAGE_WORK,
  /** Farming on own or leased land. */
  AGRICULTURE,
  /** Handicrafts: weaving, embroidery, jute. */
  HANDICRAFT,
  /** Anything else. */
  OTHER;

  /**
   * The activity's word on the command line and in reports.
   *
   * @return such as {@code small-shop}, not null
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
