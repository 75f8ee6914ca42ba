package org.shgledger.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Withholds the counts of an {@link IncidentReport} that could point at a survivor, and those from
 * which a withheld count could be worked out (docs/privacy.md, "Incident counts"). Stricter than
 * {@link SmallCells}, because a quarter's total of incidents is the total of several breakdowns at
 * once (by type, by status, by age band, by group): it must stay shown, or its breakdowns must all
 * go, since any one breakdown shown whole would give it back. With threshold t, in each quarter:
 *
 * <ol>
 *   <li><b>A small quarter</b>: when 1 to t − 1 incidents were reported, every count of the quarter
 *       is withheld ({@code <5}), zeros too, referrals too: shown, they would say what the few
 *       incidents all were.
 *   <li><b>Small cells</b>: in a breakdown, each part of 1 to t − 1 is withheld ({@code <5}).
 *   <li><b>Complementary cells</b>: as {@link SmallCells} does, further parts of the breakdown are
 *       withheld ({@code x}), smallest first, until a reader who knows the total, the parts shown
 *       and this rule still finds each small part could be anything from 1 to t − 1.
 *   <li><b>A breakdown that cannot be protected so</b> (its parts run out) is withheld whole, every
 *       part {@code x}, zeros too, and its total stays shown: the parts are then only known to add
 *       up to it, which pins none of them down.
 *   <li>The referrals of a quarter are protected the same way around their own total, withheld
 *       whole when that total is small.
 * </ol>
 *
 * <p>No published count is 1 to t − 1, and no withheld count can be pinned down from the counts
 * published in the report; {@code IncidentCellsProperties} checks both on random registers.
 * Quarters are not added up into a total for the period, so that no count links two quarters.
 */
public final class IncidentCells {

  private IncidentCells() {}

  /**
   * The report with small counts, and those that would give them away, withheld.
   *
   * @param report the exact report, not null
   * @param threshold t: counts of 1 to t − 1 are withheld; 1 withholds nothing (for the NGO's own
   *     staff, never for donors); otherwise 3 to {@value SmallCells#MAX_THRESHOLD}: 2 would withhold
   *     only ones, and its mark, {@code <2}, would say that they are
   * @return a new report whose {@link IncidentReport#suppressedBelow()} is the threshold, not null
   * @throws IllegalArgumentException if the threshold is out of range or the report protected
   *     already
   */
  public static IncidentReport protect(IncidentReport report, int threshold) {
    Objects.requireNonNull(report, "report");
    if (threshold < 1 || threshold == 2 || threshold > SmallCells.MAX_THRESHOLD) {
      throw new IllegalArgumentException("the threshold must be 1, or 3 to " + SmallCells.MAX_THRESHOLD + ", not "
          + threshold);
    }
    if (report.suppressedBelow() != 0) {
      throw new IllegalArgumentException("the report is protected already, below " + report.suppressedBelow());
    }
    List<IncidentReport.Quarter> quarters = new ArrayList<>();
    for (IncidentReport.Quarter quarter : report.quarters()) {
      quarters.add(new IncidentReport.Quarter(quarter.from(), quarter.to(), protect(quarter.lines(), threshold)));
    }
    return new IncidentReport(report.from(), report.to(), report.groups(), quarters, threshold);
  }

  private static List<IncidentLine> protect(List<IncidentLine> lines, int threshold) {
    Value.Reason[] withheld = new Value.Reason[lines.size()];
    Set<String> breakdowns = new LinkedHashSet<>();
    lines.forEach(line -> line.breakdown().ifPresent(breakdowns::add));
    long incidents = total(lines, IncidentReport.INCIDENTS);
    if (isSmall(incidents, threshold)) {
      java.util.Arrays.fill(withheld, Value.Reason.SMALL);
    } else {
      for (String breakdown : breakdowns) {
        String total = IncidentReport.totalOf(breakdown);
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).breakdown().filter(breakdown::equals).isPresent()) {
            parts.add(i);
          }
        }
        if (isSmall(total(lines, total), threshold)) {
          // only the referrals can get here: the quarter's incidents are not small
          withheld[index(lines, total)] = Value.Reason.SMALL;
          parts.forEach(part -> withheld[part] = Value.Reason.SMALL);
        } else {
          protectBreakdown(lines, withheld, parts, threshold);
        }
      }
    }
    List<IncidentLine> protectedLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      protectedLines.add(withheld[i] == null ? lines.get(i) : lines.get(i).with(new Value.Withheld(withheld[i])));
    }
    return protectedLines;
  }

  private static void protectBreakdown(List<IncidentLine> lines, Value.Reason[] withheld, List<Integer> parts,
      int threshold) {
    long sum = 0;
    int small = 0;
    for (int part : parts) {
      if (isSmall(lines.get(part).count(), threshold)) {
        withheld[part] = Value.Reason.SMALL;
        sum += lines.get(part).count();
        small++;
      }
    }
    if (small == 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>(parts.stream()
        .filter(part -> withheld[part] == null && lines.get(part).count() > 0)
        .toList());
    candidates.sort(Comparator.comparingLong((Integer part) -> lines.get(part).count()).thenComparing(part -> part));
    int complementary = 0;
    // as in SmallCells: at least one complementary part, and enough that the most a small part
    // could be, S - (m - 1) - k·t, leaves it the whole of 1 to t - 1
    while (complementary == 0 || sum - (small - 1) - (long) complementary * threshold < threshold - 1) {
      if (candidates.isEmpty()) {
        // the total must stay (other breakdowns share it): withhold this breakdown whole instead
        parts.forEach(part -> withheld[part] = Value.Reason.COMPLEMENTARY);
        return;
      }
      int next = candidates.remove(0);
      withheld[next] = Value.Reason.COMPLEMENTARY;
      sum += lines.get(next).count();
      complementary++;
    }
  }

  private static boolean isSmall(long count, int threshold) {
    return count >= 1 && count < threshold;
  }

  private static long total(List<IncidentLine> lines, String key) {
    return lines.get(index(lines, key)).count();
  }

  private static int index(List<IncidentLine> lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the quarter has no line " + key);
  }
}
