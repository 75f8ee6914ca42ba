package org.shgledger.report;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The member-wise table of a group statement: every member who belonged to the group at any time
 * in the period, in id order, with totals, and the balances of the control accounts the totals
 * must equal (members outside the period hold nothing on the period's last day, so the table
 * covers every sub-ledger).
 *
 * @param members one row per member, in id order, not null; copied
 * @param totalCompulsorySavings the sum of the rows' compulsory savings, not null
 * @param totalVoluntarySavings the sum of the rows' voluntary savings, not null
 * @param totalLoanOutstanding the sum of the rows' loan principal outstanding, not null
 * @param totalOverdue the sum of the rows' overdue amounts, not null
 * @param compulsorySavingsControl the balance of 2000 Members' compulsory savings, not null
 * @param voluntarySavingsControl the balance of 2100 Members' voluntary savings, not null
 * @param memberLoansControl the balance of 1200 Loans to members, not null
 */
public record MemberTable(
    List<MemberLine> members,
    Money totalCompulsorySavings,
    Money totalVoluntarySavings,
    Money totalLoanOutstanding,
    Money totalOverdue,
    Money compulsorySavingsControl,
    Money voluntarySavingsControl,
    Money memberLoansControl) {

  /**
   * Creates the table.
   *
   * @param members one row per member, in id order, not null; copied
   * @param totalCompulsorySavings the sum of the rows' compulsory savings, not null
   * @param totalVoluntarySavings the sum of the rows' voluntary savings, not null
   * @param totalLoanOutstanding the sum of the rows' loan principal outstanding, not null
   * @param totalOverdue the sum of the rows' overdue amounts, not null
   * @param compulsorySavingsControl the balance of 2000 Members' compulsory savings, not null
   * @param voluntarySavingsControl the balance of 2100 Members' voluntary savings, not null
   * @param memberLoansControl the balance of 1200 Loans to members, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if a total is not the sum of its column
   */
  public MemberTable {
    members = List.copyOf(members);
    requireColumn("compulsory savings", members.stream().map(MemberLine::compulsorySavings).toList(), totalCompulsorySavings);
    requireColumn("voluntary savings", members.stream().map(MemberLine::voluntarySavings).toList(), totalVoluntarySavings);
    requireColumn("loan outstanding", members.stream().map(MemberLine::loanOutstanding).toList(), totalLoanOutstanding);
    requireColumn("overdue", members.stream().map(MemberLine::overdue).toList(), totalOverdue);
    Objects.requireNonNull(compulsorySavingsControl, "compulsorySavingsControl");
    Objects.requireNonNull(voluntarySavingsControl, "voluntarySavingsControl");
    Objects.requireNonNull(memberLoansControl, "memberLoansControl");
  }

  /**
   * Whether the savings and loan columns add up to their control accounts.
   *
   * @return true when the table accounts for every rupee of 2000, 2100 and 1200
   */
  public boolean agreesWithControls() {
    return totalCompulsorySavings.equals(compulsorySavingsControl)
        && totalVoluntarySavings.equals(voluntarySavingsControl)
        && totalLoanOutstanding.equals(memberLoansControl);
  }

  private static void requireColumn(String what, List<Money> column, Money total) {
    Objects.requireNonNull(total, what);
    Money sum = GroupBooks.sum(total.getCurrencyUnit(), column);
    if (!sum.equals(total)) {
      throw new IllegalArgumentException("total " + what + " is " + withCurrency(total)
          + " but the column adds up to " + withCurrency(sum));
    }
  }
}
