package org.shgledger.journal;

/** The side of a posting: debit (left) or credit (right). */
public enum Side {
  /** Increases assets and expenses; decreases liabilities, equity and income. */
  DEBIT,
  /** Increases liabilities, equity and income; decreases assets and expenses. */
  CREDIT;

  /**
   * The other side.
   *
   * @return CREDIT for DEBIT and DEBIT for CREDIT
   */
  public Side opposite() {
    return this == DEBIT ? CREDIT : DEBIT;
  }
}
