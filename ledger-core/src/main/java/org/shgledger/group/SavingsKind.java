package org.shgledger.group;

import org.shgledger.journal.AccountCode;

/** The two kinds of member savings, each with its own control account. */
public enum SavingsKind {
  /** The fixed amount every member saves at every meeting. */
  COMPULSORY(Chart.COMPULSORY_SAVINGS),
  /** Anything a member saves beyond that, which she may usually withdraw. */
  VOLUNTARY(Chart.VOLUNTARY_SAVINGS);

  private final AccountCode control;

  SavingsKind(AccountCode control) {
    this.control = control;
  }

  /**
   * The control account of this kind of savings.
   *
   * @return 2000 or 2100
   */
  public AccountCode control() {
    return control;
  }
}
