package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Side;
import org.shgledger.report.AccountLedger;
import org.shgledger.report.LedgerLine;

/**
 * An account's ledger as a {@link Report}, for {@code shg account} (docs/formats.md#account-ledger):
 * the opening and closing balances as facts, then one line per posting with the running balance.
 * In the ledger of a control account (1200, 2000, 2100) each posting to a member's sub-ledger
 * names the member, so the ledger of 2000 is the savings register of the whole group. A memo the
 * engine wrote is printed in the report's language ({@link MemoText}).
 *
 * <p>The {@code entry} column, the id of each line's journal entry, is for accountants and
 * programs: a bank line's id is a 43-character hash that would take four lines of a page, so
 * {@code shg account} has it in CSV and JSON always, and in text and HTML only when asked.
 */
final class AccountLedgerReport {

  private AccountLedgerReport() {}

  /**
   * Builds the report.
   *
   * @param ledger the ledger, not null
   * @param groupName the group's name, not null
   * @param period the period, with the remarks on defaulted days, not null
   * @param entries whether to have the {@code entry} column of entry ids
   * @param labels the words for people, not null
   * @return the report, not null
   */
  static Report report(AccountLedger ledger, String groupName, ReportPeriod period, boolean entries,
      Labels labels) {
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(labels, "labels");
    List<Column> columns = new ArrayList<>();
    columns.add(Column.date("date", labels.get("date")));
    if (entries) {
      columns.add(Column.text("entry", labels.get("entry")));
    }
    columns.add(Column.text("member", labels.get("member")));
    columns.add(Column.text("memo", labels.get("memo")));
    columns.add(Column.amount("debit", labels.get("debit")).blankingZero());
    columns.add(Column.amount("credit", labels.get("credit")).blankingZero());
    columns.add(Column.amount("balance", labels.get("balance")));
    List<Row> rows = new ArrayList<>();
    for (LedgerLine line : ledger.lines()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.date(line.date()));
      if (entries) {
        cells.add(Cell.text(line.entry().toString()));
      }
      cells.add(Cell.text(member(ledger.code(), line.account())));
      cells.add(Cell.text(MemoText.of(line.memo(), labels)));
      cells.add(Cell.amount(line.debit()));
      cells.add(Cell.amount(line.credit()));
      cells.add(Cell.amount(line.balance()));
      rows.add(new Row(cells, 0));
    }
    List<Cell> total = new ArrayList<>(List.of(Cell.empty(), Cell.empty(), Cell.text(labels.get("total")),
        Cell.amount(ledger.totalDebit()), Cell.amount(ledger.totalCredit()), Cell.empty()));
    if (entries) {
      total.add(0, Cell.empty());
    }
    Table lines = Table.of("lines", columns, rows).withTotal(new Row(total, 0));
    boolean debitSide = ledger.type().normalSide() == Side.DEBIT;
    return Report.builder("account", labels.get("report.account_ledger"))
        .fact("group", labels.get("group"), Cell.text(ledger.group().toString()))
        .fact("group_name", labels.get("group_name"), Cell.text(groupName))
        .fact("account", labels.get("account"), Cell.text(ledger.code().value()))
        .fact("account_name", labels.get("account_name"), Cell.text(labels.accountName(ledger.code(), ledger.name())))
        .fact(period.fromFact(labels))
        .fact(period.toFact(labels))
        .fact("currency", labels.get("currency"), Cell.text(ledger.opening().getCurrencyUnit().getCode()))
        .fact("opening_balance", labels.get("opening_balance"), Cell.amount(ledger.opening()))
        .fact("closing_balance", labels.get("closing_balance"), Cell.amount(ledger.closing()))
        .add(lines)
        .note(labels.get(debitSide ? "note.account_debit" : "note.account_credit"))
        .build();
  }

  /**
   * The member whose sub-ledger a posting went to, when the ledger is of her control account:
   * {@code M01} for {@code 2000:M01} in the ledger of {@code 2000}; empty for the account's own
   * postings.
   */
  static String member(AccountCode ledger, AccountCode posted) {
    String prefix = ledger.value() + ":";
    return posted.value().startsWith(prefix) ? posted.value().substring(prefix.length()) : "";
  }
}
