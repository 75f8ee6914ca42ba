package org.shgledger.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Withholds the counts that could point at a person before an {@link IndicatorReport} leaves the
 * NGO. Members may be survivors of trafficking: in a report on a few groups, "2 adolescent
 * members" or "1 child dropped out" can name someone to anyone who knows the community.
 *
 * <p>The rule, with threshold t (5 by default; docs/privacy.md):
 *
 * <ol>
 *   <li><b>Small cells.</b> A value that counts people ({@link IndicatorLine#countsPeople()}) and
 *       is 1 to t − 1 is withheld as {@link Value.Reason#SMALL} (shown {@code <5}). Zero is shown,
 *       since it describes nobody, except as a part of a small total (below). Counts of groups, amounts and rates are never withheld.
 *   <li><b>Complementary cells.</b> In a breakdown whose parts add up to a total that is shown
 *       (members = adult + adolescent), the withheld parts could be worked out by subtracting the
 *       parts shown from the total. So other parts are withheld too, as {@link
 *       Value.Reason#COMPLEMENTARY} (shown {@code x}), smallest first, until no small part can be
 *       narrowed down at all, even by someone who knows this rule. Such a reader knows the
 *       withheld parts' sum S, that each of the m small ones is 1 to t − 1 and each of the k
 *       complementary ones at least t; so at least one complementary part is withheld (without
 *       one, two small parts adding up to 8 would both be 4), and more until S − (m − 1) − k·t,
 *       the most a small part could be, is at least t − 1. If the parts run out first, the total
 *       is withheld instead (complementary) and the parts are shown: with no total there is
 *       nothing to subtract from. A total that is itself small is withheld, and every part with
 *       it, zeros too: shown, they would tell what the few people all share (three loans, all
 *       for health).
 *   <li>A withheld value's percentage of target is withheld with it: with the target, it would
 *       give the value away.
 * </ol>
 *
 * <p>Each breakdown is protected on its own; no cell belongs to two breakdowns.
 */
public final class SmallCells {

  /** The threshold used unless another is asked for: counts of 1 to 4 people are withheld. */
  public static final int DEFAULT_THRESHOLD = 5;

  /** The highest threshold accepted. */
  public static final int MAX_THRESHOLD = 1_000;

  private SmallCells() {}

  /**
   * The report with small counts, and the counts that would give them away, withheld.
   *
   * @param report the report, exact (not yet protected), not null
   * @param threshold t: counts of 1 to t − 1 people are withheld; 1 withholds nothing (for the
   *     NGO's own use only, never for donors), 1 to {@value #MAX_THRESHOLD}
   * @return a new report whose {@link IndicatorReport#suppressedBelow()} is the threshold, not null
   * @throws IllegalArgumentException if the threshold is out of range or the report is protected
   *     already
   */
  public static IndicatorReport protect(IndicatorReport report, int threshold) {
    Objects.requireNonNull(report, "report");
    if (threshold < 1 || threshold > MAX_THRESHOLD) {
      throw new IllegalArgumentException("the threshold must be 1 to " + MAX_THRESHOLD + ", not " + threshold);
    }
    if (report.suppressedBelow() != 0) {
      throw new IllegalArgumentException("the report is protected already, below " + report.suppressedBelow());
    }
    List<IndicatorLine> lines = new ArrayList<>(report.lines());
    Value.Reason[] withheld = new Value.Reason[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (isSmall(lines.get(i), threshold)) {
        withheld[i] = Value.Reason.SMALL;
      }
    }
    for (int total = 0; total < lines.size(); total++) {
      String key = lines.get(total).key();
      List<Integer> parts = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).partOf().equals(Optional.of(key))) {
          parts.add(i);
        }
      }
      if (!parts.isEmpty()) {
        protectBreakdown(lines, withheld, total, parts, threshold);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (withheld[i] != null) {
        Value value = new Value.Withheld(withheld[i]);
        IndicatorLine line = lines.get(i);
        lines.set(i, line.with(value, line.target().isPresent() ? value : Value.NONE));
      }
    }
    return report.with(lines, threshold);
  }

  private static void protectBreakdown(
      List<IndicatorLine> lines, Value.Reason[] withheld, int total, List<Integer> parts, int threshold) {
    if (withheld[total] != null) {
      // a small total: every part is smaller still, zeros too, which would otherwise say what
      // the few people all share ("the 3 loans were all for health")
      for (int part : parts) {
        withheld[part] = Value.Reason.SMALL;
      }
      return;
    }
    long sum = 0;
    int small = 0;
    int complementary = 0;
    for (int part : parts) {
      if (withheld[part] == Value.Reason.SMALL) {
        sum += count(lines.get(part));
        small++;
      }
    }
    if (small == 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>(parts.stream()
        .filter(part -> withheld[part] == null && count(lines.get(part)) > 0)
        .toList());
    candidates.sort(Comparator.comparingLong((Integer part) -> count(lines.get(part))).thenComparing(part -> part));
    List<Integer> added = new ArrayList<>();
    // a small part is known to be 1 to t - 1, a complementary one at least t: with none of those,
    // small parts adding up to 8 would all be 4; with one, a small part is at most
    // S - (m - 1) - k·t, which must leave it the whole of 1 to t - 1
    while (complementary == 0 || sum - (small - 1) - (long) complementary * threshold < threshold - 1) {
      if (candidates.isEmpty()) {
        // nothing left to subtract from once the total is withheld: the parts can be shown again
        added.forEach(part -> withheld[part] = null);
        withheld[total] = Value.Reason.COMPLEMENTARY;
        return;
      }
      int next = candidates.remove(0);
      withheld[next] = Value.Reason.COMPLEMENTARY;
      added.add(next);
      sum += count(lines.get(next));
      complementary++;
    }
  }

  private static boolean isSmall(IndicatorLine line, int threshold) {
    if (!line.countsPeople() || !(line.value() instanceof Value.Count count)) {
      return false;
    }
    return count.value() >= 1 && count.value() < threshold;
  }

  private static long count(IndicatorLine line) {
    return line.value() instanceof Value.Count count ? count.value() : 0;
  }
}
