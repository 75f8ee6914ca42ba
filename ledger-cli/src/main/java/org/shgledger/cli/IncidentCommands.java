package org.shgledger.cli;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.BookId;
import org.shgledger.programme.AgeBand;
import org.shgledger.programme.Incident;
import org.shgledger.programme.IncidentCells;
import org.shgledger.programme.IncidentEvent;
import org.shgledger.programme.IncidentId;
import org.shgledger.programme.IncidentLine;
import org.shgledger.programme.IncidentPurge;
import org.shgledger.programme.IncidentReport;
import org.shgledger.programme.IncidentStatus;
import org.shgledger.programme.IncidentType;
import org.shgledger.programme.Incidents;
import org.shgledger.programme.ProgrammeIndicators;
import org.shgledger.programme.SmallCells;
import org.shgledger.programme.SupportService;
import org.shgledger.programme.Value;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Community safety monitoring (issue 18), over {@link Incidents}: {@code shg incident
 * record|update|purge} and the report {@code shg incidents}. Counts, never stories: no option takes
 * a name, a member, a place or free text, so there is nowhere to type one (docs/privacy.md).
 */
final class IncidentCommands {

  private IncidentCommands() {}

  /** A register command on one group's incidents. */
  abstract static class IncidentCommand extends BookCommand {

    /** The register's rules over the open books, while {@link #run()} runs. */
    Incidents incidents;

    @Override
    final void opened(LedgerStore store) {
      incidents = new Incidents(engine, store.programme().incidents());
    }
  }

  /** {@code shg incident record|update|purge}. */
  @Command(
      name = "incident",
      mixinStandardHelpOptions = true,
      description = {
        "Community safety monitoring: record an incident of gender-based violence or trafficking risk "
            + "a group reported, record a step of its response, or delete the whole register. Counts, never "
            + "stories: there is no name, member, place or free text (docs/privacy.md).",
        "Example: shg incident record SHG01 --date 2025-04-05 --type trafficking --status referred "
            + "--referred-to police,anti-trafficking-unit --age-band 12-17"
      },
      subcommands = {Record.class, Update.class, Purge.class})
  static final class IncidentGroup extends CommandGroup {}

  /** {@code shg incident record GROUP --date DATE --type TYPE --status STATUS [...]}. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record an incident a group reported. The same command again records nothing; two incidents "
            + "alike on one day need --id.",
        "Example: shg incident record SHG01 --date 2025-04-05 --type trafficking --status referred "
            + "--referred-to police --age-band 12-17"
      })
  static final class Record extends IncidentCommand {
    @Option(names = "--date", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day the group reported it, yyyy-mm-dd.")
    LocalDate date;

    @Option(names = "--type", required = true, converter = TypeWord.class, paramLabel = "TYPE",
        description = "rape, sexual-assault, physical-assault, forced-marriage, denial-of-resources, "
            + "psychological-abuse (the GBVIMS types), trafficking, child-marriage-prevented or missing-girl.")
    IncidentType type;

    @Option(names = "--status", required = true, converter = StatusWord.class,
        paramLabel = "reported|referred|in-progress|closed", description = "Where its response stands.")
    IncidentStatus status;

    @Option(names = "--referred-to", split = ",", converter = ServiceWord.class, paramLabel = "SERVICE",
        description = "Services it was referred to, comma-separated: police, legal-aid, health, shelter, "
            + "psychosocial, child-welfare-committee, anti-trafficking-unit.")
    List<SupportService> referredTo = List.of();

    @Option(names = "--age-band", converter = AgeBandWord.class, paramLabel = "0-11|12-17|18-25|26+",
        description = "The survivor's age band, if known; never her age.")
    AgeBand ageBand;

    @Option(names = "--id", converter = IdWord.class, paramLabel = "ID",
        description = "The incident's id: digits and hyphens after at most three capital letters. "
            + "Default: the day and a number, 20250405-1.")
    IncidentId id;

    @Override
    void run() {
      IncidentEvent report = new IncidentEvent(date, status, referredTo);
      Incidents.Recorded recorded = id != null
          ? incidents.record(code, new Incident(id, date, type, Optional.ofNullable(ageBand), List.of(report)))
          : incidents.record(code, date, type, Optional.ofNullable(ageBand), report);
      String what = "incident " + recorded.incident().id() + ": " + word(type) + " on " + date + ", " + word(status)
          + services(report.referredTo()) + (ageBand == null ? "" : ", aged " + ageBand.word());
      out.println(recorded.repeat() ? what + ": recorded already; nothing new recorded" : "recorded in " + code
          + ": " + what);
    }
  }

  /** {@code shg incident update GROUP ID --status STATUS [--referred-to ...] [--date DATE]}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a step of an incident's response: its new status, and services it was referred to. "
            + "A new event; the history is kept, never edited.",
        "Example: shg incident update SHG01 20250405-1 --status in-progress --referred-to shelter --date 2025-04-09"
      })
  static final class Update extends IncidentCommand {
    @Parameters(index = "1", paramLabel = "ID", converter = IdWord.class, description = "The incident's id.")
    IncidentId id;

    @Option(names = "--status", required = true, converter = StatusWord.class,
        paramLabel = "reported|referred|in-progress|closed", description = "Its status from --date.")
    IncidentStatus status;

    @Option(names = "--referred-to", split = ",", converter = ServiceWord.class, paramLabel = "SERVICE",
        description = "Services it was referred to at this step, comma-separated.")
    List<SupportService> referredTo = List.of();

    @Option(names = "--date", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day of the step, yyyy-mm-dd. Default: today.")
    LocalDate date;

    @Override
    void run() {
      IncidentEvent event = new IncidentEvent(date != null ? date : LocalDate.now(), status, referredTo);
      Incident before = incidents.incident(code, id);
      Incident after = incidents.update(code, id, event);
      String what = "incident " + id + ": " + word(status) + services(event.referredTo()) + " from " + event.date();
      out.println(after.equals(before) ? what + " already; nothing new recorded" : what);
    }
  }

  /** {@code shg incident purge UNIT|--groups G1,G2 [--confirm]}. */
  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Delete every incident of the groups, with its history: the one exception to append-only, for a "
            + "programme that must not keep the register any longer. Without --confirm it only says what it "
            + "would delete. Each group keeps a record of the purge with its counts, in its registry chain.",
        "Example: shg incident purge PATNA --confirm   (or --groups SHG01,SHG02)"
      })
  static final class Purge implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Parameters(index = "0", arity = "0..1", paramLabel = "UNIT",
        description = "The NGO unit whose groups' registers are deleted, those of the units under it included.")
    String unit;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", converter = BookIdConverter.class,
        description = "Instead of a unit, the groups, comma-separated: SHG01,SHG02.")
    List<BookId> groups;

    @Option(names = "--confirm", description = "Delete. Without it, nothing is deleted.")
    boolean confirm;

    @Override
    public Integer call() {
      if ((unit == null) == (groups == null)) {
        throw new ParameterException(spec.commandLine(), "name a UNIT or give --groups, one of the two");
      }
      var out = spec.commandLine().getOut();
      LocalDate today = LocalDate.now();
      try (LedgerStore store = db.openExisting()) {
        Incidents incidents = new Incidents(store.engine(), store.programme().incidents());
        long total = 0;
        for (BookId group : IndicatorsCommand.groups(store, unit, groups, spec)) {
          if (!confirm) {
            List<Incident> held = incidents.incidents(group);
            out.println(group + ": " + held.size() + " incidents, "
                + held.stream().mapToLong(incident -> incident.events().size()).sum() + " events would be deleted");
            continue;
          }
          IncidentPurge purge = incidents.purge(group, today);
          long left = incidents.incidents(group).size();
          out.println(group + ": " + purge.incidents() + " incidents, " + purge.events() + " events deleted; "
              + left + " left; purge recorded on " + purge.date());
          total += left;
        }
        out.println(confirm ? "purged and verified: " + total + " incidents remain. Backups made before today "
            + "still hold the register (docs/privacy.md)." : "nothing deleted: add --confirm to delete");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shg incidents UNIT|--groups G1,G2 [--from DATE] [--to DATE] [--by-group]}. */
  @Command(
      name = "incidents",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Counts of the incidents the groups reported, quarter by quarter: by type, status at the quarter's "
            + "end, age band and referral. Every count of fewer than 5 is withheld, and every count from "
            + "which one could be worked out (docs/privacy.md).",
        "Example: shg incidents PATNA --from 2025-04-01 --to 2026-03-31   (or --groups SHG01,SHG02)"
      })
  static final class IncidentsReport implements Callable<Integer>, StoreReport {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Parameters(index = "0", arity = "0..1", paramLabel = "UNIT",
        description = "The NGO unit whose groups are counted, those of the units under it included.")
    String unit;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", converter = BookIdConverter.class,
        description = "Instead of a unit, the groups to count, comma-separated: SHG01,SHG02.")
    List<BookId> groups;

    @Option(names = "--from", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The first day counted. Default: the first day of the quarter three quarters before --to's.")
    LocalDate from;

    @Option(names = "--to", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The last day counted. Default: today.")
    LocalDate to;

    @Option(names = "--by-group",
        description = "Count each group's incidents too: for the NGO's coordinators, never for donors.")
    boolean byGroup;

    @Option(names = "--suppress-below", paramLabel = "N", defaultValue = "" + SmallCells.DEFAULT_THRESHOLD,
        description = "Withhold counts of 1 to N-1, and what would give them away. Default: ${DEFAULT-VALUE}; "
            + "1 withholds nothing (never for donors); 2 is refused.")
    int suppressBelow;

    @Mixin OutputOptions output;

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
     * The counts over open books, as the options given ask (for this command, and for whatever
     * else parses the same options, such as a server).
     *
     * @param store the open books, not null
     * @param labels the reader's words, not null
     * @return the report, not null
     * @throws ParameterException if the options are out of range or name neither a unit nor groups
     */
    @Override
    public Report report(LedgerStore store, Labels labels) {
      if (suppressBelow < 1 || suppressBelow == 2 || suppressBelow > SmallCells.MAX_THRESHOLD) {
        throw usage("--suppress-below must be 1, or 3 to " + SmallCells.MAX_THRESHOLD + ", not " + suppressBelow);
      }
      IndicatorsCommand.checkCounted(unit, groups, spec);
      LocalDate last = to != null ? to : LocalDate.now();
      LocalDate first = from != null ? from : defaultFrom(last);
      if (last.isBefore(first)) {
        throw usage("--to " + last + " is before --from " + first);
      }
      if (first.plusMonths(3L * IncidentReport.MAX_QUARTERS - 3).isBefore(last.with(IsoFields.DAY_OF_QUARTER, 1))) {
        throw usage("a report covers at most " + IncidentReport.MAX_QUARTERS + " quarters");
      }
      return IncidentCommands.report(protectedCounts(store, IndicatorsCommand.groups(store, unit, groups, spec), first,
          last, byGroup, suppressBelow), labels);
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  /**
   * The first day {@code shg incidents} counts when no {@code --from} is given: that of the quarter
   * three quarters before the last day's, so that a report holds four quarters.
   *
   * @param last the last day counted, not null
   * @return the first day, not null
   */
  static LocalDate defaultFrom(LocalDate last) {
    return last.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(9);
  }

  /**
   * The counts of the groups' incidents from a day to a day, quarter by quarter, after the primary
   * and secondary suppression of {@link IncidentCells#protect}: what {@code shg incidents} prints,
   * and the donor's page of {@code shg commitment} shows.
   *
   * @param store the open books, not null
   * @param groups the groups, in the order to list them; a group named twice counts once, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}
   * @param byGroup whether to count each group's too (for coordinators, never for donors)
   * @param threshold the counts withheld are those of 1 to {@code threshold - 1}; 1 withholds nothing
   * @return the protected counts, not null
   */
  static IncidentReport protectedCounts(LedgerStore store, List<BookId> groups, LocalDate from, LocalDate to,
      boolean byGroup, int threshold) {
    Incidents incidents = new Incidents(store.engine(), store.programme().incidents());
    Map<BookId, List<Incident>> held = new LinkedHashMap<>();
    for (BookId group : groups) {
      held.putIfAbsent(group, incidents.incidents(group));
    }
    return IncidentCells.protect(IncidentReport.count(held, from, to, byGroup), threshold);
  }

  /**
   * The counts as a report: table {@code incidents} (one row per quarter and count) and table
   * {@code groups}.
   *
   * @param incidents the counts, protected or not, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   */
  static Report report(IncidentReport incidents, Labels labels) {
    Report.Builder report =
        Report.builder("programme-incidents", labels.get("report.incidents"))
            .fact("from", labels.get("from"), Cell.date(incidents.from()))
            .fact("to", labels.get("to"), Cell.date(incidents.to()));
    if (incidents.suppressedBelow() > 1) {
      report.fact("suppressed_below", labels.get("suppressed_below"), Cell.number(incidents.suppressedBelow()));
    }
    List<Row> rows = new ArrayList<>();
    boolean withheld = false;
    for (IncidentReport.Quarter quarter : incidents.quarters()) {
      for (IncidentLine line : quarter.lines()) {
        withheld |= line.value() instanceof Value.Withheld;
        // the label first, so that a part is indented under its total; the stable key last for programs
        Row row = Row.of(Cell.text(label(line, labels)), cell(line.value(), incidents.suppressedBelow()),
            Cell.date(quarter.from()), Cell.date(quarter.to()), Cell.text(line.key()));
        rows.add(line.breakdown().isPresent() ? row.atLevel(1) : row);
      }
    }
    report.add(new Table("incidents", labels.get("table.incidents"),
        List.of(Column.text("label", labels.get("indicator")), Column.number("value", labels.get("value")),
            Column.date("quarter_from", labels.get("from")), Column.date("quarter_to", labels.get("to")),
            Column.text("indicator", labels.get("indicator_key"))),
        rows, Optional.empty()));
    report.add(new Table("groups", labels.get("table.groups"), List.of(Column.text("group", labels.get("group"))),
        incidents.groups().stream().map(code -> Row.of(Cell.text(code.value()))).toList(), Optional.empty()));
    if (withheld) {
      report.note(labels.format("note.incidents_withheld", incidents.suppressedBelow()));
    }
    return report.build();
  }

  /**
   * A count's label in the reader's words: {@code Incidents reported}, {@code trafficking or
   * attempted trafficking}, {@code status: closed} ...
   */
  static String label(IncidentLine line, Labels labels) {
    if (line.breakdown().filter(IncidentReport.BY_GROUP::equals).isPresent()) {
      return labels.format("incident.group", line.key().substring(IncidentReport.BY_GROUP.length() + 1));
    }
    return labels.get("incident." + line.key());
  }

  /** A count as a cell: a withheld one as its mark, {@code <5} or {@code x}. */
  static Cell cell(Value value, int threshold) {
    if (value instanceof Value.Count count) {
      return Cell.number(count.value());
    }
    return Cell.withheld(((Value.Withheld) value).reason() == Value.Reason.SMALL ? "<" + threshold : "x");
  }

  // ---------------------------------------------------------------- words

  private static String word(Enum<?> constant) {
    return IncidentReport.word(constant);
  }

  private static String services(List<SupportService> services) {
    return services.isEmpty() ? ""
        : ", referred to " + services.stream().map(IncidentCommands::word).collect(Collectors.joining(", "));
  }

  /** An incident type: {@code rape}, {@code sexual-assault} ... {@code missing-girl}. */
  static final class TypeWord extends Words.EnumWord<IncidentType> {
    TypeWord() {
      super(IncidentType.class);
    }
  }

  /** {@code reported}, {@code referred}, {@code in-progress} or {@code closed}. */
  static final class StatusWord extends Words.EnumWord<IncidentStatus> {
    StatusWord() {
      super(IncidentStatus.class);
    }
  }

  /** A service: {@code police}, {@code legal-aid} ... {@code anti-trafficking-unit}. */
  static final class ServiceWord extends Words.EnumWord<SupportService> {
    ServiceWord() {
      super(SupportService.class);
    }
  }

  /** {@code 0-11}, {@code 12-17}, {@code 18-25} or {@code 26+}. */
  static final class AgeBandWord implements ITypeConverter<AgeBand> {
    @Override
    public AgeBand convert(String value) {
      try {
        return AgeBand.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** An incident's id; the rule is {@link IncidentId}'s. */
  static final class IdWord extends Words.ValueWord<IncidentId> {
    IdWord() {
      super(IncidentId::of);
    }
  }
}
