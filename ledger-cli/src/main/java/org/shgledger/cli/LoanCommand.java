package org.shgledger.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.shgledger.cli.Words.ChannelWord;
import org.shgledger.cli.Words.LoanIdWord;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.group.Channel;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.journal.JournalEntry;
import org.shgledger.loan.EffectiveRate;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanState;
import org.shgledger.loan.PaymentAllocation;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.MoneyFormats;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.report.LoanLedger;
import org.shgledger.report.LoanLedgerBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shg loan disburse|repay|settle|penalty|show}: the group's loans to its members, over
 * {@link org.shgledger.group.SavingsGroups#disburseLoan}, {@code repayLoan}, {@code settleLoan},
 * {@code chargeLoanPenalty} and {@code loanState}. A loan is named by its id, or by its borrower's id when she has one loan
 * outstanding.
 */
@Command(
    name = "loan",
    mixinStandardHelpOptions = true,
    description = {
      "Loans to members: pay one out, record repayments, settle early, charge penalties, show where a "
          + "loan stands.",
      "Example: shg loan disburse SHG01 M02 --amount 1000 --date 2024-06-01"
    },
    subcommands = {LoanCommand.Disburse.class, LoanCommand.Repay.class, LoanCommand.Settle.class,
        LoanCommand.Penalty.class, LoanCommand.Show.class, ProgrammeCommands.LoanPurposeCommand.class})
final class LoanCommand extends CommandGroup {

  /** Exactly one way of giving the rate, when not the group's. */
  static final class Rate {
    @Option(names = "--monthly-rate", paramLabel = "PERCENT", required = true, description = "Percent a month, e.g. 2.")
    BigDecimal monthly;

    @Option(names = "--annual-rate", paramLabel = "PERCENT", required = true, description = "Percent a year, e.g. 24.")
    BigDecimal annual;

    InterestRate rate() {
      return monthly != null ? InterestRate.perMonth(monthly) : InterestRate.perYear(annual);
    }
  }

  /** {@code shg loan disburse GROUP MEMBER --amount A --date D}. */
  @Command(
      name = "disburse",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Pay out a loan to a member: debit her loan account (1200), credit cash (or bank, into her own "
            + "account). The terms are the group's (shg group show) unless --monthly-rate/--annual-rate, "
            + "--method, --instalments, --frequency, --grace, --instalment-multiple or --rounding say "
            + "otherwise: every term shg loan-schedule prints. --fee takes a processing fee. Prints the "
            + "loan's id; its default is yyyymmdd-MEMBER, like the meeting-register import's.",
        "Example: shg loan disburse SHG01 M02 --amount 1000 --date 2024-06-01",
        "Example: shg loan disburse SHG01 M02 --amount 12000 --date 2024-06-01 --method emi --frequency weekly "
            + "--instalments 26 --grace 2 --instalment-multiple 10 --rounding up --fee 120"
      })
  static final class Disburse extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The borrower.")
    MemberId member;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The amount lent.")
    String amount;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "How it is paid out: cash, or bank into her own account. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Option(names = "--loan", paramLabel = "LOAN", converter = LoanIdWord.class,
        description = "The loan's id, e.g. its number in the loan register. Default: yyyymmdd-MEMBER "
            + "(-2, -3 ... for another loan to her that day).")
    LoanId loan;

    @ArgGroup(exclusive = true)
    Rate rate;

    @Option(names = "--method", paramLabel = "flat|emi|equal-principal|open",
        description = "How it is repaid: a schedule (flat, emi, equal-principal) or open (interest "
            + "monthly on what is outstanding, repaid when she can). Default: the group's.")
    String method;

    @Option(names = "--instalments", paramLabel = "N", description = "The number of instalments, interest-only ones included. Default: the group's.")
    Integer instalments;

    @Option(names = "--first-due", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The first instalment's due date. Default: one period (--frequency) after --date.")
    LocalDate firstDue;

    @Option(names = "--frequency", paramLabel = "weekly|fortnightly|monthly",
        description = "How often instalments fall due: every 7 or 14 days, or monthly, from the first due "
            + "date. Default: the group's (monthly).")
    String frequency;

    @Option(names = "--grace", paramLabel = "N",
        description = "The first N instalments pay interest only (grace on principal). Default: 0.")
    Integer grace;

    @Option(names = "--instalment-multiple", paramLabel = "AMOUNT",
        description = "The multiple each instalment's equal part is rounded to, e.g. 10. Default: the group's "
            + "rounding unit (1 in a whole-rupee group).")
    String instalmentMultiple;

    @Option(names = "--rounding", paramLabel = "half-up|half-even|up|down",
        description = "How the equal part is rounded to its multiple (the last instalment takes the "
            + "difference); interest is rounded to paise the same way. Default: the group's (half-up, "
            + "interest half-even).")
    String rounding;

    @Option(names = "--instalment", paramLabel = "AMOUNT",
        description = "A fixed instalment (emi or flat): each pays this amount, interest first; the number "
            + "of instalments follows, the last one smaller. Not with --instalments.")
    String instalment;

    @Option(names = "--fee", paramLabel = "AMOUNT",
        description = "A processing fee taken at disbursement: credited to 4300 Other income; she receives "
            + "the amount less the fee and owes the full amount. Default: none.")
    String fee;

    @Override
    void run() {
      Loan terms = terms(amount("--amount", amount));
      Money charged = fee == null ? Money.zero(group.currency()) : zeroOrMore("--fee", fee);
      String stem = IdWalk.stem(code, date, "LOAN", member);
      IdWalk.Step<JournalEntry> step = IdWalk.run(id != null || loan != null,
          n -> engine.registry().loan(code, loanIdFor(n)).isPresent() || journal().entry(code, idFor(stem, n)).isPresent(),
          n -> journal().reversalOf(code, idFor(stem, n)).isPresent()
              || engine.registry().loan(code, loanIdFor(n))
                  .filter(l -> journal().reversalOf(code, l.disbursement()).isPresent()).isPresent(),
          n -> engine.disburseLoan(code, idFor(stem, n), loanIdFor(n), member, terms, channel, charged));
      out.print(EntryText.of(journal(), step.result(), step.repeat()));
      LoanId recorded = loanIdFor(step.n());
      out.println("loan " + recorded + ": " + describe(terms));
      out.println("  " + (terms instanceof LoanTerms scheduled ? "first due " + scheduled.firstDueDate() + "; schedule: "
          : "see ") + "shg loan show " + code + " " + recorded);
    }

    private LoanId loanIdFor(int n) {
      if (loan != null) {
        return loan;
      }
      String text = IdWalk.candidate(date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + member, n);
      if (text.length() > LoanId.MAX_LENGTH) {
        throw usage("the default loan id " + text + " is longer than " + LoanId.MAX_LENGTH + " characters; give one with --loan");
      }
      return LoanId.of(text);
    }

    /** The group's terms with the options' changes; terms that cannot be are a usage error. */
    private Loan terms(Money principal) {
      LoanDefaults defaults = group.loanDefaults();
      Optional<RepaymentMethod> chosen = defaults.method();
      if (method != null) {
        String word = method.strip().toLowerCase(Locale.ROOT);
        chosen = switch (word) {
          case "flat" -> Optional.of(RepaymentMethod.FLAT);
          case "emi" -> Optional.of(RepaymentMethod.EMI);
          case "equal-principal" -> Optional.of(RepaymentMethod.EQUAL_PRINCIPAL);
          case "open" -> Optional.empty();
          default -> throw usage("--method is flat, emi, equal-principal or open, not " + method);
        };
      }
      if (chosen.isEmpty() && (instalments != null || firstDue != null || frequency != null || grace != null
          || instalmentMultiple != null || rounding != null || instalment != null)) {
        throw usage("an open loan has no instalments: --instalments, --first-due, --frequency, --grace, "
            + "--instalment-multiple, --rounding and --instalment are for flat, emi and equal-principal");
      }
      if (instalment != null && instalments != null) {
        throw usage("--instalment fixes the amount and the number of instalments follows: give it or --instalments");
      }
      Optional<Money> fixed = instalment == null ? Optional.empty() : Optional.of(amount("--instalment", instalment));
      Frequency every = frequency == null ? defaults.frequency() : switch (frequency.strip().toLowerCase(Locale.ROOT)) {
        case "weekly" -> Frequency.WEEKLY;
        case "fortnightly" -> Frequency.FORTNIGHTLY;
        case "monthly" -> Frequency.MONTHLY;
        default -> throw usage("--frequency is weekly, fortnightly or monthly, not " + frequency);
      };
      Optional<RoundingMode> mode = rounding == null ? Optional.empty()
          : Optional.of(switch (rounding.strip().toLowerCase(Locale.ROOT)) {
            case "half-up" -> RoundingMode.HALF_UP;
            case "half-even" -> RoundingMode.HALF_EVEN;
            case "up" -> RoundingMode.UP;
            case "down" -> RoundingMode.DOWN;
            default -> throw usage("--rounding is half-up, half-even, up or down, not " + rounding);
          });
      Optional<Money> multiple = instalmentMultiple == null ? Optional.empty()
          : Optional.of(amount("--instalment-multiple", instalmentMultiple));
      try {
        InterestRate interest = rate == null ? defaults.rate() : rate.rate();
        int count = instalments != null ? instalments : defaults.instalments();
        Loan terms = new LoanDefaults(interest, chosen, count, every, defaults.allocationOrder())
            .termsFor(principal, date, group.rounding());
        if (terms instanceof LoanTerms scheduled) {
          if (firstDue != null) {
            scheduled = scheduled.withFirstDueDate(firstDue);
          }
          if (grace != null) {
            scheduled = scheduled.withInterestOnlyInstalments(grace);
          }
          if (multiple.isPresent()) {
            scheduled = scheduled.withInstalmentMultiple(multiple.get());
          }
          if (mode.isPresent()) {
            scheduled = scheduled.withInstalmentRounding(mode.get())
                .withInterestRounding(RoundingPolicy.minorUnits(mode.get()));
          }
          if (fixed.isPresent()) {
            scheduled = scheduled.withFixedInstalment(fixed.get());
          }
          terms = scheduled;
        }
        if (terms instanceof LoanTerms scheduled) {
          scheduled.schedule(); // a loan that cannot be repaid as asked is refused here, not later
        }
        return terms;
      } catch (IllegalArgumentException e) {
        throw usage("Invalid loan: " + e.getMessage());
      }
    }
  }

  /** {@code shg loan repay GROUP LOAN --amount A --date D}. */
  @Command(
      name = "repay",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a repayment: it pays penalties, then interest due, then principal (the loan's order); "
            + "anything more pays the interest of the period in progress, then principal, never the "
            + "interest of a period not yet begun. Debit cash (or bank), credit 4100, 4000 and her loan "
            + "account. Prints the split and what is left.",
        "Example: shg loan repay SHG01 M02 --amount 120 --date 2024-07-06"
      })
  static final class Repay extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "LOAN",
        description = "The loan's id, or the borrower's id when she has one loan outstanding.")
    String loan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "What she pays.")
    String amount;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money comes in. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Override
    void run() {
      Money paid = amount("--amount", amount);
      MemberLoan target = resolve(this, loan, date);
      record("REPAY", target.member(),
          entryId -> engine.repayLoan(code, entryId, target.id(), date, paid, channel));
      out.println("loan " + target.id() + " " + standing(engine.loanState(code, target.id(), date)));
    }
  }

  /** {@code shg loan settle GROUP LOAN --date D [--channel cash|bank] [--flat-early-interest none|full]}. */
  @Command(
      name = "settle",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Settle a loan early in one entry: penalties due, interest due, the interest of the period in "
            + "progress for the days used (pro rata by days) and all the principal outstanding; nothing "
            + "for periods not yet reached, which RBI's microfinance rules forbid charging as a "
            + "prepayment penalty. Debit cash (or bank), credit 4100, 4000 and her loan account; "
            + "reversible as a repayment. shg loan show --as-of DATE prints the amount first.",
        "Example: shg loan settle SHG01 M02 --date 2024-07-20",
        "Example: shg loan settle SHG01 20240601-M02 --date 2024-07-20 --channel bank --flat-early-interest full"
      })
  static final class Settle extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "LOAN",
        description = "The loan's id, or the borrower's id when she has one loan outstanding.")
    String loan;

    @Option(names = "--channel", defaultValue = "cash", converter = ChannelWord.class, paramLabel = "cash|bank",
        description = "Where the money comes in. Default: ${DEFAULT-VALUE}.")
    Channel channel;

    @Option(names = "--flat-early-interest", defaultValue = "none", paramLabel = "none|full",
        description = "For a flat loan: none charges no flat interest for the periods not reached; full "
            + "charges all of it, if the group's terms say so. Declining-balance and open loans never "
            + "charge it. Default: ${DEFAULT-VALUE}.")
    String flatEarlyInterest;

    @Override
    void run() {
      FlatEarlyInterest rule = switch (flatEarlyInterest.strip().toLowerCase(Locale.ROOT)) {
        case "none" -> FlatEarlyInterest.NONE;
        case "full" -> FlatEarlyInterest.FULL;
        default -> throw usage("--flat-early-interest is none or full, not " + flatEarlyInterest);
      };
      MemberLoan target = resolve(this, loan, date);
      record("SETTLE", target.member(),
          entryId -> engine.settleLoan(code, entryId, target.id(), date, channel, rule));
      out.println("loan " + target.id() + " " + standing(engine.loanState(code, target.id(), date)));
    }
  }

  /** {@code shg loan penalty GROUP LOAN --amount A --date D}. */
  @Command(
      name = "penalty",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Charge a penalty on a loan, such as for a late instalment. It is owed, not yet money: the "
            + "next payments pay it first, and it becomes income (4100) when paid. No entry is recorded; "
            + "its id (default GROUP-DATE-PENALTY-MEMBER) makes charging it again safe.",
        "Example: shg loan penalty SHG01 M02 --amount 20 --date 2024-08-03"
      })
  static final class Penalty extends RecordingCommand {
    @Parameters(index = "1", paramLabel = "LOAN",
        description = "The loan's id, or the borrower's id when she has one loan outstanding.")
    String loan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "The penalty.")
    String amount;

    @Override
    void run() {
      Money penalty = amount("--amount", amount);
      MemberLoan target = resolve(this, loan, date);
      String stem = IdWalk.stem(code, date, "PENALTY", target.member());
      IdWalk.Step<Object> step = IdWalk.run(id != null,
          n -> engine.registry().loanEvents(code, target.id()).stream().anyMatch(e -> e.id().equals(idFor(stem, n))),
          n -> false,
          n -> {
            engine.chargeLoanPenalty(code, idFor(stem, n), target.id(), date, penalty);
            return null;
          });
      out.println((step.repeat() ? "already recorded as " : "recorded ") + idFor(stem, step.n()) + " on " + date
          + ": a penalty of " + group.currency() + " " + MoneyFormats.indian(penalty) + " on loan " + target.id()
          + " of " + target.member() + (step.repeat() ? " (nothing new recorded)" : ""));
      out.println("loan " + target.id() + " " + standing(engine.loanState(code, target.id(), date)));
    }
  }

  /** {@code shg loan show GROUP LOAN [--as-of DATE]}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show a loan: its terms and schedule, every payment (split into penalties, interest and "
            + "principal) and penalty, and where it stands at the end of a day.",
        "Example: shg loan show SHG01 20240601-M02 --as-of 2024-09-30"
      })
  static final class Show extends BookCommand {
    @Parameters(index = "1", paramLabel = "LOAN",
        description = "The loan's id, or the borrower's id when she has one loan (or one outstanding).")
    String loan;

    @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
        description = "The day to show it as of, yyyy-mm-dd. Default: today (printed).")
    LocalDate asOf;

    @Mixin OutputOptions output;

    @Override
    void run() {
      LocalDate day = asOf != null ? asOf : LocalDate.now();
      MemberLoan shown = resolve(this, loan, day);
      LoanLedger ledger = new LoanLedgerBuilder(engine).build(code, shown.id(), day);
      // What settles it that day, as the events up to that day leave it (none before it was paid out)
      Optional<PaymentAllocation> settlement = ledger.state().isEmpty() ? Optional.empty()
          : Optional.of(engine.history(code, shown).upTo(day).settlement(day));
      Labels labels = output.labels();
      // the text is built only when asked for: it is the one format not made from the report
      TableOutput.print(output, report(ledger, group.currency(), settlement, labels),
          TableOutput.text(output) ? ledgerText(ledger, group.currency(), settlement, labels) : "");
    }
  }

  /**
   * A loan's ledger as a report, for CSV, JSON and HTML: the loan and its state on the day as
   * facts (no state facts when it was not yet paid out), what settles it on the day (issue 14),
   * for a flat loan its effective rate, and the schedule of a scheduled loan and the payments and
   * penalties as tables.
   *
   * @param ledger the ledger, not null
   * @param currency the group's currency, not null
   * @param settlement the split of the payment that settles the loan on the day, if known, not null
   * @param labels the words for people, not null
   * @return the report {@code loan}, not null
   */
  static Report report(LoanLedger ledger, CurrencyUnit currency, Optional<PaymentAllocation> settlement,
      Labels labels) {
    MemberLoan shown = ledger.loan();
    Loan terms = shown.terms();
    Report.Builder report = Report.builder("loan", labels.format("report.loan", shown.id()))
        .fact("group", labels.get("group"), Cell.text(ledger.group().value()))
        .fact("loan", labels.get("loan"), Cell.text(shown.id().value()))
        .fact("member", labels.get("loan.member"), Cell.text(shown.member().value()))
        .fact("disbursed", labels.get("loan.disbursed"), Cell.date(terms.disbursementDate()))
        .fact("channel", labels.get("loan.channel"), Cell.text(shown.channel() == Channel.CASH ? "cash" : "bank"))
        .fact("disbursement", labels.get("loan.entry"), Cell.text(shown.disbursement().value()))
        .fact("terms", labels.get("loan.terms"), Cell.text(describe(terms)))
        .fact("as_of", labels.get("as_of"), Cell.date(ledger.asOf()))
        .fact("currency", labels.get("currency"), Cell.text(currency.getCode()));
    ledger.state().ifPresent(state -> report
        .fact("principal_outstanding", labels.get("loan.principal_outstanding"), Cell.amount(state.outstandingPrincipal()))
        .fact("principal_due", labels.get("loan.principal_due"), Cell.amount(state.principalDue()))
        .fact("interest_due", labels.get("loan.interest_due"), Cell.amount(state.interestDue()))
        .fact("penalties_due", labels.get("loan.penalties_due"), Cell.amount(state.finesDue()))
        .fact("total_due", labels.get("loan.total_due"), Cell.amount(state.totalDue()))
        .fact("overdue", labels.get("loan.overdue"), Cell.amount(state.overdueAmount()))
        .fact("overdue_instalments", labels.get("loan.overdue_instalments"), Cell.number(state.overdueInstalments()))
        .fact("days_past_due", labels.get("loan.days_past_due"), Cell.number(state.daysPastDue()))
        .fact("principal_paid", labels.get("loan.principal_paid"), Cell.amount(state.principalPaid()))
        .fact("interest_paid", labels.get("loan.interest_paid"), Cell.amount(state.interestPaid()))
        .fact("penalties_paid", labels.get("loan.penalties_paid"), Cell.amount(state.finesPaid()))
        .fact("repaid", labels.get("loan.repaid_fact"), Cell.text(state.settled() ? "yes" : "no")));
    settlement.ifPresent(split -> report
        .fact("settlement", labels.get("loan.settlement"), Cell.amount(split.applied()))
        .fact("settlement_interest", labels.get("loan.settlement_interest"), Cell.amount(split.interest())));
    if (terms instanceof LoanTerms flat && flat.method() == RepaymentMethod.FLAT) {
      report.fact("effective_annual_rate", labels.get("loan.effective_rate_fact"),
          Cell.text(EffectiveRate.annualPercent(flat.schedule()).toPlainString()));
    }
    if (terms instanceof LoanTerms scheduled) {
      report.add(ScheduleFormats.table(scheduled.schedule(), labels));
    }
    List<Row> rows = new ArrayList<>();
    for (LoanLedger.Event event : ledger.events()) {
      boolean payment = event.kind() == LoanEvent.Kind.PAYMENT;
      rows.add(Row.of(Cell.date(event.date()), Cell.text(payment ? "payment" : "penalty"), Cell.text(event.id().value()),
          Cell.text(event.reversedBy().map(r -> r.value()).orElse("")), Cell.amount(event.amount()),
          payment ? Cell.amount(event.penalties()) : Cell.empty(), payment ? Cell.amount(event.interest()) : Cell.empty(),
          payment ? Cell.amount(event.principal()) : Cell.empty()));
    }
    return report.add(Table.of("events", List.of(Column.date("date", labels.get("list.date")),
        Column.text("what", labels.get("loan.what")), Column.text("id", labels.get("loan.id")),
        Column.text("reversed_by", labels.get("loan.reversed_by")), Column.amount("amount", labels.get("loan.amount")),
        Column.amount("penalties", labels.get("loan.penalties")), Column.amount("interest", labels.get("schedule.interest")),
        Column.amount("principal", labels.get("schedule.principal"))), rows)).build();
  }

  /**
   * A loan's ledger as {@code shg loan show} prints it: the loan, its schedule or open terms, its
   * payments and penalties, its state on the day and what settles it that day.
   *
   * @param ledger the ledger, not null
   * @param currency the group's currency, named above the state, not null
   * @param settlement the split of the payment that settles the loan on the day, if known, not null
   * @param labels the words for people, not null
   * @return the text, lines ending in {@code \n}, not null
   */
  static String ledgerText(LoanLedger ledger, CurrencyUnit currency, Optional<PaymentAllocation> settlement,
      Labels labels) {
    MemberLoan shown = ledger.loan();
    Loan terms = shown.terms();
    StringBuilder out = new StringBuilder();
    out.append(labels.format(shown.channel() == Channel.CASH ? "loan.heading_cash" : "loan.heading_bank",
        shown.id(), shown.member(), ledger.group(), terms.disbursementDate(), shown.disbursement())).append('\n');
    if (terms instanceof LoanTerms scheduled) {
      out.append('\n').append(ScheduleFormats.text(scheduled.schedule(), labels));
      if (scheduled.method() == RepaymentMethod.FLAT) {
        // Flat interest runs on the whole principal to the end: members compare this rate.
        out.append(labels.format("loan.effective_rate", ScheduleFormats.rate(scheduled.rate(), labels),
            EffectiveRate.annualPercent(scheduled.schedule()).toPlainString())).append('\n');
      }
    } else {
      out.append(describe(terms)).append('\n');
    }
    out.append('\n').append(events(ledger.events(), labels)).append('\n');
    if (ledger.state().isEmpty()) {
      return out.append(labels.format("loan.not_paid_out", ledger.asOf())).append('\n').toString();
    }
    LoanState state = ledger.state().get();
    out.append(labels.format("loan.state_heading", ledger.asOf(), currency)).append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", "", ""});
    rows.add(row(labels.get("loan.principal_outstanding"), state.outstandingPrincipal(), ""));
    rows.add(row(labels.get("loan.principal_due"), state.principalDue(), ""));
    rows.add(row(labels.get("loan.interest_due"), state.interestDue(), ""));
    rows.add(row(labels.get("loan.penalties_due"), state.finesDue(), ""));
    rows.add(row(labels.get("loan.total_due"), state.totalDue(), ""));
    rows.add(row(labels.get("loan.overdue"), state.overdueAmount(), state.isOverdue()
        ? labels.format(state.overdueInstalments() == 1 ? "loan.overdue_note_one" : "loan.overdue_note",
            state.overdueInstalments(), state.daysPastDue())
        : ""));
    rows.add(row(labels.get("loan.principal_paid"), state.principalPaid(), ""));
    rows.add(row(labels.get("loan.interest_paid"), state.interestPaid(), ""));
    rows.add(row(labels.get("loan.penalties_paid"), state.finesPaid(), ""));
    // the header row is blank: drop it and its rule, keeping the alignment
    String table = Tables.text(rows, "lrl");
    table.substring(table.indexOf('\n', table.indexOf('\n') + 1) + 1).lines()
        .forEach(line -> out.append("  ").append(line).append('\n'));
    if (state.settled()) {
      out.append(labels.get("loan.repaid")).append('\n');
    } else if (settlement.isPresent()) {
      PaymentAllocation split = settlement.get();
      out.append(labels.format("loan.settle", ledger.asOf(), MoneyFormats.indian(split.applied()),
          MoneyFormats.indian(split.principal()), MoneyFormats.indian(split.interest()),
          split.fines().isZero() ? "" : labels.format("loan.settle_penalties", MoneyFormats.indian(split.fines()))))
          .append('\n');
    }
    return out.toString();
  }

  private static String[] row(String label, Money amount, String note) {
    return new String[] {label, MoneyFormats.indian(amount), note};
  }

  /** The loan's payments (split as recorded) and penalties, in the order recorded. */
  private static String events(List<LoanLedger.Event> events, Labels labels) {
    if (events.isEmpty()) {
      return labels.get("loan.no_events") + "\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {labels.get("list.date"), labels.get("loan.what"), labels.get("loan.id"),
        labels.get("loan.amount"), labels.get("loan.penalties"), labels.get("schedule.interest"),
        labels.get("schedule.principal")});
    for (LoanLedger.Event event : events) {
      if (event.kind() == LoanEvent.Kind.PENALTY) {
        rows.add(new String[] {event.date().toString(), labels.get("loan.penalty"), event.id().value(),
            MoneyFormats.indian(event.amount()), "", "", ""});
        continue;
      }
      String what = event.reversedBy().map(r -> labels.format("loan.payment_reversed", r))
          .orElse(labels.get("loan.payment"));
      rows.add(new String[] {event.date().toString(), what, event.id().value(),
          MoneyFormats.indian(event.amount()), MoneyFormats.indian(event.penalties()),
          MoneyFormats.indian(event.interest()), MoneyFormats.indian(event.principal())});
    }
    return Tables.text(rows, "lllrrrr");
  }

  /** A loan's terms in one line: amount, rate, method and instalments. */
  static String describe(Loan terms) {
    String lent = terms.currency() + " " + MoneyFormats.indian(terms.principal()) + " at " + terms.rate();
    if (terms instanceof LoanTerms scheduled) {
      int count = scheduled.instalmentCount();
      String method = switch (scheduled.method()) {
        case FLAT -> "flat rate";
        case EMI -> "EMI";
        case EQUAL_PRINCIPAL -> "equal principal";
      };
      return lent + ", " + method + ", " + count + " " + LoanScheduleCommand.word(scheduled.frequency())
          + " instalment" + (count == 1 ? "" : "s");
    }
    return lent + ", open: interest monthly on what is outstanding";
  }

  /** Where a loan stands after a payment or penalty, in one phrase. */
  static String standing(LoanState state) {
    if (state.settled()) {
      return "is repaid in full";
    }
    return "on " + state.asOf() + ": principal outstanding " + MoneyFormats.indian(state.outstandingPrincipal())
        + ", due now " + MoneyFormats.indian(state.totalDue())
        + (state.isOverdue() ? ", overdue " + MoneyFormats.indian(state.overdueAmount()) + " (" + state.daysPastDue()
            + " days)" : "");
  }

  /**
   * The loan a command names: a standing loan with that id, or else the one loan of a member with
   * that id (of several, the one outstanding on the day).
   *
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND} if there is no such loan or
   *     member, or the member has no loan
   */
  static MemberLoan resolve(BookCommand command, String text, LocalDate day) {
    String name = text.strip();
    List<MemberLoan> loans = command.engine.loans(command.code);
    for (MemberLoan loan : loans) {
      if (loan.id().value().equals(name)) {
        return loan;
      }
    }
    boolean isMember;
    try {
      isMember = command.engine.registry().member(command.code, MemberId.of(name)).isPresent();
    } catch (IllegalArgumentException notAnId) {
      isMember = false;
    }
    if (!isMember) {
      throw new GroupException(GroupRejection.LOAN_NOT_FOUND,
          "group " + command.code + ": there is no loan " + name + " (nor a member of that id)");
    }
    List<MemberLoan> hers = loans.stream().filter(l -> l.member().value().equals(name)).toList();
    if (hers.size() == 1) {
      return hers.get(0);
    }
    List<MemberLoan> outstanding = hers.stream()
        .filter(l -> !day.isBefore(l.terms().disbursementDate()))
        .filter(l -> !command.engine.history(command.code, l).stateAsOf(day).settled())
        .toList();
    if (outstanding.size() == 1) {
      return outstanding.get(0);
    }
    if (hers.isEmpty()) {
      throw new GroupException(GroupRejection.LOAN_NOT_FOUND, "group " + command.code + ": " + name + " has no loan");
    }
    List<MemberLoan> choices = outstanding.isEmpty() ? hers : outstanding;
    throw command.usage(name + " has " + choices.size() + (outstanding.isEmpty() ? " loans" : " loans outstanding on " + day)
        + ": " + choices.stream().map(l -> l.id().value()).collect(Collectors.joining(", ")) + "; name one");
  }
}
