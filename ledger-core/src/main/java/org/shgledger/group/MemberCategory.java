package org.shgledger.group;

import java.util.Locale;

/** Who a member is, as NGO programmes count their members. */
public enum MemberCategory {
  /** A woman of 18 or over. */
  ADULT_WOMAN,
  /** A girl of 10 to 19 in an adolescent group. */
  ADOLESCENT_GIRL;

  /**
   * The category as commands, files and messages write it.
   *
   * @return {@code adult-woman} or {@code adolescent-girl}, not null
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads a category however a treasurer or a spreadsheet writes it: in any case, its words joined
   * by a hyphen, an underscore or a space ({@code adult-woman}, {@code adult_woman}, {@code Adult
   * Woman}).
   *
   * @param text the category, not null
   * @return the category, not null
   * @throws IllegalArgumentException naming the words to write, if it is not one
   */
  public static MemberCategory parse(String text) {
    String words = text.strip().toUpperCase(Locale.ROOT).replaceAll("[-_ ]+", "_");
    for (MemberCategory category : values()) {
      if (category.name().equals(words)) {
        return category;
      }
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a category: write adult-woman or adolescent-girl");
  }
}
