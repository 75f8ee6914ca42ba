package org.shgledger.cli.output;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words reports print for people, in one language: report titles, column headings, fact
 * labels and notes. They live in the resource bundle {@code org/shgledger/cli/labels.properties}
 * (English) and {@code labels_hi.properties} (Hindi), both UTF-8; a key missing from a translation
 * falls back to English, never to the machine's default language.
 *
 * <p>A label may hold placeholders {@code {0}}, {@code {1}} ... that {@link #format(String,
 * Object...)} fills in. They are replaced literally: unlike {@link java.text.MessageFormat}, an
 * apostrophe ("Members' savings") needs no escaping.
 */
public final class Labels {

  /** The base name of the bundle. */
  public static final String BUNDLE = "org.shgledger.cli.labels";

  private final Lang lang;
  private final ResourceBundle bundle;

  private Labels(Lang lang, ResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  /**
   * The labels of a language.
   *
   * @param lang the language, not null
   * @return the labels, not null
   */
  public static Labels of(Lang lang) {
    Objects.requireNonNull(lang, "lang");
    // No fallback to the default locale: on a machine set to Hindi, English must still be English.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, lang.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Labels(lang, bundle);
  }

  /**
   * The language of these labels.
   *
   * @return the language, not null
   */
  public Lang lang() {
    return lang;
  }

  /**
   * A label.
   *
   * @param key the key, such as {@code debit}, not null
   * @return the label, not null
   * @throws IllegalArgumentException if no bundle has the key (a bug: every key is in English)
   */
  public String get(String key) {
    Objects.requireNonNull(key, "key");
    if (!bundle.containsKey(key)) {
      throw new IllegalArgumentException("no label '" + key + "' in " + BUNDLE);
    }
    return bundle.getString(key);
  }

  /**
   * A label with its placeholders {@code {0}}, {@code {1}} ... replaced by the arguments' text.
   *
   * @param key the key, not null
   * @param arguments the values, not null
   * @return the text, not null
   * @throws IllegalArgumentException if no bundle has the key
   */
  public String format(String key, Object... arguments) {
    String text = get(key);
    for (int i = 0; i < arguments.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return text;
  }
}
