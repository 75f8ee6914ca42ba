package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.report.RandomGroupLife.SHG;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.shgledger.group.Chart;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.journal.Account;
import org.shgledger.journal.Journal;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;

/**
 * The reports' invariants over random lives of a group ({@link RandomGroupLife}), for the whole
 * life and for random periods within it:
 *
 * <ul>
 *   <li>receipts − payments = the change in cash and bank;
 *   <li>the balance sheet balances;
 *   <li>the member table's totals equal the control accounts, and each member's loan column the
 *       outstanding principal of her loans;
 *   <li>every account's ledger closes at the journal's balance;
 *   <li>every member's passbook closes at the engine's savings and her loan account, and the
 *       members' passbooks together hold all the period's loan interest and fines income;
 *   <li>each loan's DCB arrears and balance are what its state says is due, and what it collected
 *       is what its state says was paid.
 * </ul>
 */
class ReportProperties {

  private static RandomGroupLife.Tally tally;
  private static final AtomicLong checkedPeriods = new AtomicLong();
  private static final AtomicLong nonEmptyStatements = new AtomicLong();
  private static volatile boolean sawFailure;

  @BeforeProperty
  void resetTally() {
    tally = new RandomGroupLife.Tally();
    checkedPeriods.set(0);
    nonEmptyStatements.set(0);
    sawFailure = false;
  }

  @Property(tries = 50)
  void theReportsAgreeWithTheBooksThroughAGroupsLife(@ForAll long seed, @ForAll @IntRange(min = 40, max = RandomGroupLife.MAX_STEPS) int steps) {
    Random random = new Random(seed);
    RandomGroupLife life = new RandomGroupLife(tally);
    life.live(random, steps);
    Reports reports = new Reports(life.groups);
    LocalDate first = RandomGroupLife.FORMED;
    LocalDate last = life.today().plusDays(45);
    List<LocalDate[]> periods = new ArrayList<>();
    periods.add(new LocalDate[] {first, last});
    long days = ChronoUnit.DAYS.between(first, last);
    for (int i = 0; i < 3; i++) {
      LocalDate from = first.plusDays(random.nextInt((int) days + 1));
      LocalDate to = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, last) + 1));
      periods.add(new LocalDate[] {from, to});
    }
    try {
      for (LocalDate[] period : periods) {
        check(life, reports, period[0], period[1]);
        checkedPeriods.incrementAndGet();
      }
    } catch (RuntimeException | AssertionError e) {
      sawFailure = true;
      throw e;
    }
  }

  private static void check(RandomGroupLife life, Reports reports, LocalDate from, LocalDate to) {
    org.shgledger.journal.JournalReader journal = life.groups.journal();
    String where = " from " + from + " to " + to;
    GroupStatement statement = reports.statement(SHG, from, to);
    ReceiptsAndPayments cashBook = statement.receiptsAndPayments();
    Money change = balance(journal, Chart.CASH, to).plus(balance(journal, Chart.BANK, to))
        .minus(balance(journal, Chart.CASH, from.minusDays(1))).minus(balance(journal, Chart.BANK, from.minusDays(1)));
    assertEquals(change, cashBook.totalReceipts().minus(cashBook.totalPayments()),
        "receipts − payments = change in cash and bank" + where);
    assertTrue(cashBook.reconciles(), where);
    if (!cashBook.receipts().isEmpty()) {
      nonEmptyStatements.incrementAndGet();
    }
    assertTrue(statement.balanceSheet().balances(), () -> "the balance sheet balances" + where + ": " + statement.balanceSheet());
    MemberTable table = statement.members();
    assertTrue(table.agreesWithControls(), () -> "the member table equals the control accounts" + where + ": " + table);

    Map<MemberId, Money> outstanding = new HashMap<>();
    LoanPortfolio portfolio = reports.loans(SHG, to, from);
    for (LoanLine line : portfolio.loans()) {
      outstanding.merge(line.member(), line.outstandingPrincipal(), Money::plus);
    }
    for (MemberLine member : table.members()) {
      assertEquals(outstanding.getOrDefault(member.id(), Money.zero(RandomGroupLife.INR)), member.loanOutstanding(),
          () -> member.id() + "'s loan account is the outstanding principal of her loans" + where);
    }
    checkLoans(life, portfolio, from, to);

    for (Account account : journal.accounts(SHG)) {
      AccountLedger ledger = reports.account(SHG, account.code(), from, to);
      assertEquals(balance(journal, account, to), ledger.closing(), () -> "ledger of " + account.code() + where);
      Money last = ledger.lines().isEmpty() ? ledger.opening() : ledger.lines().get(ledger.lines().size() - 1).balance();
      assertEquals(ledger.closing(), last, () -> "the running balance of " + account.code() + " ends at its closing" + where);
    }

    Money interest = Money.zero(RandomGroupLife.INR);
    Money fines = Money.zero(RandomGroupLife.INR);
    for (Member member : life.groups.registry().members(SHG)) {
      MemberPassbook passbook = reports.passbook(SHG, member.id(), from, to);
      interest = interest.plus(passbook.totalInterestPaid());
      fines = fines.plus(passbook.totalFinesPaid());
      assertEquals(life.groups.savings(SHG, member.id(), to), passbook.closing().savings(),
          () -> member.id() + "'s passbook closes at her savings" + where);
      assertEquals(balance(journal, Chart.memberAccount(Chart.MEMBER_LOANS, member.id()), to),
          passbook.closing().loanOutstanding(), () -> member.id() + "'s passbook closes at her loan account" + where);
      assertEquals(life.groups.savings(SHG, member.id(), from.minusDays(1)), passbook.opening().savings(), where);
    }
    // every paisa of loan interest and fines in the engine's books comes from some member
    assertEquals(incomeOf(statement, Chart.LOAN_INTEREST), interest, "members' interest is the interest income" + where);
    assertEquals(incomeOf(statement, Chart.FINES), fines, "members' fines are the fines income" + where);
  }

  private static void checkLoans(RandomGroupLife life, LoanPortfolio portfolio, LocalDate from, LocalDate to) {
    Money atRisk = Money.zero(RandomGroupLife.INR);
    for (LoanLine line : portfolio.loans()) {
      MemberLoan loan = life.groups.registry().loan(SHG, line.loan()).orElseThrow();
      LoanHistory history = life.groups.history(SHG, loan);
      LoanState end = history.stateAsOf(to);
      Money zero = Money.zero(RandomGroupLife.INR);
      boolean lentBefore = loan.terms().disbursementDate().isBefore(from);
      LoanState start = lentBefore ? history.stateAsOf(from.minusDays(1)) : null;
      Dcb dcb = line.dcb();
      String where = line.loan() + " (" + loan.terms() + ") from " + from + " to " + to;
      assertEquals(start == null ? zero : start.principalDue().plus(start.interestDue()), dcb.arrears(),
          () -> "arrears are what was due and unpaid at the start: " + where + " " + dcb);
      assertEquals(end.principalDue().plus(end.interestDue()), dcb.balance(),
          () -> "the balance is what is due and unpaid at the end: " + where + " " + dcb);
      Money paid = end.principalPaid().plus(end.interestPaid())
          .minus(start == null ? zero : start.principalPaid().plus(start.interestPaid()));
      assertEquals(paid, dcb.totalCollected(), () -> "collection and advance are what was paid: " + where);
      assertTrue(!dcb.advance().isNegative() && !dcb.collection().isNegative() && !dcb.currentDemand().isNegative(),
          () -> where + " " + dcb);
      if (line.daysPastDue() > LoanPortfolio.PAR_DAYS) {
        atRisk = atRisk.plus(line.outstandingPrincipal());
      }
    }
    assertEquals(atRisk, portfolio.principalAtRisk30());
    assertTrue(portfolio.par30().signum() >= 0 && portfolio.par30().compareTo(java.math.BigDecimal.ONE) <= 0);
  }

  private static Money incomeOf(GroupStatement statement, org.shgledger.journal.AccountCode code) {
    return statement.incomeAndExpenditure().income().stream().filter(line -> line.code().equals(code))
        .map(ReportLine::amount).findFirst().orElse(Money.zero(RandomGroupLife.INR));
  }

  private static Money balance(org.shgledger.journal.JournalReader journal, org.shgledger.journal.AccountCode code, LocalDate asOf) {
    return journal.balance(SHG, code, asOf).normalBalance();
  }

  private static Money balance(org.shgledger.journal.JournalReader journal, Account account, LocalDate asOf) {
    return balance(journal, account.code(), asOf);
  }

  @AfterProperty
  void theLivesWereFullOfEvents() {
    if (sawFailure) {
      return; // the failure speaks for itself, and shrinking ran short lives
    }
    long percent = tally.accepted() * 100 / Math.max(1, tally.total());
    System.out.printf("ReportProperties: %d of %d events accepted (%d%%), %d periods checked; %s%n",
        tally.accepted(), tally.total(), percent, checkedPeriods.get(), tally);
    assertTrue(percent >= 40, () -> percent + "% of events accepted; " + tally);
    for (String kind : new String[] {"save", "withdraw savings", "bank cash", "fine", "grant", "expense",
        "disburse loan", "repay loan", "reverse", "exit", "year end", "distribute", "meeting"}) {
      assertTrue(tally.accepted(kind) > 0, () -> "no '" + kind + "' event was accepted; " + tally);
    }
    assertTrue(nonEmptyStatements.get() > checkedPeriods.get() / 2, "most statements have receipts");
  }
}
