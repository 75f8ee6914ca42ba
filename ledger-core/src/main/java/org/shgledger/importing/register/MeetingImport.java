package org.shgledger.importing.register;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.EngineMemo;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportedIds;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.PaymentAllocation;

/**
 * Imports a meeting register: one row per member per meeting, a meeting being all rows that share
 * a date. Header (any order, only {@code date} and {@code member} required): {@code
 * date,member,present,savings,voluntary_savings,repaid_principal,repaid_interest,repaid_total,fine,
 * loan_given,loan_method,loan_monthly_rate,loan_instalments,savings_withdrawn}, and optionally
 * {@code loan_frequency} (weekly, fortnightly, monthly), {@code loan_grace} (interest-only
 * instalments) and {@code loan_fee} (a processing fee taken from the loan given, credited to 4300),
 * {@code loan} naming the loan a repayment (or penalty) is for, {@code penalty} charging a loan
 * penalty ({@link SavingsGroups#chargeLoanPenalty}), {@code welfare}, her gift to the group's
 * welfare fund ({@link org.shgledger.group.GroupOperation.WelfareContribution}), and {@code
 * channel}, {@code cash} (the default) or {@code bank}, for how the row's money moves.
 *
 * <p>Meetings are recorded in date order; at each, first the roll ({@link
 * SavingsGroups#recordMeeting}), then for each row in file order what comes in (savings, voluntary
 * savings, welfare, fine, a penalty charged, repayment), then what goes out (savings withdrawn), then the
 * loans given, each in the row's channel. Entry ids are {@code MTG:date:member:KIND} and loan ids
 * {@code yyyyMMdd-member}, so the same file imported again records nothing. docs/import.md gives
 * every rule.
 *
 * <p>All or nothing: every row is checked first and every problem reported; then the whole file
 * runs as one unit of the engine, and the first operation the books refuse (not enough cash, not
 * a member that day) fails the import at its row with nothing kept.
 */
public final class MeetingImport {

  /** The columns every register has. */
  public static final List<String> REQUIRED = List.of("date", "member");

  /** The columns a register may have. */
  public static final List<String> OPTIONAL = List.of("present", "savings", "voluntary_savings",
      "repaid_principal", "repaid_interest", "repaid_total", "fine", "loan_given", LoanSpec.METHOD,
      LoanSpec.RATE, LoanSpec.INSTALMENTS, "savings_withdrawn", "loan", "penalty", "channel", LoanSpec.FREQUENCY,
      LoanSpec.GRACE, LoanSpec.FEE, "welfare");

  private MeetingImport() {}

  /** One member's row at one meeting, read and checked. */
  private record Row(Sheet.Fields fields, LocalDate date, MemberId member, Attendance attendance, Money savings,
      Money voluntarySavings, Optional<Money> repaidPrincipal, Optional<Money> repaidInterest,
      Optional<Money> repaidTotal, Money fine, Money loanGiven, LoanSpec loanSpec, Money savingsWithdrawn,
      Optional<LoanId> loan, Money penalty, Channel channel, Money loanFee, Money welfare) {

    ImportProblem at(String column) {
      return fields.problem(column, "-");
    }

    String id(String kind) {
      return ImportedIds.MEETING + date + ":" + member + ":" + kind;
    }
  }

  /**
   * Imports a register file.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param file the CSV file, not null
   * @param limits the limits on the file, not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   * @throws GroupException if the group does not exist
   */
  public static ImportResult run(SavingsGroups groups, BookId code, Path file, ImportLimits limits, boolean dryRun) {
    try (CsvTable table = CsvTable.open(file, limits)) {
      return run(groups, code, table, limits, dryRun);
    }
  }

  /**
   * Imports a register from an open table, which the caller closes.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param table the file, positioned at its header, not null
   * @param limits the limits the table was opened with (for the number of problems), not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   * @throws GroupException if the group does not exist
   */
  public static ImportResult run(SavingsGroups groups, BookId code, CsvTable table, ImportLimits limits, boolean dryRun) {
    return plan(groups, code, table, limits).run(groups, code, dryRun);
  }

  /**
   * Reads and checks a register from an open table, which the caller closes, and plans its
   * operations by meeting date without recording anything: for a caller that records them
   * together with another file's lines in one unit of its own (the combined import). {@link
   * RegisterPlan#run} records them as {@link #run} does.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param table the file, positioned at its header, not null
   * @param limits the limits the table was opened with (for the number of problems), not null
   * @return the operations, each meeting's in its two stages, not null
   * @throws ImportException listing every problem with {@code file:line:column}
   * @throws GroupException if the group does not exist
   */
  public static RegisterPlan plan(SavingsGroups groups, BookId code, CsvTable table, ImportLimits limits) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(code, "code");
    Group group = groups.group(code);
    ImportProblems problems = new ImportProblems(limits.maxProblems());
    Sheet sheet = Sheet.read(table, REQUIRED, OPTIONAL, problems);
    TreeMap<LocalDate, List<Row>> meetings = new TreeMap<>();
    Map<String, Long> seen = new HashMap<>();
    sheet.forEachRow(fields -> {
      Optional<Row> row = read(fields, group.currency());
      if (row.isEmpty()) {
        return;
      }
      Long earlier = seen.putIfAbsent(row.get().date() + " " + row.get().member(), fields.row.line());
      if (earlier != null) {
        fields.add("member", "member " + row.get().member() + " has a row for the meeting of "
            + row.get().date() + " on line " + earlier + " already: one row per member per meeting");
        return;
      }
      meetings.computeIfAbsent(row.get().date(), d -> new ArrayList<>()).add(row.get());
    });
    problems.throwIfAny();
    RegisterPlan plan = RegisterPlan.dated(sheet.file, sheet.rows());
    meetings.forEach((date, rows) -> plan(groups, group, date, rows,
        plan.stage(date, RegisterPlan.Stage.RECEIPTS), plan.stage(date, RegisterPlan.Stage.PAYMENTS)));
    return plan;
  }

  private static Optional<Row> read(Sheet.Fields fields, CurrencyUnit currency) {
    Optional<LocalDate> date = fields.required("date", "meeting date", Sheet.DATES::parse);
    Optional<MemberId> member = fields.required("member", "member id", MemberId::of);
    Optional<Attendance> attendance = fields.optional("present", text -> switch (text.toUpperCase(Locale.ROOT)) {
      case "Y" -> Attendance.PRESENT;
      case "N" -> Attendance.ABSENT;
      default -> throw new IllegalArgumentException("\"" + text + "\" is not Y or N (was the member present?)");
    });
    Money savings = fields.amount("savings", currency);
    Money voluntary = fields.amount("voluntary_savings", currency);
    Optional<Money> principal = fields.optionalAmount("repaid_principal", currency).filter(Money::isPositive);
    Optional<Money> interest = fields.optionalAmount("repaid_interest", currency).filter(Money::isPositive);
    Optional<Money> total = fields.optionalAmount("repaid_total", currency).filter(Money::isPositive);
    if (total.isPresent() && (principal.isPresent() || interest.isPresent())) {
      fields.add("repaid_total", "give either repaid_total (the books split it) or repaid_principal and"
          + " repaid_interest, not both on one row");
    }
    Money fine = fields.amount("fine", currency);
    Money loanGiven = fields.amount("loan_given", currency);
    LoanSpec spec = LoanSpec.read(fields);
    if (spec.anyGiven() && loanGiven.isZero()) {
      fields.add(spec.open().isPresent() ? LoanSpec.METHOD : spec.monthlyRatePercent().isPresent() ? LoanSpec.RATE
          : spec.instalments().isPresent() ? LoanSpec.INSTALMENTS : spec.frequency().isPresent() ? LoanSpec.FREQUENCY
          : LoanSpec.GRACE, "loan terms without a loan: fill in loan_given or clear the loan terms");
    }
    Money fee = fields.amount(LoanSpec.FEE, currency);
    if (fee.isPositive() && loanGiven.isZero()) {
      fields.add(LoanSpec.FEE, "a loan fee without a loan: fill in loan_given or clear loan_fee");
    } else if (fee.isPositive() && !fee.isLessThan(loanGiven)) {
      fields.add(LoanSpec.FEE, "a loan fee of " + withCurrency(fee) + " is not less than the loan given, "
          + withCurrency(loanGiven));
    }
    Money withdrawn = fields.amount("savings_withdrawn", currency);
    Optional<LoanId> loan = fields.optional("loan", LoanId::of);
    Money penalty = fields.amount("penalty", currency);
    Money welfare = fields.amount("welfare", currency);
    if (loan.isPresent() && principal.isEmpty() && interest.isEmpty() && total.isEmpty() && penalty.isZero()) {
      fields.add("loan", "a loan is named but nothing is repaid or charged: fill in the repayment or the"
          + " penalty, or clear the loan");
    }
    Optional<Channel> channel = fields.optional("channel", text -> switch (text.toLowerCase(Locale.ROOT)) {
      case "cash" -> Channel.CASH;
      case "bank" -> Channel.BANK;
      default -> throw new IllegalArgumentException("\"" + text + "\" is not a channel: write cash or bank"
          + " (blank is cash)");
    });
    if (date.isEmpty() || member.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Row(fields, date.get(), member.get(), attendance.orElse(Attendance.PRESENT), savings,
        voluntary, principal, interest, total, fine, loanGiven, spec, withdrawn, loan, penalty,
        channel.orElse(Channel.CASH), fee, welfare));
  }

  /**
   * Plans one meeting: into {@code steps} the checks, the roll and what comes in; into {@code
   * payments} what goes out (withdrawals, then loans).
   */
  private static void plan(SavingsGroups groups, Group group, LocalDate date, List<Row> rows, Steps steps,
      Steps payments) {
    BookId code = group.code();
    Map<MemberId, Attendance> roll = new LinkedHashMap<>();
    rows.forEach(row -> roll.put(row.member(), row.attendance()));
    Meeting meeting = new Meeting(code, date, roll);
    for (Row row : rows) {
      // the roll would refuse a non-member too, but only naming the meeting; this names her row
      steps.check(row.at("member"), describe(row, "a member that day"), () -> {
        if (!groups.member(code, row.member()).isMemberOn(date)) {
          throw new GroupException(org.shgledger.group.GroupRejection.NOT_A_MEMBER_ON_DATE,
              "member " + row.member() + " had not joined or had left by " + date);
        }
      });
    }
    steps.add(rows.get(0).at("date"), "the roll of the meeting of " + date, () -> {
      Optional<Meeting> known = groups.registry().meeting(code, date);
      groups.recordMeeting(meeting);
      return known.isEmpty();
    });
    for (Row row : rows) {
      save(groups, code, row, "savings", "SAVE", SavingsKind.COMPULSORY, row.savings(), steps);
      save(groups, code, row, "voluntary_savings", "VSAVE", SavingsKind.VOLUNTARY, row.voluntarySavings(), steps);
      if (row.welfare().isPositive()) {
        record(groups, code, row, "welfare", "WELFARE", "welfare fund gift of " + withCurrency(row.welfare()),
            new GroupOperation.WelfareContribution(row.member(), row.welfare(), row.channel()), steps);
      }
      if (row.fine().isPositive()) {
        record(groups, code, row, "fine", "FINE", "fine of " + withCurrency(row.fine()),
            new GroupOperation.Fine(row.member(), row.fine(), EngineMemo.FINE_AT_MEETING.compose(date.toString()), row.channel()), steps);
      }
      if (row.penalty().isPositive()) {
        penalty(groups, code, row, steps);
      }
      if (row.repaidTotal().isPresent() || row.repaidPrincipal().isPresent() || row.repaidInterest().isPresent()) {
        repay(groups, code, row, steps);
      }
    }
    for (Row row : rows) {
      if (row.savingsWithdrawn().isPositive()) {
        record(groups, code, row, "savings_withdrawn", "WDRAW", "withdrawal of " + withCurrency(row.savingsWithdrawn()),
            new GroupOperation.WithdrawSavings(row.member(), SavingsKind.COMPULSORY, row.savingsWithdrawn(),
                row.channel()), payments);
      }
    }
    for (Row row : rows) {
      if (row.loanGiven().isPositive()) {
        LoanId loanId = LoanSpec.loanId(date, row.member());
        EntryId id = EntryId.of(row.id("LOAN"));
        payments.add(row.at("loan_given"), describe(row, "loan " + loanId + " of " + withCurrency(row.loanGiven())),
            (RegisterPlan.Tally tally) -> {
              boolean known = groups.journal().entry(code, id).isPresent();
              groups.disburseLoan(code, id, loanId, row.member(), row.loanSpec().terms(group, row.loanGiven(), date),
                  row.channel(), row.loanFee());
              tally.loans(groups, code).paidOut(loanId, id);
              return !known;
            });
      }
    }
  }

  private static void save(SavingsGroups groups, BookId code, Row row, String column, String kind,
      SavingsKind savingsKind, Money amount, Steps steps) {
    if (amount.isPositive()) {
      record(groups, code, row, column, kind, column.replace('_', ' ') + " of " + withCurrency(amount),
          new GroupOperation.Save(row.member(), savingsKind, amount, row.channel()), steps);
    }
  }

  private static void record(SavingsGroups groups, BookId code, Row row, String column, String kind, String what,
      GroupOperation operation, Steps steps) {
    EntryId id = EntryId.of(row.id(kind));
    steps.add(row.at(column), describe(row, what), () -> {
      boolean known = groups.journal().entry(code, id).isPresent();
      groups.record(code, id, row.date(), operation);
      return !known;
    });
  }

  private static String describe(Row row, String what) {
    return row.date() + " " + row.member() + ": " + what;
  }

  /**
   * A repayment: {@code repaid_total} is split by the loan's history ({@link
   * SavingsGroups#repayLoan}); an explicit principal and interest must be exactly that split of
   * their sum, else the row is refused naming both. The loan is the row's {@code loan}, else the
   * member's oldest loan with principal outstanding on the day (for a file imported again: the
   * loan that already holds this payment).
   */
  private static void repay(SavingsGroups groups, BookId code, Row row, Steps steps) {
    CurrencyUnit currency = groups.group(code).currency();
    Money total = row.repaidTotal().orElseGet(() -> row.repaidPrincipal().orElse(Money.zero(currency))
        .plus(row.repaidInterest().orElse(Money.zero(currency))));
    EntryId id = EntryId.of(row.id("REPAY"));
    String column = row.repaidTotal().isPresent() ? "repaid_total"
        : row.repaidPrincipal().isPresent() ? "repaid_principal" : "repaid_interest";
    steps.add(row.at(column), describe(row, "repayment of " + withCurrency(total)), (RegisterPlan.Tally tally) -> {
      boolean known = groups.journal().entry(code, id).isPresent();
      KnownLoans loans = tally.loans(groups, code);
      MemberLoan loan = loanRepaid(loans, row, id, "repay");
      if (!known && row.repaidTotal().isEmpty()) {
        PaymentAllocation split = groups.history(code, loan).allocate(row.date(), total);
        Money principal = row.repaidPrincipal().orElse(Money.zero(currency));
        Money interest = row.repaidInterest().orElse(Money.zero(currency));
        if (!split.principal().equals(principal) || !split.interest().equals(interest) || !split.fines().isZero()
            || split.hasExcess()) {
          throw new GroupException(org.shgledger.group.GroupRejection.INVALID_AMOUNT,
              "loan " + loan.id() + " splits a payment of " + withCurrency(total) + " on " + row.date()
                  + " into principal " + withCurrency(split.principal()) + " and interest " + withCurrency(split.interest())
                  + (split.fines().isZero() ? "" : " and penalties " + withCurrency(split.fines()))
                  + (split.hasExcess() ? ", with " + withCurrency(split.excess()) + " more than it will ever ask" : "")
                  + ", but the row says principal " + withCurrency(principal) + " and interest " + withCurrency(interest)
                  + ": correct the amounts, or write the payment in repaid_total and leave the split to the books");
        }
      }
      groups.repayLoan(code, id, loan.id(), row.date(), total, row.channel());
      loans.recorded(row.member(), loan.id(), id);
      return !known;
    });
  }

  /**
   * A penalty charged on her loan at the meeting ({@link SavingsGroups#chargeLoanPenalty}): not
   * money yet but owed, so a repayment on the same row pays it first. Its id is {@code
   * MTG:date:member:PENALTY}; the loan is found as a repayment's is.
   */
  private static void penalty(SavingsGroups groups, BookId code, Row row, Steps steps) {
    EntryId id = EntryId.of(row.id("PENALTY"));
    String what = "penalty of " + withCurrency(row.penalty());
    steps.add(row.at("penalty"), describe(row, what), (RegisterPlan.Tally tally) -> {
      KnownLoans loans = tally.loans(groups, code);
      MemberLoan loan = loanRepaid(loans, row, id, "charge a penalty on");
      boolean known = groups.registry().loanEvents(code, loan.id()).stream().anyMatch(event -> event.id().equals(id));
      groups.chargeLoanPenalty(code, id, loan.id(), row.date(), row.penalty());
      loans.recorded(row.member(), loan.id(), id);
      return !known;
    });
  }

  private static MemberLoan loanRepaid(KnownLoans loans, Row row, EntryId payment, String purpose) {
    // her loans as the import knows them: reading the group's loans, or all of hers with their
    // events and schedules, for each row made the import's time grow with the square of its size
    List<MemberLoan> hers = loans.hers(row.member());
    if (row.loan().isPresent()) {
      return hers.stream().filter(loan -> loan.id().equals(row.loan().get())).findFirst()
          .orElseThrow(() -> new GroupException(org.shgledger.group.GroupRejection.LOAN_NOT_FOUND,
              "member " + row.member() + " has no loan " + row.loan().get()));
    }
    // a payment or penalty already recorded (a file imported again) stays on its loan
    Optional<LoanId> holder = loans.holding(row.member(), payment);
    if (holder.isPresent()) {
      return hers.stream().filter(loan -> loan.id().equals(holder.get())).findFirst().orElseThrow();
    }
    return hers.stream()
        .filter(loan -> !loan.terms().disbursementDate().isAfter(row.date()))
        .filter(loan -> loans.outstanding(loan, row.date()))
        .min(Comparator.comparing((MemberLoan loan) -> loan.terms().disbursementDate()).thenComparing(MemberLoan::id))
        .orElseThrow(() -> new GroupException(org.shgledger.group.GroupRejection.LOAN_NOT_FOUND,
            "member " + row.member() + " has no loan with principal outstanding on " + row.date()
                + " to " + purpose));
  }
}
