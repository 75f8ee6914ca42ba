package org.shgledger.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Cells;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.Group;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.money.MoneyFormats;
import org.shgledger.store.LedgerStore;
import org.shgledger.unit.CurrencySection;
import org.shgledger.unit.Figures;
import org.shgledger.unit.GroupFigures;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitReports;
import org.shgledger.unit.UnitStatement;
import org.shgledger.unit.Units;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg unit create|add-group|move|list|show|statement}: the NGO units (clusters,
 * federations) that mentor groups, and what their groups' books add up to (docs/units.md).
 */
@Command(
    name = "unit",
    mixinStandardHelpOptions = true,
    description = {
      "NGO units (clusters, federations) and the groups in them; a unit may sit under another.",
      "Example: shg unit statement FED --from 2024-04-01 --to 2025-03-31 --format csv"
    },
    subcommands = {UnitCommand.Create.class, UnitCommand.AddGroup.class, UnitCommand.Move.class,
        UnitCommand.ListUnits.class, UnitCommand.Show.class, UnitCommand.Statement.class})
final class UnitCommand extends CommandGroup {

  /** A unit code such as {@code CL-NORTH}; the rule is {@link UnitCode}'s. */
  static final class UnitCodeWord extends Words.ValueWord<UnitCode> {
    UnitCodeWord() {
      super(UnitCode::of);
    }
  }

  /** {@code shg unit create CODE --name NAME [--parent UNIT]}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a unit, at the top or under another unit. Creating the same unit again changes "
            + "nothing; another unit under the same code, or the code of a group, is refused.",
        "Example: shg unit create CL-NORTH --name \"North cluster\" --parent FED"
      })
  static final class Create implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private DbOptions db;

    @Parameters(index = "0", paramLabel = "CODE", converter = UnitCodeWord.class,
        description = "The unit's code: letters, digits, . _ -, such as CL-NORTH.")
    private UnitCode code;

    @Option(names = "--name", required = true, description = "The unit's name.")
    private String name;

    @Option(names = "--parent", paramLabel = "UNIT", converter = UnitCodeWord.class,
        description = "The unit it sits under (default: none, a unit at the top).")
    private UnitCode parent;

    @Override
    public Integer call() {
      Unit unit;
      try {
        unit = new Unit(code, name.strip(), Optional.ofNullable(parent));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--name: " + e.getMessage(), e);
      }
      try (LedgerStore store = db.open()) {
        store.units().createUnit(unit);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("unit " + code + " '" + unit.name() + "' is in the books, "
          + (parent == null ? "at the top" : "under " + parent));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shg unit add-group UNIT GROUP... [--move]}. */
  @Command(
      name = "add-group",
      mixinStandardHelpOptions = true,
      description = {
        "Put groups in a unit. A group is in one unit at a time: one already in another unit is "
            + "refused unless --move is given. All the groups are put, or none.",
        "Example: shg unit add-group CL-NORTH SHG01 SHG02 SHG03"
      })
  static final class AddGroup implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private DbOptions db;

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit.")
    private UnitCode unit;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "GROUP", converter = BookIdConverter.class,
        description = "The groups' codes.")
    private List<BookId> groups;

    @Option(names = "--move", description = "Take a group out of the unit it is in, if any.")
    private boolean move;

    @Override
    public Integer call() {
      Map<BookId, Optional<UnitCode>> before = new LinkedHashMap<>();
      try (LedgerStore store = db.openExisting()) {
        Units units = store.units();
        units.registry().atomically(() -> {
          before.clear();
          for (BookId group : groups) {
            before.putIfAbsent(group, units.unitOf(group));
            if (move) {
              units.moveGroup(unit, group);
            } else {
              units.addGroup(unit, group);
            }
          }
          return null;
        });
      }
      PrintWriter out = spec.commandLine().getOut();
      before.forEach((group, was) -> out.println(group + " is in unit " + unit
          + (was.equals(Optional.of(unit)) ? " (it was already)" : was.map(w -> " (moved from " + w + ")").orElse(""))));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shg unit move UNIT --parent UNIT | --top}. */
  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = {
        "Move a unit, with everything under it, under another unit or to the top. A unit cannot "
            + "sit under itself or under a unit below it.",
        "Example: shg unit move CL-NORTH --parent FED-2"
      })
  static final class Move implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private DbOptions db;

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit to move.")
    private UnitCode unit;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    /** Exactly one of the two. */
    static final class Where {
      @Option(names = "--parent", paramLabel = "UNIT", converter = UnitCodeWord.class,
          description = "The unit to put it under.")
      UnitCode parent;

      @Option(names = "--top", description = "Put it at the top, under no unit.")
      boolean top;
    }

    @Override
    public Integer call() {
      Unit moved;
      try (LedgerStore store = db.openExisting()) {
        moved = store.units().moveUnit(unit, Optional.ofNullable(where.parent));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("unit " + unit + " is " + moved.parent().map(p -> "under " + p).orElse("at the top"));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shg unit list}: every unit, one line each. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the units: code, name, the unit above, and how many groups are in each (directly, "
            + "and with the units under it).",
        "Example: shg unit list"
      })
  static final class ListUnits implements Callable<Integer> {

    @Mixin private DbOptions db;

    @Mixin private OutputOptions output;

    @Override
    public Integer call() {
      Labels labels = output.labels();
      String location;
      List<Row> rows = new ArrayList<>();
      try (LedgerStore store = db.openExisting()) {
        location = store.location();
        Units units = store.units();
        for (Unit unit : units.units()) {
          rows.add(Row.of(Cell.text(unit.code().value()), Cell.text(unit.name()),
              unit.parent().map(parent -> Cell.text(parent.value())).orElse(Cell.empty()),
              Cell.number(units.registry().groups(unit.code()).size()),
              Cell.number(units.groupsUnder(unit.code()).size())));
        }
      }
      Table table = Table.of("units", List.of(Column.text("unit", labels.get("list.unit")),
          Column.text("name", labels.get("list.name")), Column.text("under", labels.get("list.under")),
          Column.number("groups_in_it", labels.get("list.groups_in_it")),
          Column.number("groups_in_all", labels.get("list.groups_in_all"))), rows);
      Report report = Report.builder("unit-list", labels.get("report.unit_list")).add(table).build();
      String text;
      if (rows.isEmpty()) {
        text = labels.format("list.no_units", location) + "\n";
      } else {
        // text marks a unit at the top with "-", as it always has; CSV and JSON leave it empty
        List<String[]> lines = new ArrayList<>();
        lines.add(table.columns().stream().map(Column::label).toArray(String[]::new));
        for (Row row : rows) {
          String[] line = row.cells().stream().map(cell -> Cells.forPeople(cell, false)).toArray(String[]::new);
          line[2] = line[2].isEmpty() ? "-" : line[2];
          lines.add(line);
        }
        text = Tables.text(lines, "lllrr");
      }
      TableOutput.print(output, report, text);
      return ExitCodes.OK;
    }
  }

  /** {@code shg unit show UNIT [--as-of DATE]}: a unit, where it sits, and its groups. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show a unit: the units above and below it, and every group in it or under it with its "
            + "members on a day (counted, never named).",
        "Example: shg unit show CL-NORTH --as-of 2025-03-31"
      })
  static final class Show implements Callable<Integer> {

    @Mixin private DbOptions db;

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit.")
    private UnitCode code;

    @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day to count members on, yyyy-mm-dd. Default: today (printed).")
    private LocalDate asOf;

    @Mixin private OutputOptions output;

    @Override
    public Integer call() {
      Labels labels = output.labels();
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      Unit unit;
      String place;
      List<Unit> below;
      int direct;
      Table table;
      try (LedgerStore store = db.openExisting()) {
        Units units = store.units();
        unit = units.unit(code);
        below = units.children(code);
        place = units.path(code).stream().map(u -> u.code().value()).collect(Collectors.joining(" > "));
        direct = units.registry().groups(code).size();
        List<Row> rows = new ArrayList<>();
        for (BookId id : units.groupsUnder(code)) {
          Group group = store.engine().group(id);
          rows.add(Row.of(Cell.text(id.value()), Cell.text(group.name()),
              Cell.text(units.unitOf(id).map(UnitCode::value).orElse("")), Cell.text(group.currency().getCode()),
              Cell.number(store.engine().membersOn(id, day).size())));
        }
        table = Table.of("groups", List.of(Column.text("group", labels.get("list.group")),
            Column.text("name", labels.get("list.name")), Column.text("unit", labels.get("list.unit")),
            Column.text("currency", labels.get("list.currency")),
            Column.number("members", labels.get("list.members"))), rows);
      }
      String under = below.isEmpty() ? labels.get("list.none")
          : below.stream().map(u -> u.code() + " (" + u.name() + ")").collect(Collectors.joining(", "));
      Report report = Report.builder("unit", labels.format("report.unit", code))
          .fact("unit", labels.get("unit"), Cell.text(code.value()))
          .fact("unit_name", labels.get("unit_name"), Cell.text(unit.name()))
          .fact("place", labels.get("list.place"), Cell.text(place))
          .fact("units_under", labels.get("list.units_under"), Cell.text(under))
          .fact("groups_in_it", labels.get("list.groups_in_it"), Cell.number(direct))
          .fact("groups_in_all", labels.get("list.groups_in_all"), Cell.number(table.rows().size()))
          .fact("as_of", labels.get("as_of"), Cell.date(day))
          .add(table).build();
      StringBuilder text = new StringBuilder();
      text.append(code).append("  ").append(unit.name()).append('\n');
      line(text, labels.get("list.place"), place);
      line(text, labels.get("list.units_under"), under);
      line(text, labels.get("list.groups"), labels.format("list.groups_count", direct, table.rows().size()));
      if (!table.rows().isEmpty()) {
        text.append('\n').append(labels.format("list.on_day", day)).append('\n').append(Tables.text(table));
      }
      TableOutput.print(output, report, text.toString());
      return ExitCodes.OK;
    }

    private static void line(StringBuilder text, String label, String value) {
      text.append(String.format("  %-16s %s", label, value)).append('\n');
    }
  }

  /** {@code shg unit statement UNIT [--from DATE] [--to DATE]}: the unit's consolidated figures. */
  @Command(
      name = "statement",
      mixinStandardHelpOptions = true,
      description = {
        "The unit's consolidated statement: the balance sheet on --to and the income and "
            + "expenditure of the period, by account code, added up over every group in the unit and "
            + "the units under it; groups in different currencies are never added together. Groups "
            + "and members are counted, members never named.",
        "CSV and JSON have one column per group (group_CODE) and a total column.",
        "Example: shg unit statement FED --from 2024-04-01 --to 2025-03-31 --format csv --output fed.csv"
      })
  static final class Statement extends ReportCommand {

    @Parameters(index = "0", paramLabel = "UNIT", converter = UnitCodeWord.class, description = "The unit.")
    private UnitCode code;

    @Option(names = "--from", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The first day, yyyy-mm-dd (default: 1 April of the financial year of --to).")
    private LocalDate from;

    @Option(names = "--to", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The last day, yyyy-mm-dd, the day of the balance sheet (default: today).")
    private LocalDate to;

    private LocalDate first;

    private LocalDate last;

    @Override
    void checkOptions() {
      last = to != null ? to : LocalDate.now();
      first = from != null ? from : LocalDate.of(last.getMonthValue() >= 4 ? last.getYear() : last.getYear() - 1, 4, 1);
      if (last.isBefore(first)) {
        throw usage("--to " + last + " is before --from " + first);
      }
    }

    @Override
    Report report(LedgerStore store, Labels labels) {
      UnitStatement statement = new UnitReports(store.units()).statement(code, first, last);
      Format format = output.format();
      return UnitCommand.report(statement, labels, format == Format.CSV || format == Format.JSON);
    }
  }

  /**
   * The unit statement as a report (docs/units.md): facts, then for each
   * currency a table of the groups and the balance sheet and income and expenditure by account.
   *
   * @param statement the statement, not null
   * @param labels the words for people, not null
   * @param forPrograms whether to add a column per group and a {@code type} column (CSV and JSON),
   *     rather than the total only (text and HTML, which a column per group would make too wide)
   * @return the report, not null
   */
  static Report report(UnitStatement statement, Labels labels, boolean forPrograms) {
    Report.Builder report = Report.builder("unit-statement", labels.get("report.unit_statement"))
        .fact("unit", labels.get("unit"), Cell.text(statement.unit().code().value()))
        .fact("unit_name", labels.get("unit_name"), Cell.text(statement.unit().name()))
        .fact("from", labels.get("from"), Cell.date(statement.from()))
        .fact("to", labels.get("to"), Cell.date(statement.to()))
        .fact("groups", labels.get("groups"), Cell.number(statement.groupCount()))
        .fact("members", labels.get("members"), Cell.number(statement.memberCount()));
    if (statement.sections().isEmpty()) {
      report.note(labels.get("note.unit_no_groups"));
    }
    for (CurrencySection section : statement.sections()) {
      addSection(report, section, statement.to(), labels, forPrograms);
    }
    if (!forPrograms && !statement.sections().isEmpty()) {
      report.note(labels.get("note.unit_columns"));
    }
    return report.build();
  }

  private static void addSection(Report.Builder report, CurrencySection section, LocalDate to, Labels labels,
      boolean forPrograms) {
    CurrencyUnit currency = section.currency();
    String suffix = currency.getCode().toLowerCase(Locale.ROOT);
    Figures total = section.total();

    List<Row> groupRows = new ArrayList<>();
    for (GroupFigures group : section.groups()) {
      groupRows.add(groupRow(Cell.text(group.group().value()), Cell.text(group.name()), group.figures()));
    }
    report.add(Table.of("groups_" + suffix,
            List.of(Column.text("group", labels.get("group")), Column.text("group_name", labels.get("group_name")),
                Column.number("members", labels.get("members")),
                Column.amount("total_assets", labels.get("total_assets")),
                Column.amount("members_savings", labels.get("savings")),
                Column.amount("loans_outstanding", labels.get("loan_outstanding")),
                Column.amount("surplus", labels.get("surplus"))),
            groupRows)
        .withCaption(labels.format("caption.unit_groups", currency.getCode()))
        .withTotal(groupRow(Cell.text(labels.get("total")), Cell.empty(), total)));

    Map<BookId, String> keys = groupColumnKeys(section.groups());
    List<Column> columns = new ArrayList<>(List.of(Column.text("code", labels.get("code")),
        Column.text("account", labels.get("account"))));
    if (forPrograms) {
      columns.add(Column.text("type", labels.get("type")));
      keys.forEach((group, key) -> columns.add(Column.amount(key, group.value())));
    }
    columns.add(Column.amount("total", labels.get("total")));

    List<Row> sheet = new ArrayList<>();
    addLines(sheet, "asset", Figures.Part.ASSETS, section, labels, forPrograms);
    addLines(sheet, "liability", Figures.Part.LIABILITIES, section, labels, forPrograms);
    addLines(sheet, "equity", Figures.Part.EQUITY, section, labels, forPrograms);
    List<Cell> unclosed = new ArrayList<>(List.of(Cell.empty(), Cell.text(labels.get("unclosed_surplus"))));
    if (forPrograms) {
      unclosed.add(Cell.text("unclosed_surplus"));
      section.groups().forEach(g -> unclosed.add(Cell.amount(g.figures().unclosedSurplus())));
    }
    unclosed.add(Cell.amount(total.unclosedSurplus()));
    sheet.add(new Row(unclosed, 0));
    report.add(new Table("balance_sheet_" + suffix, labels.format("caption.unit_balance_sheet", to, currency.getCode()),
        columns, sheet, Optional.empty()));
    report.note(labels.format("note.unit_balance", amount(total.totalAssets()), amount(total.totalLiabilities()),
        amount(total.totalEquity()), amount(total.unclosedSurplus())));

    List<Row> account = new ArrayList<>();
    addLines(account, "income", Figures.Part.INCOME, section, labels, forPrograms);
    addLines(account, "expense", Figures.Part.EXPENDITURE, section, labels, forPrograms);
    report.add(new Table("income_and_expenditure_" + suffix,
        labels.format("caption.unit_income_and_expenditure", currency.getCode()), columns, account, Optional.empty()));
    report.note(labels.format("note.unit_surplus", amount(total.totalIncome()), amount(total.totalExpenditure()),
        amount(total.surplus())));
  }

  private static Row groupRow(Cell group, Cell name, Figures figures) {
    return Row.of(group, name, Cell.number(figures.members()), Cell.amount(figures.totalAssets()),
        Cell.amount(figures.membersSavings()), Cell.amount(figures.loansOutstanding()), Cell.amount(figures.surplus()));
  }

  /** One row per account code of one part (assets, income...), each group's amount and the total. */
  private static void addLines(List<Row> rows, String type, Figures.Part part, CurrencySection section, Labels labels,
      boolean forPrograms) {
    for (CurrencySection.AccountLine line : section.lines(part)) {
      AccountCode code = line.code();
      List<Cell> cells = new ArrayList<>(List.of(Cell.text(code.value()),
          Cell.text(UnitReports.standardName(code).map(name -> labels.accountName(code, name))
              .orElse(labels.get("account.not_standard")))));
      if (forPrograms) {
        cells.add(Cell.text(type));
        line.byGroup().forEach(amount -> cells.add(Cell.amount(amount)));
      }
      cells.add(Cell.amount(line.total()));
      rows.add(new Row(cells, 0));
    }
  }

  /**
   * The column key of each group: {@code group_} and its code in lower case, other characters as
   * {@code _} ({@code SHG-01} is {@code group_shg_01}); a key taken already gets {@code _2},
   * {@code _3}...
   */
  static Map<BookId, String> groupColumnKeys(List<GroupFigures> groups) {
    Map<BookId, String> keys = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (GroupFigures group : groups) {
      String base = "group_" + group.group().value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
      String key = base;
      for (int n = 2; !taken.add(key); n++) {
        key = base + "_" + n;
      }
      keys.put(group.group(), key);
    }
    return keys;
  }

  private static String amount(Money money) {
    return MoneyFormats.indian(money);
  }
}
