package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;

/** The commitment's targets and the pace they need. */
class PaceTest {

  private static IndicatorReport report(LocalDate asOf, Value members, Value adolescents) {
    return new IndicatorReport(asOf, List.of(BookId.of("SHG01")), 3, 0, List.of(
        IndicatorLine.of("members", Optional.empty(), true, Optional.empty(), members),
        IndicatorLine.of("members_adolescent", Optional.of("members"), true, Optional.empty(), adolescents)));
  }

  @Test
  void theCommitmentIsFiveYearsOfTheSeedProgrammesTargets() {
    Targets commitment = Targets.commitment();
    assertEquals(Optional.of(5), commitment.years());
    assertEquals(Optional.empty(), commitment.start(), "it starts with the first group counted");
    assertEquals(Optional.of(new BigDecimal("3000")), commitment.get("members"));
    assertEquals(Optional.of(new BigDecimal("200")), commitment.get("groups"));
    assertEquals(Optional.of(new BigDecimal("2000")), commitment.get("training.child-enrolment"));
    assertEquals(Optional.empty(), commitment.get(Targets.YEARS), "the length is no indicator's target");
  }

  @Test
  void aTargetsFileMayGiveTheCommitmentsLengthAndStart() {
    Targets targets = Targets.parse("t.txt", List.of("years = 3", "start = 2025-01-01", "members = 100"));
    assertEquals(Optional.of(3), targets.years());
    assertEquals(Optional.of(LocalDate.of(2025, 1, 1)), targets.start());
    for (List<String> bad : List.of(List.of("years = 2.5"), List.of("years = 51"), List.of("start = 2025-02-30"),
        List.of("start = 2025-01-01", "start = 2025-01-02"))) {
      ProgrammeException e = assertThrows(ProgrammeException.class, () -> Targets.parse("t.txt", bad), bad::toString);
      assertEquals(ProgrammeRejection.INVALID_TARGET, e.reason());
    }
  }

  /**
   * Five years from 1 April 2024 end on 31 March 2029; on 30 June 2025, 1,370 days remain (3.7
   * years). 3,000 members less 27 is 2,973 to go: 2,973 × 365.25 ÷ 1,370 = 792.6, so 793 a year.
   */
  @Test
  void thePaceIsWhatIsLeftPerYearRemainingRoundedUp() {
    Targets targets = Targets.parse("t.txt", List.of("members = 3000", "members_adolescent = 1000"));
    IndicatorReport report = report(LocalDate.of(2025, 6, 30), Value.count(27), Value.count(1000)).withTargets(targets);

    Pace pace = Pace.of(report, LocalDate.of(2024, 4, 1), 5);

    assertEquals(LocalDate.of(2029, 3, 31), pace.end());
    assertEquals(new BigDecimal("3.7"), pace.remainingYears());
    assertEquals(List.of(
            new Pace.Line("members", Value.count(27), new BigDecimal("3000"), Value.count(793)),
            new Pace.Line("members_adolescent", Value.count(1000), new BigDecimal("1000"), Value.count(0))),
        pace.lines());
  }

  @Test
  void aWithheldCountsPaceIsWithheldAndAnOverCommitmentHasNone() {
    Targets targets = Targets.parse("t.txt", List.of("members = 3000", "members_adolescent = 1000"));
    IndicatorReport exact = new IndicatorReport(LocalDate.of(2030, 1, 1), List.of(BookId.of("SHG01")), 3, 0, List.of(
        IndicatorLine.of("members", Optional.empty(), true, Optional.empty(), Value.count(27)),
        IndicatorLine.of("members_adult", Optional.of("members"), true, Optional.empty(), Value.count(24)),
        IndicatorLine.of("members_adolescent", Optional.of("members"), true, Optional.empty(), Value.count(3))));
    IndicatorReport report = SmallCells.protect(exact.withTargets(targets), 5);

    Pace pace = Pace.of(report, LocalDate.of(2024, 4, 1), 5);

    assertEquals(BigDecimal.ZERO.setScale(1), pace.remainingYears());
    assertEquals(Value.NONE, pace.lines().get(0).neededPerYear(), "nothing can be done after the end");
    assertEquals(pace.lines().get(1).value(), pace.lines().get(1).neededPerYear());
    assertEquals(Value.Withheld.class, pace.lines().get(1).value().getClass());
  }
}
