package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;

/** A targets file: {@code key = number} lines, and the percentage of each target reached. */
class TargetsTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void linesOfKeyEqualsNumberWithCommentsAndGrouping() {
    Targets targets = Targets.parse("targets.txt", List.of(
        "\uFEFF# Commitment to 2030",
        "",
        "groups = 200",
        "  members=3,000  ",
        "children_enrolled = 1,000",
        "amount_lent = 1,00,00,000.50",
        "training.human-rights = 3000"));

    assertEquals(List.of("groups", "members", "children_enrolled", "amount_lent", "training.human-rights"),
        List.copyOf(targets.keys()));
    assertEquals(Optional.of(new BigDecimal("3000")), targets.get("members"));
    assertEquals(Optional.of(new BigDecimal("10000000.50")), targets.get("amount_lent"));
  }

  @Test
  void aBadLineIsNamedByFileAndLine() {
    assertEquals("targets.txt:2: 'members: 3000' is not key = number, such as members = 3000",
        invalid("groups = 200", "members: 3000"));
    assertEquals("targets.txt:1: 'members = three thousand' is not key = number, such as members = 3000",
        invalid("members = three thousand"));
    assertEquals("targets.txt:1: 'members = -5' is not key = number, such as members = 3000", invalid("members = -5"));
    assertEquals("targets.txt:1: the target of members must be more than zero", invalid("members = 0"));
    assertEquals("targets.txt:1: '3,' is not a number", invalid("members = 3,"));
    assertEquals("targets.txt:3: members has a target already, on line 1", invalid("members = 1", "groups = 2", "members = 3"));
  }

  @Test
  void aKeyThatNamesNoIndicatorIsRefusedWhenApplied() {
    ProgrammeException e = assertThrows(ProgrammeException.class,
        () -> report().withTargets(Targets.parse("t.txt", List.of("groups = 2", "memebrs = 3000"))));
    assertEquals(ProgrammeRejection.INVALID_TARGET, e.reason());
    assertEquals(true, e.getMessage().startsWith("t.txt:2: there is no indicator 'memebrs'; the indicators are groups, members,"),
        e.getMessage());
  }

  @Test
  void percentOfTargetIsRoundedDownSoThatAHundredMeansMet() {
    IndicatorReport report = report().withTargets(Targets.parse("t.txt", List.of("members = 3000", "groups = 3",
        "amount_lent = 20000", "repayment_rate = 95")));

    assertEquals(new Value.Percent(new BigDecimal("99.9")), report.line("members").orElseThrow().percentOfTarget(),
        "2,999 of 3,000 is 99.96 %: not yet 100");
    assertEquals(new Value.Percent(new BigDecimal("66.6")), report.line("groups").orElseThrow().percentOfTarget());
    assertEquals(new Value.Percent(new BigDecimal("62.5")),
        report.line("amount_lent").orElseThrow().percentOfTarget());
    assertEquals(new Value.Percent(new BigDecimal("101.5")), report.line("repayment_rate").orElseThrow().percentOfTarget());
    assertEquals(Value.NONE, report.line("members_adult").orElseThrow().percentOfTarget(), "no target, no percentage");
  }

  @Test
  void aTopicWithATargetAndNoTrainingYetIsNobodyTrained() {
    IndicatorReport report = report().withTargets(Targets.parse("t.txt", List.of("training.legal-aid = 100")));

    IndicatorLine line = report.line("training.legal-aid").orElseThrow();
    assertEquals(Value.count(0), line.value());
    assertEquals(new Value.Percent(new BigDecimal("0.0")), line.percentOfTarget());
    assertEquals(true, line.countsPeople());
  }

  @Test
  void anAmountTargetNeedsOneCurrencyAndItsDecimals() {
    CurrencyUnit usd = CurrencyUnit.of("USD");
    IndicatorReport twoCurrencies = new IndicatorReport(LocalDate.of(2025, 6, 30), List.of(BookId.of("SHG01")), 3, 0,
        List.of(amount(Money.of(INR, 100)), amount(Money.of(usd, 100))));
    assertEquals("t.txt:1: the groups keep books in 2 currencies; the target of amount_lent cannot say which",
        assertThrows(ProgrammeException.class, () -> twoCurrencies.withTargets(
            Targets.parse("t.txt", List.of("amount_lent = 500"))))
            .getMessage());
    assertEquals("t.txt:1: the target of amount_lent has more decimals than INR has",
        assertThrows(ProgrammeException.class, () -> report().withTargets(
            Targets.parse("t.txt", List.of("amount_lent = 500.125"))))
            .getMessage());
  }

  private static IndicatorReport report() {
    return new IndicatorReport(LocalDate.of(2025, 6, 30), List.of(BookId.of("SHG01")), 3, 0, List.of(
        IndicatorLine.of("groups", Optional.empty(), false, Optional.empty(), Value.count(2)),
        IndicatorLine.of("members", Optional.empty(), true, Optional.empty(), Value.count(2999)),
        IndicatorLine.of("members_adult", Optional.of("members"), true, Optional.empty(), Value.count(2999)),
        IndicatorLine.of("repayment_rate", Optional.empty(), false, Optional.of(INR),
            new Value.Percent(new BigDecimal("96.44"))),
        amount(Money.of(INR, 12_500))));
  }

  private static IndicatorLine amount(Money money) {
    return IndicatorLine.of("amount_lent", Optional.empty(), false, Optional.of(money.getCurrencyUnit()),
        new Value.Amount(money));
  }

  private static String invalid(String... lines) {
    ProgrammeException e = assertThrows(ProgrammeException.class, () -> Targets.parse("targets.txt", List.of(lines)));
    assertEquals(ProgrammeRejection.INVALID_TARGET, e.reason());
    return e.getMessage();
  }
}
