package org.shgledger.report;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.shgledger.journal.BookId;

/**
 * A group's statement for a period, as read out at its meeting and checked by its auditor:
 * receipts and payments, income and expenditure, the balance sheet at the end of the period and
 * the member-wise table. See {@link Reports#statement} and docs/reports.md.
 *
 * @param group the group's code, not null
 * @param groupName the group's name, not null
 * @param currency the group's currency, not null
 * @param from the first day of the period, not null
 * @param to the last day of the period, not before {@code from}, not null
 * @param receiptsAndPayments the cash and bank account of the period, not null
 * @param incomeAndExpenditure the income and expenditure of the period, not null
 * @param balanceSheet the balance sheet at the end of {@code to}, not null
 * @param members the member-wise table at the end of {@code to}, not null
 */
public record GroupStatement(
    BookId group,
    String groupName,
    CurrencyUnit currency,
    LocalDate from,
    LocalDate to,
    ReceiptsAndPayments receiptsAndPayments,
    IncomeAndExpenditure incomeAndExpenditure,
    BalanceSheet balanceSheet,
    MemberTable members) {

  /**
   * Creates a statement.
   *
   * @param group the group's code, not null
   * @param groupName the group's name, not null
   * @param currency the group's currency, not null
   * @param from the first day of the period, not null
   * @param to the last day of the period, not before {@code from}, not null
   * @param receiptsAndPayments the cash and bank account of the period, not null
   * @param incomeAndExpenditure the income and expenditure of the period, not null
   * @param balanceSheet the balance sheet at the end of {@code to}, not null
   * @param members the member-wise table at the end of {@code to}, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the period ends before it starts
   */
  public GroupStatement {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(currency, "currency");
    Reports.requirePeriod(from, to);
    Objects.requireNonNull(receiptsAndPayments, "receiptsAndPayments");
    Objects.requireNonNull(incomeAndExpenditure, "incomeAndExpenditure");
    Objects.requireNonNull(balanceSheet, "balanceSheet");
    Objects.requireNonNull(members, "members");
  }

  /**
   * Whether every check of the statement holds: receipts and payments reconcile, the balance sheet
   * balances, and the member table agrees with the control accounts.
   *
   * @return true when the statement is internally consistent
   */
  public boolean isConsistent() {
    return receiptsAndPayments.reconciles() && balanceSheet.balances() && members.agreesWithControls();
  }
}
