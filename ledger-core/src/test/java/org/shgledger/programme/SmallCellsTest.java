package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;

/**
 * The small-cell rule: counts of 1 to 4 people are withheld as "<5", and in a breakdown whose
 * total is shown, enough other parts (or the total) are withheld that no small part can be worked
 * out, or even narrowed down, by subtraction.
 */
class SmallCellsTest {

  private static final Value.Withheld SMALL = new Value.Withheld(Value.Reason.SMALL);
  private static final Value.Withheld COMPLEMENTARY = new Value.Withheld(Value.Reason.COMPLEMENTARY);

  @Test
  void aCountOfOneToFourPeopleIsWithheldAndZeroIsShown() {
    IndicatorReport report = protect(5, people("members_with_bank_account", 4), people("members_saving_monthly", 0),
        people("loans_repaid", 5), people("trained", 1));

    assertEquals(SMALL, value(report, "members_with_bank_account"));
    assertEquals(Value.count(0), value(report, "members_saving_monthly"));
    assertEquals(Value.count(5), value(report, "loans_repaid"));
    assertEquals(SMALL, value(report, "trained"));
    assertEquals(5, report.suppressedBelow());
  }

  @Test
  void groupsAmountsAndRatesAreNeverWithheld() {
    Money three = Money.of(CurrencyUnit.of("INR"), 3);
    IndicatorReport report = protect(5,
        IndicatorLine.of("groups", Optional.empty(), false, Optional.empty(), Value.count(2)),
        IndicatorLine.of("amount_lent", Optional.empty(), false, Optional.of(three.getCurrencyUnit()),
            new Value.Amount(three)),
        IndicatorLine.of("repayment_rate", Optional.empty(), false, Optional.of(three.getCurrencyUnit()),
            new Value.Percent(new BigDecimal("3.00"))));

    assertEquals(Value.count(2), value(report, "groups"));
    assertEquals(new Value.Amount(three), value(report, "amount_lent"));
    assertEquals(new Value.Percent(new BigDecimal("3.00")), value(report, "repayment_rate"));
  }

  /** 503 members, of whom 3 adolescents: shown as 503 = x + <5, never 503 = 500 + <5. */
  @Test
  void oneSmallPartWithTheTotalShownTakesASecondPartWithIt() {
    IndicatorReport report = protect(5, people("members", 503), part("members_adult", "members", 500),
        part("members_adolescent", "members", 3));

    assertEquals(Value.count(503), value(report, "members"));
    assertEquals(COMPLEMENTARY, value(report, "members_adult"));
    assertEquals(SMALL, value(report, "members_adolescent"));
  }

  /** The smallest part that hides enough goes: dropped out (7), not enrolled (120). */
  @Test
  void theComplementaryPartIsTheSmallestThatProtects() {
    IndicatorReport report = protect(5, people("children", 130), part("children_not_enrolled", "children", 0),
        part("children_enrolled", "children", 120), part("children_bridge_course", "children", 3),
        part("children_dropped_out", "children", 7));

    assertEquals(Value.count(130), value(report, "children"));
    assertEquals(Value.count(0), value(report, "children_not_enrolled"));
    assertEquals(Value.count(120), value(report, "children_enrolled"));
    assertEquals(SMALL, value(report, "children_bridge_course"));
    assertEquals(COMPLEMENTARY, value(report, "children_dropped_out"));
    // what a reader can work out: bridge + dropped = 130 - 0 - 120 = 10, with bridge 1 to 4 and
    // dropped 5 or more: bridge can still be anything from 1 to 4
    assertSmallPartsUnpinned(5, 10, 1, 1);
  }

  /**
   * Two small parts of 4 each, total shown: their sum 8 would say "both are 4" (each is at most 4).
   * A third part is withheld to blur it.
   */
  @Test
  void twoSmallPartsWhoseSumGivesThemAwayTakeAThirdWithThem() {
    IndicatorReport report = protect(5, people("loans_disbursed", 58), part("loans_livelihood", "loans_disbursed", 4),
        part("loans_education", "loans_disbursed", 4), part("loans_health", "loans_disbursed", 50));

    assertEquals(SMALL, value(report, "loans_livelihood"));
    assertEquals(SMALL, value(report, "loans_education"));
    assertEquals(COMPLEMENTARY, value(report, "loans_health"));
    assertEquals(Value.count(58), value(report, "loans_disbursed"));
  }

  /**
   * 8 members: 5 adult, 3 adolescent. Withholding the adults leaves "adolescents ≤ 8 − 5 = 3":
   * narrowed. No part is left to add, so the total goes instead.
   */
  @Test
  void whenThePartsRunOutTheTotalIsWithheld() {
    IndicatorReport report = protect(5, people("members", 8), part("members_adult", "members", 5),
        part("members_adolescent", "members", 3));

    assertEquals(COMPLEMENTARY, value(report, "members"));
    assertEquals(SMALL, value(report, "members_adolescent"));
    assertEquals(Value.count(5), value(report, "members_adult"), "with the total hidden, the adults can be shown");
  }

  @Test
  void aSmallTotalTakesEveryPartWithIt() {
    IndicatorReport report = protect(5, people("trained", 4), part("trained_adult", "trained", 3),
        part("trained_adolescent", "trained", 1));

    assertEquals(SMALL, value(report, "trained"));
    assertEquals(SMALL, value(report, "trained_adult"));
    assertEquals(SMALL, value(report, "trained_adolescent"));
  }

  /** Three loans, all for health: shown, the zeros of the other purposes would say so. */
  @Test
  void aSmallTotalTakesItsZerosWithIt() {
    IndicatorReport report = protect(5, people("loans_disbursed", 3), part("loans_livelihood", "loans_disbursed", 0),
        part("loans_health", "loans_disbursed", 3));

    assertEquals(SMALL, value(report, "loans_livelihood"));
    assertEquals(SMALL, value(report, "loans_health"));
    assertEquals(Value.count(0), value(protect(5, people("loans_disbursed", 0),
        part("loans_livelihood", "loans_disbursed", 0)), "loans_livelihood"), "nobody at all is shown as nobody");
  }

  @Test
  void aWithheldValuesPercentageOfTargetIsWithheldWithIt() {
    IndicatorReport report = new IndicatorReport(LocalDate.of(2025, 6, 30), List.of(BookId.of("SHG01")), 3, 0,
        List.of(people("members", 503), part("members_adult", "members", 500), part("members_adolescent", "members", 3)))
        .withTargets(Targets.parse("targets.txt", List.of("members = 3000", "members_adult = 2000",
            "members_adolescent = 1000")));

    IndicatorReport protectedReport = SmallCells.protect(report, 5);

    assertEquals(new Value.Percent(new BigDecimal("16.7")), line(protectedReport, "members").percentOfTarget());
    assertEquals(COMPLEMENTARY, line(protectedReport, "members_adult").percentOfTarget());
    assertEquals(SMALL, line(protectedReport, "members_adolescent").percentOfTarget());
    assertEquals(Optional.of(new BigDecimal("1000")), line(protectedReport, "members_adolescent").target(),
        "the target is the NGO's own and stays");
  }

  @Test
  void theThresholdIsConfigurable() {
    IndicatorReport report = protect(10, people("members_with_bank_account", 9), people("loans_repaid", 10));

    assertEquals(SMALL, value(report, "members_with_bank_account"));
    assertEquals(Value.count(10), value(report, "loans_repaid"));
    assertEquals(Value.count(4), value(protect(1, people("trained", 4)), "trained"),
        "a threshold of 1 withholds nothing");
    assertThrows(IllegalArgumentException.class, () -> protect(0, people("members", 4)));
    assertThrows(IllegalArgumentException.class, () -> SmallCells.protect(protect(5, people("members", 4)), 5));
  }

  /**
   * Every breakdown of small parts, whatever its numbers: no withheld part can be pinned to one
   * value by someone who knows the total, the parts shown and this rule.
   */
  @Test
  void noWithheldPartCanBePinnedDownInAnyBreakdownOfUpToFourParts() {
    int threshold = 5;
    int checked = 0;
    for (int a = 0; a <= 12; a++) {
      for (int b = 0; b <= 12; b++) {
        for (int c = 0; c <= 12; c++) {
          for (int d = 0; d <= 6; d++) {
            int[] parts = {a, b, c, d};
            List<IndicatorLine> lines = new ArrayList<>();
            lines.add(people("children", a + b + c + d));
            for (int i = 0; i < parts.length; i++) {
              lines.add(part("children_" + i, "children", parts[i]));
            }
            IndicatorReport report = SmallCells.protect(report(lines), threshold);
            if (value(report, "children") instanceof Value.Withheld) {
              continue;
            }
            long shown = 0;
            int small = 0;
            int complementary = 0;
            long withheldSum = 0;
            for (int i = 0; i < parts.length; i++) {
              Value value = value(report, "children_" + i);
              if (value instanceof Value.Count count) {
                shown += count.value();
              } else if (value.equals(SMALL)) {
                small++;
                withheldSum += parts[i];
              } else {
                complementary++;
                withheldSum += parts[i];
              }
            }
            assertEquals(a + b + c + d - shown, withheldSum);
            if (small > 0) {
              assertSmallPartsUnpinned(threshold, withheldSum, small, complementary);
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 1_000, "breakdowns with small parts checked: " + checked);
  }

  /**
   * The most a reader can say of one small part, from the withheld parts' sum: it is 1 to t − 1,
   * the other small ones at least 1 each, the complementary ones at least t each.
   */
  private static void assertSmallPartsUnpinned(int threshold, long sum, int small, int complementary) {
    long highest = Math.min(threshold - 1, sum - (small - 1) - (long) complementary * threshold);
    long lowest = complementary > 0 ? 1 : Math.max(1, sum - (long) (small - 1) * (threshold - 1));
    assertEquals(threshold - 1, highest, "a small part could be told to be at most " + highest);
    assertEquals(1, lowest, "a small part could be told to be at least " + lowest);
  }

  // ---- helpers ----

  private static IndicatorLine people(String key, long count) {
    return IndicatorLine.of(key, Optional.empty(), true, Optional.empty(), Value.count(count));
  }

  private static IndicatorLine part(String key, String total, long count) {
    return IndicatorLine.of(key, Optional.of(total), true, Optional.empty(), Value.count(count));
  }

  private static IndicatorReport report(List<IndicatorLine> lines) {
    return new IndicatorReport(LocalDate.of(2025, 6, 30), List.of(BookId.of("SHG01")), 3, 0, lines);
  }

  private static IndicatorReport protect(int threshold, IndicatorLine... lines) {
    return SmallCells.protect(report(List.of(lines)), threshold);
  }

  private static IndicatorLine line(IndicatorReport report, String key) {
    return report.line(key).orElseThrow();
  }

  private static Value value(IndicatorReport report, String key) {
    return line(report, key).value();
  }
}
