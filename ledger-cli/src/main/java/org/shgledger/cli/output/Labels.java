package org.shgledger.cli.output;

import java.util.Objects;
import java.util.ResourceBundle;
import org.shgledger.journal.AccountCode;

/**
 * The words reports print for people, in one language: report titles, column headings, fact
 * labels and notes. They live in the resource bundle {@code org/shgledger/cli/labels.properties}
 * (English), {@code labels_hi.properties} (Hindi) and {@code labels_bn.properties} (Bengali), all
 * UTF-8; a key missing from a translation falls back to English, never to the machine's default
 * language.
 *
 * <p>A label may hold placeholders {@code {0}}, {@code {1}} ... that {@link #format(String,
 * Object...)} fills in. They are replaced literally: unlike {@link java.text.MessageFormat}, an
 * apostrophe ("Members' savings") needs no escaping.
 */
public final class Labels {

  /** The base name of the bundle. */
  public static final String BUNDLE = "org.shgledger.cli.labels";

  /** The English labels, which name the standard chart's accounts as the books do. */
  private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BUNDLE, Lang.EN.locale(),
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

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
   * The name to print for an account: an account of the standard chart, or a member's sub-ledger
   * of one, whose name in the books is the chart's English name gets this language's name for it
   * ({@code account.CODE}); any other name, such as one a group gave an account, is printed as
   * the books have it.
   *
   * @param code the account's code, such as {@code 1000} or {@code 2000:M01}, not null
   * @param name its name in the books, not null
   * @return the name to print, not null
   */
  public String accountName(AccountCode code, String name) {
    Objects.requireNonNull(name, "name");
    String value = Objects.requireNonNull(code, "code").value();
    int colon = value.indexOf(':');
    String key = "account." + (colon < 0 ? value : value.substring(0, colon));
    if (lang == Lang.EN || !bundle.containsKey(key)) {
      return name;
    }
    String english = ENGLISH.getString(key);
    // a member's sub-ledger is named after its control account and the member (Chart.memberAccounts)
    String suffix = colon < 0 ? "" : " — " + value.substring(colon + 1);
    return name.equals(english + suffix) ? bundle.getString(key) + suffix : name;
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
