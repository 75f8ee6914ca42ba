package org.shgledger.loan;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * One loan's life so far: its terms, the fines charged on it and the payments made, in date order.
 * It splits each payment into fines, interest and principal, and tells where the loan stands on
 * any day. Pure calculation: it keeps no books; the caller records each payment's split as a
 * journal entry.
 *
 * <p>Immutable: {@link #withFine} and {@link #withPayment} return a longer history. Events are
 * recorded in date order (several on one day are applied in the order recorded), so a payment's
 * split never changes once it has been made.
 *
 * <pre>{@code
 * LoanHistory history = LoanHistory.of(terms);
 * PaymentAllocation split = history.allocate(date, amount);  // post split.interest() to 4000 ...
 * // history.settlement(date).total() is what closes the loan that day
 * if (split.hasExcess()) { refuse, or take only split.applied() }
 * history = history.withPayment(date, amount);
 * LoanState state = history.stateAsOf(meetingDate);          // due, overdue, days past due
 * }</pre>
 *
 * <p><b>How a payment is split.</b> First, in the {@link AllocationOrder} (fines, interest,
 * principal by default), each part's whole amount due on the payment's date: fines charged; interest
 * of instalments (open loan: months) due on or before the date, oldest first; principal of
 * instalments due on or before the date, oldest first (open loan: all principal, which is payable
 * any time). Then the <b>overpayment rule</b> applies what is left:
 *
 * <ul>
 *   <li>scheduled loan: it pays the interest of the period in progress (fixed when the period
 *       began, on the balance then), then principal outstanding, oldest instalment first. It never
 *       pays interest of a period not yet begun. A declining-balance period that begins with less
 *       outstanding than the schedule's balance charges interest on what is outstanding. A payment
 *       that repays all the principal settles the loan: the period in progress then charges only
 *       the interest earned by that day, pro rata by days.
 *   <li>open loan: once all principal is repaid, it pays the interest of the month in progress
 *       earned by that day (the month's interest pro rata by days), so a loan can be closed on any
 *       day.
 *   <li>what is left after that is beyond anything the loan will ever ask: it is returned as
 *       {@link PaymentAllocation#excess()}; {@link #withPayment} refuses such a payment.
 * </ul>
 */
public final class LoanHistory {

  /** The most fines and payments one loan's history may hold: 40 years of weekly payments. */
  public static final int MAX_EVENTS = 10_000;

  // fullSettlement: a flat loan's payment taken as its settlement with FlatEarlyInterest.FULL.
  private record Event(boolean fine, LocalDate date, Money amount, boolean fullSettlement) {}

  private final Loan loan;
  private final AllocationOrder order;
  private final PaymentRule rule;
  private final List<Event> events;
  // The replay after every event; copied, never changed.
  private final Replay latest;

  private LoanHistory(Loan loan, AllocationOrder order, PaymentRule rule, List<Event> events, Replay latest) {
    this.loan = loan;
    this.order = order;
    this.rule = rule;
    this.events = events;
    this.latest = latest;
  }

  /**
   * A loan just paid out, nothing charged or paid yet, paying fines, then interest, then principal.
   *
   * @param loan the loan's terms, not null
   * @return the history, not null
   */
  public static LoanHistory of(Loan loan) {
    return of(loan, AllocationOrder.STANDARD);
  }

  /**
   * A loan just paid out, nothing charged or paid yet, paying in the given order.
   *
   * @param loan the loan's terms, not null
   * @param order the order payments pay fines, interest and principal, not null
   * @return the history, not null
   */
  public static LoanHistory of(Loan loan, AllocationOrder order) {
    return of(loan, order, PaymentRule.TIME_USED);
  }

  /**
   * A loan just paid out, nothing charged or paid yet, paying in the given order by the given
   * rule: {@link PaymentRule#SCHEDULE_AHEAD} only for a loan recorded under it.
   *
   * @param loan the loan's terms, not null
   * @param order the order payments pay fines, interest and principal, not null
   * @param rule how payments beyond what is due, and the settlement, are split, not null
   * @return the history, not null
   */
  public static LoanHistory of(Loan loan, AllocationOrder order, PaymentRule rule) {
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(rule, "rule");
    return new LoanHistory(loan, order, rule, List.of(), Replay.start(loan, rule));
  }

  /**
   * The rule payments beyond what is due are split by.
   *
   * @return the rule, not null
   */
  public PaymentRule rule() {
    return rule;
  }

  /**
   * The loan's terms.
   *
   * @return the loan, not null
   */
  public Loan loan() {
    return loan;
  }

  /**
   * The order payments pay fines, interest and principal.
   *
   * @return the order, not null
   */
  public AllocationOrder order() {
    return order;
  }

  /**
   * The date of the last fine or payment, or the disbursement date if there is none: events
   * recorded from now on may not be dated before it.
   *
   * @return the date, not null
   */
  public LocalDate latestDate() {
    return events.isEmpty() ? loan.disbursementDate() : events.get(events.size() - 1).date();
  }

  /**
   * This history with a fine or penalty charged on the loan; it is due from its date, and paid
   * before interest and principal in the standard order.
   *
   * @param date the day it is charged, not before {@link #latestDate()}, not null
   * @param amount the fine, positive, in the loan's currency, not null
   * @return the longer history, not null
   * @throws IllegalArgumentException if the date is out of order, the amount is not positive or in
   *     another currency, or the history is full ({@value #MAX_EVENTS} events)
   */
  public LoanHistory withFine(LocalDate date, Money amount) {
    Event event = checkedEvent(true, date, amount);
    Replay replay = latest.copy();
    replay.fine(date, amount);
    return append(event, replay);
  }

  /**
   * How a payment on a date would be split, given everything recorded so far. Records nothing.
   *
   * @param date the day of the payment, not before {@link #latestDate()}, not null
   * @param amount the payment, positive, in the loan's currency, not null
   * @return the split; its excess is what is beyond everything the loan will ever ask, not null
   * @throws IllegalArgumentException if the date is out of order, or the amount is not positive or
   *     in another currency
   */
  public PaymentAllocation allocate(LocalDate date, Money amount) {
    checkedEvent(false, date, amount);
    return latest.copy().pay(date, amount, order);
  }

  /**
   * What settles the loan on a date, with no interest for periods not reached:
   * {@code settlement(date, FlatEarlyInterest.NONE)}.
   *
   * @param date the day of the payment, not before {@link #latestDate()}, not null
   * @return the split, with no excess; all zero if the loan is already settled, not null
   * @throws IllegalArgumentException if the date is out of order
   */
  public PaymentAllocation settlement(LocalDate date) {
    return settlement(date, FlatEarlyInterest.NONE);
  }

  /**
   * What settles the loan on a date: the split of the smallest payment after which nothing more
   * will ever be owed. That is the fines due, the interest due, the interest of the period in
   * progress earned by that day (its interest pro rata by days, rounded down) and all the
   * principal outstanding; nothing for periods not yet reached. On a flat loan with {@link
   * FlatEarlyInterest#FULL} it is the principal and the flat interest of every remaining period.
   *
   * @param date the day of the payment, not before {@link #latestDate()}, not null
   * @param flatEarlyInterest what a flat loan charges for the periods not reached; declining-balance
   *     and open loans ignore it, not null
   * @return the split, with no excess; all zero if the loan is already settled, not null
   * @throws IllegalArgumentException if the date is out of order
   */
  public PaymentAllocation settlement(LocalDate date, FlatEarlyInterest flatEarlyInterest) {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(flatEarlyInterest, "flatEarlyInterest");
    checkInOrder("a settlement", date);
    // More than any loan can owe: principal and interest are each far below this.
    Money everything = Money.ofMinor(loan.currency(), Long.MAX_VALUE);
    PaymentAllocation all = latest.copy().pay(date, everything, order, flatEarlyInterest == FlatEarlyInterest.FULL);
    return new PaymentAllocation(all.fines(), all.interest(), all.principal(), all.excess().multipliedBy(0));
  }

  /**
   * This history with a payment made, split as {@link #allocate} says.
   *
   * @param date the day of the payment, not before {@link #latestDate()}, not null
   * @param amount the payment, positive, in the loan's currency, not null
   * @return the longer history, not null
   * @throws IllegalArgumentException if the date is out of order, the amount is not positive or in
   *     another currency, the history is full ({@value #MAX_EVENTS} events), or the payment has an
   *     {@link PaymentAllocation#excess() excess}: a loan never holds more than it is owed
   */
  public LoanHistory withPayment(LocalDate date, Money amount) {
    return withPayment(date, amount, FlatEarlyInterest.NONE);
  }

  /**
   * This history with a payment made, split as {@link #allocate} says; with {@link
   * FlatEarlyInterest#FULL}, a payment on a flat loan that is more than {@link #allocate} takes
   * but no more than its {@link #settlement(LocalDate, FlatEarlyInterest) FULL settlement} is that
   * settlement: the principal and the flat interest of every remaining period. A book records such
   * a settlement as a payment and reads it back through this method.
   *
   * @param date the day of the payment, not before {@link #latestDate()}, not null
   * @param amount the payment, positive, in the loan's currency, not null
   * @param flatEarlyInterest whether a flat loan's payment may settle it with the interest of the
   *     periods not reached, not null
   * @return the longer history, not null
   * @throws IllegalArgumentException as {@link #withPayment(LocalDate, Money)}
   */
  public LoanHistory withPayment(LocalDate date, Money amount, FlatEarlyInterest flatEarlyInterest) {
    Objects.requireNonNull(flatEarlyInterest, "flatEarlyInterest");
    Event event = checkedEvent(false, date, amount);
    Replay replay = latest.copy();
    PaymentAllocation allocation = replay.pay(date, amount, order);
    if (allocation.hasExcess() && flatEarlyInterest == FlatEarlyInterest.FULL
        && loan instanceof LoanTerms terms && terms.method() == RepaymentMethod.FLAT) {
      // Taken as the settlement with the interest of the periods not reached, if it is no more.
      Replay full = latest.copy();
      PaymentAllocation asFull = full.pay(date, amount, order, true);
      if (!asFull.hasExcess()) {
        return append(new Event(false, date, amount, true), full);
      }
    }
    if (allocation.hasExcess()) {
      throw new IllegalArgumentException(
          "a payment of " + withCurrency(amount) + " on " + date + " is " + withCurrency(allocation.excess())
              + " more than the loan will ever ask; at most " + withCurrency(allocation.applied()) + " can be taken");
    }
    return append(event, replay);
  }

  /**
   * This history as it stood at the end of a day: only the fines and payments dated on or before
   * it, so that {@link #settlement} can be asked for that day.
   *
   * @param asOf the day, not null
   * @return the shorter (or the same) history, not null
   */
  public LoanHistory upTo(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    if (!asOf.isBefore(latestDate())) {
      return this;
    }
    LoanHistory history = LoanHistory.of(loan, order, rule);
    for (Event event : events) {
      if (event.date().isAfter(asOf)) {
        break;
      }
      history = event.fine() ? history.withFine(event.date(), event.amount())
          : history.withPayment(event.date(), event.amount(),
              event.fullSettlement() ? FlatEarlyInterest.FULL : FlatEarlyInterest.NONE);
    }
    return history;
  }

  /**
   * The interest the loan has charged, in all, with the instalments (open loan: months) falling due
   * on or before a day, paid or not: the schedule's, less where the principal was paid ahead or
   * the loan settled (see the class comment). A period's interest depends only on the events
   * before it began, so the later events recorded change nothing here.
   *
   * @param by the day, not null
   * @return the interest charged, not null
   * @throws IllegalArgumentException as {@link #stateAsOf}
   */
  public Money interestChargedBy(LocalDate by) {
    Objects.requireNonNull(by, "by");
    if (by.isBefore(loan.disbursementDate())) {
      return Money.zero(loan.currency());
    }
    Replay replay = latest.copy();
    replay.advanceTo(by);
    return replay.chargedBy(by, Replay.Charge::interest);
  }

  /**
   * Where the loan stands at the end of a day, counting the fines and payments dated on or before
   * it.
   *
   * @param asOf the day, not before the disbursement date, not null
   * @return the state, not null
   * @throws IllegalArgumentException if the day is before the disbursement date, or is more than
   *     {@value OpenLoanTerms#MAX_MONTHS} months after it on an open loan still owing
   */
  public LoanState stateAsOf(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    if (asOf.isBefore(loan.disbursementDate())) {
      throw new IllegalArgumentException(
          "a loan disbursed on " + loan.disbursementDate() + " has no state on " + asOf);
    }
    if (!asOf.isBefore(latestDate())) {
      return latest.copy().state(asOf);
    }
    Replay replay = Replay.start(loan, rule);
    for (Event event : events) {
      if (event.date().isAfter(asOf)) {
        break;
      }
      if (event.fine()) {
        replay.fine(event.date(), event.amount());
      } else {
        replay.pay(event.date(), event.amount(), order, event.fullSettlement());
      }
    }
    return replay.state(asOf);
  }

  private Event checkedEvent(boolean fine, LocalDate date, Money amount) {
    Objects.requireNonNull(date, "date");
    LoanChecks.amount(fine ? "a fine" : "a payment", amount, loan.currency());
    checkInOrder(fine ? "a fine" : "a payment", date);
    if (events.size() == MAX_EVENTS) {
      throw new IllegalArgumentException(
          "a loan's history holds at most " + MAX_EVENTS + " fines and payments");
    }
    return new Event(fine, date, amount, false);
  }

  private void checkInOrder(String what, LocalDate date) {
    if (date.isBefore(latestDate())) {
      throw new IllegalArgumentException(
          what + " dated " + date + " is before " + latestDate()
              + (events.isEmpty() ? ", the disbursement date" : ", the date of the last one recorded")
              + "; record fines and payments in date order");
    }
  }

  private LoanHistory append(Event event, Replay replay) {
    List<Event> longer = new ArrayList<>(events.size() + 1);
    longer.addAll(events);
    longer.add(event);
    return new LoanHistory(loan, order, rule, List.copyOf(longer), replay);
  }

  /**
   * Whether the other object is a history of the same loan, order and events.
   *
   * @param other the object, may be null
   * @return true if equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof LoanHistory that
        && loan.equals(that.loan)
        && order.equals(that.order)
        && rule == that.rule
        && events.equals(that.events);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loan, order, rule, events);
  }

  /**
   * A one-line summary.
   *
   * @return the loan and the number of events, not null
   */
  @Override
  public String toString() {
    return "history of " + loan + " with " + events.size() + " fines and payments";
  }
}
