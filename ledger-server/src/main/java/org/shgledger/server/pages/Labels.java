package org.shgledger.server.pages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The pages' own words in one language, from the bundle {@code org/shgledger/server/pages/pages}
 * ({@code pages.properties}, {@code pages_hi.properties}, {@code pages_bn.properties}). A key a
 * translation lacks falls back to English.
 */
public final class Labels {

  private final String lang;
  private final ResourceBundle bundle;

  private Labels(String lang, ResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  /**
   * The words in a language.
   *
   * @param lang {@code en}, {@code hi} or {@code bn}, not null
   * @return the labels, not null
   */
  public static Labels of(String lang) {
    Objects.requireNonNull(lang, "lang");
    Locale locale = lang.equals("en") ? Locale.ROOT : Locale.forLanguageTag(lang);
    return new Labels(lang, ResourceBundle.getBundle("org.shgledger.server.pages.pages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /**
   * The language's code, for the page's {@code lang} attribute.
   *
   * @return {@code en}, {@code hi} or {@code bn}
   */
  public String lang() {
    return lang;
  }

  /**
   * A word or phrase.
   *
   * @param key the key, not null
   * @return the text, not null
   * @throws java.util.MissingResourceException if no bundle has the key
   */
  public String get(String key) {
    return bundle.getString(key);
  }

  /**
   * A phrase with its placeholders ({@code {0}}, {@code {1}}) filled in.
   *
   * @param key the key, not null
   * @param arguments the values, not null
   * @return the text, not null
   */
  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key).replace("'", "''"), Locale.ROOT).format(arguments);
  }
}
