package org.shgledger.importing.passbook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shgledger.importing.text.Dates;

/**
 * Reads the date cell of a passbook line in every form banks export it, beyond the profile's own
 * patterns ({@link Dates}):
 *
 * <ul>
 *   <li>a time after the date ({@code 02-04-2024 10:15:32}, {@code 01/04/2025 10:15:32 AM}): the
 *       bank's clock is India's, so the date part is the day;
 *   <li>an ISO timestamp with an offset or {@code Z} ({@code 2024-04-01T18:30:00.000Z}): an instant,
 *       converted to its date in India ({@value #INDIA}), so that 18:30 UTC is the next day there;
 *       the zone is never dropped;
 *   <li>an ISO date-time without an offset ({@code 2024-04-01T10:15:00}): India's local time,
 *       the date part (a bare ISO date is a date only where the profile's patterns say so);
 *   <li>an Excel serial number ({@code 45384} is 2024-04-02, days since 1899-12-30, with or without
 *       a fraction of a day), as a statement re-saved by a spreadsheet writes dates it did not
 *       recognise as text; only 5-digit numbers from 1 January 1960 to 31 December 2099 are taken,
 *       so no amount or reference is read as a date by accident.
 * </ul>
 *
 * <p>Two-digit years are those of the profile's patterns ({@code dd/MM/yy}: 2000 to 2099). The
 * common case, a date in the profile's first pattern, costs one parse. Immutable.
 */
final class DateCell {

  /** Where the banks' clocks are: a timestamp's date is its date here. */
  static final String INDIA = "Asia/Kolkata";

  private static final ZoneId INDIA_ZONE = ZoneId.of(INDIA);

  /** Excel's day 0 in the 1900 date system (its serial 60, 29 February 1900, never existed). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private static final long FIRST_SERIAL = ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(1960, 1, 1));
  private static final long LAST_SERIAL = ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(2099, 12, 31));

  /** A serial day number, optionally with a fraction (the time of day). */
  private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");

  /** A time of day after the date: {@code 10:15}, {@code 10:15:32}, {@code 10:15:32.123}, AM/PM. */
  private static final Pattern TIME = Pattern.compile(
      "(?i)^(.*?\\d)[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?(\\s*[AP]\\.?M\\.?)?$");

  /** An ISO date-time with an offset: {@code 2024-04-01T18:30:00.000Z}, {@code ...+05:30}. */
  private static final DateTimeFormatter ISO_OFFSET = isoWithOffset("+HH:MM:ss");

  /** The same with the offset written without a colon ({@code +0530}). */
  private static final DateTimeFormatter ISO_OFFSET_COMPACT = isoWithOffset("+HHMM");

  /** A date, {@code T} or a space, a time to the second or its fraction, then an offset or Z. */
  private static DateTimeFormatter isoWithOffset(String offset) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd()
        .appendValue(ChronoField.HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
        .optionalStart()
        .appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .optionalEnd()
        .optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd()
        .appendOffset(offset, "Z")
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT)
        .withChronology(IsoChronology.INSTANCE);
  }

  /** Forms every profile takes besides its own, for messages. */
  private static final String OTHER_FORMS =
      "an ISO timestamp such as 2024-04-01T18:30:00Z, or with a time after the date";

  private final Dates dates;

  DateCell(Dates dates) {
    this.dates = dates;
  }

  /** The profile's own patterns. */
  Dates patterns() {
    return dates;
  }

  /**
   * Reads a date cell.
   *
   * @param text the cell, stripped, not null
   * @return the day in India, not null
   * @throws IllegalArgumentException with a reason naming the forms expected
   */
  LocalDate parse(String text) {
    String s = text.strip();
    IllegalArgumentException notOwn;
    try {
      return dates.parse(s);
    } catch (IllegalArgumentException e) {
      notOwn = e;
    }
    // Every other form starts with a digit (as the profile's do: no sign, no year before Christ).
    if (s.isEmpty() || s.length() > 40 || !Character.isDigit(s.charAt(0))) {
      throw notOwn;
    }
    if (s.indexOf(':') >= 0) {
      LocalDate instant = instantInIndia(s);
      if (instant != null) {
        return instant;
      }
      Matcher time = TIME.matcher(s);
      if (time.matches() && isTime(time)) {
        return dateOnly(time.group(1), s);
      }
      throw failure(s);
    }
    Matcher serial = SERIAL.matcher(s);
    if (serial.matches()) {
      long day = Long.parseLong(serial.group(1));
      if (day >= FIRST_SERIAL && day <= LAST_SERIAL) {
        return EXCEL_EPOCH.plusDays(day);
      }
      throw new IllegalArgumentException("\"" + s + "\" is not a date: as a spreadsheet's day number"
          + " it would be " + EXCEL_EPOCH.plusDays(day) + ", outside 1960 to 2099");
    }
    return dateOnly(s, s);
  }

  /** Whether the time after a date is a time of day: 0 to 23 hours (1 to 12 with AM or PM). */
  private static boolean isTime(Matcher time) {
    int hour = Integer.parseInt(time.group(2));
    boolean twelve = time.group(5) != null;
    return (twelve ? hour >= 1 && hour <= 12 : hour <= 23) && Integer.parseInt(time.group(3)) <= 59
        && (time.group(4) == null || Integer.parseInt(time.group(4)) <= 59);
  }

  /** The date part in the profile's forms. */
  private LocalDate dateOnly(String date, String whole) {
    try {
      return dates.parse(date);
    } catch (IllegalArgumentException e) {
      throw failure(whole);
    }
  }

  /**
   * An ISO date-time: with an offset, its date in India; without one, its own date (India's local
   * time); null if the text is not ISO.
   */
  private static LocalDate instantInIndia(String s) {
    if (s.length() < 16 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    for (DateTimeFormatter formatter : new DateTimeFormatter[] {ISO_OFFSET, ISO_OFFSET_COMPACT}) {
      try {
        return OffsetDateTime.parse(s, formatter).atZoneSameInstant(INDIA_ZONE).toLocalDate();
      } catch (DateTimeException e) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME).toLocalDate();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private IllegalArgumentException failure(String s) {
    String shown = s.length() <= 40 ? s : s.substring(0, 40) + "…";
    return new IllegalArgumentException("\"" + shown + "\" is not a date in the form "
        + String.join(" or ", dates.patterns()) + " (or " + OTHER_FORMS + ")");
  }
}
