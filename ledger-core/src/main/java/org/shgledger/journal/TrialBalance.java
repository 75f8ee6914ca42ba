package org.shgledger.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Every account's balance in a book as of a date, each in the debit or the credit column. The two
 * columns always have equal totals, because every entry balances.
 *
 * @param book the book, not null
 * @param asOf the date, inclusive, not null
 * @param currency the book's currency, not null
 * @param lines one line per top-level account, in code order, each with its sub-ledgers; not null
 */
public record TrialBalance(BookId book, LocalDate asOf, CurrencyUnit currency, List<Line> lines) {

  /**
   * Creates a trial balance.
   *
   * @param book the book, not null
   * @param asOf the date, inclusive, not null
   * @param currency the book's currency, not null
   * @param lines one line per top-level account, in code order, each with its sub-ledgers; not null
   * @throws NullPointerException if any argument is null
   */
  public TrialBalance {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
  }

  /**
   * One account's line: its net balance in one column, zero in the other.
   *
   * @param account the account, not null
   * @param debit the debit balance, zero unless debits exceed credits, not null
   * @param credit the credit balance, zero unless credits exceed debits, not null
   * @param subLedger the lines of the account's sub-ledgers, whose balances add up to this line's;
   *     not null, empty for an ordinary account
   */
  public record Line(Account account, Money debit, Money credit, List<Line> subLedger) {

    /**
     * Creates a line.
     *
     * @param account the account, not null
     * @param debit the debit balance, zero unless debits exceed credits, not null
     * @param credit the credit balance, zero unless credits exceed debits, not null
     * @param subLedger the lines of the account's sub-ledgers, whose balances add up to this line's;
     *     not null, empty for an ordinary account
     * @throws NullPointerException if any argument is null
     */
    public Line {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(debit, "debit");
      Objects.requireNonNull(credit, "credit");
      subLedger = List.copyOf(subLedger);
    }

    /**
     * Debit minus credit.
     *
     * @return the net balance, positive for a debit balance, not null
     */
    public Money net() {
      return debit.minus(credit);
    }

    /**
     * Whether both columns are zero.
     *
     * @return true for an account with no balance
     */
    public boolean isZero() {
      return debit.isZero() && credit.isZero();
    }
  }

  /**
   * The total of the debit column.
   *
   * @return the total, not null
   */
  public Money totalDebit() {
    return lines.stream().map(Line::debit).reduce(Money.zero(currency), Money::plus);
  }

  /**
   * The total of the credit column.
   *
   * @return the total, not null
   */
  public Money totalCredit() {
    return lines.stream().map(Line::credit).reduce(Money.zero(currency), Money::plus);
  }

  /**
   * The total balance of all accounts of one type, on that type's normal side: total assets, total
   * liabilities and so on.
   *
   * @param type the account type, not null
   * @return the total, not null
   */
  public Money total(AccountType type) {
    Money net =
        lines.stream()
            .filter(line -> line.account().type() == type)
            .map(Line::net)
            .reduce(Money.zero(currency), Money::plus);
    return type.normalSide() == Side.DEBIT ? net : net.negated();
  }
}
