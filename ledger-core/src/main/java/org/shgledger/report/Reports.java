package org.shgledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.journal.TrialBalance;

/**
 * The reports of a Self Help Group, computed from its books: the group statement, a member's
 * passbook, an account's ledger and the loan portfolio. Each report is an immutable record of
 * amounts, dates and ids, with no formatting; the rules behind every number are in
 * docs/reports.md.
 *
 * <pre>{@code
 * Reports reports = new Reports(groups);   // groups: a SavingsGroups engine
 * GroupStatement statement = reports.statement(code, LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31));
 * assert statement.receiptsAndPayments().reconciles() && statement.balanceSheet().balances();
 * }</pre>
 *
 * <p>Reports only read. Unknown groups and members are {@link GroupException}s with a not-found
 * reason, unknown accounts {@link JournalException}s, as in the engine.
 */
public final class Reports {

  private final SavingsGroups groups;

  /**
   * Creates the reports over an engine's journal and registry.
   *
   * @param groups the engine, not null
   */
  public Reports(SavingsGroups groups) {
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  // ---------------------------------------------------------------- group statement

  /**
   * The group statement for a period: receipts and payments, income and expenditure, the balance
   * sheet at the end of {@code to}, and the member-wise table.
   *
   * @param code the group, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @return the statement, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public GroupStatement statement(BookId code, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    GroupBooks books = books(code);
    return new GroupStatement(code, books.group.name(), books.currency(), from, to,
        receiptsAndPayments(books, from, to),
        incomeAndExpenditure(books, from, to),
        balanceSheet(books, to),
        memberTable(books, from, to));
  }

  private ReceiptsAndPayments receiptsAndPayments(GroupBooks books, LocalDate from, LocalDate to) {
    Map<AccountCode, Money> receipts = new TreeMap<>();
    Map<AccountCode, Money> payments = new TreeMap<>();
    for (JournalEntry entry : books.between(from, to)) {
      if (!GroupBooks.touchesCashOrBank(entry)) {
        continue;
      }
      // credits less debits of the other postings, per category: what this entry brought in
      Map<AccountCode, Money> net = new TreeMap<>();
      for (Posting posting : entry.postings()) {
        if (!GroupBooks.isCashOrBank(posting.account())) {
          Money signed = posting.side() == Side.CREDIT ? posting.amount() : posting.amount().negated();
          net.merge(books.topLevel(posting.account()).code(), signed, Money::plus);
        }
      }
      boolean undoes = books.undoesRoot(entry);
      for (Map.Entry<AccountCode, Money> category : net.entrySet()) {
        Money in = category.getValue();
        if (in.isZero()) {
          continue;
        }
        // the side is the one of the entry being corrected: a reversed receipt is a negative receipt
        boolean receipt = undoes ? in.isNegative() : in.isPositive();
        if (receipt) {
          receipts.merge(category.getKey(), in, Money::plus);
        } else {
          payments.merge(category.getKey(), in.negated(), Money::plus);
        }
      }
    }
    List<ReportLine> receiptLines = lines(books, receipts);
    List<ReportLine> paymentLines = lines(books, payments);
    LocalDate before = from.minusDays(1);
    return new ReceiptsAndPayments(
        books.balance(Chart.CASH, before), books.balance(Chart.BANK, before),
        receiptLines, ReportLine.total(books.currency(), receiptLines),
        paymentLines, ReportLine.total(books.currency(), paymentLines),
        books.balance(Chart.CASH, to), books.balance(Chart.BANK, to));
  }

  private IncomeAndExpenditure incomeAndExpenditure(GroupBooks books, LocalDate from, LocalDate to) {
    Map<AccountCode, Money> income = new TreeMap<>();
    Map<AccountCode, Money> expenditure = new TreeMap<>();
    for (JournalEntry entry : books.between(from, to)) {
      for (Posting posting : entry.postings()) {
        Account account = books.topLevel(posting.account());
        if (books.isClosingPosting(entry, posting)) {
          continue;
        }
        Money debit = posting.side() == Side.DEBIT ? posting.amount() : posting.amount().negated();
        if (account.type() == AccountType.INCOME) {
          income.merge(account.code(), debit.negated(), Money::plus);
        } else if (account.type() == AccountType.EXPENSE) {
          expenditure.merge(account.code(), debit, Money::plus);
        }
      }
    }
    List<ReportLine> incomeLines = lines(books, income);
    List<ReportLine> expenditureLines = lines(books, expenditure);
    return new IncomeAndExpenditure(incomeLines, ReportLine.total(books.currency(), incomeLines),
        expenditureLines, ReportLine.total(books.currency(), expenditureLines));
  }

  private static BalanceSheet balanceSheet(GroupBooks books, LocalDate asOf) {
    TrialBalance trial = books.journal.trialBalance(books.code(), asOf);
    Map<AccountType, List<ReportLine>> sides = new java.util.EnumMap<>(AccountType.class);
    for (TrialBalance.Line line : trial.lines()) {
      AccountType type = line.account().type();
      Money normal = type.normalSide() == Side.DEBIT ? line.net() : line.net().negated();
      if (!normal.isZero()) {
        sides.computeIfAbsent(type, t -> new ArrayList<>())
            .add(new ReportLine(line.account().code(), line.account().name(), normal));
      }
    }
    List<ReportLine> assets = sides.getOrDefault(AccountType.ASSET, List.of());
    List<ReportLine> liabilities = sides.getOrDefault(AccountType.LIABILITY, List.of());
    List<ReportLine> equity = sides.getOrDefault(AccountType.EQUITY, List.of());
    return new BalanceSheet(asOf,
        assets, ReportLine.total(books.currency(), assets),
        liabilities, ReportLine.total(books.currency(), liabilities),
        equity, ReportLine.total(books.currency(), equity),
        trial.total(AccountType.INCOME).minus(trial.total(AccountType.EXPENSE)));
  }

  private MemberTable memberTable(GroupBooks books, LocalDate from, LocalDate to) {
    BookId code = books.code();
    List<Meeting> meetings = groups.registry().meetings(code).stream()
        .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to)).toList();
    List<MemberLoan> loans = groups.loans(code);
    List<MemberLine> lines = new ArrayList<>();
    for (Member member : groups.registry().members(code)) {
      boolean belonged = !member.joined().isAfter(to)
          && (member.exited().isEmpty() || !member.exited().get().isBefore(from));
      if (!belonged) {
        continue;
      }
      MemberId id = member.id();
      Money overdue = books.zero();
      for (MemberLoan loan : loans) {
        if (loan.member().equals(id) && !loan.terms().disbursementDate().isAfter(to)) {
          overdue = overdue.plus(groups.history(code, loan).stateAsOf(to).overdueAmount());
        }
      }
      lines.add(new MemberLine(id, member.name(), member.joined(), member.exited(),
          books.balance(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, id), to),
          books.balance(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, id), to),
          books.balance(Chart.memberAccount(Chart.MEMBER_LOANS, id), to),
          overdue,
          attendance(member, meetings)));
    }
    return new MemberTable(lines,
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::compulsorySavings).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::voluntarySavings).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::loanOutstanding).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::overdue).toList()),
        books.balance(Chart.COMPULSORY_SAVINGS, to),
        books.balance(Chart.VOLUNTARY_SAVINGS, to),
        books.balance(Chart.MEMBER_LOANS, to));
  }

  /** Her attendance at the meetings held while she was a member; empty if there were none. */
  private static Optional<AttendanceRate> attendance(Member member, List<Meeting> meetings) {
    int held = 0;
    int attended = 0;
    for (Meeting meeting : meetings) {
      if (member.isMemberOn(meeting.date())) {
        held++;
        Attendance answer = meeting.attendance().get(member.id());
        if (answer != null && answer.attended()) {
          attended++;
        }
      }
    }
    return held == 0 ? Optional.empty() : Optional.of(new AttendanceRate(held, attended));
  }

  // ---------------------------------------------------------------- helpers

  /** The group's books, or the engine's not-found error. */
  private GroupBooks books(BookId code) {
    Objects.requireNonNull(code, "code");
    Group group = groups.group(code);
    return new GroupBooks(group, groups.journal());
  }

  private static List<ReportLine> lines(GroupBooks books, Map<AccountCode, Money> amounts) {
    List<ReportLine> lines = new ArrayList<>();
    amounts.forEach((code, amount) -> {
      if (!amount.isZero()) {
        lines.add(new ReportLine(code, books.account(code).name(), amount));
      }
    });
    return lines;
  }

  /** Checks a period: both days given, the last not before the first. */
  static void requirePeriod(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
    }
  }
}
