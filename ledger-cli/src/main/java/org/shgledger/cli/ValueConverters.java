package org.shgledger.cli;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code shg} reads the plain types of its options and parameters (dates, numbers, file
 * names), so that a malformed value is a usage error in words, such as {@code '2025-13-01' is not
 * a date written yyyy-mm-dd, such as 2024-05-04}: picocli's own converters name the Java class and
 * its exception ({@code
 * cannot convert '2025-13-01' to class java.time.LocalDate (java.time.format.DateTimeParseException:
 * ...)}). An option with a converter of its own (the words and ids of {@link Words}, {@code
 * --format}, {@code --lang}) keeps it; {@link Shg} puts the option's name in front of the message.
 */
final class ValueConverters {

  private ValueConverters() {}

  /**
   * Registers the converters on a command line and every subcommand it has at this moment.
   *
   * @param commandLine the command line, with its subcommands added, not null
   * @return the same command line
   */
  static CommandLine registerOn(CommandLine commandLine) {
    ITypeConverter<Integer> wholeNumber = ValueConverters::integer;
    return commandLine
        // the one reading of a date, which the recording commands' options name already
        .registerConverter(LocalDate.class, new Words.DateWord())
        .registerConverter(BigDecimal.class, ValueConverters::number)
        .registerConverter(Integer.class, wholeNumber)
        .registerConverter(Integer.TYPE, wholeNumber)
        .registerConverter(Long.class, ValueConverters::wholeNumber)
        .registerConverter(Long.TYPE, ValueConverters::wholeNumber)
        .registerConverter(Path.class, ValueConverters::path);
  }

  /**
   * A decimal number, such as an amount ({@code 1500}, {@code 12.50}) or a rate ({@code 2.5}):
   * digits and at most one point, no grouping commas, since {@code 1,500} is 1500 in India and 1.5
   * in much of the world.
   *
   * @param value the word on the command line, not null
   * @return the number, with the scale as written
   * @throws TypeConversionException if it is not such a number
   */
  static BigDecimal number(String value) {
    try {
      // what picocli's own converter took, so that no command line that worked stops working
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(quoted(value) + " is not a number (digits and a decimal point,"
          + " without commas, such as 1500 or 2.5)");
    }
  }

  /**
   * A whole number, such as a count of days or instalments.
   *
   * @param value the word on the command line, not null
   * @return the number
   * @throws TypeConversionException if it is not a whole number or is too large to be one here
   */
  static long wholeNumber(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(quoted(value) + " is not a whole number");
    }
  }

  /**
   * A whole number that fits an {@code int}, as most counts here are.
   *
   * @param value the word on the command line, not null
   * @return the number
   * @throws TypeConversionException if it is not a whole number or is beyond two thousand million
   */
  static int integer(String value) {
    long number = wholeNumber(value);
    if (number != (int) number) {
      throw new TypeConversionException(quoted(value) + " is too large a number");
    }
    return (int) number;
  }

  /**
   * A file name; every name is one on Linux and macOS except one holding a NUL character, and
   * Windows refuses a few more characters.
   *
   * @param value the word on the command line, not null
   * @return the path
   * @throws TypeConversionException if the platform has no file of that name
   */
  static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(quoted(value) + " is not a file name (" + e.getReason() + ")");
    }
  }

  /**
   * The value in single quotes, as every usage message quotes it, with control characters shown as
   * escapes so that the message stays one line.
   */
  static String quoted(String value) {
    StringBuilder quoted = new StringBuilder("'");
    value.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        quoted.append(String.format("\\u%04x", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('\'').toString();
  }
}
