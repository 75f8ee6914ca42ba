package org.shgledger.importing.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads dates in the forms Indian bank exports and registers use, strictly (no 31 April, no 13th
 * month). Patterns are {@link DateTimeFormatter} patterns such as {@code dd/MM/yyyy}, {@code
 * d MMM yyyy} or {@code dd-MMM-yy}; month names are English in any case ({@code Apr}, {@code
 * APR}); a two-digit year is 2000 to 2099.
 */
public final class Dates {

  /** The forms the issue lists, tried in this order by {@link #ANY}. */
  public static final List<String> COMMON_PATTERNS =
      List.of("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "dd-MM-yyyy", "d-M-yyyy", "d MMM yyyy",
          "dd-MMM-yy", "dd-MMM-yyyy", "d MMM yy", "yyyy-MM-dd", "dd.MM.yyyy");

  /** A reader of every one of {@link #COMMON_PATTERNS}. */
  public static final Dates ANY = of(COMMON_PATTERNS);

  private final List<String> patterns;
  private final List<DateTimeFormatter> formatters;

  private Dates(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
    this.formatters = this.patterns.stream().map(Dates::formatter).toList();
  }

  /**
   * A reader of dates in any of the given forms, tried in order.
   *
   * @param patterns {@link DateTimeFormatter} patterns, at least one, not null
   * @return the reader, not null
   * @throws IllegalArgumentException if there is no pattern or one is not a valid pattern
   */
  public static Dates of(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("at least one date pattern is needed");
    }
    return new Dates(patterns);
  }

  /**
   * A reader of dates in any of the given forms, tried in order.
   *
   * @param patterns {@link DateTimeFormatter} patterns, at least one
   * @return the reader, not null
   */
  public static Dates of(String... patterns) {
    return of(List.of(patterns));
  }

  /**
   * The forms this reader takes, in the order tried.
   *
   * @return the patterns, not null
   */
  public List<String> patterns() {
    return patterns;
  }

  /**
   * Reads a date.
   *
   * @param text the text, surrounding spaces ignored, not null
   * @return the date, not null
   * @throws IllegalArgumentException with a reason naming the forms expected, if no form fits
   */
  public LocalDate parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("the date is empty");
    }
    // Every form starts with a digit; a sign would make the proleptic year ('u') negative.
    if (s.length() <= 30 && Character.isDigit(s.charAt(0))) {
      for (DateTimeFormatter formatter : formatters) {
        try {
          return LocalDate.parse(s, formatter);
        } catch (DateTimeParseException e) {
          // try the next form
        }
      }
    }
    String shown = s.length() <= 30 ? s : s.substring(0, 30) + "…";
    throw new IllegalArgumentException(
        "\"" + shown + "\" is not a date in the form " + String.join(" or ", patterns));
  }

  private static DateTimeFormatter formatter(String pattern) {
    // 'u' (proleptic year) rather than 'y' (year of era) so that strict resolving needs no era.
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern.replace('y', 'u'))
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
