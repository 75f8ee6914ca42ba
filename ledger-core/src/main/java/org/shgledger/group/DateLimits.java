package org.shgledger.group;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * The dates the engine takes for a new record: none before the group was formed, none more than
 * {@link #futureDays()} days after today. A date outside is almost always a typing mistake (a
 * year 0205 for 2025, a meeting in 2099, a member who "joined" before her group existed), and one
 * such entry skews every report that follows it, so {@link SavingsGroups} refuses it ({@link
 * GroupRejection#DATE_BEFORE_FORMATION}, {@link GroupRejection#DATE_TOO_FAR_AHEAD}).
 *
 * <p>Today is read from {@link #clock()}, in its zone. {@link #standard()} uses the computer's
 * clock in its default zone: the margin is a month, so whether the day has turned in Kolkata or
 * in UTC makes no difference to what is refused. Tests and programs that replay books pass a
 * fixed clock.
 *
 * @param clock where today is read, in its zone, not null
 * @param futureDays how many days after today a new record may be dated, 0 to {@value
 *     #MAX_FUTURE_DAYS}
 */
public record DateLimits(Clock clock, int futureDays) {

  /** The margin after today that {@link #standard()} allows: 31 days, a month's meeting ahead. */
  public static final int DEFAULT_FUTURE_DAYS = 31;

  /**
   * The largest margin: a year and a day. Books record what happened; an event more than a year
   * ahead is a plan, not an entry.
   */
  public static final int MAX_FUTURE_DAYS = 366;

  /**
   * The earliest date a group may have been formed, or a member's bank account opened: dates of
   * the world outside the books, which have no formation date to go by. It only catches
   * mistyped years (0000, 0025, 1025); no group keeping books today is older.
   */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /**
   * Checks the arguments.
   *
   * @param clock where today is read, in its zone, not null
   * @param futureDays how many days after today a new record may be dated, 0 to {@value
   *     #MAX_FUTURE_DAYS}
   * @throws NullPointerException if the clock is null
   * @throws IllegalArgumentException if the margin is out of range
   */
  public DateLimits {
    Objects.requireNonNull(clock, "clock");
    if (futureDays < 0 || futureDays > MAX_FUTURE_DAYS) {
      throw new IllegalArgumentException(
          "the margin after today is 0 to " + MAX_FUTURE_DAYS + " days, not " + futureDays);
    }
  }

  /**
   * The limits of {@link SavingsGroups}' simpler constructors: the computer's clock in its default
   * zone and a margin of {@value #DEFAULT_FUTURE_DAYS} days.
   *
   * @return the limits, not null
   */
  public static DateLimits standard() {
    return new DateLimits(Clock.systemDefaultZone(), DEFAULT_FUTURE_DAYS);
  }

  /**
   * The same clock with another margin.
   *
   * @param days how many days after today a new record may be dated, 0 to {@value
   *     #MAX_FUTURE_DAYS}
   * @return the limits, not null
   * @throws IllegalArgumentException if the margin is out of range
   */
  public DateLimits withFutureDays(int days) {
    return new DateLimits(clock, days);
  }

  /**
   * Today, by the clock.
   *
   * @return today's date in the clock's zone, not null
   */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The latest date a new record may have today.
   *
   * @return today plus the margin, not null
   */
  public LocalDate latest() {
    return today().plusDays(futureDays);
  }

  /**
   * Why a date of a group's books is refused, if it is: before the group's formation, or after
   * {@link #latest()}.
   *
   * @param group the group, not null
   * @param date the record's date, not null
   * @param what the record, for the message ("the meeting", "entry X"), not null
   * @return the refusal, or empty if the date is taken
   */
  Optional<GroupException> refusal(Group group, LocalDate date, String what) {
    Objects.requireNonNull(date, "date");
    if (date.isBefore(group.formed())) {
      return Optional.of(new GroupException(GroupRejection.DATE_BEFORE_FORMATION,
          "group " + group.code() + ": " + what + " is dated " + date + ", before the group was formed on "
              + group.formed() + "; nothing is recorded before a group's formation: check the date"));
    }
    return tooFarAhead(group.code(), date, what);
  }

  /**
   * Why a date of the world outside a group's books (its formation, a member's bank account's
   * opening) is refused, if it is: before {@link #EARLIEST}, or after {@link #latest()}.
   *
   * @param code the group, not null
   * @param date the date, not null
   * @param what the date's meaning, for the message ("the group's formation"), not null
   * @return the refusal, or empty if the date is taken
   */
  Optional<GroupException> refusalOutsideBooks(BookId code, LocalDate date, String what) {
    Objects.requireNonNull(date, "date");
    if (date.isBefore(EARLIEST)) {
      return Optional.of(new GroupException(GroupRejection.INVALID_DATE,
          "group " + code + ": " + what + " is dated " + date + ", before " + EARLIEST + ": check the year"));
    }
    return tooFarAhead(code, date, what);
  }

  private Optional<GroupException> tooFarAhead(BookId code, LocalDate date, String what) {
    LocalDate today = today();
    LocalDate latest = today.plusDays(futureDays);
    if (date.isAfter(latest)) {
      return Optional.of(new GroupException(GroupRejection.DATE_TOO_FAR_AHEAD,
          "group " + code + ": " + what + " is dated " + date + ", more than " + futureDays + " days after today ("
              + today + "); the latest date taken is " + latest + ". Check the date; to record further ahead,"
              + " raise the margin (shg: --future-days N or SHG_FUTURE_DAYS; the library: DateLimits)"));
    }
    return Optional.empty();
  }
}
