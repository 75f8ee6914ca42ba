package org.shgledger.server;

import java.util.Locale;

/**
 * The language a user reads the pages in, chosen per user ({@code shg user add --lang}): the pages'
 * own words and the reports in them are in it.
 */
public enum Language {
  /** English, the default. */
  EN,
  /** Hindi. */
  HI,
  /** Bengali. */
  BN;

  /**
   * The language's code, as {@code --lang} and the reports' {@code lang} take it.
   *
   * @return {@code en}, {@code hi} or {@code bn}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a language's code.
   *
   * @param code {@code en}, {@code hi} or {@code bn}, not null
   * @return the language
   * @throws IllegalArgumentException if the code names none of them
   */
  public static Language of(String code) {
    for (Language language : values()) {
      if (language.code().equals(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("a language is en, hi or bn, not '" + code + "'");
  }
}
