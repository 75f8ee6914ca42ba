package org.shgledger.report;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryId;

/**
 * One posting in an account's ledger, with the running balance after it.
 *
 * @param date the entry's date, not null
 * @param entry the entry's id, not null
 * @param account the account posted to: the ledger's own, or one of its sub-ledgers (such as
 *     {@code 2000:M01} in the ledger of 2000), not null
 * @param memo the entry's memo, its account numbers masked ({@link org.shgledger.journal.AccountNumbers}),
 *     not null
 * @param debit the amount debited, zero for a credit, not null
 * @param credit the amount credited, zero for a debit, not null
 * @param balance the balance after this line, on the account's normal side, not null
 */
public record LedgerLine(
    LocalDate date, EntryId entry, AccountCode account, String memo, Money debit, Money credit, Money balance) {

  /**
   * Creates a line.
   *
   * @param date the entry's date, not null
   * @param entry the entry's id, not null
   * @param account the account posted to: the ledger's own, or one of its sub-ledgers (such as
   *     {@code 2000:M01} in the ledger of 2000), not null
   * @param memo the entry's memo, not null
   * @param debit the amount debited, zero for a credit, not null
   * @param credit the amount credited, zero for a debit, not null
   * @param balance the balance after this line, on the account's normal side, not null
   * @throws NullPointerException if any argument is null
   */
  public LedgerLine {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(balance, "balance");
  }
}
