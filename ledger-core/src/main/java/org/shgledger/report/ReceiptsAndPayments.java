package org.shgledger.report;

import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The cash book of a period summarised: what came into cash in hand (1000) and the bank (1100),
 * and what went out, by category, between the opening and the closing balances.
 *
 * <p>Each entry dated in the period that moves cash or bank contributes its other postings,
 * netted per category (the posting's top-level account, so every member's savings fall under
 * 2000): a net credit is a receipt, a net debit a payment. A reversal counts against the category
 * and side of the entry it reverses, as a negative amount, so a corrected mistake inflates
 * neither side. Transfers between cash and bank (banking the cash, drawing cash) have no other
 * postings and do not appear. So {@code opening + receipts − payments = closing} always; {@link
 * #reconciles()} checks it.
 *
 * @param openingCash cash in hand at the end of the day before the period, not null
 * @param openingBank the bank balance at the end of the day before the period, not null
 * @param receipts receipts by category, in code order, no zero lines, not null; copied
 * @param totalReceipts the sum of the receipts, not null
 * @param payments payments by category, in code order, no zero lines, not null; copied
 * @param totalPayments the sum of the payments, not null
 * @param closingCash cash in hand at the end of the period, not null
 * @param closingBank the bank balance at the end of the period, not null
 */
public record ReceiptsAndPayments(
    Money openingCash,
    Money openingBank,
    List<ReportLine> receipts,
    Money totalReceipts,
    List<ReportLine> payments,
    Money totalPayments,
    Money closingCash,
    Money closingBank) {

  /**
   * Creates the account.
   *
   * @param openingCash cash in hand at the end of the day before the period, not null
   * @param openingBank the bank balance at the end of the day before the period, not null
   * @param receipts receipts by category, in code order, no zero lines, not null; copied
   * @param totalReceipts the sum of the receipts, not null
   * @param payments payments by category, in code order, no zero lines, not null; copied
   * @param totalPayments the sum of the payments, not null
   * @param closingCash cash in hand at the end of the period, not null
   * @param closingBank the bank balance at the end of the period, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a total is not the sum of its lines
   */
  public ReceiptsAndPayments {
    Objects.requireNonNull(openingCash, "openingCash");
    Objects.requireNonNull(openingBank, "openingBank");
    receipts = List.copyOf(receipts);
    payments = List.copyOf(payments);
    Objects.requireNonNull(closingCash, "closingCash");
    Objects.requireNonNull(closingBank, "closingBank");
    ReportLine.requireTotal("total receipts", receipts, totalReceipts);
    ReportLine.requireTotal("total payments", payments, totalPayments);
  }

  /**
   * Cash and bank together at the start.
   *
   * @return the opening balance, not null
   */
  public Money openingTotal() {
    return openingCash.plus(openingBank);
  }

  /**
   * Cash and bank together at the end.
   *
   * @return the closing balance, not null
   */
  public Money closingTotal() {
    return closingCash.plus(closingBank);
  }

  /**
   * Whether receipts less payments equal the change in cash and bank: the account's own check.
   *
   * @return true when {@code opening + receipts − payments = closing}
   */
  public boolean reconciles() {
    return openingTotal().plus(totalReceipts).minus(totalPayments).equals(closingTotal());
  }
}
