package org.shgledger.unit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.BookId;

/**
 * A group's Panchasutra scorecard for a period: what it did (the indicators), how each measure
 * scores from 0 to 1, the weighted score from 0 to 100, the grade, and whether it is ready for a
 * bank loan. It names the group, never a member. docs/units.md defines every figure.
 *
 * @param group the group's code, not null
 * @param name the group's name, not null
 * @param currency the group's currency, not null
 * @param from the first day of the period, not null
 * @param to the last day, not null
 * @param meetingsHeld meetings recorded in the period
 * @param meetingsExpected meetings the group's frequency expects in the period (from its formation
 *     if later): whole weeks, fortnights or calendar months
 * @param memberMeetings the places at those meetings: for each meeting, the members that day
 * @param attended of those places, how many the member attended (present or late)
 * @param saversBase members who belonged at one meeting of the period or more
 * @param savers of those, how many saved (compulsory savings credited to them on the meeting day,
 *     corrections included) at every meeting held while they were members
 * @param loansOutstanding principal outstanding on members' loans at the end of the period, not null
 * @param demand principal and interest due on members' loans in the period, arrears included, not
 *     null
 * @param collection collected against that demand in the period, not null
 * @param lastEntry the date of the group's last journal entry on or before the period's last day,
 *     leaving out year-end closings (which the coordinator may make for every group at once), not
 *     null (empty if there is none)
 * @param scores each measure's score from 0 to 1, four decimals, not null; copied
 * @param score the weighted score from 0 to 100, one decimal, not null
 * @param grade the grade of the score, not null
 * @param linkage bank-linkage readiness, not null
 */
public record Scorecard(
    BookId group,
    String name,
    CurrencyUnit currency,
    LocalDate from,
    LocalDate to,
    int meetingsHeld,
    int meetingsExpected,
    int memberMeetings,
    int attended,
    int saversBase,
    int savers,
    Money loansOutstanding,
    Money demand,
    Money collection,
    Optional<LocalDate> lastEntry,
    Map<Measure, BigDecimal> scores,
    BigDecimal score,
    Grade grade,
    Linkage linkage) {

  /**
   * Creates a scorecard.
   *
   * @param group the group's code, not null
   * @param name the group's name, not null
   * @param currency the group's currency, not null
   * @param from the first day of the period, not null
   * @param to the last day, not null
   * @param meetingsHeld meetings recorded in the period
   * @param meetingsExpected meetings the group's frequency expects in the period (from its
   *     formation if later): whole weeks, fortnights or calendar months
   * @param memberMeetings the places at those meetings: for each meeting, the members that day
   * @param attended of those places, how many the member attended (present or late)
   * @param saversBase members who belonged at one meeting of the period or more
   * @param savers of those, how many saved (compulsory savings credited to them on the meeting day,
   *     corrections included) at every meeting held while they were members
   * @param loansOutstanding principal outstanding on members' loans at the end of the period, not
   *     null
   * @param demand principal and interest due on members' loans in the period, arrears included, not
   *     null
   * @param collection collected against that demand in the period, not null
   * @param lastEntry the date of the group's last journal entry on or before the period's last day,
   *     leaving out year-end closings (which the coordinator may make for every group at once), not
   *     null (empty if there is none)
   * @param scores each measure's score from 0 to 1, four decimals, not null; copied
   * @param score the weighted score from 0 to 100, one decimal, not null
   * @param grade the grade of the score, not null
   * @param linkage bank-linkage readiness, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a count is negative or a part exceeds its whole, or a
   *     measure has no score
   */
  public Scorecard {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(loansOutstanding, "loansOutstanding");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(lastEntry, "lastEntry");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(linkage, "linkage");
    if (meetingsHeld < 0 || meetingsExpected < 0 || attended < 0 || attended > memberMeetings
        || savers < 0 || savers > saversBase) {
      throw new IllegalArgumentException("group " + group + ": counts out of range");
    }
    EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      copy.put(measure, Objects.requireNonNull(scores.get(measure), "score of " + measure.key()));
    }
    scores = Collections.unmodifiableMap(copy);
  }

  /**
   * Days from the last entry to the end of the period.
   *
   * @return the days, or empty if the group has no entry by then
   */
  public Optional<Long> daysSinceLastEntry() {
    return lastEntry.map(date -> to.toEpochDay() - date.toEpochDay());
  }

  /**
   * Meetings held over meetings expected.
   *
   * @return the ratio, four decimals, or empty when none were expected
   */
  public Optional<BigDecimal> meetingRate() {
    return Grading.ratio(meetingsHeld, meetingsExpected);
  }

  /**
   * Average attendance: places attended over places at the meetings held.
   *
   * @return the ratio from 0 to 1, four decimals, or empty when no meeting was held
   */
  public Optional<BigDecimal> attendanceRate() {
    return Grading.ratio(attended, memberMeetings);
  }

  /**
   * The share of members who saved at every meeting.
   *
   * @return the ratio from 0 to 1, four decimals, or empty when no member met
   */
  public Optional<BigDecimal> saversRate() {
    return Grading.ratio(savers, saversBase);
  }

  /**
   * Loans outstanding over the corpus: how much of the pool is out with members.
   *
   * @return the ratio, four decimals, or empty when the corpus is not positive
   */
  public Optional<BigDecimal> lendingRate() {
    return linkage.corpus().isPositive()
        ? Optional.of(Grading.divide(loansOutstanding.getAmount(), linkage.corpus().getAmount()))
        : Optional.empty();
  }

  /**
   * The repayment rate: collection over demand.
   *
   * @return the ratio from 0 to 1, four decimals, or empty when nothing was due
   */
  public Optional<BigDecimal> repaymentRate() {
    return demand.isPositive()
        ? Optional.of(Grading.divide(collection.getAmount(), demand.getAmount()))
        : Optional.empty();
  }
}
