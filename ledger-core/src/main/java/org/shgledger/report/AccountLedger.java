package org.shgledger.report;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;

/**
 * An account's ledger for a period: its opening balance, every posting dated in the period with
 * the running balance, and its closing balance. Balances are on the account's normal side (cash
 * held, savings owed), so {@code closing = opening + debits − credits} for an asset or expense and
 * {@code opening + credits − debits} for the others. A control account's ledger includes the
 * postings of its sub-ledgers. Year-end closings and reversals are postings like any other.
 *
 * @param group the group, not null
 * @param code the account, not null
 * @param name its name, not null
 * @param type its type, which says its normal side, not null
 * @param from the first day, not null
 * @param to the last day, not before {@code from}, not null
 * @param opening the balance at the end of the day before {@code from}, not null
 * @param lines the postings in date order (one day's in the order recorded), not null; copied
 * @param totalDebit the sum of the debit column, not null
 * @param totalCredit the sum of the credit column, not null
 * @param closing the balance at the end of {@code to}, not null
 */
public record AccountLedger(
    BookId group,
    AccountCode code,
    String name,
    AccountType type,
    LocalDate from,
    LocalDate to,
    Money opening,
    List<LedgerLine> lines,
    Money totalDebit,
    Money totalCredit,
    Money closing) {

  /**
   * Creates a ledger.
   *
   * @param group the group, not null
   * @param code the account, not null
   * @param name its name, not null
   * @param type its type, which says its normal side, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @param opening the balance at the end of the day before {@code from}, not null
   * @param lines the postings in date order (one day's in the order recorded), not null; copied
   * @param totalDebit the sum of the debit column, not null
   * @param totalCredit the sum of the credit column, not null
   * @param closing the balance at the end of {@code to}, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the period ends before it starts, or the closing balance
   *     is not the opening balance moved by the totals
   */
  public AccountLedger {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Reports.requirePeriod(from, to);
    Objects.requireNonNull(opening, "opening");
    lines = List.copyOf(lines);
    Objects.requireNonNull(totalDebit, "totalDebit");
    Objects.requireNonNull(totalCredit, "totalCredit");
    Objects.requireNonNull(closing, "closing");
    Money moved = type.normalSide() == org.shgledger.journal.Side.DEBIT
        ? totalDebit.minus(totalCredit) : totalCredit.minus(totalDebit);
    if (!opening.plus(moved).equals(closing)) {
      throw new IllegalArgumentException("account " + code + ": opening " + withCurrency(opening) + " moved by "
          + withCurrency(moved)
          + " is not the closing balance " + withCurrency(closing));
    }
  }
}
