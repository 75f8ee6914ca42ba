package org.shgledger.journal;

/**
 * The five kinds of account. Their balances satisfy the accounting equation: assets = liabilities
 * + equity + income − expenses.
 */
public enum AccountType {
  /** What the group owns or is owed: cash, bank, loans to members. */
  ASSET(Side.DEBIT),
  /** What the group owes: members' savings, bank and federation loans. */
  LIABILITY(Side.CREDIT),
  /** The group's own funds: grants, accumulated surplus. */
  EQUITY(Side.CREDIT),
  /** Interest, fines and other earnings. */
  INCOME(Side.CREDIT),
  /** Interest paid, bank charges, stationery. */
  EXPENSE(Side.DEBIT);

  private final Side normalSide;

  AccountType(Side normalSide) {
    this.normalSide = normalSide;
  }

  /**
   * The side that increases an account of this type.
   *
   * @return DEBIT for assets and expenses, CREDIT for the others
   */
  public Side normalSide() {
    return normalSide;
  }
}
