package org.shgledger.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;
import org.shgledger.report.spi.StatementFigures;
import org.shgledger.report.spi.StatementMonths;

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
    Map<String, long[]> figures = figures(books, from, to);
    return new GroupStatement(code, books.group.name(), books.currency(), from, to,
        receiptsAndPayments(books, figures, from, to),
        incomeAndExpenditure(books, figures),
        balanceSheet(books.journal, books.code(), books.currency(), to),
        memberTable(books, from, to));
  }

  /**
   * The statement's figures of a period per category ({@link StatementFigures}). A journal that
   * keeps them per month ({@link StatementMonths}) gives the period's whole months; a month the
   * period covers in part is its row less the entries of the days outside the period, or the
   * entries of the days inside, whichever are fewer days. Any other journal's entries of the
   * period are folded one by one. The sums are the same either way: each is a sum over entries.
   */
  private static Map<String, long[]> figures(GroupBooks books, LocalDate from, LocalDate to) {
    Map<String, long[]> figures = new HashMap<>();
    LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.with(TemporalAdjusters.firstDayOfNextMonth());
    LocalDate lastWhole = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
    if (!(books.journal instanceof StatementMonths months) || lastWhole.isBefore(firstWhole)) {
      books.fold(figures, from, to, 1);
      return figures;
    }
    YearMonth rowsFrom = YearMonth.from(firstWhole);
    YearMonth rowsTo = YearMonth.from(lastWhole);
    if (from.isBefore(firstWhole)) {
      LocalDate monthStart = from.withDayOfMonth(1);
      if (ChronoUnit.DAYS.between(monthStart, from) < ChronoUnit.DAYS.between(from, firstWhole)) {
        rowsFrom = YearMonth.from(from);
        books.fold(figures, monthStart, from.minusDays(1), -1);
      } else {
        books.fold(figures, from, firstWhole.minusDays(1), 1);
      }
    }
    if (to.isAfter(lastWhole)) {
      LocalDate monthEnd = to.with(TemporalAdjusters.lastDayOfMonth());
      // after the latest entry there is nothing to take away
      boolean nothingAfter = books.journal.latestEntryDate(books.code()).map(latest -> !latest.isAfter(to)).orElse(true);
      if (nothingAfter || ChronoUnit.DAYS.between(to, monthEnd) < ChronoUnit.DAYS.between(lastWhole, to)) {
        rowsTo = YearMonth.from(to);
        books.fold(figures, to.plusDays(1), monthEnd, -1);
      } else {
        books.fold(figures, lastWhole.plusDays(1), to, 1);
      }
    }
    StatementFigures.addAll(figures, months.statementMonths(books.code(), rowsFrom, rowsTo), 1);
    return figures;
  }

  private static ReceiptsAndPayments receiptsAndPayments(GroupBooks books, Map<String, long[]> figures,
      LocalDate from, LocalDate to) {
    List<ReportLine> receiptLines = lines(books, figures, StatementFigures.RECEIPTS, 1);
    List<ReportLine> paymentLines = lines(books, figures, StatementFigures.PAYMENTS, 1);
    LocalDate before = from.minusDays(1);
    return new ReceiptsAndPayments(
        books.balanceFromTrial(Chart.CASH, before), books.balanceFromTrial(Chart.BANK, before),
        receiptLines, ReportLine.total(books.currency(), receiptLines),
        paymentLines, ReportLine.total(books.currency(), paymentLines),
        books.balanceFromTrial(Chart.CASH, to), books.balanceFromTrial(Chart.BANK, to));
  }

  /**
   * The income and expenditure part of {@link #statement}, alone: each income and expense
   * account's movement in the period, year-end closings and share-outs left out. A roll-up of many
   * groups (org.shgledger.unit) asks for this rather than the whole statement, whose member table
   * reads every loan's history.
   *
   * @param code the group, not null
   * @param from the first day of the period, not null
   * @param to the last day, not before {@code from}, not null
   * @return the same figures as {@code statement(code, from, to).incomeAndExpenditure()}, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public IncomeAndExpenditure incomeAndExpenditure(BookId code, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    GroupBooks books = books(code);
    return incomeAndExpenditure(books, figures(books, from, to));
  }

  /**
   * The balance sheet part of {@link #statement}, alone: read from the journal's trial balance, so
   * it costs one query and no replay of entries.
   *
   * @param code the group, not null
   * @param asOf the day, inclusive, not null
   * @return the same figures as {@code statement(code, from, asOf).balanceSheet()}, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   */
  public BalanceSheet balanceSheet(BookId code, LocalDate asOf) {
    Group group = groups.group(Objects.requireNonNull(code, "code"));
    return balanceSheet(groups.journal(), code, group.currency(), Objects.requireNonNull(asOf, "asOf"));
  }

  private static IncomeAndExpenditure incomeAndExpenditure(GroupBooks books, Map<String, long[]> figures) {
    Map<String, long[]> income = new HashMap<>();
    Map<String, long[]> expenditure = new HashMap<>();
    figures.forEach((code, sums) -> {
      AccountType type = books.account(AccountCode.of(code)).type();
      if (type == AccountType.INCOME) {
        income.put(code, sums);
      } else if (type == AccountType.EXPENSE) {
        expenditure.put(code, sums);
      }
    });
    List<ReportLine> incomeLines = lines(books, income, StatementFigures.NET_INCOME, 1);
    List<ReportLine> expenditureLines = lines(books, expenditure, StatementFigures.NET_INCOME, -1);
    return new IncomeAndExpenditure(incomeLines, ReportLine.total(books.currency(), incomeLines),
        expenditureLines, ReportLine.total(books.currency(), expenditureLines));
  }

  private static BalanceSheet balanceSheet(JournalReader journal, BookId code, CurrencyUnit currency, LocalDate asOf) {
    TrialBalance trial = journal.trialBalance(code, asOf);
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
        assets, ReportLine.total(currency, assets),
        liabilities, ReportLine.total(currency, liabilities),
        equity, ReportLine.total(currency, equity),
        trial.total(AccountType.INCOME).minus(trial.total(AccountType.EXPENSE)));
  }

  private MemberTable memberTable(GroupBooks books, LocalDate from, LocalDate to) {
    BookId code = books.code();
    List<Meeting> meetings = groups.registry().meetings(code).stream()
        .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to)).toList();
    Map<MemberLoan, LoanHistory> loans = groups.histories(code);
    List<MemberLine> lines = new ArrayList<>();
    for (Member member : groups.registry().members(code)) {
      boolean belonged = !member.joined().isAfter(to)
          && (member.exited().isEmpty() || !member.exited().get().isBefore(from));
      if (!belonged) {
        continue;
      }
      MemberId id = member.id();
      Money overdue = books.zero();
      for (Map.Entry<MemberLoan, LoanHistory> loan : loans.entrySet()) {
        if (loan.getKey().member().equals(id) && !loan.getKey().terms().disbursementDate().isAfter(to)) {
          overdue = overdue.plus(loan.getValue().stateAsOf(to).overdueAmount());
        }
      }
      lines.add(new MemberLine(id, member.name(), member.joined(), member.exited(),
          books.balanceFromTrial(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, id), to),
          books.balanceFromTrial(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, id), to),
          books.balanceFromTrial(Chart.memberAccount(Chart.MEMBER_LOANS, id), to),
          overdue,
          attendance(member, meetings)));
    }
    return new MemberTable(lines,
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::compulsorySavings).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::voluntarySavings).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::loanOutstanding).toList()),
        GroupBooks.sum(books.currency(), lines.stream().map(MemberLine::overdue).toList()),
        books.balanceFromTrial(Chart.COMPULSORY_SAVINGS, to),
        books.balanceFromTrial(Chart.VOLUNTARY_SAVINGS, to),
        books.balanceFromTrial(Chart.MEMBER_LOANS, to));
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

  // ---------------------------------------------------------------- member passbook

  /**
   * A member's passbook for a period: every entry that touched her, with her savings and loan
   * balances running.
   *
   * <p>An entry is hers if it posts to one of her sub-ledgers (1200:M, 2000:M, 2100:M), or if it
   * is tied to her where the money goes to group accounts: a payment on one of her loans (the
   * loan's payment events name the entry: its interest, penalties and principal), her exit
   * settlement (an entry of kind {@code EXIT_SETTLEMENT} naming her: also her share of surplus,
   * from 3100), or a fine recorded for her (kind {@code FINE} naming her). Reversals of such entries are hers
   * too. Fines posted to 4100 any other way (a bank line, a hand-made entry) name nobody and do not
   * appear; neither do penalties charged on a loan until they are paid.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @return the passbook, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}, {@link
   *     org.shgledger.group.GroupRejection#MEMBER_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public MemberPassbook passbook(BookId code, MemberId memberId, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    GroupBooks books = books(code);
    Member member = groups.member(code, Objects.requireNonNull(memberId, "memberId"));
    AccountCode compulsory = Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId);
    AccountCode voluntary = Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId);
    AccountCode loans = Chart.memberAccount(Chart.MEMBER_LOANS, memberId);
    java.util.Set<EntryId> loanPayments = new java.util.HashSet<>();
    for (MemberLoan loan : groups.registry().loans(code)) {
      if (loan.member().equals(memberId)) {
        for (LoanEvent event : groups.registry().loanEvents(code, loan.id())) {
          if (event.kind() == LoanEvent.Kind.PAYMENT) {
            loanPayments.add(event.id());
          }
        }
      }
    }
    LocalDate before = from.minusDays(1);
    PassbookBalances opening = new PassbookBalances(
        books.balance(compulsory, before), books.balance(voluntary, before), books.balance(loans, before));
    PassbookBalances running = opening;
    Money zero = books.zero();
    Money totalInterest = zero;
    Money totalFines = zero;
    List<PassbookLine> lines = new ArrayList<>();
    for (JournalEntry entry : books.between(from, to)) {
      JournalEntry root = books.root(entry);
      boolean payment = loanPayments.contains(root.id());
      boolean exit = root.kind() == EntryKind.EXIT_SETTLEMENT && root.member().equals(Optional.of(memberId.value()));
      boolean fine = isFineOf(root, memberId);
      boolean ownAccounts = entry.postings().stream().anyMatch(p -> p.account().equals(compulsory)
          || p.account().equals(voluntary) || p.account().equals(loans));
      if (!ownAccounts && !payment && !exit && !fine) {
        continue;
      }
      boolean undoes = books.undoesRoot(entry);
      // [in, out] of each pair; a reversal's amounts go, negated, where its original's went
      Money[] compulsoryInOut = {zero, zero};
      Money[] voluntaryInOut = {zero, zero};
      Money[] loanOutIn = {zero, zero};
      Money interest = zero;
      Money fines = zero;
      Money share = zero;
      for (Posting posting : entry.postings()) {
        AccountCode account = posting.account();
        Money credit = posting.side() == Side.CREDIT ? posting.amount() : posting.amount().negated();
        if (account.equals(compulsory)) {
          pair(compulsoryInOut, posting, Side.CREDIT, undoes);
        } else if (account.equals(voluntary)) {
          pair(voluntaryInOut, posting, Side.CREDIT, undoes);
        } else if (account.equals(loans)) {
          pair(loanOutIn, posting, Side.DEBIT, undoes);
        } else if (account.equals(Chart.LOAN_INTEREST) && (payment || exit)) {
          interest = interest.plus(credit);
        } else if (account.equals(Chart.FINES) && (payment || exit || fine)) {
          fines = fines.plus(credit);
        } else if (account.equals(Chart.SURPLUS) && exit) {
          share = share.minus(credit);
        }
      }
      running = new PassbookBalances(
          running.compulsorySavings().plus(compulsoryInOut[0]).minus(compulsoryInOut[1]),
          running.voluntarySavings().plus(voluntaryInOut[0]).minus(voluntaryInOut[1]),
          running.loanOutstanding().plus(loanOutIn[0]).minus(loanOutIn[1]));
      totalInterest = totalInterest.plus(interest);
      totalFines = totalFines.plus(fines);
      Money savingsIn = compulsoryInOut[0].plus(voluntaryInOut[0]);
      Money savingsOut = compulsoryInOut[1].plus(voluntaryInOut[1]);
      PassbookLine.Kind kind;
      if (entry.reverses().isPresent()) {
        kind = PassbookLine.Kind.REVERSAL;
      } else if (exit) {
        kind = PassbookLine.Kind.EXIT_SETTLEMENT;
      } else if (books.isShareOut(entry)) {
        kind = PassbookLine.Kind.SHARE_OUT;
      } else if (entry.kind() == EntryKind.SURPLUS_DISTRIBUTION) {
        kind = PassbookLine.Kind.SURPLUS_DISTRIBUTION;
      } else if (loanOutIn[0].isPositive()) {
        kind = PassbookLine.Kind.LOAN_DISBURSEMENT;
      } else if (payment) {
        kind = PassbookLine.Kind.LOAN_REPAYMENT;
      } else if (fine) {
        kind = PassbookLine.Kind.FINE;
      } else if (savingsIn.isPositive() && savingsOut.isZero()) {
        kind = PassbookLine.Kind.SAVINGS_DEPOSIT;
      } else if (savingsOut.isPositive() && savingsIn.isZero()) {
        kind = PassbookLine.Kind.SAVINGS_WITHDRAWAL;
      } else {
        kind = PassbookLine.Kind.OTHER;
      }
      String memo = AccountNumbers.mask(entry.memo());
      if (kind == PassbookLine.Kind.SHARE_OUT) {
        // what she received, as her passbook shows it: her share of the profit into her savings,
        // then her savings paid out to her, never one negative movement
        Money profit = shareOfProfit(entry, voluntary);
        if (!profit.isZero()) {
          PassbookBalances afterShare = new PassbookBalances(
              running.compulsorySavings().plus(compulsoryInOut[1]).minus(compulsoryInOut[0]),
              running.voluntarySavings().plus(voluntaryInOut[1]).minus(voluntaryInOut[0]).plus(profit),
              running.loanOutstanding());
          lines.add(new PassbookLine(entry.date(), entry.id(), PassbookLine.Kind.SHARE_OF_PROFIT, memo,
              entry.reverses(), zero, zero, profit.isPositive() ? profit : zero,
              profit.isNegative() ? profit.negated() : zero, zero, zero, zero, zero, profit, afterShare));
          voluntaryInOut[0] = voluntaryInOut[0].minus(profit.isPositive() ? profit : zero);
          voluntaryInOut[1] = voluntaryInOut[1].minus(profit.isNegative() ? profit.negated() : zero);
        }
      }
      // an entry recorded before account numbers were masked may hold one: a report never shows it
      lines.add(new PassbookLine(entry.date(), entry.id(), kind, memo,
          entry.reverses(), compulsoryInOut[0], compulsoryInOut[1], voluntaryInOut[0], voluntaryInOut[1],
          loanOutIn[0], loanOutIn[1], interest, fines, share, running));
    }
    return new MemberPassbook(code, memberId, member.name(), from, to, opening, lines, running,
        totalInterest, totalFines);
  }

  /**
   * A member's share of the profit in a share-out entry. The engine posts it to her voluntary
   * savings before it debits her savings in full (org.shgledger.group.Closing), so when her
   * voluntary account has more than one posting in the entry, the first is her share (a credit; a
   * debit for a share of a loss); with one posting, she had no share.
   */
  private static Money shareOfProfit(JournalEntry entry, AccountCode voluntary) {
    List<Posting> hers = entry.postings().stream().filter(p -> p.account().equals(voluntary)).toList();
    if (hers.size() < 2) {
      return Money.zero(entry.postings().get(0).amount().getCurrencyUnit());
    }
    Posting first = hers.get(0);
    return first.side() == Side.CREDIT ? first.amount() : first.amount().negated();
  }

  /**
   * Adds a posting to a pair of columns: {@code columns[0]} takes postings on {@code firstSide},
   * {@code columns[1]} the others; a reversal's posting goes, negated, to the other column.
   */
  private static void pair(Money[] columns, Posting posting, Side firstSide, boolean undoes) {
    int column = posting.side() == firstSide ? 0 : 1;
    if (undoes) {
      columns[1 - column] = columns[1 - column].minus(posting.amount());
    } else {
      columns[column] = columns[column].plus(posting.amount());
    }
  }

  /** Whether an entry is a fine the engine recorded for this member ({@code GroupOperation.Fine}). */
  private static boolean isFineOf(JournalEntry entry, MemberId member) {
    return entry.kind() == EntryKind.FINE && entry.member().equals(Optional.of(member.value()));
  }

  // ---------------------------------------------------------------- account ledger

  /**
   * An account's ledger for a period: opening balance, each posting with the running balance on
   * the account's normal side, closing balance. A control account (1200, 2000, 2100) includes the
   * postings of its members' sub-ledgers; a sub-ledger code such as {@code 2000:M01} gives that
   * member's account alone.
   *
   * @param code the group, not null
   * @param account the account's code, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @return the ledger, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   * @throws JournalException {@link org.shgledger.journal.Rejection#ACCOUNT_NOT_FOUND}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public AccountLedger account(BookId code, AccountCode account, LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    GroupBooks books = books(code);
    Account definition = books.account(Objects.requireNonNull(account, "account"));
    boolean debitNormal = definition.type().normalSide() == Side.DEBIT;
    Money opening = books.balance(account, from.minusDays(1));
    Money running = opening;
    Money zero = books.zero();
    Money debits = zero;
    Money credits = zero;
    List<LedgerLine> lines = new ArrayList<>();
    for (JournalEntry entry : books.between(from, to)) {
      for (Posting posting : entry.postings()) {
        if (!books.rollsUpInto(posting.account(), account)) {
          continue;
        }
        Money debit = posting.side() == Side.DEBIT ? posting.amount() : zero;
        Money credit = posting.side() == Side.CREDIT ? posting.amount() : zero;
        running = debitNormal ? running.plus(debit).minus(credit) : running.plus(credit).minus(debit);
        debits = debits.plus(debit);
        credits = credits.plus(credit);
        lines.add(new LedgerLine(entry.date(), entry.id(), posting.account(), AccountNumbers.mask(entry.memo()), debit,
            credit, running));
      }
    }
    return new AccountLedger(code, account, definition.name(), definition.type(), from, to, opening, lines,
        debits, credits, books.balance(account, to));
  }

  // ---------------------------------------------------------------- loan portfolio

  /**
   * The loan portfolio at the end of a day: every member loan paid out by then (closed ones
   * included), with outstanding principal, interest due, overdue amount, days past due and
   * status; the totals; PAR30; and demand, collection and balance for the period from {@code
   * periodFrom} to {@code asOf} (see {@link Dcb}).
   *
   * @param code the group, not null
   * @param asOf the day, inclusive, not null
   * @param periodFrom the first day of the DCB period, not after {@code asOf}, not null
   * @return the portfolio, not null
   * @throws GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   * @throws IllegalArgumentException if {@code periodFrom} is after {@code asOf}
   */
  public LoanPortfolio loans(BookId code, LocalDate asOf, LocalDate periodFrom) {
    requirePeriod(periodFrom, asOf);
    // loans are read from the registry and their histories: the journal's entries are not needed
    Money zero = Money.zero(groups.group(Objects.requireNonNull(code, "code")).currency());
    List<LoanLine> lines = new ArrayList<>();
    Money principal = zero;
    Money outstanding = zero;
    Money interestDue = zero;
    Money overdue = zero;
    Money atRisk = zero;
    Dcb total = new Dcb(zero, zero, zero, zero, zero, zero);
    for (Map.Entry<MemberLoan, LoanHistory> standing : groups.histories(code).entrySet()) {
      MemberLoan loan = standing.getKey();
      Loan terms = loan.terms();
      if (terms.disbursementDate().isAfter(asOf)) {
        continue;
      }
      LoanHistory history = standing.getValue();
      LoanState state = history.stateAsOf(asOf);
      LoanStatus status = state.settled() ? LoanStatus.CLOSED
          : state.isOverdue() ? LoanStatus.OVERDUE : LoanStatus.CURRENT;
      Dcb dcb = LoanDemand.dcb(history, periodFrom, asOf);
      lines.add(new LoanLine(loan.id(), loan.member(), terms.disbursementDate(), terms.principal(),
          LoanMethod.of(terms), state.outstandingPrincipal(), state.interestDue(), state.overdueAmount(),
          state.daysPastDue(), status, dcb));
      principal = principal.plus(terms.principal());
      outstanding = outstanding.plus(state.outstandingPrincipal());
      interestDue = interestDue.plus(state.interestDue());
      overdue = overdue.plus(state.overdueAmount());
      if (state.daysPastDue() > LoanPortfolio.PAR_DAYS) {
        atRisk = atRisk.plus(state.outstandingPrincipal());
      }
      total = total.plus(dcb);
    }
    return new LoanPortfolio(code, asOf, periodFrom, lines, principal, outstanding, interestDue, overdue,
        atRisk, LoanPortfolio.ratio(atRisk, outstanding), total);
  }

  // ---------------------------------------------------------------- helpers

  /** The group's books for a period, or the engine's not-found error. */
  private GroupBooks books(BookId code) {
    Objects.requireNonNull(code, "code");
    Group group = groups.group(code);
    return new GroupBooks(group, groups.journal());
  }

  /** The lines of one of the figures, in code order, no zero lines; {@code sign} -1 negates. */
  private static List<ReportLine> lines(GroupBooks books, Map<String, long[]> figures, int figure, int sign) {
    Map<AccountCode, Money> amounts = new TreeMap<>();
    figures.forEach((code, sums) -> {
      if (sums[figure] != 0) {
        amounts.put(AccountCode.of(code), Money.ofMinor(books.currency(), sign * sums[figure]));
      }
    });
    List<ReportLine> lines = new ArrayList<>();
    amounts.forEach((code, amount) -> lines.add(new ReportLine(code, books.account(code).name(), amount)));
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
