package org.shgledger.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Figure;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.BookId;
import org.shgledger.programme.IncidentLine;
import org.shgledger.programme.IncidentReport;
import org.shgledger.programme.IndicatorLine;
import org.shgledger.programme.IndicatorReport;
import org.shgledger.programme.Outreach;
import org.shgledger.programme.OutreachEvent;
import org.shgledger.programme.OutreachKind;
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
 * {@code shg commitment UNIT [--as-of DATE] [--targets FILE]}: the donor's one page of the whole
 * commitment (issue 18). Every target with its value, share and the pace it needs; each target's
 * indicator at every quarter's end; the community safety counts of the last four quarters, as
 * {@code shg incidents} protects them; the people reached by outreach each month and the events by
 * kind; livelihoods and the median income by activity. Counts and amounts only, small counts
 * withheld, no group's incidents: docs/programme.md#the-donors-page, docs/privacy.md.
 */
@Command(
    name = "commitment",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The donor's page: the whole commitment against its targets on one printable A4 page (--format "
          + "html): each target with its value, share and the pace it needs; each target's indicator at "
          + "every quarter's end; community safety counts of the last four quarters; people reached by "
          + "outreach each month; livelihoods. No name or member id; every count of fewer than 5 withheld, "
          + "and what would give it away (docs/privacy.md).",
      "Example: shg commitment PATNA --as-of 2025-03-31 --format html --output donor.html"
    })
final class CommitmentCommand implements Callable<Integer>, StoreReport {

  /** The months of outreach the page shows, the month that ends on the day the last. */
  static final int OUTREACH_MONTHS = 12;

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(index = "0", arity = "0..1", paramLabel = "UNIT",
      description = "The NGO unit whose groups are counted, those of the units under it included.")
  private String unit;

  @Option(names = "--groups", split = ",", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "Instead of a unit, the groups to count, comma-separated: SHG01,SHG02.")
  private List<BookId> groups;

  @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
      description = "The day of the page, yyyy-mm-dd. Default: today.")
  private LocalDate asOf;

  @Option(names = "--targets", paramLabel = "FILE", defaultValue = Targets.COMMITMENT,
      description = "The targets: 'commitment' (the default) for the seed programme's five-year commitment, "
          + "or a targets file with 'years = N' (docs/programme.md).")
  private Path targets;

  @Option(names = "--saving-months", paramLabel = "N", defaultValue = "" + ProgrammeIndicators.DEFAULT_SAVING_MONTHS,
      description = "Count the members who saved in each of the last N months. Default: ${DEFAULT-VALUE}.")
  private int savingMonths;

  @Option(names = "--suppress-below", paramLabel = "N", defaultValue = "" + SmallCells.DEFAULT_THRESHOLD,
      description = "Withhold counts of 1 to N-1, and what would give them away. Default: ${DEFAULT-VALUE}; "
          + "1 withholds nothing (never for donors); 2 is refused, as by shg incidents.")
  private int suppressBelow;

  @Mixin private OutputOptions output;

  /**
   * What the page shows, computed and protected.
   *
   * @param unit the unit's code, or empty when groups were given
   * @param now the indicators on the day, protected, with their targets
   * @param pace the pace each target needs, or empty for a targets file without {@code years}
   * @param trend the indicators at each quarter's end and on the day, protected, in time order
   * @param incidents the incident counts of the last four quarters, protected
   * @param outreach the outreach events of the last {@value #OUTREACH_MONTHS} months
   */
  record Page(Optional<String> unit, IndicatorReport now, Optional<Pace> pace, List<IndicatorReport> trend,
      IncidentReport incidents, List<OutreachEvent> outreach) {}

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
   * The page over open books, as the options given ask (for this command, and for whatever else
   * parses the same options, such as a server).
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
    if (suppressBelow < 1 || suppressBelow == 2 || suppressBelow > SmallCells.MAX_THRESHOLD) {
      throw usage("--suppress-below must be 1, or 3 to " + SmallCells.MAX_THRESHOLD + ", not " + suppressBelow);
    }
    IndicatorsCommand.checkCounted(unit, groups, spec);
    Targets goals = targets.toString().equals(Targets.COMMITMENT) ? Targets.commitment()
        : IndicatorsCommand.readTargets(targets);
    LocalDate day = asOf != null ? asOf : LocalDate.now();
    return report(page(store, IndicatorsCommand.groups(store, unit, groups, spec), goals, day), labels);
  }

  private Page page(LedgerStore store, List<BookId> counted, Targets goals, LocalDate day) {
    Programme programme = new Programme(store.engine(), store.programme());
    ProgrammeIndicators indicators = new ProgrammeIndicators(programme);
    Optional<LocalDate> start = goals.start();
    if (start.isEmpty()) {
      // a commitment without a start began with the first of its groups
      start = counted.stream().map(code -> store.engine().group(code).formed()).min(LocalDate::compareTo);
    }
    List<LocalDate> days = trendDays(start.orElse(day), day);
    // every event a point of the trend or a month of the outreach chart counts, read once
    LocalDate firstMonth = day.minusMonths(OUTREACH_MONTHS).plusDays(1);
    LocalDate first = days.get(0).minusMonths(1).plusDays(1);
    LocalDate from = first.isBefore(firstMonth) ? first : firstMonth;
    Outreach register = new Outreach(store.units(), store.programme().outreach());
    List<OutreachEvent> events = unit != null ? register.events(UnitCode.of(unit), from, day)
        : register.eventsOfGroups(counted, from, day);
    List<IndicatorReport> trend = new ArrayList<>();
    for (LocalDate point : days) {
      trend.add(SmallCells.protect(indicators.compute(counted, point, savingMonths, events).withTargets(goals),
          suppressBelow));
    }
    IndicatorReport now = trend.get(trend.size() - 1);
    Optional<Pace> pace = goals.years().isPresent() && start.isPresent()
        ? Optional.of(Pace.of(now, start.get(), goals.years().get())) : Optional.empty();
    IncidentReport incidents = IncidentCommands.protectedCounts(store, counted, IncidentCommands.defaultFrom(day), day,
        false, suppressBelow);
    List<OutreachEvent> lastMonths = events.stream().filter(e -> !e.date().isBefore(firstMonth)).toList();
    return new Page(Optional.ofNullable(unit), now, pace, trend, incidents, lastMonths);
  }

  /**
   * The days of a trend: each quarter's end from the commitment's start to before the day, then the
   * day itself, the last {@value CommitmentCharts#MAX_POINTS} of them.
   *
   * @param start the commitment's first day, not null
   * @param day the page's day, not null
   * @return the days in order, at least the day itself, not null
   */
  static List<LocalDate> trendDays(LocalDate start, LocalDate day) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate end = start.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
    while (end.isBefore(day)) {
      days.add(end);
      end = end.plusDays(1).plusMonths(3).minusDays(1);
    }
    days.add(day);
    return List.copyOf(days.subList(Math.max(0, days.size() - CommitmentCharts.MAX_POINTS), days.size()));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * The page as a report: table {@code targets}; figure {@code trends} with its table {@code trends};
   * table {@code incidents}; figure {@code outreach} with its table {@code outreach_monthly}; tables
   * {@code outreach_kinds}, {@code livelihoods} and {@code livelihood_income}.
   *
   * @param page what the page shows, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   */
  static Report report(Page page, Labels labels) {
    IndicatorReport now = page.now();
    int threshold = now.suppressedBelow();
    Report.Builder report = Report.builder("programme-commitment", labels.get("report.commitment"));
    page.unit().ifPresent(code -> report.fact("unit", labels.get("unit"), Cell.text(code)));
    report.fact("as_of", labels.get("as_of"), Cell.date(now.asOf()));
    page.pace().ifPresent(pace -> report
        .fact("commitment_start", labels.get("commitment_start"), Cell.date(pace.start()))
        .fact("commitment_end", labels.get("commitment_end"), Cell.date(pace.end()))
        .fact("remaining_years", labels.get("remaining_years"), Cell.number(pace.remainingYears())));
    report.fact("groups_counted", labels.get("groups_counted"), Cell.number(now.groups().size()));
    if (threshold > 1) {
      report.fact("suppressed_below", labels.get("suppressed_below"), Cell.number(threshold));
    }
    boolean withheld = false;

    // every count with a target, its share and the pace it needs
    List<IndicatorLine> targeted = now.lines().stream()
        .filter(line -> line.target().isPresent() && !(line.value() instanceof Value.Amount)
            && !(line.value() instanceof Value.Percent))
        .toList();
    List<Row> targetRows = new ArrayList<>();
    for (IndicatorLine line : targeted) {
      withheld |= line.value() instanceof Value.Withheld;
      Cell needed = page.pace().flatMap(pace -> pace.lines().stream().filter(l -> l.key().equals(line.key()))
          .findFirst()).map(l -> IndicatorsCommand.cell(l.neededPerYear(), threshold)).orElse(Cell.empty());
      targetRows.add(Row.of(Cell.text(IndicatorsCommand.label(line, now, labels)),
          IndicatorsCommand.cell(line.value(), threshold), IndicatorsCommand.number(line.target().get()),
          IndicatorsCommand.cell(line.percentOfTarget(), threshold), needed, Cell.text(line.key())));
    }
    report.add(new Table("targets", labels.get("table.commitment_targets"),
        List.of(Column.text("label", labels.get("indicator")), Column.number("value", labels.get("value")),
            Column.number("target", labels.get("target")),
            Column.number("percent_of_target", labels.get("percent_of_target")),
            Column.number("needed_per_year", labels.get("needed_per_year")),
            Column.text("indicator", labels.get("indicator_key"))),
        targetRows, Optional.empty()));

    // each target's indicator at every quarter's end
    if (!targeted.isEmpty() && targeted.size() <= CommitmentCharts.MAX_PANELS) {
      List<CommitmentCharts.Trend> trends = new ArrayList<>();
      List<Row> trendRows = new ArrayList<>();
      for (IndicatorLine line : targeted) {
        List<CommitmentCharts.Point> points = new ArrayList<>();
        for (IndicatorReport point : page.trend()) {
          Value value = point.value(line.key()).orElse(Value.NONE);
          withheld |= value instanceof Value.Withheld;
          points.add(new CommitmentCharts.Point(point.asOf(),
              value instanceof Value.Count count ? OptionalLong.of(count.value()) : OptionalLong.empty(),
              value instanceof Value.Withheld ? mark(value, threshold) : ""));
          trendRows.add(Row.of(Cell.text(IndicatorsCommand.label(line, now, labels)), Cell.date(point.asOf()),
              IndicatorsCommand.cell(value, threshold), Cell.text(line.key())));
        }
        trends.add(new CommitmentCharts.Trend(IndicatorsCommand.label(line, now, labels), points));
      }
      String caption = labels.get("caption.trends");
      Table data = new Table("trends", caption,
          List.of(Column.text("label", labels.get("indicator")), Column.date("day", labels.get("quarter_end")),
              Column.number("value", labels.get("value")), Column.text("indicator", labels.get("indicator_key"))),
          trendRows, Optional.empty());
      report.add(new Figure("trends", caption, CommitmentCharts.trends(trends, caption), Optional.of(data)));
    }

    // community safety: unit totals by type and status, quarter by quarter, as shg incidents shows them
    IncidentReport incidents = page.incidents();
    List<Column> quarterColumns = new ArrayList<>();
    quarterColumns.add(Column.text("label", labels.get("indicator")));
    for (int q = 0; q < incidents.quarters().size(); q++) {
      LocalDate end = incidents.quarters().get(q).to();
      quarterColumns.add(Column.number("q" + (q + 1),
          labels.format("quarter_label", end.getYear(), end.get(IsoFields.QUARTER_OF_YEAR))));
    }
    quarterColumns.add(Column.text("indicator", labels.get("indicator_key")));
    List<Row> incidentRows = new ArrayList<>();
    boolean incidentsWithheld = false;
    for (IncidentLine line : incidents.quarters().get(0).lines()) {
      boolean shown = line.key().equals(IncidentReport.INCIDENTS)
          || line.breakdown().filter(b -> b.equals(IncidentReport.BY_TYPE) || b.equals(IncidentReport.BY_STATUS))
              .isPresent();
      if (!shown) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(IncidentCommands.label(line, labels)));
      for (IncidentReport.Quarter quarter : incidents.quarters()) {
        Value value = quarter.line(line.key()).orElseThrow().value();
        incidentsWithheld |= value instanceof Value.Withheld;
        cells.add(IncidentCommands.cell(value, incidents.suppressedBelow()));
      }
      cells.add(Cell.text(line.key()));
      Row row = Row.of(cells.toArray(Cell[]::new));
      incidentRows.add(line.breakdown().isPresent() ? row.atLevel(1) : row);
    }
    report.add(new Table("incidents", labels.format("table.commitment_incidents", incidents.from(), incidents.to()),
        quarterColumns, incidentRows, Optional.empty()));

    // outreach: people reached each month against the monthly target, and the events by kind
    LocalDate day = now.asOf();
    Optional<BigDecimal> monthly = now.line(ProgrammeIndicators.OUTREACH_REACHED_MONTHLY).flatMap(IndicatorLine::target);
    List<CommitmentCharts.Month> months = new ArrayList<>();
    List<Row> monthRows = new ArrayList<>();
    for (int m = OUTREACH_MONTHS - 1; m >= 0; m--) {
      LocalDate to = day.minusMonths(m);
      LocalDate from = day.minusMonths(m + 1L).plusDays(1);
      long reached = 0;
      long events = 0;
      long signatures = 0;
      for (OutreachEvent event : page.outreach()) {
        if (!event.date().isBefore(from) && !event.date().isAfter(to)) {
          reached += event.reached();
          events++;
          signatures += event.signatures().orElse(0);
        }
      }
      months.add(new CommitmentCharts.Month(to, reached));
      monthRows.add(Row.of(Cell.date(from), Cell.date(to), Cell.number(reached),
          monthly.map(IndicatorsCommand::number).orElse(Cell.empty()), Cell.number(events), Cell.number(signatures)));
    }
    String outreachCaption = labels.get("caption.outreach");
    Table monthData = new Table("outreach_monthly", outreachCaption,
        List.of(Column.date("from", labels.get("from")), Column.date("to", labels.get("to")),
            Column.number("reached", labels.get("outreach.reached")), Column.number("target", labels.get("target")),
            Column.number("events", labels.get("outreach.events")),
            Column.number("signatures", labels.get("outreach.signatures"))),
        monthRows, Optional.empty());
    OptionalLong target = monthly.map(t -> OptionalLong.of(t.longValue())).orElse(OptionalLong.empty());
    report.add(new Figure("outreach", outreachCaption, CommitmentCharts.outreach(months, target,
        monthly.map(t -> labels.format("target_of", t.stripTrailingZeros().toPlainString())).orElse(""),
        outreachCaption), Optional.of(monthData)));
    Map<OutreachKind, long[]> kinds = new EnumMap<>(OutreachKind.class);
    for (OutreachKind kind : OutreachKind.values()) {
      kinds.put(kind, new long[3]);
    }
    for (OutreachEvent event : page.outreach()) {
      long[] sums = kinds.get(event.kind());
      sums[0]++;
      sums[1] += event.reached();
      sums[2] += event.signatures().orElse(0);
    }
    List<Row> kindRows = new ArrayList<>();
    // a kind is a word of the data, as outreach list prints it, in every language
    kinds.forEach((kind, sums) -> kindRows.add(Row.of(Cell.text(kind.word()),
        Cell.number(sums[0]), Cell.number(sums[1]), Cell.number(sums[2]))));
    report.add(new Table("outreach_kinds", labels.format("table.outreach_kinds", OUTREACH_MONTHS),
        List.of(Column.text("kind", labels.get("outreach.kind")), Column.number("events", labels.get("outreach.events")),
            Column.number("reached", labels.get("outreach.reached")),
            Column.number("signatures", labels.get("outreach.signatures"))),
        kindRows, Optional.empty()));

    // livelihoods: members running and earning, loans that financed an activity, the median incomes
    List<Row> livelihoodRows = new ArrayList<>();
    for (String key : List.of(ProgrammeIndicators.MEMBERS_WITH_LIVELIHOOD, ProgrammeIndicators.MEMBERS_EARNING,
        ProgrammeIndicators.LOANS_FOR_ACTIVITY)) {
      IndicatorLine line = now.line(key).orElseThrow();
      withheld |= line.value() instanceof Value.Withheld;
      livelihoodRows.add(Row.of(Cell.text(IndicatorsCommand.label(line, now, labels)),
          IndicatorsCommand.cell(line.value(), threshold), Cell.text(key)));
    }
    report.add(new Table("livelihoods", labels.get("table.livelihoods"),
        List.of(Column.text("label", labels.get("indicator")), Column.number("value", labels.get("value")),
            Column.text("indicator", labels.get("indicator_key"))),
        livelihoodRows, Optional.empty()));
    List<Row> incomes = new ArrayList<>();
    for (IndicatorLine line : now.lines()) {
      if (line.key().startsWith(ProgrammeIndicators.INCOME_PREFIX)) {
        // a median of fewer members than this is withheld whatever the report's threshold
        Cell median = line.value() instanceof Value.Withheld
            ? Cell.withheld("<" + ProgrammeIndicators.MEDIAN_MIN_PEOPLE) : IndicatorsCommand.cell(line.value(), threshold);
        incomes.add(Row.of(Cell.text(IndicatorsCommand.label(line, now, labels)),
            Cell.text(line.currency().map(CurrencyUnit::getCode).orElse("")), median, Cell.text(line.key())));
      }
    }
    report.add(new Table("livelihood_income", labels.get("table.livelihood_income"),
        List.of(Column.text("label", labels.get("indicator")), Column.text("currency", labels.get("currency")),
            Column.amount("median", labels.get("median_monthly_income")),
            Column.text("indicator", labels.get("indicator_key"))),
        incomes, Optional.empty()));

    if (withheld) {
      report.note(labels.format("note.withheld", threshold));
    }
    if (incidentsWithheld) {
      report.note(labels.format("note.incidents_withheld", incidents.suppressedBelow()));
    }
    return report.build();
  }

  /** A withheld value's mark, as the tables write it: {@code <5} or {@code x}. */
  private static String mark(Value value, int threshold) {
    return ((Value.Withheld) value).reason() == Value.Reason.SMALL ? "<" + threshold : "x";
  }
}
