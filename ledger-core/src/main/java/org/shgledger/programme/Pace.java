package org.shgledger.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pace a commitment needs: for each count with a target, what is left to reach it, per
 * year of the commitment that remains (docs/programme.md, "The commitment's targets").
 *
 * @param start the commitment's first day, not null
 * @param end its last day, not null
 * @param remainingYears the years left after the report's day, rounded down to one decimal; zero
 *     when the commitment is over, not null
 * @param lines one per indicator with a target, in the report's order, not null
 */
public record Pace(LocalDate start, LocalDate end, BigDecimal remainingYears, List<Line> lines) {

  /** Days in a year, on average over the leap years' cycle: 365.25. */
  private static final BigDecimal DAYS_A_YEAR = new BigDecimal("365.25");

  /**
   * Checks and copies.
   *
   * @param start the commitment's first day, not null
   * @param end its last day, not null
   * @param remainingYears the years left after the report's day, rounded down to one decimal; zero
   *     when the commitment is over, not null
   * @param lines one per indicator with a target, in the report's order, not null
   */
  public Pace {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(remainingYears, "remainingYears");
    lines = List.copyOf(lines);
  }

  /**
   * One indicator's pace.
   *
   * @param key the indicator's key, not null
   * @param value the value on the report's day, as the report shows it (withheld stays withheld),
   *     not null
   * @param target the target, not null
   * @param neededPerYear (target − value) ÷ the years left, rounded up to a whole count; zero once the target is met; {@link Value#NONE} when the
   *     commitment is over; withheld with the value, since with the target it would give it away
   */
  public record Line(String key, Value value, BigDecimal target, Value neededPerYear) {

    /**
     * Checks for null.
     *
     * @param key the indicator's key, not null
     * @param value the value on the report's day, as the report shows it (withheld stays withheld),
     *     not null
     * @param target the target, not null
     * @param neededPerYear (target − value) ÷ the years left, rounded up to a whole count; zero once the target is met; {@link Value#NONE} when the
     *     commitment is over; withheld with the value, since with the target it would give it away
     */
    public Line {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(neededPerYear, "neededPerYear");
    }
  }

  /**
   * The pace of a report's counts that have targets. Rates and amounts have none here: a rate is
   * not reached by adding to it, and an amount's pace would need its currency's rounding; nor has
   * {@value ProgrammeIndicators#OUTREACH_REACHED_MONTHLY}, a level each month must reach.
   *
   * @param report the report, with targets, protected or not, not null
   * @param start the commitment's first day, not null
   * @param years its length, 1 to {@value Targets#MAX_YEARS} whole years
   * @return the pace, not null
   * @throws IllegalArgumentException if the years are out of range
   */
  public static Pace of(IndicatorReport report, LocalDate start, int years) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(start, "start");
    if (years < 1 || years > Targets.MAX_YEARS) {
      throw new IllegalArgumentException("a commitment lasts 1 to " + Targets.MAX_YEARS + " years, not " + years);
    }
    LocalDate end = start.plusYears(years).minusDays(1);
    long remainingDays = Math.max(0, ChronoUnit.DAYS.between(report.asOf(), end));
    BigDecimal remaining = BigDecimal.valueOf(remainingDays).divide(DAYS_A_YEAR, 1, RoundingMode.DOWN);
    List<Line> lines = new ArrayList<>();
    for (IndicatorLine line : report.lines()) {
      if (line.target().isEmpty() || line.value() instanceof Value.Percent || line.value() instanceof Value.Amount
          || line.key().equals(ProgrammeIndicators.OUTREACH_REACHED_MONTHLY)) {
        // a month's reach is a level to hold each month, not a total to build up: no yearly pace
        continue;
      }
      BigDecimal target = line.target().get();
      Value needed;
      if (line.value() instanceof Value.Count count) {
        BigDecimal left = target.subtract(BigDecimal.valueOf(count.value()));
        if (left.signum() <= 0) {
          needed = Value.count(0);
        } else if (remainingDays == 0) {
          needed = Value.NONE;
        } else {
          // exact days, not the rounded years shown: what is left × 365.25 ÷ the days left
          needed = Value.count(left.multiply(DAYS_A_YEAR)
              .divide(BigDecimal.valueOf(remainingDays), 0, RoundingMode.UP).longValueExact());
        }
      } else {
        // withheld: with the target, the pace would give the count away
        needed = line.value();
      }
      lines.add(new Line(line.key(), line.value(), target, needed));
    }
    return new Pace(start, end, remaining, lines);
  }
}
