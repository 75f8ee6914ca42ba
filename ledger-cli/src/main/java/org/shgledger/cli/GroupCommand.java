package org.shgledger.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
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
 * {@code shg group}: the groups kept in the books. For now {@code create}; listing and showing
 * groups come with the reports.
 */
@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = "The Self Help Groups kept in the books.",
    subcommands = {GroupCommand.Create.class})
final class GroupCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

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

    @Option(names = "--loan-method", defaultValue = "flat",
        description = "Members' loans: flat, emi, equal-principal or open. Default: ${DEFAULT-VALUE}.")
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
}
