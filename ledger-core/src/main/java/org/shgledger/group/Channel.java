package org.shgledger.group;

import org.shgledger.journal.AccountCode;

/**
 * Which of the group's funds money moves through: the treasurer's cash box or the group's bank
 * account. A payment to a member through {@link #BANK} goes to her own bank account, which must be
 * on record.
 */
public enum Channel {
  /** Cash in hand, account 1000. */
  CASH(Chart.CASH),
  /** The group's savings-bank account, account 1100. */
  BANK(Chart.BANK);

  private final AccountCode account;

  Channel(AccountCode account) {
    this.account = account;
  }

  /**
   * The group's account for this channel.
   *
   * @return 1000 or 1100
   */
  public AccountCode account() {
    return account;
  }
}
