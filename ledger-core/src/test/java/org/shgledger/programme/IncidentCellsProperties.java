package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.shgledger.journal.BookId;

/**
 * The incident report's suppression, on random registers of a few groups over a year: no published
 * count is 1 to t − 1, and no withheld count can be pinned down from the counts published beside
 * it. The reader modelled knows the rule: the total of each breakdown (when shown), every part
 * shown, that a {@code <5} part is 1 to t − 1, that an {@code x} part beside a {@code <5} is at
 * least t, and that a breakdown withheld whole (every part {@code x}) adds up to its total. Each
 * breakdown is one equation over its withheld parts; breakdowns share only their total, which is
 * either shown (the equations are then apart) or withheld with the whole quarter, so the bounds
 * below are the exact range of each withheld count.
 */
class IncidentCellsProperties {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Property(tries = 400)
  void noPublishedCountIsSmallAndNoWithheldCountCanBePinnedDown(
      @ForAll("registers") Map<BookId, List<Incident>> register, @ForAll boolean byGroup,
      @ForAll @IntRange(min = 3, max = 6) int threshold) {
    IncidentReport exact = IncidentReport.count(register, START, START.plusYears(1).minusDays(1), byGroup);
    IncidentReport shown = IncidentCells.protect(exact, threshold);
    assertEquals(threshold, shown.suppressedBelow());
    int withheld = 0;
    for (int q = 0; q < shown.quarters().size(); q++) {
      List<IncidentLine> exactLines = exact.quarters().get(q).lines();
      List<IncidentLine> lines = shown.quarters().get(q).lines();
      for (IncidentLine line : lines) {
        long count = line.count();
        assertTrue(count < 1 || count >= threshold, () -> line + " is published and small");
        if (count < 0) {
          withheld++;
        }
      }
      if (lines.get(0).count() < 0) {
        assertTrue(lines.stream().allMatch(line -> line.count() < 0), "a small quarter is withheld whole");
        continue;
      }
      Set<String> breakdowns = new LinkedHashSet<>();
      lines.forEach(line -> line.breakdown().ifPresent(breakdowns::add));
      for (String breakdown : breakdowns) {
        audit(breakdown, lines, exactLines, threshold);
      }
    }
    Statistics.label("counts withheld").collect(withheld == 0 ? "none" : withheld < 10 ? "some" : "many");
  }

  /** The reader's range of every withheld part of one breakdown. */
  private static void audit(String breakdown, List<IncidentLine> lines, List<IncidentLine> exact, int threshold) {
    String totalKey = IncidentReport.totalOf(breakdown);
    IncidentLine total = lines.stream().filter(line -> line.key().equals(totalKey)).findFirst().orElseThrow();
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).breakdown().filter(breakdown::equals).isPresent()) {
        parts.add(i);
      }
    }
    if (total.count() < 0) {
      assertTrue(parts.stream().allMatch(i -> lines.get(i).count() < 0), "a withheld total's parts are withheld");
      return;
    }
    long sum = total.count();
    List<Integer> unknown = new ArrayList<>();
    boolean anySmall = false;
    for (int i : parts) {
      if (lines.get(i).count() >= 0) {
        sum -= lines.get(i).count();
      } else {
        unknown.add(i);
        anySmall |= reason(lines.get(i)) == Value.Reason.SMALL;
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    boolean whole = !anySmall;
    if (whole) {
      assertEquals(parts, unknown, breakdown + ": without a small part, only a whole breakdown is withheld");
    }
    long[] low = new long[unknown.size()];
    long[] high = new long[unknown.size()];
    for (int u = 0; u < unknown.size(); u++) {
      IncidentLine line = lines.get(unknown.get(u));
      long value = exact.get(unknown.get(u)).count();
      if (whole) {
        low[u] = 0;
        high[u] = total.count();
      } else if (reason(line) == Value.Reason.SMALL) {
        low[u] = 1;
        high[u] = threshold - 1;
      } else {
        low[u] = threshold;
        high[u] = total.count();
      }
      assertTrue(low[u] <= value && value <= high[u], () -> line + " breaks what the reader knows of it");
    }
    long lowSum = java.util.Arrays.stream(low).sum();
    long highSum = java.util.Arrays.stream(high).sum();
    for (int u = 0; u < unknown.size(); u++) {
      long least = Math.max(low[u], sum - (highSum - high[u]));
      long most = Math.min(high[u], sum - (lowSum - low[u]));
      IncidentLine line = lines.get(unknown.get(u));
      if (!whole && reason(line) == Value.Reason.SMALL) {
        assertTrue(least <= 1 && most >= threshold - 1,
            () -> line.key() + " can be narrowed to " + least + ".." + most + " in " + lines);
      } else {
        assertTrue(least < most, () -> line.key() + " can be pinned to " + least + " in " + lines);
      }
    }
  }

  private static Value.Reason reason(IncidentLine line) {
    return ((Value.Withheld) line.value()).reason();
  }

  @Provide
  Arbitrary<Map<BookId, List<Incident>>> registers() {
    Arbitrary<Incident> incident = Combinators.combine(
        Arbitraries.integers().between(0, 364),
        Arbitraries.of(IncidentType.values()),
        Arbitraries.of(AgeBand.values()).optional(0.8),
        Arbitraries.of(IncidentStatus.values()).list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.of(SupportService.values()).list().ofMaxSize(3),
        Arbitraries.integers().between(0, 60))
        .as((day, type, band, statuses, services, later) -> {
          LocalDate date = START.plusDays(day);
          List<IncidentEvent> events = new ArrayList<>();
          for (int i = 0; i < statuses.size(); i++) {
            events.add(new IncidentEvent(i == 0 ? date : date.plusDays((long) later * i), statuses.get(i),
                i == 0 ? services : List.of()));
          }
          return new Incident(IncidentId.of(String.valueOf(day)), date, type, band, events);
        });
    // a skewed size: many registers are small enough that much is withheld
    return Arbitraries.integers().between(1, 4).flatMap(groups -> incident.list().ofMaxSize(80).map(all -> {
      Map<BookId, List<Incident>> register = new LinkedHashMap<>();
      for (int g = 0; g < groups; g++) {
        register.put(BookId.of("SHG0" + (g + 1)), new ArrayList<>());
      }
      for (int i = 0; i < all.size(); i++) {
        Incident one = all.get(i);
        register.get(BookId.of("SHG0" + (i % groups + 1))).add(new Incident(IncidentId.of(String.valueOf(i)),
            one.date(), one.type(), one.ageBand(), one.events()));
      }
      return register;
    }));
  }
}
