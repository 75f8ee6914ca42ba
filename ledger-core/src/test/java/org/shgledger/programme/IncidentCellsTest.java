package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;

/** The worked examples of docs/privacy.md, "Incident counts". */
class IncidentCellsTest {

  private static final LocalDate DAY = LocalDate.of(2025, 4, 10);
  private static final BookId SHG01 = BookId.of("SHG01");

  private final List<Incident> incidents = new ArrayList<>();

  private void add(int count, IncidentType type, IncidentStatus status, Optional<AgeBand> band) {
    for (int i = 0; i < count; i++) {
      incidents.add(new Incident(IncidentId.of(String.valueOf(incidents.size() + 1)), DAY, type, band,
          List.of(new IncidentEvent(DAY, status, List.of()))));
    }
  }

  private Map<String, String> shown() {
    IncidentReport report = IncidentCells.protect(
        IncidentReport.count(Map.of(SHG01, incidents), DAY.withDayOfMonth(1), DAY.withDayOfMonth(30), false), 5);
    Map<String, String> shown = new LinkedHashMap<>();
    for (IncidentLine line : report.quarters().get(0).lines()) {
      shown.put(line.key(), line.value() instanceof Value.Count count ? String.valueOf(count.value())
          : ((Value.Withheld) line.value()).reason() == Value.Reason.SMALL ? "<5" : "x");
    }
    return shown;
  }

  @Test
  void aSmallPartTakesTheSmallestOtherWithItSoThatItCouldBeAnythingFrom1To4() {
    add(7, IncidentType.TRAFFICKING, IncidentStatus.REFERRED, Optional.of(AgeBand.ADOLESCENT));
    add(2, IncidentType.PHYSICAL_ASSAULT, IncidentStatus.REFERRED, Optional.of(AgeBand.ADOLESCENT));
    add(3, IncidentType.MISSING_GIRL, IncidentStatus.REPORTED, Optional.of(AgeBand.YOUNG_ADULT));
    Map<String, String> shown = shown();
    assertEquals("12", shown.get("incidents"));
    // 12 = 7 + 2 + 3: the 7 goes with the two small ones
    assertEquals(List.of("x", "<5", "<5", "0"), List.of(shown.get("type.trafficking"),
        shown.get("type.physical-assault"), shown.get("type.missing-girl"), shown.get("type.rape")));
    // 12 = 9 + 3: the adolescents (9) go with the 3 young adults, who could be 1 to 4 (9 is at least 5)
    assertEquals(List.of("x", "<5", "0"), List.of(shown.get("age.12-17"), shown.get("age.18-25"),
        shown.get("age.not-recorded")));
  }

  @Test
  void aBreakdownThatCannotBeProtectedAroundItsTotalIsWithheldWhole() {
    add(5, IncidentType.TRAFFICKING, IncidentStatus.REFERRED, Optional.of(AgeBand.ADOLESCENT));
    add(1, IncidentType.TRAFFICKING, IncidentStatus.REFERRED, Optional.of(AgeBand.YOUNG_ADULT));
    Map<String, String> shown = shown();
    // 6 = 5 + 1: withholding both would still say the 1 is 1 (the 5 is at least 5), and the total
    // cannot go, the type and status breakdowns show it: every age part goes, zeros too
    assertEquals("6", shown.get("incidents"));
    assertEquals("6", shown.get("type.trafficking"));
    assertEquals(List.of("x", "x", "x", "x", "x"), List.of(shown.get("age.0-11"), shown.get("age.12-17"),
        shown.get("age.18-25"), shown.get("age.26+"), shown.get("age.not-recorded")));
  }

  @Test
  void aQuarterOfFewerThan5IncidentsIsWithheldWhole() {
    add(3, IncidentType.RAPE, IncidentStatus.CLOSED, Optional.empty());
    assertEquals(List.of("<5"), shown().values().stream().distinct().toList());
  }

  @Test
  void aThresholdOf1WithholdsNothingAndAReportIsProtectedOnce() {
    add(3, IncidentType.RAPE, IncidentStatus.CLOSED, Optional.empty());
    IncidentReport exact = IncidentReport.count(Map.of(SHG01, incidents), DAY, DAY, false);
    assertEquals(exact.quarters(), IncidentCells.protect(exact, 1).quarters());
    assertThrows(IllegalArgumentException.class, () -> IncidentCells.protect(IncidentCells.protect(exact, 5), 5));
    assertThrows(IllegalArgumentException.class, () -> IncidentCells.protect(exact, 0));
    assertThrows(IllegalArgumentException.class, () -> IncidentCells.protect(exact, 2), "<2 would say 1");
  }
}
