package org.shgledger.journal;

import java.util.Objects;
import org.joda.money.Money;

/**
 * One line of a journal entry: an amount debited or credited to an account.
 *
 * <p>The amount of a valid posting is positive; the journal, not this constructor, rejects a zero
 * or negative amount, so that it can say which entry and which line was wrong.
 *
 * @param account the account, not null
 * @param side debit or credit, not null
 * @param amount the amount, not null
 */
public record Posting(AccountCode account, Side side, Money amount) {

  /**
   * Creates a posting.
   *
   * @param account the account, not null
   * @param side debit or credit, not null
   * @param amount the amount, not null
   * @throws NullPointerException if any argument is null
   */
  public Posting {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * A debit.
   *
   * @param account the account, not null
   * @param amount the amount, not null
   * @return the posting, not null
   */
  public static Posting debit(AccountCode account, Money amount) {
    return new Posting(account, Side.DEBIT, amount);
  }

  /**
   * A credit.
   *
   * @param account the account, not null
   * @param amount the amount, not null
   * @return the posting, not null
   */
  public static Posting credit(AccountCode account, Money amount) {
    return new Posting(account, Side.CREDIT, amount);
  }

  /**
   * The same amount on the other side of the same account.
   *
   * @return the opposite posting, not null
   */
  public Posting opposite() {
    return new Posting(account, side.opposite(), amount);
  }

  /**
   * The posting's effect on the account's debit-minus-credit balance, in minor units (paise).
   *
   * @return the amount, positive for a debit and negative for a credit
   */
  public long signedMinor() {
    long minor = amount.getAmountMinorLong();
    return side == Side.DEBIT ? minor : -minor;
  }
}
