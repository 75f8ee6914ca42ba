package org.shgledger.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import org.shgledger.unit.Grade;
import org.shgledger.unit.Grading;
import org.shgledger.unit.GradingPolicy;
import org.shgledger.unit.Measure;
import org.shgledger.unit.Scorecard;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitException;
import org.shgledger.unit.UnitRejection;
import org.shgledger.unit.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code shg grade GROUP|UNIT [--from DATE] [--to DATE] [--policy FILE]}: each group's Panchasutra
 * scorecard, grade and bank-linkage readiness, for one group or every group of a unit
 * (docs/units.md).
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade a group, or every group in a unit and the units under it, on the Panchasutra "
          + "scorecard: meetings held against expected, attendance, members saving at every meeting, "
          + "the pool lent to members, repayment (collected against due), and days since the last "
          + "entry. Prints each group's indicators, its score out of 100 and grade (A, B, C), and "
          + "whether it is ready for a bank loan and of what size.",
      "--policy FILE changes weights, grade thresholds and the linkage rule (docs/units.md lists "
          + "the keys and their defaults).",
      "Example: shg grade CL-NORTH --to 2025-03-31 --format csv --output grades.csv"
    })
final class GradeCommand extends ReportCommand {

  @Parameters(index = "0", paramLabel = "GROUP|UNIT",
      description = "A group's code, or a unit's (a unit is looked for first).")
  private String target;

  @Option(names = "--from", converter = Words.DateWord.class, paramLabel = "DATE",
      description = "The first day, yyyy-mm-dd (default: twelve months before --to, the day after).")
  private LocalDate from;

  @Option(names = "--to", converter = Words.DateWord.class, paramLabel = "DATE",
      description = "The last day, yyyy-mm-dd (default: today).")
  private LocalDate to;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A properties file of grading rules; keys left out keep their defaults.")
  private Path policyFile;

  /** The policy and the period, read and checked before the books are opened. */
  private GradingPolicy policy;

  private LocalDate first;

  private LocalDate last;

  @Override
  void checkOptions() {
    policy = policy();
    last = to != null ? to : LocalDate.now();
    first = from != null ? from : last.minusYears(1).plusDays(1);
    if (last.isBefore(first)) {
      throw usage("--to " + last + " is before --from " + first);
    }
  }

  @Override
  Report report(LedgerStore store, Labels labels) {
    Report.Builder report = Report.builder("grades", labels.get("report.grades"));
    List<Scorecard> cards;
    Units units = store.units();
    Grading grading = new Grading(units);
    Optional<Unit> unit = unit(units);
    if (unit.isPresent()) {
      report.fact("unit", labels.get("unit"), Cell.text(unit.get().code().value()))
          .fact("unit_name", labels.get("unit_name"), Cell.text(unit.get().name()));
      cards = grading.scorecards(unit.get().code(), first, last, policy);
    } else {
      BookId code = group();
      Group group;
      try {
        group = store.engine().group(code);
      } catch (GroupException e) {
        throw new UnitException(UnitRejection.UNIT_NOT_FOUND, "there is no unit or group " + target + " in the books");
      }
      report.fact("group", labels.get("group"), Cell.text(code.value()))
          .fact("group_name", labels.get("group_name"), Cell.text(group.name()));
      cards = List.of(grading.scorecard(code, first, last, policy));
    }
    Format format = output.format();
    return report(report, cards, first, last, policy, policyFile, labels, format == Format.CSV || format == Format.JSON);
  }

  private Optional<Unit> unit(Units units) {
    UnitCode code;
    try {
      code = UnitCode.of(target.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return units.registry().unit(code);
  }

  private BookId group() {
    try {
      return BookId.of(target.trim());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "'" + target + "' is not a unit's or a group's code: " + e.getMessage());
    }
  }

  /** The defaults, or the defaults with the file's values; a bad file is a usage error naming the key. */
  private GradingPolicy policy() {
    if (policyFile == null) {
      return GradingPolicy.defaults();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(policyFile, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the grading policy " + policyFile + ": " + e.getMessage(), e);
    }
    try {
      return GradingPolicy.fromProperties(properties);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--policy " + policyFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * The scorecards as a report (docs/units.md): the facts, then three tables, one row per
   * group each: {@code indicators} (what the group did), {@code scores} (each measure from 0 to 1,
   * the score and the grade) and {@code linkage} (bank-loan readiness).
   */
  static Report report(Report.Builder report, List<Scorecard> cards, LocalDate from, LocalDate to,
      GradingPolicy policy, Path policyFile, Labels labels, boolean forPrograms) {
    report.fact("from", labels.get("from"), Cell.date(from))
        .fact("to", labels.get("to"), Cell.date(to))
        .fact("policy", labels.get("policy"),
            Cell.text(policyFile == null ? labels.get("policy.defaults") : policyFile.toString()))
        .fact("groups", labels.get("groups"), Cell.number(cards.size()));
    for (Grade grade : Grade.values()) {
      report.fact("grade_" + grade.name().toLowerCase(java.util.Locale.ROOT), labels.format("grade_count", grade.name()),
          Cell.number(cards.stream().filter(c -> c.grade() == grade).count()));
    }
    report.fact("eligible", labels.get("eligible_count"),
        Cell.number(cards.stream().filter(c -> c.linkage().eligible()).count()));

    List<Row> indicators = new ArrayList<>();
    List<Row> scores = new ArrayList<>();
    List<Row> linkage = new ArrayList<>();
    for (Scorecard card : cards) {
      Cell group = Cell.text(card.group().value());
      indicators.add(Row.of(group, Cell.number(card.meetingsHeld()), Cell.number(card.meetingsExpected()),
          percent(card.attendanceRate()), percent(card.saversRate()), percent(card.lendingRate()),
          percent(card.repaymentRate()),
          card.daysSinceLastEntry().map(Cell::number).orElse(Cell.empty())));
      List<Cell> row = new ArrayList<>(List.of(group));
      for (Measure measure : Measure.values()) {
        row.add(Cell.number(card.scores().get(measure)));
      }
      row.add(Cell.number(card.score()));
      row.add(Cell.text(card.grade().name()));
      scores.add(new Row(row, 0));
      linkage.add(Row.of(group, Cell.text(card.name()), Cell.text(card.grade().name()),
          Cell.number(card.linkage().monthsActive()),
          Cell.text(forPrograms ? (card.linkage().eligible() ? "yes" : "no")
              : labels.get(card.linkage().eligible() ? "yes" : "no")),
          Cell.text(card.currency().getCode()), Cell.amount(card.linkage().corpus()),
          Cell.amount(card.linkage().suggestedLoan())));
    }
    report.add(Table.of("indicators", List.of(Column.text("group", labels.get("group")),
            Column.number("meetings_held", labels.get("meetings_held")),
            Column.number("meetings_expected", labels.get("meetings_expected")),
            Column.number("attendance_percent", labels.get("attendance_percent")),
            Column.number("savers_percent", labels.get("savers_percent")),
            Column.number("lending_percent", labels.get("lending_percent")),
            Column.number("repayment_percent", labels.get("repayment_percent")),
            Column.number("days_since_last_entry", labels.get("days_since_last_entry"))),
        indicators).withCaption(labels.get("caption.indicators")));
    List<Column> scoreColumns = new ArrayList<>(List.of(Column.text("group", labels.get("group"))));
    List<String> weights = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      scoreColumns.add(Column.number(measure.key(), labels.get("measure." + measure.key())));
      weights.add(policy.weights().get(measure).stripTrailingZeros().toPlainString());
    }
    scoreColumns.add(Column.number("score", labels.get("score")));
    scoreColumns.add(Column.text("grade", labels.get("grade")));
    report.add(Table.of("scores", scoreColumns, scores).withCaption(labels.format("caption.scores", weights.toArray())));
    report.add(Table.of("linkage", List.of(Column.text("group", labels.get("group")),
            Column.text("group_name", labels.get("group_name")), Column.text("grade", labels.get("grade")),
            Column.number("months_active", labels.get("months_active")),
            Column.text("eligible", labels.get("eligible")), Column.text("currency", labels.get("currency")),
            Column.amount("corpus", labels.get("corpus")),
            Column.amount("suggested_loan", labels.get("suggested_loan"))),
        linkage).withCaption(labels.get("caption.linkage")));
    report.note(labels.format("note.grades", policy.gradeA().toPlainString(), policy.gradeB().toPlainString()));
    report.note(labels.format("note.linkage", policy.linkageMonths(), policy.linkageGrade().name(),
        policy.linkageMultiple().stripTrailingZeros().toPlainString()));
    return report.build();
  }

  /** A ratio as a percentage with two decimals, or an empty cell where it does not apply. */
  private static Cell percent(Optional<BigDecimal> ratio) {
    return ratio.map(r -> Cell.number(r.movePointRight(2))).orElse(Cell.empty());
  }
}
