package org.shgledger.report;

import java.util.Objects;
import org.joda.money.Money;

/**
 * Demand, collection and balance of a loan (or of the portfolio) for a period: what was due, what
 * of it was collected, and what is left overdue. Amounts are principal and interest; fines and
 * penalties are not demand and are left out.
 *
 * <ul>
 *   <li><b>Arrears</b>: due before the period and unpaid at its start.
 *   <li><b>Current demand</b>: what falls due in the period (instalments; an open loan's months of
 *       interest), less what had been paid ahead of it before the period began.
 *   <li><b>Demand</b> = arrears + current demand.
 *   <li><b>Collection</b>: what was collected in the period against that demand.
 *   <li><b>Advance</b>: what was collected in the period ahead of its due dates (including all
 *       principal repaid on an open loan, which is never demanded).
 *   <li><b>Balance</b> = demand − collection: due by the end of the period and unpaid.
 * </ul>
 *
 * <p>Collection plus advance is everything collected in the period.
 *
 * @param arrears demand brought forward from before the period, not null
 * @param currentDemand demand falling due in the period, not null
 * @param demand arrears plus current demand, not null
 * @param collection collected against demand in the period, not null
 * @param advance collected in the period ahead of due dates, not null
 * @param balance demand less collection, not null
 */
public record Dcb(Money arrears, Money currentDemand, Money demand, Money collection, Money advance, Money balance) {

  /**
   * Creates the figures.
   *
   * @param arrears demand brought forward from before the period, not null
   * @param currentDemand demand falling due in the period, not null
   * @param demand arrears plus current demand, not null
   * @param collection collected against demand in the period, not null
   * @param advance collected in the period ahead of due dates, not null
   * @param balance demand less collection, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if demand is not arrears plus current demand, or balance is
   *     not demand less collection
   */
  public Dcb {
    Objects.requireNonNull(arrears, "arrears");
    Objects.requireNonNull(currentDemand, "currentDemand");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(advance, "advance");
    Objects.requireNonNull(balance, "balance");
    if (!arrears.plus(currentDemand).equals(demand) || !demand.minus(collection).equals(balance)) {
      throw new IllegalArgumentException("demand " + demand + " must be arrears " + arrears + " + current "
          + currentDemand + ", and balance " + balance + " demand less collection " + collection);
    }
  }

  /**
   * Everything collected in the period: against demand and in advance.
   *
   * @return the total, not null
   */
  public Money totalCollected() {
    return collection.plus(advance);
  }

  /**
   * The sum of two loans' figures.
   *
   * @param other the other figures, not null
   * @return the sum, not null
   */
  public Dcb plus(Dcb other) {
    return new Dcb(arrears.plus(other.arrears), currentDemand.plus(other.currentDemand), demand.plus(other.demand),
        collection.plus(other.collection), advance.plus(other.advance), balance.plus(other.balance));
  }
}
