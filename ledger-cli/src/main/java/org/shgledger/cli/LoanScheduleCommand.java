package org.shgledger.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.loan.Schedule;
import org.shgledger.money.RoundingPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shg loan-schedule}: prints the schedule of instalments of a loan, as a table, CSV, JSON or
 * an HTML page, in any language of {@code --lang}.
 * A calculator only: it reads no books and writes none. The rules are those of {@link LoanTerms};
 * docs/loans.md explains them.
 */
@Command(
    name = "loan-schedule",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the schedule of instalments of a loan: for each, its due date, principal, interest, "
          + "payment and the balance left. Nothing is saved.",
      "The last instalment takes the rounding difference, so the principal column sums to the "
          + "loan exactly. Rules and examples: docs/loans.md.",
      "Example: shg loan-schedule --principal 10000 --monthly-rate 2 --instalments 10 --method flat --start 2025-04-05"
    })
public final class LoanScheduleCommand implements Callable<Integer> {

  /** The rounding directions offered on the command line. */
  enum Rounding {
    HALF_UP(RoundingMode.HALF_UP),
    HALF_EVEN(RoundingMode.HALF_EVEN);

    final RoundingMode mode;

    Rounding(RoundingMode mode) {
      this.mode = mode;
    }
  }

  /** Exactly one of the two ways of giving the rate. */
  static final class Rate {
    @Option(names = "--annual-rate", paramLabel = "R", required = true,
        description = "Interest in percent a year, e.g. 12.")
    BigDecimal annualPercent;

    @Option(names = "--monthly-rate", paramLabel = "R", required = true,
        description = "Interest in percent a month, e.g. 1.5.")
    BigDecimal monthlyPercent;

    InterestRate rate() {
      return annualPercent != null ? InterestRate.perYear(annualPercent) : InterestRate.perMonth(monthlyPercent);
    }
  }

  @Spec private CommandSpec spec;

  @Option(names = "--principal", paramLabel = "P", required = true,
      description = "The amount lent, e.g. 5000 or 5000.50.")
  private BigDecimal principal;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Rate rate;

  @Option(names = "--instalments", paramLabel = "N", required = true,
      description = "The number of instalments, interest-only ones included (1 to "
          + LoanTerms.MAX_INSTALMENTS + ").")
  private int instalments;

  @Option(names = "--method", paramLabel = "flat|emi|equal-principal", required = true,
      description = "flat: interest on the whole loan every time; emi: equal instalments, interest "
          + "on the balance; equal-principal: equal principal, interest on the balance.")
  private String method;

  @Option(names = "--frequency", paramLabel = "monthly|fortnightly|weekly", defaultValue = "monthly",
      description = "How often instalments fall due. Default: ${DEFAULT-VALUE}.")
  private String frequency;

  @Option(names = "--start", paramLabel = "DATE",
      description = "The disbursement date, yyyy-mm-dd. Default: one period before --first-due if "
          + "that is given, otherwise today.")
  private LocalDate start;

  @Option(names = "--first-due", paramLabel = "DATE",
      description = "The first instalment's due date, yyyy-mm-dd. Default: one period after --start.")
  private LocalDate firstDue;

  @Option(names = "--grace-principal", paramLabel = "N", defaultValue = "0",
      description = "How many of the first instalments pay interest only. Default: ${DEFAULT-VALUE}.")
  private int gracePrincipal;

  @Option(names = "--instalment-multiple", paramLabel = "M", defaultValue = "0.01",
      description = "Round each instalment (the principal part for flat and equal-principal) to a "
          + "multiple of M, e.g. 1 for whole rupees. Default: ${DEFAULT-VALUE}.")
  private BigDecimal instalmentMultiple;

  @Option(names = "--rounding-mode", paramLabel = "half-up|half-even", defaultValue = "half-even",
      description = "How instalments are rounded to the multiple and interest to the currency's "
          + "minor unit. Default: ${DEFAULT-VALUE}.")
  private String rounding;

  @Option(names = "--interest-days", paramLabel = "period|actual-365", defaultValue = "period",
      description = "period: the period rate every time (annual rate / 12, 26 or 52); actual-365: "
          + "annual rate x days in the period / 365. Default: ${DEFAULT-VALUE}.")
  private String interestDays;

  // --format text|csv|json|html, --output FILE and --lang, as every table command's
  @Mixin private OutputOptions output;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "INR",
      description = "The ISO 4217 currency code. Default: ${DEFAULT-VALUE}.")
  private String currency;

  /** Creates the command; picocli sets its options. */
  public LoanScheduleCommand() {}

  @Override
  public Integer call() {
    Schedule schedule = terms().schedule();
    Labels labels = output.labels();
    switch (output.format()) {
      case TEXT -> output.write(out -> out.write(ScheduleFormats.text(schedule, labels)));
      // its own CSV, lines ending in \n, as published before it took --output (docs/formats.md)
      case CSV -> output.write(out -> out.write(ScheduleFormats.csv(schedule)));
      default -> output.print(ScheduleFormats.report(schedule, labels));
    }
    return ExitCodes.OK;
  }

  /** The terms the options describe; wrong terms are a wrong command line. */
  private LoanTerms terms() {
    Frequency frequency = word(Frequency.class, "--frequency", this.frequency);
    RoundingMode rounding = word(Rounding.class, "--rounding-mode", this.rounding).mode;
    RepaymentMethod method = word(RepaymentMethod.class, "--method", this.method);
    InterestBasis interestDays = word(InterestBasis.class, "--interest-days", this.interestDays);
    try {
      CurrencyUnit unit = CurrencyUnit.of(currency.toUpperCase(Locale.ROOT));
      LocalDate disbursed = start != null ? start
          : firstDue != null ? firstDue.minus(frequency.period())
          : LocalDate.now();
      LoanTerms terms =
          LoanTerms.of(money("--principal", unit, principal), rate.rate(), method, instalments, frequency, disbursed)
              .withInstalmentRounding(rounding)
              .withInterestRounding(RoundingPolicy.minorUnits(rounding))
              .withInterestBasis(interestDays)
              .withInterestOnlyInstalments(gracePrincipal)
              .withInstalmentMultiple(money("--instalment-multiple", unit, instalmentMultiple));
      return firstDue == null ? terms : terms.withFirstDueDate(firstDue);
    } catch (IllegalArgumentException wrong) {
      throw new ParameterException(spec.commandLine(), "Invalid loan: " + wrong.getMessage(), wrong);
    }
  }

  private static Money money(String option, CurrencyUnit unit, BigDecimal amount) {
    if (amount.stripTrailingZeros().scale() > unit.getDecimalPlaces()) {
      throw new IllegalArgumentException(
          option + " " + amount.toPlainString() + " has more decimal places than " + unit + " allows ("
              + unit.getDecimalPlaces() + ")");
    }
    return Money.of(unit, amount, RoundingMode.UNNECESSARY);
  }

  /**
   * The enum constant an option's word names: the constant's name in lower case with hyphens, so
   * {@code equal-principal} is {@code EQUAL_PRINCIPAL}.
   */
  private <E extends Enum<E>> E word(Class<E> type, String option, String value) {
    for (E constant : type.getEnumConstants()) {
      if (word(constant).equals(value)) {
        return constant;
      }
    }
    throw new ParameterException(spec.commandLine(),
        "Invalid value for option '" + option + "': '" + value + "' is not one of "
            + Arrays.stream(type.getEnumConstants()).map(LoanScheduleCommand::word).collect(Collectors.joining(", ")));
  }

  /** The word for an enum constant on the command line and in JSON: {@code half-even}. */
  static String word(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
