package org.shgledger.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.Role;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.MoneyFormats;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg group create|list|show}: the groups kept in the books.
 */
@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = {
      "The Self Help Groups kept in the books.",
      "Example: shg group show SHG01"
    },
    subcommands = {GroupCommand.Create.class, GroupCommand.ListGroups.class, GroupCommand.Show.class})
final class GroupCommand extends CommandGroup {

  /**
   * {@code shg group create CODE --name NAME ...}: a group and its book with the standard chart
   * of accounts, in the database the options name (created if it does not exist).
   */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a group and its books with the standard chart of accounts (docs/engine.md).",
        "Creating the same group again changes nothing; a different group under the same code is refused.",
        "Example: shg group create SHG01 --name \"Roshni Mahila Samooh\" --formed 2024-04-01"
            + " --monthly-savings 100 --loan-monthly-rate 2 --loan-method flat --loan-instalments 10"
      })
  static final class Create implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private DbOptions db;

    @Parameters(index = "0", paramLabel = "CODE", description = "The group's code, such as SHG01; its books' id.")
    private String code;

    @Option(names = "--name", required = true, description = "The group's name.")
    private String name;

    @Option(names = "--currency", defaultValue = "INR", description = "ISO 4217 currency code. Default: ${DEFAULT-VALUE}.")
    private String currency;

    @Option(names = "--formed", required = true, description = "The date the group was formed, yyyy-mm-dd.")
    private LocalDate formed;

    @Option(names = "--frequency", defaultValue = "monthly",
        description = "How often it meets: weekly, fortnightly or monthly. Default: ${DEFAULT-VALUE}.")
    private String frequency;

    @Option(names = "--monthly-savings", paramLabel = "AMOUNT", required = true,
        description = "What each member saves at every meeting, e.g. 100.")
    private BigDecimal savings;

    @Option(names = "--rounding", defaultValue = "whole",
        description = "How calculated amounts are rounded: whole (rupees) or paise. Default: ${DEFAULT-VALUE}.")
    private String rounding;

    @Option(names = "--year-start", defaultValue = "4",
        description = "The first month of the financial year, 1 to 12. Default: ${DEFAULT-VALUE} (April).")
    private int yearStart;

    @Option(names = "--loan-monthly-rate", paramLabel = "PERCENT", defaultValue = "2",
        description = "Members' loans: interest in percent a month. Default: ${DEFAULT-VALUE}.")
    private BigDecimal loanRate;

    // emi (declining balance) is what NRLM and the banks teach groups (issue 14); flat stays a choice
    @Option(names = "--loan-method", defaultValue = "emi",
        description = "Members' loans: emi (declining balance, equal instalments), equal-principal, flat "
            + "or open. Default: ${DEFAULT-VALUE}.")
    private String loanMethod;

    @Option(names = "--loan-instalments", defaultValue = "10",
        description = "Members' loans: the number of monthly instalments. Default: ${DEFAULT-VALUE}.")
    private int loanInstalments;

    @Override
    public Integer call() {
      Group group;
      try {
        group = definition();
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        // a bad code, currency, amount or word is a wrong command line: exit 2 with the reason
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      try (LedgerStore store = db.open()) {
        store.engine().createGroup(group);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("group " + group.code() + " '" + group.name() + "' is in the books, with the standard chart of accounts");
      return ExitCodes.OK;
    }

    private Group definition() {
      return new Group(BookId.of(code), name, CurrencyUnit.of(currency), formed,
          MeetingFrequency.valueOf(word(frequency)), Money.of(CurrencyUnit.of(currency), savings),
          switch (word(rounding)) {
            case "WHOLE" -> RoundingPolicy.wholeUnits(RoundingMode.HALF_UP);
            case "PAISE" -> RoundingPolicy.minorUnits(RoundingMode.HALF_UP);
            default -> throw new IllegalArgumentException("--rounding is whole or paise, not " + rounding);
          },
          Month.of(yearStart), loanDefaults());
    }

    private LoanDefaults loanDefaults() {
      InterestRate rate = InterestRate.perMonth(loanRate);
      if (word(loanMethod).equals("OPEN")) {
        return LoanDefaults.open(rate);
      }
      RepaymentMethod method = switch (word(loanMethod)) {
        case "FLAT" -> RepaymentMethod.FLAT;
        case "EMI" -> RepaymentMethod.EMI;
        case "EQUAL_PRINCIPAL" -> RepaymentMethod.EQUAL_PRINCIPAL;
        default -> throw new IllegalArgumentException(
            "--loan-method is flat, emi, equal-principal or open, not " + loanMethod);
      };
      return LoanDefaults.scheduled(rate, method, loanInstalments);
    }

    private static String word(String text) {
      return text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    }
  }

  /** {@code shg group list}: every group in the database, one line each. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the groups in the database: code, name, currency, formation date and members today.",
        "Example: shg group list --db shg.db"
      })
  static final class ListGroups implements Callable<Integer> {

    @Mixin private DbOptions db;

    @Mixin private OutputOptions output;

    @Override
    public Integer call() {
      Labels labels = output.labels();
      Table table;
      LocalDate today = LocalDate.now();
      String location;
      try (LedgerStore store = db.openExisting()) {
        location = store.location();
        List<Row> rows = new ArrayList<>();
        for (Group group : store.engine().registry().groups()) {
          rows.add(Row.of(Cell.text(group.code().value()), Cell.text(group.name()),
              Cell.text(group.currency().getCode()), Cell.date(group.formed()),
              Cell.number(store.engine().membersOn(group.code(), today).size())));
        }
        table = Table.of("groups", List.of(Column.text("group", labels.get("list.group")),
            Column.text("name", labels.get("list.name")), Column.text("currency", labels.get("list.currency")),
            Column.date("formed", labels.get("list.formed")),
            Column.number("members_today", labels.get("list.members_today"))), rows);
      }
      Report report = Report.builder("group-list", labels.get("report.group_list"))
          .fact("as_of", labels.get("as_of"), Cell.date(today)).add(table).build();
      TableOutput.print(output, report, table.rows().isEmpty()
          ? labels.format("list.no_groups", location) + "\n" : Tables.text(table));
      return ExitCodes.OK;
    }
  }

  /** {@code shg group show GROUP [--as-of DATE]}: a group's rules and where it stands. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show a group: its rules (savings, loan terms, year, rounding), its members and office "
            + "bearers on a day, how far its books are closed, and its cash, bank, savings and loans.",
        "Example: shg group show SHG01 --as-of 2025-03-31"
      })
  static final class Show extends BookCommand {

    @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day to show, yyyy-mm-dd. Default: today (printed).")
    private LocalDate asOf;

    @Override
    void run() {
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      LoanDefaults loans = group.loanDefaults();
      String loanTerms = loans.rate() + ", " + loans.method()
          .map(m -> LoanScheduleCommand.word(m) + ", " + loans.instalments() + " "
              + LoanScheduleCommand.word(loans.frequency()) + " instalments")
          .orElse("open (interest monthly on what is outstanding)");
      List<Member> everyone = engine.registry().members(code);
      List<Member> members = engine.membersOn(code, day);
      Map<Role, MemberId> bearers = engine.bearersOn(code, day);
      String offices = bearers.isEmpty() ? "none recorded"
          : bearers.entrySet().stream().map(e -> LoanScheduleCommand.word(e.getKey()) + " " + e.getValue())
              .collect(Collectors.joining(", "));
      out.println(code + "  " + group.name());
      line("formed", group.formed() + ", meets " + LoanScheduleCommand.word(group.meetingFrequency()));
      line("financial year", "from " + group.financialYearStart().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      line("currency", group.currency() + ", calculated amounts rounded to "
          + MoneyFormats.plain(group.rounding().step(group.currency())) + " ("
          + LoanScheduleCommand.word(group.rounding().mode()) + ")");
      line("compulsory savings", MoneyFormats.indian(group.compulsorySavings()) + " a meeting");
      line("members' loans", loanTerms);
      line("books closed up to", journal().lockDate(code).map(LocalDate::toString).orElse("not closed yet"));
      out.println();
      out.println("On " + day + ":");
      line("members", members.size() + " (" + everyone.size() + " ever)");
      line("office bearers", offices);
      line("meetings so far", String.valueOf(engine.registry().meetings(code).stream()
          .filter(m -> !m.date().isAfter(day)).count()));
      line("cash in hand", balance(Chart.CASH, day));
      line("bank", balance(Chart.BANK, day));
      line("members' savings", MoneyFormats.indian(normal(Chart.COMPULSORY_SAVINGS, day)
          .plus(normal(Chart.VOLUNTARY_SAVINGS, day))));
      line("loans to members", balance(Chart.MEMBER_LOANS, day));
    }

    private void line(String label, String value) {
      out.println(String.format("  %-20s %s", label, value));
    }

    private String balance(AccountCode account, LocalDate day) {
      return MoneyFormats.indian(normal(account, day));
    }

    private Money normal(AccountCode account, LocalDate day) {
      return journal().balance(code, account, day).normalBalance();
    }
  }
}
