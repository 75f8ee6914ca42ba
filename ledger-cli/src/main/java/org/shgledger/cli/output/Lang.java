package org.shgledger.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A language of report labels: {@code --lang en|hi|bn}. Only the words the program prints change;
 * data (account names, memos, codes) is written as it was recorded, and CSV headers and JSON keys
 * stay English.
 *
 * <p>The languages are the label files there are: English is {@code labels.properties}, and every
 * {@code labels_xx.properties} beside it, {@code xx} an ISO 639 code, adds the language {@code xx}
 * with no change to the code (docs/cli.md#languages). That is why this is a class and not an enum.
 */
public final class Lang {

  /** English, the default. */
  public static final Lang EN = new Lang("en");
  /** Hindi, in Devanagari. */
  public static final Lang HI = new Lang("hi");
  /** Bengali, in Bengali script, as West Bengal's groups keep their books. */
  public static final Lang BN = new Lang("bn");

  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
  private static final String FILES = "/" + Labels.BUNDLE.replace('.', '/') + "_";

  /** Found once: the label files do not change while the program runs. */
  private static volatile List<Lang> all;

  private final String code;

  private Lang(String code) {
    this.code = code;
  }

  /**
   * The languages there are labels for: English first, then the others by code.
   *
   * @return the languages, not empty, not null
   */
  public static List<Lang> values() {
    List<Lang> found = all;
    if (found == null) {
      found = new ArrayList<>(List.of(EN));
      // a jar cannot be listed, but it can be asked for each file: ISO 639 has about 190 codes
      for (String code : Locale.getISOLanguages()) {
        if (!code.equals(EN.code) && hasFile(code)) {
          found.add(known(code));
        }
      }
      all = found = List.copyOf(found);
    }
    return found;
  }

  /**
   * The language of a lower-case code, if there are labels in it, as {@link #values()} would find
   * it, but with one look at the jar for that code's file instead of one for every ISO 639 code:
   * this runs at the start of every report.
   *
   * @param code the code, lower case, not null
   * @return the language, or null if there are no labels in it
   */
  private static Lang labelled(String code) {
    if (code.equals(EN.code)) {
      return EN;
    }
    boolean labelled = CODE.matcher(code).matches()
        && Arrays.asList(Locale.getISOLanguages()).contains(code) && hasFile(code);
    return labelled ? known(code) : null;
  }

  /** Whether there is a label file for a language other than English. */
  private static boolean hasFile(String code) {
    return Lang.class.getResource(FILES + code + ".properties") != null;
  }

  /** The language of a code with a label file: the constant, when there is one. */
  private static Lang known(String code) {
    return code.equals(HI.code) ? HI : code.equals(BN.code) ? BN : new Lang(code);
  }

  /**
   * The language of a code, as {@code --lang} takes it.
   *
   * @param code the code, in any case, such as {@code bn}, not null
   * @return the language
   * @throws IllegalArgumentException if there are no labels in that language, naming those there are
   */
  public static Lang of(String code) {
    String wanted = Objects.requireNonNull(code, "code").strip().toLowerCase(Locale.ROOT);
    Lang found = labelled(wanted);
    if (found != null) {
      return found;
    }
    List<String> choices = values().stream().map(lang -> lang.code + " (" + Labels.of(lang).get("language") + ")").toList();
    throw new IllegalArgumentException("'" + code + "' is not a language; use "
        + String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1));
  }

  /**
   * The language the environment asks for, as POSIX programs read it: the first of {@code
   * LC_ALL}, {@code LC_MESSAGES} and {@code LANG} that is set and not empty names a locale such as
   * {@code hi_IN.UTF-8}, and its language part ({@code hi}) is the language when there are labels
   * in it ({@code hi_IN} Hindi, {@code bn_IN} and {@code bn_BD} Bengali). Any other locale ({@code
   * C}, {@code POSIX}, {@code en_US}, {@code fr_FR}) and none at all is English.
   *
   * @param environment reads an environment variable, giving null when it is not set, not null
   * @return the language, not null
   */
  public static Lang ofEnvironment(UnaryOperator<String> environment) {
    for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
      String locale = environment.apply(variable);
      if (locale != null && !locale.isBlank()) {
        // language[_territory][.codeset][@modifier]
        String language = locale.strip().split("[_.@]", 2)[0].toLowerCase(Locale.ROOT);
        Lang found = labelled(language);
        return found == null ? EN : found;
      }
    }
    return EN;
  }

  /**
   * The locale whose resource bundle holds the labels.
   *
   * @return the locale, not null
   */
  public Locale locale() {
    return this == EN ? Locale.ENGLISH : Locale.forLanguageTag(code);
  }

  /**
   * The language's code on the command line and in HTML's {@code lang} attribute.
   *
   * @return the ISO 639 code, such as {@code en}, {@code hi} or {@code bn}
   */
  public String code() {
    return code;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lang lang && lang.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }

  /** Reads {@code --lang}, in any case, naming the choices when the code is not one of them. */
  public static final class Converter implements ITypeConverter<Lang> {
    /** Creates the converter; picocli calls this. */
    public Converter() {}

    @Override
    public Lang convert(String value) {
      try {
        return of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The codes {@code --lang} takes, for help and shell completion. */
  public static final class Codes implements Iterable<String> {
    /** Creates the list; picocli calls this. */
    public Codes() {}

    @Override
    public Iterator<String> iterator() {
      return values().stream().map(Lang::code).iterator();
    }
  }
}
