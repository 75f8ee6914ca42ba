package org.shgledger.group;

import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.BookId;

/**
 * The standard chart of accounts of a Self Help Group (see docs/engine.md), which every group's
 * book is opened with, and the member sub-ledgers opened when a member joins.
 *
 * <p>Balance limits make impossible states impossible to record: cash and bank never go below
 * zero, no member's savings go below zero, no member repays more principal than she owes, and
 * the group never repays more of a bank or federation loan than it borrowed.
 */
public final class Chart {

  /** Cash in hand, with the treasurer. */
  public static final AccountCode CASH = AccountCode.of("1000");
  /** The group's savings-bank account. */
  public static final AccountCode BANK = AccountCode.of("1100");
  /** Loans to members; a control account with a sub-ledger per member. */
  public static final AccountCode MEMBER_LOANS = AccountCode.of("1200");
  /** Fixed deposits. */
  public static final AccountCode FIXED_DEPOSITS = AccountCode.of("1300");
  /** Members' compulsory savings; a control account with a sub-ledger per member. */
  public static final AccountCode COMPULSORY_SAVINGS = AccountCode.of("2000");
  /** Members' voluntary savings; a control account with a sub-ledger per member. */
  public static final AccountCode VOLUNTARY_SAVINGS = AccountCode.of("2100");
  /** The bank loan under SHG–bank linkage. */
  public static final AccountCode BANK_LOAN = AccountCode.of("2200");
  /** The loan from the federation. */
  public static final AccountCode FEDERATION_LOAN = AccountCode.of("2300");
  /** Revolving fund and other grants. */
  public static final AccountCode GRANTS = AccountCode.of("3000");
  /** Accumulated surplus, into which each year's income and expense are closed. */
  public static final AccountCode SURPLUS = AccountCode.of("3100");
  /**
   * The welfare (social) fund: what members give, beyond their savings, for the group to help a
   * member in need (illness, a death in the family). It belongs to the group, is never a member's
   * to take back, and stays with the group at a share-out.
   */
  public static final AccountCode WELFARE_FUND = AccountCode.of("3200");
  /** Interest received on member loans. */
  public static final AccountCode LOAN_INTEREST = AccountCode.of("4000");
  /** Fines and penalties. */
  public static final AccountCode FINES = AccountCode.of("4100");
  /** Interest credited by the bank. */
  public static final AccountCode BANK_INTEREST = AccountCode.of("4200");
  /** Other income, such as membership fees. */
  public static final AccountCode OTHER_INCOME = AccountCode.of("4300");
  /**
   * Interest subvention: the part of a bank loan's interest that the government (under NRLM) or
   * the state pays back to a group that repays on time, credited to its bank account. Income of
   * its own, not the bank's interest on savings (4200).
   */
  public static final AccountCode INTEREST_SUBVENTION = AccountCode.of("4400");
  /** Interest paid on bank and federation loans. */
  public static final AccountCode INTEREST_PAID = AccountCode.of("5000");
  /** Bank charges. */
  public static final AccountCode BANK_CHARGES = AccountCode.of("5100");
  /** Meeting, stationery and bookkeeping costs. */
  public static final AccountCode EXPENSES = AccountCode.of("5200");
  /** Bank lines no rule could classify, waiting to be reclassified. */
  public static final AccountCode SUSPENSE = AccountCode.of("9999");

  /** The control accounts that have one sub-ledger per member. */
  public static final List<AccountCode> MEMBER_CONTROLS =
      List.of(MEMBER_LOANS, COMPULSORY_SAVINGS, VOLUNTARY_SAVINGS);

  private Chart() {}

  /**
   * The accounts every group's book opens with, in code order.
   *
   * @param book the group's book, not null
   * @param currency the group's currency, not null
   * @return the account definitions, not null
   */
  public static List<Account> standardAccounts(BookId book, CurrencyUnit currency) {
    return List.of(
        limited(book, CASH, "Cash in hand", AccountType.ASSET, currency),
        limited(book, BANK, "Bank — group SB account", AccountType.ASSET, currency),
        limited(book, MEMBER_LOANS, "Loans to members", AccountType.ASSET, currency),
        limited(book, FIXED_DEPOSITS, "Fixed deposits", AccountType.ASSET, currency),
        limited(book, COMPULSORY_SAVINGS, "Members' compulsory savings", AccountType.LIABILITY, currency),
        limited(book, VOLUNTARY_SAVINGS, "Members' voluntary savings", AccountType.LIABILITY, currency),
        limited(book, BANK_LOAN, "Bank loan (SHG–bank linkage)", AccountType.LIABILITY, currency),
        limited(book, FEDERATION_LOAN, "Loan from federation", AccountType.LIABILITY, currency),
        Account.of(book, GRANTS, "Revolving fund / grants", AccountType.EQUITY, currency),
        Account.of(book, SURPLUS, "Accumulated surplus", AccountType.EQUITY, currency),
        limited(book, WELFARE_FUND, "Welfare fund", AccountType.EQUITY, currency),
        Account.of(book, LOAN_INTEREST, "Interest on member loans", AccountType.INCOME, currency),
        Account.of(book, FINES, "Fines and penalties", AccountType.INCOME, currency),
        Account.of(book, BANK_INTEREST, "Interest from bank", AccountType.INCOME, currency),
        Account.of(book, OTHER_INCOME, "Other income", AccountType.INCOME, currency),
        Account.of(book, INTEREST_SUBVENTION, "Interest subvention", AccountType.INCOME, currency),
        Account.of(book, INTEREST_PAID, "Interest paid on bank/federation loans", AccountType.EXPENSE, currency),
        Account.of(book, BANK_CHARGES, "Bank charges", AccountType.EXPENSE, currency),
        Account.of(book, EXPENSES, "Meeting, stationery and bookkeeping costs", AccountType.EXPENSE, currency),
        Account.of(book, SUSPENSE, "Suspense (unclassified bank lines)", AccountType.ASSET, currency));
  }

  /**
   * A member's sub-ledger account under one of the {@link #MEMBER_CONTROLS}.
   *
   * @param control the control account, not null
   * @param member the member, not null
   * @return the sub-ledger's code, such as {@code 2000:M01}
   */
  public static AccountCode memberAccount(AccountCode control, MemberId member) {
    return control.sub(member.value());
  }

  /**
   * The sub-ledger accounts opened for a member when she joins: her loans, compulsory savings and
   * voluntary savings, each limited like its control account.
   *
   * @param book the group's book, not null
   * @param currency the group's currency, not null
   * @param member the member, not null
   * @return the account definitions, not null
   */
  public static List<Account> memberAccounts(BookId book, CurrencyUnit currency, MemberId member) {
    return standardAccounts(book, currency).stream()
        .filter(a -> MEMBER_CONTROLS.contains(a.code()))
        .map(a -> a.subLedger(member.value(), a.name() + " — " + member))
        .toList();
  }

  /**
   * Why an account may not take the other side of an entry that the engine does not make itself
   * (a bank line, a reclassification, an opening balance), and what to use instead: the engine
   * keeps facts beside these accounts' balances (loan events beside 1200, the year's closing and
   * distributions beside 3100, repayments beside 4000), and a posting made behind it would leave
   * the ledger and those facts disagreeing.
   *
   * @param code an account code, a sub-ledger's included, not null
   * @return the reason and the command to use, or empty if anything may post to the account
   */
  public static Optional<String> ownedByEngine(AccountCode code) {
    String value = code.value();
    // every bank line asks: answer the common case without making anything
    if (!value.startsWith(MEMBER_LOANS.value()) && !value.equals(SURPLUS.value())
        && !value.equals(LOAN_INTEREST.value())) {
      return Optional.empty();
    }
    if (value.equals(MEMBER_LOANS.value()) || value.startsWith(MEMBER_LOANS.value() + ":")) {
      return Optional.of("account " + code + " holds loans to members, which change only with a loan's"
          + " own events: pay a loan out with 'shg loan disburse' and record repayments with 'shg loan repay'"
          + " or the meeting register's repayment columns (a bank line the register records: -> register)");
    }
    if (code.equals(SURPLUS)) {
      return Optional.of("account " + code + " (accumulated surplus) changes only by 'shg year-end',"
          + " 'shg distribute-surplus', a member's exit and 'shg share-out'");
    }
    if (code.equals(LOAN_INTEREST)) {
      return Optional.of("account " + code + " (interest on member loans) is credited only by a loan's"
          + " repayments: record them with 'shg loan repay' or the meeting register's repayment columns");
    }
    return Optional.empty();
  }

  /**
   * The member whose sub-ledger an account is, under one of the {@link #MEMBER_CONTROLS}.
   *
   * @param code an account code, not null
   * @return the member, or empty for any other account
   */
  public static Optional<MemberId> memberOf(AccountCode code) {
    String value = code.value();
    int colon = value.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    for (AccountCode control : MEMBER_CONTROLS) {
      if (value.regionMatches(0, control.value(), 0, colon) && control.value().length() == colon) {
        return Optional.of(MemberId.of(value.substring(colon + 1)));
      }
    }
    return Optional.empty();
  }

  /** The account types' accounts that are closed into surplus at year end. */
  static boolean closesAtYearEnd(Account account) {
    return account.type() == AccountType.INCOME || account.type() == AccountType.EXPENSE;
  }

  private static Account limited(BookId book, AccountCode code, String name, AccountType type, CurrencyUnit currency) {
    return new Account(book, code, name, type, currency, Optional.empty(), BalanceConstraint.nonNegative(type));
  }
}
