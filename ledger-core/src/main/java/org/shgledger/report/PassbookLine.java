package org.shgledger.report;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.journal.EntryId;

/**
 * One line of a member's passbook: one journal entry that touched her, with what it did to her
 * savings and loans and her balances after it.
 *
 * <p>Each amount is on its own column's side: a deposit in {@code compulsoryIn}, a withdrawal in
 * {@code compulsoryOut}. A reversal puts its amounts in the columns of the entry it reverses, as
 * negatives: a reversed deposit of 500 is {@code compulsoryIn} −500, not a withdrawal.
 *
 * @param date the entry's date, not null
 * @param entry the entry's id, not null
 * @param kind what it was, not null
 * @param memo the entry's memo, its account numbers masked ({@link org.shgledger.journal.AccountNumbers}),
 *     not null
 * @param reverses the entry this line reverses, if it is a reversal, not null
 * @param compulsoryIn paid into her compulsory savings, not null
 * @param compulsoryOut paid out of her compulsory savings, not null
 * @param voluntaryIn paid into her voluntary savings (including shares of surplus), not null
 * @param voluntaryOut paid out of her voluntary savings, not null
 * @param loanDisbursed lent to her, not null
 * @param principalRepaid loan principal she repaid, not null
 * @param interestPaid loan interest she paid, not null
 * @param finesPaid fines and loan penalties she paid, not null
 * @param surplusShare her share of the group's surplus paid to her when she left, or her share of
 *     the profit at a share-out, not null
 * @param balances her balances after this line, not null
 */
public record PassbookLine(
    LocalDate date,
    EntryId entry,
    Kind kind,
    String memo,
    Optional<EntryId> reverses,
    Money compulsoryIn,
    Money compulsoryOut,
    Money voluntaryIn,
    Money voluntaryOut,
    Money loanDisbursed,
    Money principalRepaid,
    Money interestPaid,
    Money finesPaid,
    Money surplusShare,
    PassbookBalances balances) {

  /** What a passbook line was, for a label in the reader's language. */
  public enum Kind {
    /** She saved. */
    SAVINGS_DEPOSIT,
    /** She withdrew savings. */
    SAVINGS_WITHDRAWAL,
    /** A loan was paid out to her. */
    LOAN_DISBURSEMENT,
    /** She paid on a loan. */
    LOAN_REPAYMENT,
    /** She paid a fine. */
    FINE,
    /** Her share of a surplus distribution was credited to her voluntary savings. */
    SURPLUS_DISTRIBUTION,
    /** She left and was settled. */
    EXIT_SETTLEMENT,
    /**
     * Her share of the group's profit at a share-out, credited to her savings just before they
     * are paid out to her (the line before the {@link #SHARE_OUT} of the same entry).
     */
    SHARE_OF_PROFIT,
    /** The fund was shared out at the end of a cycle: her savings, her share included, paid out to her. */
    SHARE_OUT,
    /** A correction: the reversal of an earlier line. */
    REVERSAL,
    /** Anything else that touched her accounts, such as opening balances. */
    OTHER
  }

  /**
   * Creates a line.
   *
   * @param date the entry's date, not null
   * @param entry the entry's id, not null
   * @param kind what it was, not null
   * @param memo the entry's memo, not null
   * @param reverses the entry this line reverses, if it is a reversal, not null
   * @param compulsoryIn paid into her compulsory savings, not null
   * @param compulsoryOut paid out of her compulsory savings, not null
   * @param voluntaryIn paid into her voluntary savings (including shares of surplus), not null
   * @param voluntaryOut paid out of her voluntary savings, not null
   * @param loanDisbursed lent to her, not null
   * @param principalRepaid loan principal she repaid, not null
   * @param interestPaid loan interest she paid, not null
   * @param finesPaid fines and loan penalties she paid, not null
   * @param surplusShare her share of the group's surplus paid to her when she left, not null
   * @param balances her balances after this line, not null
   * @throws NullPointerException if any argument is null
   */
  public PassbookLine {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(reverses, "reverses");
    for (Money amount : new Money[] {compulsoryIn, compulsoryOut, voluntaryIn, voluntaryOut, loanDisbursed,
        principalRepaid, interestPaid, finesPaid, surplusShare}) {
      Objects.requireNonNull(amount, "amount");
    }
    Objects.requireNonNull(balances, "balances");
  }
}
