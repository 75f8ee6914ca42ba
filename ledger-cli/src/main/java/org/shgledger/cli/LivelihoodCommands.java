package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.shgledger.cli.UnitCommand.UnitCodeWord;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.money.MoneyFormats;
import org.shgledger.programme.IncomeReading;
import org.shgledger.programme.Livelihood;
import org.shgledger.programme.LivelihoodActivity;
import org.shgledger.programme.LivelihoodId;
import org.shgledger.programme.Livelihoods;
import org.shgledger.programme.Outreach;
import org.shgledger.programme.OutreachEvent;
import org.shgledger.programme.OutreachId;
import org.shgledger.programme.OutreachKind;
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
 * Livelihoods and outreach (issue 18), over {@link Livelihoods} and {@link Outreach}: {@code shg
 * livelihood record|update|list} for members' income-generating activities, {@code shg outreach
 * record|list} for a unit's advocacy events. Counts and amounts: a member is her id, an event's
 * audience a number.
 */
final class LivelihoodCommands {

  private LivelihoodCommands() {}

  /** A register command on one group's activities. */
  abstract static class LivelihoodCommand extends BookCommand {

    /** The register's rules over the open books, while {@link #run()} runs. */
    Livelihoods livelihoods;

    @Override
    final void opened(LedgerStore store) {
      livelihoods = new Livelihoods(engine, store.programme().livelihoods());
    }

    /** An income given on the command line, in the group's currency. */
    IncomeReading reading(LocalDate date, String income) {
      return new IncomeReading(date, zeroOrMore("--monthly-income", income));
    }
  }

  /** {@code shg livelihood record|update|list}. */
  @Command(
      name = "livelihood",
      mixinStandardHelpOptions = true,
      description = {
        "Members' income-generating activities, which their group oversees: record one, record a later "
            + "monthly income, list them.",
        "Example: shg livelihood record SHG01 M03 --activity tailoring --started 2025-02-01 "
            + "--monthly-income 1500 --loan 20250115-M03"
      },
      subcommands = {Record.class, Update.class, ListLivelihoods.class})
  static final class LivelihoodGroup extends CommandGroup {}

  /** {@code shg livelihood record GROUP MEMBER --activity TYPE --started DATE [...]}. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record an activity a member started. The same command again records nothing.",
        "Example: shg livelihood record SHG01 M03 --activity small-shop --started 2025-02-01 --monthly-income 1500"
      })
  static final class Record extends LivelihoodCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = Words.MemberIdWord.class,
        description = "The member who runs it, by her id.")
    MemberId member;

    @Option(names = "--activity", required = true, converter = ActivityWord.class, paramLabel = "TYPE",
        description = "tailoring, small-shop, livestock, vending, wage-work, agriculture, handicraft or other.")
    LivelihoodActivity activity;

    @Option(names = "--started", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day it started, yyyy-mm-dd; she was a member that day.")
    LocalDate started;

    @Option(names = "--monthly-income", paramLabel = "AMOUNT",
        description = "What it earns a month now, in the group's currency: its first reading, dated --started.")
    String income;

    @Option(names = "--loan", converter = Words.LoanIdWord.class, paramLabel = "LOAN",
        description = "The group loan to her that financed it.")
    LoanId loan;

    @Option(names = "--id", converter = IdWord.class, paramLabel = "ID",
        description = "The activity's id: letters, digits and hyphens. Default: the member's id and a number, M03-A1.")
    LivelihoodId id;

    @Override
    void run() {
      List<IncomeReading> first = income == null ? List.of() : List.of(reading(started, income));
      Livelihood livelihood = new Livelihood(id != null ? id : LivelihoodId.of("new"), member, activity, started,
          Optional.ofNullable(loan), first);
      Livelihoods.Recorded recorded = id != null ? livelihoods.record(code, livelihood)
          : livelihoods.recordUnderDefaultId(code, livelihood);
      Livelihood kept = recorded.livelihood();
      String what = "activity " + kept.id() + ": " + kept.member() + ", " + activity.word() + " from " + started
          + first.stream().map(r -> ", " + MoneyFormats.withCurrency(r.monthlyIncome()) + " a month")
              .collect(Collectors.joining())
          + (loan == null ? "" : ", financed by loan " + loan);
      out.println(recorded.repeat() ? what + ": recorded already; nothing new recorded" : "recorded in " + code + ": "
          + what);
    }
  }

  /** {@code shg livelihood update GROUP ID --monthly-income AMOUNT [--date DATE]}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a later monthly income of an activity; the earlier readings are kept. Of two readings of "
            + "one day, the later recorded stands.",
        "Example: shg livelihood update SHG01 M03-A1 --monthly-income 2200 --date 2025-08-01"
      })
  static final class Update extends LivelihoodCommand {
    @Parameters(index = "1", paramLabel = "ID", converter = IdWord.class, description = "The activity's id.")
    LivelihoodId id;

    @Option(names = "--monthly-income", required = true, paramLabel = "AMOUNT",
        description = "What it earns a month, in the group's currency.")
    String income;

    @Option(names = "--date", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day of the reading, yyyy-mm-dd. Default: today.")
    LocalDate date;

    @Override
    void run() {
      IncomeReading reading = reading(date != null ? date : LocalDate.now(), income);
      Livelihood before = livelihoods.livelihood(code, id);
      Livelihood after = livelihoods.update(code, id, reading);
      String what = "activity " + id + ": " + MoneyFormats.withCurrency(reading.monthlyIncome()) + " a month on "
          + reading.date();
      out.println(after.equals(before) ? what + " already; nothing new recorded" : what);
    }
  }

  /** {@code shg livelihood list GROUP [--as-of DATE]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "List the group's activities with the monthly income standing on a day.",
        "Example: shg livelihood list SHG01 --as-of 2025-06-30 --format csv"
      })
  static final class ListLivelihoods extends LivelihoodCommand {
    @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day of the incomes, yyyy-mm-dd. Default: today.")
    LocalDate asOf;

    @Mixin OutputOptions output;

    @Override
    void run() {
      Labels labels = output.labels();
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      List<Row> rows = new ArrayList<>();
      for (Livelihood livelihood : livelihoods.livelihoods(code)) {
        if (livelihood.started().isAfter(day)) {
          continue;
        }
        Optional<IncomeReading> reading = livelihood.readingOn(day);
        rows.add(Row.of(Cell.text(livelihood.id().value()), Cell.text(livelihood.member().value()),
            Cell.text(livelihood.activity().word()), Cell.date(livelihood.started()),
            livelihood.loan().map(loan -> Cell.text(loan.value())).orElse(Cell.empty()),
            reading.map(r -> Cell.amount(r.monthlyIncome())).orElse(Cell.empty()),
            reading.map(r -> Cell.date(r.date())).orElse(Cell.empty())));
      }
      Table table = Table.of("livelihoods", List.of(Column.text("id", labels.get("livelihood.id")),
          Column.text("member", labels.get("member")), Column.text("activity", labels.get("livelihood.activity")),
          Column.date("started", labels.get("livelihood.started")), Column.text("loan", labels.get("loan")),
          Column.amount("monthly_income", labels.get("livelihood.monthly_income")),
          Column.date("reading_date", labels.get("livelihood.reading_date"))), rows);
      output.print(Report.builder("livelihood-list", labels.get("report.livelihood_list"))
          .fact("group", labels.get("group"), Cell.text(code.value()))
          .fact("group_name", labels.get("group_name"), Cell.text(group.name()))
          .fact("as_of", labels.get("as_of"), Cell.date(day))
          .fact("currency", labels.get("currency"), Cell.text(group.currency().getCode()))
          .add(table).build());
    }
  }

  /** {@code shg outreach record|list}. */
  @Command(
      name = "outreach",
      mixinStandardHelpOptions = true,
      description = {
        "A unit's outreach and advocacy events, counted: record one with the people it reached, list them.",
        "Example: shg outreach record PATNA --date 2025-06-14 --kind rally --reached 1200 --groups SHG01,SHG02"
      },
      subcommands = {RecordOutreach.class, ListOutreach.class})
  static final class OutreachGroup extends CommandGroup {}

  /** {@code shg outreach record UNIT --date DATE --kind KIND --reached N [...]}. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record an outreach event a unit held. The same command again records nothing; two events alike "
            + "on one day need --id.",
        "Example: shg outreach record PATNA --date 2025-06-20 --kind petition --reached 300 --signatures 1250"
      })
  static final class RecordOutreach implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit that held it.")
    UnitCode unit;

    @Option(names = "--date", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day it was held, yyyy-mm-dd.")
    LocalDate date;

    @Option(names = "--kind", required = true, converter = KindWord.class, paramLabel = "KIND",
        description = "open-mic, rally, street-play, newspaper, petition, signature-campaign or workshop.")
    OutreachKind kind;

    @Option(names = "--reached", required = true, paramLabel = "N",
        description = "How many people it reached (readers, for a newspaper).")
    long reached;

    @Option(names = "--signatures", paramLabel = "N", description = "Signatures gathered (petitions, campaigns).")
    Long signatures;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", converter = BookIdConverter.class,
        description = "The unit's groups that held it, comma-separated: SHG01,SHG02.")
    List<BookId> groups = List.of();

    @Option(names = "--id", converter = OutreachIdWord.class, paramLabel = "ID",
        description = "The event's id: digits and hyphens after at most three capital letters. "
            + "Default: the day and a number, 20250614-1.")
    OutreachId id;

    @Override
    public Integer call() {
      OutreachEvent event;
      try {
        event = new OutreachEvent(id != null ? id : OutreachId.of("0"), date, kind, reached,
            signatures == null ? OptionalLong.empty() : OptionalLong.of(signatures), groups);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      var out = spec.commandLine().getOut();
      try (LedgerStore store = db.openExisting()) {
        Outreach outreach = new Outreach(store.units(), store.programme().outreach());
        Outreach.Recorded recorded = id != null ? outreach.record(unit, event)
            : outreach.recordUnderDefaultId(unit, event);
        OutreachEvent kept = recorded.event();
        String what = "outreach " + kept.id() + ": " + kind.word() + " on " + date + ", " + reached + " reached"
            + (signatures == null ? "" : ", " + signatures + " signatures")
            + (kept.groups().isEmpty() ? "" : ", held by " + kept.groups().stream().map(BookId::value)
                .collect(Collectors.joining(", ")));
        out.println(recorded.repeat() ? what + ": recorded already; nothing new recorded" : "recorded in " + unit + ": "
            + what);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shg outreach list UNIT [--from DATE] [--to DATE]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "List the outreach events of a unit and of the units under it.",
        "Example: shg outreach list PATNA --from 2025-04-01 --to 2025-06-30 --format csv"
      })
  static final class ListOutreach implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit.")
    UnitCode unit;

    @Option(names = "--from", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The first day. Default: a year before --to.")
    LocalDate from;

    @Option(names = "--to", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The last day. Default: today.")
    LocalDate to;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      LocalDate last = to != null ? to : LocalDate.now();
      LocalDate first = from != null ? from : last.minusYears(1).plusDays(1);
      if (last.isBefore(first)) {
        throw new ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
      }
      List<OutreachEvent> events;
      try (LedgerStore store = db.openExisting()) {
        events = new Outreach(store.units(), store.programme().outreach()).events(unit, first, last);
      }
      Labels labels = output.labels();
      List<Row> rows = new ArrayList<>();
      for (OutreachEvent event : events) {
        rows.add(Row.of(Cell.text(event.id().value()), Cell.date(event.date()), Cell.text(event.kind().word()),
            Cell.number(event.reached()),
            event.signatures().isPresent() ? Cell.number(event.signatures().getAsLong()) : Cell.empty(),
            Cell.text(event.groups().stream().map(BookId::value).collect(Collectors.joining(" ")))));
      }
      Table table = Table.of("outreach", List.of(Column.text("id", labels.get("outreach.id")),
          Column.date("date", labels.get("date")), Column.text("kind", labels.get("outreach.kind")),
          Column.number("reached", labels.get("outreach.reached")),
          Column.number("signatures", labels.get("outreach.signatures")),
          Column.text("groups", labels.get("outreach.groups"))), rows);
      output.print(Report.builder("outreach-list", labels.get("report.outreach_list"))
          .fact("unit", labels.get("unit"), Cell.text(unit.value()))
          .fact("from", labels.get("from"), Cell.date(first))
          .fact("to", labels.get("to"), Cell.date(last))
          .fact("reached", labels.get("outreach.reached_total"),
              Cell.number(events.stream().mapToLong(OutreachEvent::reached).sum()))
          .add(table).build());
      return ExitCodes.OK;
    }
  }

  /** An activity's word: {@code tailoring}, {@code small-shop} ... */
  static final class ActivityWord extends Words.EnumWord<LivelihoodActivity> {
    ActivityWord() {
      super(LivelihoodActivity.class);
    }
  }

  /** An outreach event's kind: {@code open-mic}, {@code rally} ... */
  static final class KindWord extends Words.EnumWord<OutreachKind> {
    KindWord() {
      super(OutreachKind.class);
    }
  }

  /** An activity's id such as {@code M03-A1}; the rule is {@link LivelihoodId}'s. */
  static final class IdWord extends Words.ValueWord<LivelihoodId> {
    IdWord() {
      super(LivelihoodId::of);
    }
  }

  /** An outreach event's id such as {@code 20250614-1}; the rule is {@link OutreachId}'s. */
  static final class OutreachIdWord extends Words.ValueWord<OutreachId> {
    OutreachIdWord() {
      super(OutreachId::of);
    }
  }
}
