package org.shgledger.cli.output;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The languages of report labels: {@code --lang en|hi}. Only the words the program prints change;
 * data (account names, memos, codes) is written as it was recorded, and CSV headers and JSON keys
 * stay English.
 */
public enum Lang {
  /** English, the default. */
  EN(Locale.ENGLISH),
  /** Hindi, in Devanagari. */
  HI(Locale.forLanguageTag("hi"));

  private final Locale locale;

  Lang(Locale locale) {
    this.locale = locale;
  }

  /**
   * The locale whose resource bundle holds the labels.
   *
   * @return the locale, not null
   */
  public Locale locale() {
    return locale;
  }

  /**
   * The language's code on the command line and in HTML's {@code lang} attribute.
   *
   * @return {@code en} or {@code hi}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code --lang}, in any case, naming the choices when the code is not one of them. */
  public static final class Converter implements ITypeConverter<Lang> {
    /** Creates the converter; picocli calls this. */
    public Converter() {}

    @Override
    public Lang convert(String value) {
      for (Lang lang : values()) {
        if (lang.code().equalsIgnoreCase(value.strip())) {
          return lang;
        }
      }
      throw new TypeConversionException("'" + value + "' is not a language; use en (English) or hi (Hindi)");
    }
  }

  /** The codes {@code --lang} takes, for help and shell completion. */
  public static final class Codes implements Iterable<String> {
    /** Creates the list; picocli calls this. */
    public Codes() {}

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Lang::code).iterator();
    }
  }
}
