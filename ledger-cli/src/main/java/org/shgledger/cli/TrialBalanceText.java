package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.TrialBalance;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a {@link TrialBalance} as a plain-text table for people: a heading naming the group and
 * the date, one line per account with its balance in the debit or the credit column, each member
 * sub-ledger indented under its control account, the column totals, and the accounting equation
 * with its numbers.
 *
 * <p>Amounts use Indian digit grouping ({@code 1,00,000.00}) and are right-aligned. Accounts with
 * a zero balance are left out. Sub-ledger lines repeat what their control account's line already
 * holds, so the totals count the control accounts only.
 */
public final class TrialBalanceText {

  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private TrialBalanceText() {}

  /**
   * Formats a trial balance.
   *
   * @param book the book the trial balance is of, for its name, not null
   * @param trialBalance the trial balance, not null
   * @return the table, lines ending in {@code \n}, not null
   * @throws IllegalArgumentException if the trial balance is of another book
   */
  public static String format(Book book, TrialBalance trialBalance) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(trialBalance, "trialBalance");
    if (!book.id().equals(trialBalance.book())) {
      throw new IllegalArgumentException(
          "trial balance of book " + trialBalance.book() + " given with book " + book.id());
    }
    List<Row> rows = new ArrayList<>();
    for (TrialBalance.Line line : trialBalance.lines()) {
      addRows(rows, line, "");
    }
    Row total =
        new Row("", "Total", amount(trialBalance.totalDebit()), amount(trialBalance.totalCredit()));

    int codeWidth = "code".length();
    int nameWidth = "account".length();
    int amountWidth = "credit".length();
    for (Row row : rows) {
      codeWidth = Math.max(codeWidth, row.code.length());
      nameWidth = Math.max(nameWidth, row.name.length());
      amountWidth = Math.max(amountWidth, Math.max(row.debit.length(), row.credit.length()));
    }
    amountWidth = Math.max(amountWidth, Math.max(total.debit.length(), total.credit.length()));
    String format =
        "%-" + codeWidth + "s" + GAP + "%-" + nameWidth + "s" + GAP + "%" + amountWidth + "s"
            + GAP + "%" + amountWidth + "s";
    String rule =
        String.format(format, "-".repeat(codeWidth), "-".repeat(nameWidth),
            "-".repeat(amountWidth), "-".repeat(amountWidth));

    StringBuilder text = new StringBuilder();
    text.append(book.name()).append(" [").append(book.id()).append("]\n");
    text.append("Trial balance as of ").append(trialBalance.asOf()).append(", amounts in ")
        .append(trialBalance.currency()).append('\n');
    text.append('\n');
    text.append(String.format(format, "code", "account", "debit", "credit").stripTrailing())
        .append('\n');
    text.append(rule).append('\n');
    for (Row row : rows) {
      text.append(String.format(format, row.code, row.name, row.debit, row.credit).stripTrailing())
          .append('\n');
    }
    text.append(rule).append('\n');
    text.append(String.format(format, total.code, total.name, total.debit, total.credit))
        .append('\n');
    text.append('\n');
    text.append("Indented lines are member sub-ledgers, already counted in the account above them.")
        .append('\n');
    text.append(equation(trialBalance)).append('\n');
    return text.toString();
  }

  /**
   * The accounting equation, then the same with this trial balance's numbers and whether it holds;
   * it always does when the journal is sound.
   */
  private static String equation(TrialBalance trialBalance) {
    Money assets = trialBalance.total(AccountType.ASSET);
    Money liabilities = trialBalance.total(AccountType.LIABILITY);
    Money equity = trialBalance.total(AccountType.EQUITY);
    Money income = trialBalance.total(AccountType.INCOME);
    Money expenses = trialBalance.total(AccountType.EXPENSE);
    Money rightSide = liabilities.plus(equity).plus(income).minus(expenses);
    boolean holds = assets.isEqual(rightSide);
    return "Assets = Liabilities + Equity + Income − Expenses\n"
        + amount(assets) + " = " + amount(liabilities) + " + " + amount(equity) + " + "
        + amount(income) + " − " + amount(expenses)
        + (holds ? " (holds)" : " (DOES NOT HOLD: right side is " + amount(rightSide) + ")");
  }

  private static void addRows(List<Row> rows, TrialBalance.Line line, String indent) {
    if (line.isZero()) {
      return;
    }
    rows.add(
        new Row(
            indent + line.account().code(),
            indent + line.account().name(),
            line.debit().isZero() ? "" : amount(line.debit()),
            line.credit().isZero() ? "" : amount(line.credit())));
    for (TrialBalance.Line sub : line.subLedger()) {
      addRows(rows, sub, indent + INDENT);
    }
  }

  private static String amount(Money money) {
    return MoneyFormats.indian(money);
  }

  private record Row(String code, String name, String debit, String credit) {}
}
