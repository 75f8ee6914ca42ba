package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Fact;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.Book;
import org.shgledger.journal.TrialBalance;
import org.shgledger.money.MoneyFormats;

/**
 * Builds a {@link TrialBalance} as a {@link Report} for {@code shg trial-balance} and {@code shg
 * export --format trial-balance-csv}: one line per account with its balance in the debit or the
 * credit column, each member sub-ledger (when asked for) under its control account, the column
 * totals, and the accounting equation with its numbers, in any output format, English or Hindi.
 *
 * <p>Accounts with a zero balance are left out. Sub-ledger lines repeat what their control
 * account's line already holds, so the totals count the control accounts only.
 */
public final class TrialBalanceText {


  private TrialBalanceText() {}

  /**
   * The trial balance as a report, for any output format (docs/formats.md#trial-balance): facts
   * {@code group}, {@code group_name}, {@code as_of} and {@code currency}; the table {@code
   * accounts} with columns {@code code,account,debit,credit}, one row per account with a non-zero
   * balance in code order, each member sub-ledger (coded {@code CONTROL:MEMBER}) after its control
   * account when asked for, and the column totals (of the top-level accounts only); then notes for
   * people on the sub-ledgers and the accounting equation.
   *
   * @param book the book, for its name, not null
   * @param trialBalance the trial balance, of that book, not null
   * @param members whether to add the member sub-ledger rows
   * @param labels the words for people, not null
   * @param asOfNote why the trial balance is as of its date, such as "the date of the latest
   *     entry"; empty when the date was asked for; not null
   * @return the report, not null
   * @throws IllegalArgumentException if the trial balance is of another book
   */
  public static Report report(
      Book book, TrialBalance trialBalance, boolean members, Labels labels, String asOfNote) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(trialBalance, "trialBalance");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(asOfNote, "asOfNote");
    if (!book.id().equals(trialBalance.book())) {
      throw new IllegalArgumentException(
          "trial balance of book " + trialBalance.book() + " given with book " + book.id());
    }
    List<Row> rows = new ArrayList<>();
    boolean subLedgerShown = false;
    for (TrialBalance.Line line : trialBalance.lines()) {
      subLedgerShown |= addReportRows(rows, line, members ? Integer.MAX_VALUE : 0, 0, labels);
    }
    Table accounts = Table.of("accounts",
            List.of(Column.text("code", labels.get("code")),
                Column.text("account", labels.get("account")),
                Column.amount("debit", labels.get("debit")).blankingZero(),
                Column.amount("credit", labels.get("credit")).blankingZero()),
            rows)
        .withTotal(Row.of(Cell.empty(), Cell.text(labels.get("total")),
            Cell.amount(trialBalance.totalDebit()), Cell.amount(trialBalance.totalCredit())));

    Report.Builder report = Report.builder("trial-balance", labels.get("report.trial_balance"))
        .fact("group", labels.get("group"), Cell.text(book.id().toString()))
        .fact("group_name", labels.get("group_name"), Cell.text(book.name()))
        .fact(new Fact("as_of", labels.get("as_of"), Cell.date(trialBalance.asOf()), asOfNote))
        .fact("currency", labels.get("currency"), Cell.text(trialBalance.currency().getCode()))
        .add(accounts);
    if (subLedgerShown) {
      report.note(labels.get("note.sub_ledgers"));
    }
    return report.note(equation(trialBalance, labels)).build();
  }

  /** Adds a line and, down to {@code depth} levels, its non-zero sub-ledgers; whether any was. */
  private static boolean addReportRows(
      List<Row> rows, TrialBalance.Line line, int depth, int level, Labels labels) {
    if (line.isZero()) {
      return false;
    }
    rows.add(Row.of(Cell.text(line.account().code().value()),
            Cell.text(labels.accountName(line.account().code(), line.account().name())),
            Cell.amount(line.debit()), Cell.amount(line.credit()))
        .atLevel(level));
    boolean added = level > 0;
    if (depth > 0) {
      for (TrialBalance.Line sub : line.subLedger()) {
        added |= addReportRows(rows, sub, depth - 1, level + 1, labels);
      }
    }
    return added;
  }

  /** The accounting equation with this trial balance's numbers, and whether it holds. */
  private static String equation(TrialBalance trialBalance, Labels labels) {
    Money assets = trialBalance.total(AccountType.ASSET);
    Money liabilities = trialBalance.total(AccountType.LIABILITY);
    Money equity = trialBalance.total(AccountType.EQUITY);
    Money income = trialBalance.total(AccountType.INCOME);
    Money expenses = trialBalance.total(AccountType.EXPENSE);
    Money rightSide = liabilities.plus(equity).plus(income).minus(expenses);
    return labels.get("note.equation") + "\n"
        + amount(assets) + " = " + amount(liabilities) + " + " + amount(equity) + " + "
        + amount(income) + " − " + amount(expenses) + " ("
        + (assets.isEqual(rightSide)
            ? labels.get("note.equation_holds")
            : labels.format("note.equation_fails", amount(rightSide)))
        + ")";
  }

  private static String amount(Money money) {
    return MoneyFormats.indian(money);
  }

}
