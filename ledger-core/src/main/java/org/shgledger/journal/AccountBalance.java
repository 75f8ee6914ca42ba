package org.shgledger.journal;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;

/**
 * An account's totals as of a date, sub-ledgers rolled in.
 *
 * @param account the account, not null
 * @param asOf the date, inclusive: postings dated on or before it count, not null
 * @param debits the sum of debit postings, not null
 * @param credits the sum of credit postings, not null
 */
public record AccountBalance(Account account, LocalDate asOf, Money debits, Money credits) {

  /**
   * Creates a balance.
   *
   * @param account the account, not null
   * @param asOf the date, inclusive: postings dated on or before it count, not null
   * @param debits the sum of debit postings, not null
   * @param credits the sum of credit postings, not null
   * @throws NullPointerException if any argument is null
   */
  public AccountBalance {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(debits, "debits");
    Objects.requireNonNull(credits, "credits");
  }

  /**
   * Debits minus credits: positive for a debit balance.
   *
   * @return the net balance, not null
   */
  public Money net() {
    return debits.minus(credits);
  }

  /**
   * The balance on the account's normal side: what a person calls the balance (cash held, savings
   * owed to members, interest earned), positive in the ordinary case.
   *
   * @return the balance, not null
   */
  public Money normalBalance() {
    return account.type().normalSide() == Side.DEBIT ? net() : net().negated();
  }
}
