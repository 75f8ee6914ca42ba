package org.shgledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Figure;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.BookId;
import org.shgledger.programme.IndicatorLine;
import org.shgledger.programme.IndicatorReport;
import org.shgledger.programme.Outreach;
import org.shgledger.programme.OutreachEvent;
import org.shgledger.programme.Pace;
import org.shgledger.programme.Programme;
import org.shgledger.programme.ProgrammeIndicators;
import org.shgledger.programme.SmallCells;
import org.shgledger.programme.Targets;
import org.shgledger.programme.Value;
import org.shgledger.store.LedgerStore;
import org.shgledger.unit.UnitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg indicators UNIT|--groups G1,G2 [--as-of DATE] [--targets FILE]}: the programme's
 * indicators over groups on a day, against targets, for donors: counts, amounts and rates only,
 * small counts withheld (docs/programme.md, docs/privacy.md).
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The programme's indicators over groups on a day, each against its target: groups, members "
          + "by category, bank accounts, regular savers, loans by purpose and their repayment, "
          + "children by school status, people trained by topic, members earning from an activity or "
          + "borrowing, people reached by outreach in the month. For donors: no name, member id or "
          + "account number, and every count of fewer than 5 people withheld (docs/privacy.md).",
      "Example: shg indicators PATNA --as-of 2025-03-31 --targets targets.txt   (or --groups SHG01,SHG02)"
    })
final class IndicatorsCommand implements Callable<Integer>, StoreReport {

  /** The largest targets file read, in bytes. */
  static final long MAX_TARGETS_BYTES = 100_000;

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", arity = "0..1", paramLabel = "UNIT",
      description = "The NGO unit whose groups are counted, those of the units under it included.")
  private String unit;

  @Option(names = "--groups", split = ",", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "Instead of a unit, the groups to count, comma-separated: SHG01,SHG02.")
  private List<BookId> groups;

  @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
      description = "The day of the indicators, yyyy-mm-dd. Default: today.")
  private LocalDate asOf;

  @Option(names = "--targets", paramLabel = "FILE",
      description = "Targets, one 'key = number' a line, such as 'members = 3000' (docs/programme.md); "
          + "'commitment' for the seed programme's five-year commitment, with the pace it needs.")
  private Path targets;

  @Option(names = "--saving-months", paramLabel = "N", defaultValue = "" + ProgrammeIndicators.DEFAULT_SAVING_MONTHS,
      description = "Count the members who saved in each of the last N months. Default: ${DEFAULT-VALUE}.")
  private int savingMonths;

  @Option(names = "--suppress-below", paramLabel = "N", defaultValue = "" + SmallCells.DEFAULT_THRESHOLD,
      description = "Withhold counts of 1 to N-1 people, and what would give them away. Default: "
          + "${DEFAULT-VALUE}; 1 withholds nothing (never for donors).")
  private int suppressBelow;

  @Mixin private OutputOptions output;

  @Override
  public Integer call() {
    Report report;
    try (LedgerStore store = db.openExisting()) {
      report = report(store, output.labels());
    }
    output.print(report);
    return ExitCodes.OK;
  }

  /**
   * The indicators over open books, as the options given ask (for this command, and for whatever
   * else parses the same options, such as a server).
   *
   * @param store the open books, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   * @throws ParameterException if the options are out of range or name neither a unit nor groups
   */
  @Override
  public Report report(LedgerStore store, Labels labels) {
    if (savingMonths < 1 || savingMonths > ProgrammeIndicators.MAX_SAVING_MONTHS) {
      throw usage("--saving-months must be 1 to " + ProgrammeIndicators.MAX_SAVING_MONTHS + ", not " + savingMonths);
    }
    if (suppressBelow < 1 || suppressBelow > SmallCells.MAX_THRESHOLD) {
      throw usage("--suppress-below must be 1 to " + SmallCells.MAX_THRESHOLD + ", not " + suppressBelow);
    }
    checkCounted(unit, groups, spec);
    Targets goals = targets == null ? Targets.none()
        : targets.toString().equals(Targets.COMMITMENT) ? Targets.commitment() : readTargets(targets);
    LocalDate day = asOf != null ? asOf : LocalDate.now();
    IndicatorReport report;
    Optional<LocalDate> start = goals.start();
    Programme programme = new Programme(store.engine(), store.programme());
    List<BookId> counted = groups(store);
    Outreach outreach = new Outreach(store.units(), store.programme().outreach());
    // the outreach of the month that ends on the day: the unit's and its units', or the groups'
    LocalDate monthStart = day.minusMonths(1).plusDays(1);
    List<OutreachEvent> events = unit != null ? outreach.events(UnitCode.of(unit), monthStart, day)
        : outreach.eventsOfGroups(counted, monthStart, day);
    report = new ProgrammeIndicators(programme).compute(counted, day, savingMonths, events);
    if (start.isEmpty() && goals.years().isPresent()) {
      // a commitment without a start began with the first of its groups
      start = counted.stream().map(code -> store.engine().group(code).formed()).min(LocalDate::compareTo);
    }
    report = SmallCells.protect(report.withTargets(goals), suppressBelow);
    Optional<Pace> pace = goals.years().isPresent() && start.isPresent()
        ? Optional.of(Pace.of(report, start.get(), goals.years().get())) : Optional.empty();
    return report(report, pace, labels, output.format() == Format.HTML);
  }

  /** The groups to count: those given, or every group under the unit named (unknown: exit 4). */
  private List<BookId> groups(LedgerStore store) {
    return groups(store, unit, groups, spec);
  }

  /**
   * The rule of every report over a unit or groups ({@code shg indicators}, {@code shg commitment},
   * {@code shg incidents}): a UNIT or {@code --groups}, one of the two, and at most {@value
   * ProgrammeIndicators#MAX_GROUPS} groups.
   *
   * @param unit the unit's code as given, or null
   * @param groups the groups given, or null
   * @param spec the command, for a usage error
   * @throws ParameterException naming what is wrong
   */
  static void checkCounted(String unit, List<BookId> groups, CommandSpec spec) {
    if ((unit == null) == (groups == null)) {
      throw new ParameterException(spec.commandLine(), "name a UNIT or give --groups, one of the two");
    }
    if (groups != null && groups.size() > ProgrammeIndicators.MAX_GROUPS) {
      throw new ParameterException(spec.commandLine(),
          "--groups names at most " + ProgrammeIndicators.MAX_GROUPS + " groups, not " + groups.size());
    }
  }

  /**
   * The groups a programme report counts: those given with {@code --groups}, or every group under
   * the unit named, those of the units under it included.
   *
   * @param store the open books, not null
   * @param unit the unit's code as given, or null when groups are given
   * @param groups the groups given, or null
   * @param spec the command, for a usage error
   * @return the groups, not null
   * @throws ParameterException if the unit's code is malformed
   */
  static List<BookId> groups(LedgerStore store, String unit, List<BookId> groups, CommandSpec spec) {
    if (groups != null) {
      return groups;
    }
    UnitCode code;
    try {
      code = UnitCode.of(unit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return store.units().groupsUnder(code);
  }

  /** Reads a targets file, at most {@value #MAX_TARGETS_BYTES} bytes (docs/programme.md#targets). */
  static Targets readTargets(Path file) {
    try {
      if (Files.size(file) > MAX_TARGETS_BYTES) {
        throw new UncheckedIOException(file + " is larger than a targets file can be (" + MAX_TARGETS_BYTES + " bytes)",
            new IOException("too large"));
      }
      return Targets.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the targets file " + file + ": " + e.getMessage(), e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * The indicators as a report: table {@code indicators} (counts and rates), table {@code
   * loan_amounts} (amounts by currency) and table {@code groups} (the groups counted).
   *
   * @param indicators the indicators, protected or not, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   */
  static Report report(IndicatorReport indicators, Labels labels) {
    return report(indicators, Optional.empty(), labels);
  }

  /**
   * The indicators as a report, with table {@code livelihood_income} (the median monthly income by
   * activity, when any activity has a recent reading) after the amounts, and table {@code pace}
   * after those when a commitment's pace is given: for each indicator with a target, what is needed
   * each year that remains.
   *
   * @param indicators the indicators, protected or not, not null
   * @param pace the commitment's pace, or empty, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   */
  static Report report(IndicatorReport indicators, Optional<Pace> pace, Labels labels) {
    return report(indicators, pace, labels, false);
  }

  /**
   * The indicators as a report, and for the HTML page, after the counts, a picture of each
   * target's share reached as a bar (the donor's page; other formats have the table's numbers).
   *
   * @param indicators the indicators, protected or not, not null
   * @param pace the commitment's pace, or empty, not null
   * @param labels the reader's words, not null
   * @param chart whether to draw the targets' bars
   * @return the report, not null
   */
  static Report report(IndicatorReport indicators, Optional<Pace> pace, Labels labels, boolean chart) {
    Report.Builder report = Report.builder("programme-indicators", labels.get("report.indicators"))
        .fact("as_of", labels.get("as_of"), Cell.date(indicators.asOf()))
        .fact("saving_months", labels.get("saving_months"), Cell.number(indicators.savingMonths()));
    if (indicators.suppressedBelow() > 1) {
      report.fact("suppressed_below", labels.get("suppressed_below"), Cell.number(indicators.suppressedBelow()));
    }
    List<Row> counts = new ArrayList<>();
    List<Row> amounts = new ArrayList<>();
    List<Row> incomes = new ArrayList<>();
    List<TargetsChart.Bar> bars = new ArrayList<>();
    boolean withheld = false;
    for (IndicatorLine line : indicators.lines()) {
      withheld |= line.value() instanceof Value.Withheld;
      Cell key = Cell.text(line.key());
      Cell label = Cell.text(label(line, indicators, labels));
      Cell value = cell(line.value(), indicators.suppressedBelow());
      Cell percent = cell(line.percentOfTarget(), indicators.suppressedBelow());
      if (line.key().startsWith(ProgrammeIndicators.INCOME_PREFIX)) {
        // a median of fewer members than this is withheld whatever the report's threshold
        Cell median = line.value() instanceof Value.Withheld
            ? Cell.withheld("<" + ProgrammeIndicators.MEDIAN_MIN_PEOPLE) : value;
        incomes.add(Row.of(label, Cell.text(line.currency().map(CurrencyUnit::getCode).orElse("")), median, key));
      } else if (line.value() instanceof Value.Amount amount) {
        CurrencyUnit currency = amount.value().getCurrencyUnit();
        Cell target = line.target().map(t -> Cell.amount(Money.of(currency, t))).orElse(Cell.empty());
        amounts.add(Row.of(label, Cell.text(currency.getCode()), value, target, percent, key));
      } else {
        Cell target = line.target().map(IndicatorsCommand::number).orElse(Cell.empty());
        Row row = Row.of(label, value, target, percent, key);
        counts.add(line.isPart() ? row.atLevel(1) : row);
        if (line.target().isPresent()) {
          BigDecimal share = line.percentOfTarget() instanceof Value.Percent reached ? reached.value() : null;
          bars.add(new TargetsChart.Bar(label(line, indicators, labels), share,
              share != null ? share.toPlainString() + "%" : mark(line.percentOfTarget(), indicators.suppressedBelow())));
        }
      }
    }
    report.add(new Table("indicators", labels.get("table.indicators"),
        // the label first for people, the stable key last for programs
        List.of(Column.text("label", labels.get("indicator")), Column.number("value", labels.get("value")),
            Column.number("target", labels.get("target")),
            Column.number("percent_of_target", labels.get("percent_of_target")),
            Column.text("indicator", labels.get("indicator_key"))),
        counts, Optional.empty()));
    if (chart && !bars.isEmpty() && bars.size() <= TargetsChart.MAX_BARS) {
      String caption = labels.get("caption.targets");
      report.add(new Figure("targets", caption, TargetsChart.svg(bars, caption)));
    }
    if (!amounts.isEmpty()) {
      report.add(new Table("loan_amounts", labels.get("table.loan_amounts"),
          List.of(Column.text("label", labels.get("indicator")), Column.text("currency", labels.get("currency")),
              Column.amount("amount", labels.get("amount")), Column.amount("target", labels.get("target")),
              Column.number("percent_of_target", labels.get("percent_of_target")),
              Column.text("indicator", labels.get("indicator_key"))),
          amounts, Optional.empty()));
    }
    if (!incomes.isEmpty()) {
      report.add(new Table("livelihood_income", labels.get("table.livelihood_income"),
          List.of(Column.text("label", labels.get("indicator")), Column.text("currency", labels.get("currency")),
              Column.amount("median", labels.get("median_monthly_income")),
              Column.text("indicator", labels.get("indicator_key"))),
          incomes, Optional.empty()));
    }
    if (pace.isPresent()) {
      Pace commitment = pace.get();
      report.fact("commitment_start", labels.get("commitment_start"), Cell.date(commitment.start()))
          .fact("commitment_end", labels.get("commitment_end"), Cell.date(commitment.end()))
          .fact("remaining_years", labels.get("remaining_years"), Cell.number(commitment.remainingYears()));
      List<Row> paceRows = new ArrayList<>();
      for (Pace.Line line : commitment.lines()) {
        IndicatorLine shown = indicators.lines().stream().filter(l -> l.key().equals(line.key())).findFirst()
            .orElseThrow();
        paceRows.add(Row.of(Cell.text(label(shown, indicators, labels)), cell(line.value(), indicators.suppressedBelow()),
            number(line.target()), cell(line.neededPerYear(), indicators.suppressedBelow()), Cell.text(line.key())));
      }
      report.add(new Table("pace", labels.get("table.pace"),
          List.of(Column.text("label", labels.get("indicator")), Column.number("value", labels.get("value")),
              Column.number("target", labels.get("target")),
              Column.number("needed_per_year", labels.get("needed_per_year")),
              Column.text("indicator", labels.get("indicator_key"))),
          paceRows, Optional.empty()));
    }
    report.add(new Table("groups", labels.get("table.groups"), List.of(Column.text("group", labels.get("group"))),
        indicators.groups().stream().map(code -> Row.of(Cell.text(code.value()))).toList(), Optional.empty()));
    if (withheld) {
      report.note(labels.format("note.withheld", indicators.suppressedBelow()));
    }
    return report.build();
  }

  /** An indicator's label in the reader's words, its topic, activity, kind, months or currency filled in. */
  static String label(IndicatorLine line, IndicatorReport indicators, Labels labels) {
    String key = line.key();
    if (key.startsWith(ProgrammeIndicators.TRAINING_PREFIX)) {
      return labels.format("indicator.training", key.substring(ProgrammeIndicators.TRAINING_PREFIX.length()));
    }
    if (key.startsWith(ProgrammeIndicators.INCOME_PREFIX)) {
      return labels.format("indicator.livelihood_income", key.substring(ProgrammeIndicators.INCOME_PREFIX.length()));
    }
    if (key.startsWith(ProgrammeIndicators.OUTREACH_PREFIX)) {
      return labels.format("indicator.outreach_kind", key.substring(ProgrammeIndicators.OUTREACH_PREFIX.length()));
    }
    if (key.equals(ProgrammeIndicators.MEMBERS_SAVING)) {
      return labels.format("indicator." + key, indicators.savingMonths());
    }
    if (key.equals(ProgrammeIndicators.REPAYMENT_RATE)) {
      return labels.format("indicator." + key, line.currency().map(CurrencyUnit::getCode).orElse(""));
    }
    return labels.get("indicator." + key);
  }

  /** A withheld value's mark, {@code <5} or {@code x}; empty for any other. */
  private static String mark(Value value, int threshold) {
    if (value instanceof Value.Withheld withheld) {
      return withheld.reason() == Value.Reason.SMALL ? "<" + threshold : "x";
    }
    return "";
  }

  /** A value as a cell: a withheld one as its mark, {@code <5} or {@code x}. */
  static Cell cell(Value value, int threshold) {
    if (value instanceof Value.Count count) {
      return Cell.number(count.value());
    }
    if (value instanceof Value.Percent percent) {
      return Cell.number(percent.value());
    }
    if (value instanceof Value.Amount amount) {
      return Cell.amount(amount.value());
    }
    if (value instanceof Value.Withheld withheld) {
      return Cell.withheld(withheld.reason() == Value.Reason.SMALL ? "<" + threshold : "x");
    }
    return Cell.empty();
  }

  /** A target as a cell, without trailing zeros: 3000, not 3000.00. */
  static Cell number(BigDecimal value) {
    return Cell.number(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros());
  }
}
