package org.shgledger.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.BookId;

/**
 * The programme's indicators over a set of groups on a day: what a coordinator reports to donors.
 * It holds counts, amounts and rates, never a name, a member id or an account number.
 *
 * <p>{@link ProgrammeIndicators#compute} makes it with every value exact; {@link
 * #withTargets(Targets)} adds targets and the percentage of each reached; {@link
 * SmallCells#protect} withholds the counts of fewer people than a threshold, and what would give
 * them away, before it leaves the NGO.
 *
 * @param asOf the day, inclusive, not null
 * @param groups the groups counted, in code order, not null; copied
 * @param savingMonths the N of "saved in each of the last N months", 1 or more
 * @param suppressedBelow the threshold {@link SmallCells} applied: counts of 1 to this less one
 *     people are withheld; 0 when it has not been applied
 * @param lines the indicators in reading order, not null; copied
 */
public record IndicatorReport(
    LocalDate asOf, List<BookId> groups, int savingMonths, int suppressedBelow, List<IndicatorLine> lines) {

  /**
   * Creates a report.
   *
   * @param asOf the day, inclusive, not null
   * @param groups the groups counted, in code order, not null; copied
   * @param savingMonths the N of "saved in each of the last N months", 1 or more
   * @param suppressedBelow the threshold {@link SmallCells} applied: counts of 1 to this less one
   *     people are withheld; 0 when it has not been applied
   * @param lines the indicators in reading order, not null; copied
   * @throws NullPointerException if any argument or element is null
   * @throws IllegalArgumentException if the months or threshold are out of range
   */
  public IndicatorReport {
    Objects.requireNonNull(asOf, "asOf");
    groups = List.copyOf(groups);
    lines = List.copyOf(lines);
    if (savingMonths < 1) {
      throw new IllegalArgumentException("saving months must be 1 or more: " + savingMonths);
    }
    if (suppressedBelow < 0) {
      throw new IllegalArgumentException("the suppression threshold cannot be negative: " + suppressedBelow);
    }
  }

  /**
   * The first line with a key (for amounts and rates, the first currency's).
   *
   * @param key the key, not null
   * @return the line, or empty
   */
  public Optional<IndicatorLine> line(String key) {
    Objects.requireNonNull(key, "key");
    return lines.stream().filter(line -> line.key().equals(key)).findFirst();
  }

  /**
   * The value of the first line with a key.
   *
   * @param key the key, not null
   * @return the value, or empty if there is no such line
   */
  public Optional<Value> value(String key) {
    return line(key).map(IndicatorLine::value);
  }

  /**
   * The same report with targets: each line whose key has a target gets it and the percentage
   * reached; a training topic with a target and no session yet gets a line of 0.
   *
   * @param targets the targets, not null
   * @return a new report, not null
   * @throws ProgrammeException {@link ProgrammeRejection#INVALID_TARGET} for a key that names no
   *     indicator, or an amount target when the groups keep books in more than one currency or
   *     with more decimals than the currency has
   */
  public IndicatorReport withTargets(Targets targets) {
    return targets.applyTo(this);
  }

  /**
   * The same report with other lines.
   *
   * @param newLines the lines, not null
   * @param threshold the threshold applied, 0 for none
   * @return a new report, not null
   */
  IndicatorReport with(List<IndicatorLine> newLines, int threshold) {
    return new IndicatorReport(asOf, groups, savingMonths, threshold, newLines);
  }
}
