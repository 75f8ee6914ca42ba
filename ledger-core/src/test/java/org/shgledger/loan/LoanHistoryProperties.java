package org.shgledger.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;
import org.shgledger.loan.AllocationOrder.Part;
import org.shgledger.money.RoundingPolicy;

/**
 * Random lives of loans: fines and payments of every size on random dates, in every allocation
 * order. Each payment covers the parts in the order given, never takes more than is due unless the
 * overpayment rule applies, and agrees with an exact model; every state agrees with it too.
 */
class LoanHistoryProperties {

  /** What one step of a loan's life does. */
  enum Kind { FINE, PAY_ALL_DUE, PAY_SOME, PAY_A_LOT }

  /** One step: so many days after the last, do this, with this percentage of the relevant amount. */
  record Step(int daysLater, Kind kind, int percent) {}

  @Provide
  Arbitrary<List<Step>> lives() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 45),
            Arbitraries.of(Kind.values()),
            Arbitraries.integers().between(1, 130))
        .as(Step::new)
        .list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<LoanTerms> terms() {
    return LoanArbitraries.terms();
  }

  @Provide
  Arbitrary<OpenLoanTerms> openLoans() {
    return Combinators.combine(
            Arbitraries.longs().between(100, 10_000_000).map(rupees -> Money.ofMajor(Loans.INR, rupees)),
            LoanArbitraries.rates(),
            LoanArbitraries.dates(),
            Arbitraries.of(
                RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN),
                RoundingPolicy.wholeUnits(RoundingMode.HALF_UP)))
        .as(OpenLoanTerms::new);
  }

  @Provide
  Arbitrary<AllocationOrder> orders() {
    return Arbitraries.of(Part.values()).list().uniqueElements().ofSize(3).map(AllocationOrder::new);
  }

  @Property
  void scheduledLoansAgreeWithTheModel(
      @ForAll("terms") LoanTerms terms, @ForAll("orders") AllocationOrder order, @ForAll("lives") List<Step> life) {
    LoanHistory history = LoanHistory.of(terms, order);
    ScheduledLoanModel model = new ScheduledLoanModel(terms, order);
    LocalDate date = terms.disbursementDate();
    for (Step step : life) {
      date = date.plusDays(step.daysLater());
      LoanState before = history.stateAsOf(date);
      assertEquals(model.state(date), before);
      if (step.kind() == Kind.FINE) {
        Money fine = Money.ofMajor(Loans.INR, step.percent());
        history = history.withFine(date, fine);
        model.fine(fine);
        continue;
      }
      Money amount = paymentFor(step, before, terms.schedule().totalPayment());
      PaymentAllocation allocation = history.allocate(date, amount);
      assertEquals(model.pay(date, amount), allocation);
      history = record(history, date, allocation);
    }
    assertEquals(model.state(date.plusDays(40)), history.stateAsOf(date.plusDays(40)));
    LocalDate afterTheLastDueDate = terms.schedule().lastDueDate().plusDays(1);
    if (!afterTheLastDueDate.isBefore(date)) {
      assertEquals(model.state(afterTheLastDueDate), history.stateAsOf(afterTheLastDueDate));
    }
  }

  @Property
  void everyPaymentPaysThePartsInOrderAndNoMoreThanTheRuleAllows(
      @ForAll("terms") LoanTerms terms, @ForAll("orders") AllocationOrder order, @ForAll("lives") List<Step> life) {
    checkLife(LoanHistory.of(terms, order), life, terms.schedule().totalPayment());
  }

  @Property
  void openLoansPayThePartsInOrderAndNoMoreThanTheRuleAllows(
      @ForAll("openLoans") OpenLoanTerms loan, @ForAll("orders") AllocationOrder order, @ForAll("lives") List<Step> life) {
    checkLife(LoanHistory.of(loan, order), life, loan.principal().multipliedBy(2));
  }

  @Property
  void openLoanInterestIsTheMonthlyRateOnThePrincipalAtEachMonthsStart(
      @ForAll("openLoans") OpenLoanTerms loan, @ForAll("lives") List<Step> life) {
    LoanHistory history = LoanHistory.of(loan);
    List<LocalDate> paymentDates = new ArrayList<>();
    List<Money> principalParts = new ArrayList<>();
    LocalDate date = loan.disbursementDate();
    for (Step step : life) {
      date = date.plusDays(step.daysLater());
      LoanState state = history.stateAsOf(date);
      Money charged = expectedInterestCharged(loan, date, paymentDates, principalParts);
      Money expectedDue = charged.minus(state.interestPaid());
      assertEquals(expectedDue.isNegative() ? Money.zero(Loans.INR) : expectedDue, state.interestDue());
      if (step.kind() == Kind.FINE) {
        continue;
      }
      PaymentAllocation allocation = history.allocate(date, paymentFor(step, state, loan.principal()));
      history = record(history, date, allocation);
      paymentDates.add(date);
      principalParts.add(allocation.principal());
      Money repaid = principalParts.stream().reduce(Money.zero(Loans.INR), Money::plus);
      assertEquals(loan.principal().minus(repaid), history.stateAsOf(date).outstandingPrincipal());
    }
  }

  /**
   * Issue 14: whatever the life before it, settling a declining-balance loan on any day books no
   * more interest than is due plus the period in progress's interest for the days used, and over
   * the loan's life the principal, interest and fines booked are exactly what the member paid, the
   * principal exactly the loan, the interest never more than the schedule's.
   */
  @Property(tries = 300)
  void aSettlementBooksOnlyTheInterestAccruedAndEveryPaymentIsAccountedFor(
      @ForAll("terms") LoanTerms terms, @ForAll("lives") List<Step> life, @ForAll int settleShift) {
    if (terms.method() == RepaymentMethod.FLAT) {
      return;
    }
    LoanHistory history = LoanHistory.of(terms);
    Money paid = Money.zero(Loans.INR);
    LocalDate date = terms.disbursementDate();
    for (Step step : life) {
      date = date.plusDays(step.daysLater());
      if (step.kind() == Kind.FINE) {
        continue;
      }
      PaymentAllocation allocation =
          history.allocate(date, paymentFor(step, history.stateAsOf(date), terms.schedule().totalPayment()));
      history = record(history, date, allocation);
      paid = paid.plus(allocation.applied());
    }
    LocalDate settleOn = date.plusDays(Math.floorMod(settleShift, 60));
    LoanState before = history.stateAsOf(settleOn);
    PaymentAllocation settlement = history.settlement(settleOn);
    assertEquals(before.outstandingPrincipal(), settlement.principal());

    Money bound = before.interestDue();
    List<Instalment> instalments = terms.schedule().instalments();
    for (int i = 0; i < instalments.size(); i++) {
      Instalment running = instalments.get(i);
      if (running.dueDate().isAfter(settleOn)) {
        LocalDate start = i == 0 ? terms.disbursementDate() : instalments.get(i - 1).dueDate();
        BigDecimal used = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, settleOn));
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, running.dueDate()));
        bound = bound.plus(Money.of(Loans.INR,
            running.interest().getAmount().multiply(used).divide(days, 2, RoundingMode.CEILING)));
        break;
      }
    }
    assertFalse(settlement.interest().isGreaterThan(bound), settlement + " beyond " + bound);

    if (settlement.total().isPositive()) {
      history = history.withPayment(settleOn, settlement.total());
      paid = paid.plus(settlement.total());
    }
    LoanState end = history.stateAsOf(settleOn.plusDays(800));
    assertTrue(end.settled());
    assertEquals(paid, end.principalPaid().plus(end.interestPaid()).plus(end.finesPaid()));
    assertEquals(terms.principal(), end.principalPaid());
    assertFalse(end.interestPaid().isGreaterThan(terms.schedule().totalInterest()));
  }

  /** Interest of every month ended by {@code asOf}: rate × principal at the month's start. */
  private static Money expectedInterestCharged(
      OpenLoanTerms loan, LocalDate asOf, List<LocalDate> paymentDates, List<Money> principalParts) {
    Money charged = Money.zero(Loans.INR);
    for (int month = 1; !loan.interestDueDate(month).isAfter(asOf); month++) {
      LocalDate start = loan.disbursementDate().plusMonths(month - 1L);
      Money atStart = loan.principal();
      for (int i = 0; i < paymentDates.size(); i++) {
        if (!paymentDates.get(i).isAfter(start)) {
          atStart = atStart.minus(principalParts.get(i));
        }
      }
      BigDecimal exact = atStart.getAmount().multiply(loan.rate().annualPercent()).divide(new BigDecimal("1200"), 20, RoundingMode.HALF_EVEN);
      Money full = loan.interestRounding().round(Loans.INR, exact);
      // A month in which the principal is all repaid charges only what it earned by that day.
      LocalDate end = loan.interestDueDate(month);
      Money left = atStart;
      for (int i = 0; i < paymentDates.size() && full.isPositive(); i++) {
        LocalDate paid = paymentDates.get(i);
        if (paid.isAfter(start) && paid.isBefore(end)) {
          left = left.minus(principalParts.get(i));
          if (left.isZero()) {
            BigDecimal share = full.getAmount().multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, paid)))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)), 20, RoundingMode.HALF_EVEN);
            full = new RoundingPolicy(loan.interestRounding().unit(), RoundingMode.DOWN).round(Loans.INR, share);
            break;
          }
        }
      }
      charged = charged.plus(full);
    }
    return charged;
  }

  private void checkLife(LoanHistory start, List<Step> life, Money large) {
    LoanHistory history = start;
    LocalDate date = start.loan().disbursementDate();
    int paymentsTaken = 0;
    // The history at the end of each day of the life, to check that later events change no past.
    Map<LocalDate, LoanHistory> endOfDay = new LinkedHashMap<>();
    for (Step step : life) {
      date = date.plusDays(step.daysLater());
      LoanState before = history.stateAsOf(date);
      if (step.kind() == Kind.FINE) {
        history = history.withFine(date, Money.ofMajor(Loans.INR, step.percent()));
        endOfDay.put(date, history);
        continue;
      }
      Money amount = paymentFor(step, before, large);
      PaymentAllocation allocation = history.allocate(date, amount);
      assertEquals(amount, allocation.total(), "the parts sum to the payment");
      checkOrder(history, before, allocation);
      history = record(history, date, allocation);
      LoanState after = history.stateAsOf(date);
      if (allocation.hasExcess()) {
        assertTrue(after.settled(), "an excess only once nothing more is owed: " + after);
      }
      PaymentAllocation settlement = history.settlement(date);
      assertFalse(settlement.hasExcess());
      assertEquals(after.settled(), settlement.total().isZero());
      if (settlement.total().getAmountMinorLong() <= Loan.MAX_PRINCIPAL_MINOR && !after.settled()) {
        assertTrue(history.withPayment(date, settlement.total()).stateAsOf(date).settled(), "the settlement settles");
      }
      assertEquals(before.principalPaid().plus(allocation.principal()), after.principalPaid());
      assertEquals(start.loan().principal().minus(after.principalPaid()), after.outstandingPrincipal());
      assertEquals(after.overdueInstalments() > 0, after.daysPastDue() > 0);
      assertFalse(after.overdueAmount().isGreaterThan(after.interestDue().plus(after.principalDue())));
      paymentsTaken += allocation.applied().isPositive() ? 1 : 0;
      endOfDay.put(date, history);
    }
    Statistics.label("payments taken").collect(paymentsTaken > 0);
    LoanHistory whole = history;
    endOfDay.forEach((day, then) -> assertEquals(then.stateAsOf(day), whole.stateAsOf(day), "on " + day));
  }

  /**
   * In the order given, each part is paid in full before the next gets anything; a part gets more
   * than is due (paid ahead) only after every part due is paid in full; fines never beyond the due.
   */
  private static void checkOrder(LoanHistory history, LoanState before, PaymentAllocation allocation) {
    boolean open = history.loan() instanceof OpenLoanTerms;
    boolean allDuePaid = true;
    for (Part part : history.order().parts()) {
      Money due = switch (part) {
        case FINES -> before.finesDue();
        case INTEREST -> before.interestDue();
        case PRINCIPAL -> open ? before.outstandingPrincipal() : before.principalDue();
      };
      Money taken = switch (part) {
        case FINES -> allocation.fines();
        case INTEREST -> allocation.interest();
        case PRINCIPAL -> allocation.principal();
      };
      if (!allDuePaid) {
        assertTrue(taken.isZero(), part + " took " + taken + " before an earlier part was paid: " + allocation);
      }
      if (taken.isGreaterThan(due)) {
        assertTrue(part != Part.FINES, "fines are never paid ahead");
      }
      allDuePaid &= !taken.isLessThan(due);
    }
    Money ahead = allocation.applied().minus(before.totalDue().minus(before.principalDue())
        .plus(open ? before.outstandingPrincipal() : before.principalDue()));
    if (!allDuePaid) {
      assertTrue(allocation.excess().isZero(), "no excess while anything due is unpaid");
    } else {
      assertFalse(ahead.isNegative(), "everything due was paid: " + allocation + " / " + before);
    }
    assertFalse(allocation.principal().isGreaterThan(before.outstandingPrincipal()), "never more principal than owed");
  }

  /** Records the payment; one with an excess is refused, and what the loan takes is recorded instead. */
  private static LoanHistory record(LoanHistory history, LocalDate date, PaymentAllocation allocation) {
    if (!allocation.hasExcess()) {
      return history.withPayment(date, allocation.total());
    }
    assertThrows(IllegalArgumentException.class, () -> history.withPayment(date, allocation.total()));
    return allocation.applied().isPositive() ? history.withPayment(date, allocation.applied()) : history;
  }

  private static Money paymentFor(Step step, LoanState state, Money large) {
    Money amount = switch (step.kind()) {
      case PAY_ALL_DUE -> state.totalDue();
      case PAY_SOME -> state.totalDue().plus(large.dividedBy(20, RoundingMode.DOWN))
          .multipliedBy(step.percent()).dividedBy(100, RoundingMode.DOWN);
      default -> large.multipliedBy(step.percent()).dividedBy(100, RoundingMode.DOWN);
    };
    return amount.isPositive() ? amount : Money.of(Loans.INR, new BigDecimal("0.01"));
  }
}
