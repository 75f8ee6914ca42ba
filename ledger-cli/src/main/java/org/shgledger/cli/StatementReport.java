package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Figure;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Signatures;
import org.shgledger.cli.output.Table;
import org.shgledger.group.Chart;
import org.shgledger.journal.AccountCode;
import org.shgledger.money.MoneyFormats;
import org.shgledger.report.BalanceSheet;
import org.shgledger.report.GroupStatement;
import org.shgledger.report.IncomeAndExpenditure;
import org.shgledger.report.MemberLine;
import org.shgledger.report.MemberTable;
import org.shgledger.report.MonthEndBalances;
import org.shgledger.report.ReceiptsAndPayments;
import org.shgledger.report.ReportLine;

/**
 * The group statement as a {@link Report}, for {@code shg statement} and {@code shg demo}
 * (docs/formats.md#group-statement): the cash and bank at the start and end of the period;
 * receipts and payments by account; income and expenditure; the balance sheet at the end; the
 * member-wise table; and the month-end savings and loans, as a table and, in HTML, a chart.
 *
 * <p>Each part is one table whose amount columns have their own keys ({@code receipts, payments};
 * {@code income, expenditure}; {@code assets, liabilities}), so the CSV, which writes the tables
 * one after another, says which is which in every header. After each part a note checks it with
 * its numbers: opening + receipts − payments = closing; income − expenditure = surplus; assets =
 * liabilities and funds; the member totals equal the control accounts. The printed (HTML)
 * statement ends in the signatures an SHG's books carry: who prepared it, who checked it, the
 * president and the treasurer.
 *
 * <p>Members appear by id unless names are asked for: a statement may be passed on to a donor,
 * and a donor-facing report carries no names.
 */
final class StatementReport {

  private StatementReport() {}

  /**
   * Builds the report.
   *
   * @param statement the statement, not null
   * @param period the period, with the remarks on defaulted days, not null
   * @param monthEnds the savings and loans at the end of {@link MonthEndChart#days} of the period,
   *     not null
   * @param cashAndBankNames the names of 1000 and 1100 in the books, in that order, not null
   * @param names whether to add the members' names
   * @param labels the words for people, not null
   * @return the report, not null
   */
  static Report report(GroupStatement statement, ReportPeriod period, List<MonthEndBalances.Point> monthEnds,
      List<String> cashAndBankNames, boolean names, Labels labels) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(labels, "labels");
    Report.Builder report = Report.builder("statement", labels.get("report.group_statement"))
        .fact("group", labels.get("group"), Cell.text(statement.group().toString()))
        .fact("group_name", labels.get("group_name"), Cell.text(statement.groupName()))
        .fact(period.fromFact(labels))
        .fact(period.toFact(labels))
        .fact("currency", labels.get("currency"), Cell.text(statement.currency().getCode()));

    ReceiptsAndPayments cashBook = statement.receiptsAndPayments();
    report.add(cashAndBank(cashBook, cashAndBankNames, labels));
    report.add(receiptsAndPayments(cashBook, labels));
    report.note(labels.format("note.receipts_and_payments", money(cashBook.openingTotal()),
        money(cashBook.totalReceipts()), money(cashBook.totalPayments()), money(cashBook.closingTotal()),
        cashBook.reconciles() ? labels.get("note.agrees")
            : labels.format("note.does_not_agree", money(cashBook.openingTotal()
                .plus(cashBook.totalReceipts()).minus(cashBook.totalPayments())))));

    IncomeAndExpenditure result = statement.incomeAndExpenditure();
    report.add(incomeAndExpenditure(result, labels));
    report.note(labels.format(result.isDeficit() ? "note.deficit" : "note.surplus",
        money(result.totalIncome()), money(result.totalExpenditure()), money(result.surplus().abs())));

    BalanceSheet sheet = statement.balanceSheet();
    report.add(balanceSheet(sheet, labels));
    report.note(labels.format("note.balance_sheet", money(sheet.totalAssets()),
        money(sheet.totalLiabilitiesAndFunds()),
        labels.get(sheet.balances() ? "note.balance_sheet_balances" : "note.balance_sheet_fails")));

    MemberTable members = statement.members();
    report.add(members(members, names, labels).withCaption(labels.format("caption.members_on", statement.to())));
    report.note(labels.format("note.members", statement.to())
        + "\n" + (members.agreesWithControls() ? labels.get("note.members_agree")
            : labels.format("note.members_disagree", money(members.compulsorySavingsControl()),
                money(members.voluntarySavingsControl()), money(members.memberLoansControl()))),
        names ? "" : labels.get("note.members_by_id"));

    String caption = labels.format("caption.month_ends", statement.from(), statement.to());
    report.add(new Figure("savings-and-loans", caption, MonthEndChart.svg(monthEnds, statement.currency(),
        caption, labels.get("chart.savings"), labels.get("chart.loans"), labels.lang().locale())));
    report.add(monthEnds(monthEnds, labels));
    report.add(new Signatures(List.of(labels.get("sign.prepared_by"), labels.get("sign.checked_by"),
        labels.get("sign.president"), labels.get("sign.treasurer")), labels.get("sign.signature"), labels.get("date")));
    return report.build();
  }

  private static Table cashAndBank(ReceiptsAndPayments cashBook, List<String> accountNames, Labels labels) {
    List<Row> rows = List.of(
        Row.of(Cell.text(Chart.CASH.value()), Cell.text(labels.accountName(Chart.CASH, accountNames.get(0))),
            Cell.amount(cashBook.openingCash()), Cell.amount(cashBook.closingCash())),
        Row.of(Cell.text(Chart.BANK.value()), Cell.text(labels.accountName(Chart.BANK, accountNames.get(1))),
            Cell.amount(cashBook.openingBank()), Cell.amount(cashBook.closingBank())));
    return Table.of("cash_and_bank",
            List.of(Column.text("code", labels.get("code")), Column.text("account", labels.get("account")),
                Column.amount("opening", labels.get("opening_balance")),
                Column.amount("closing", labels.get("closing_balance"))),
            rows)
        .withCaption(labels.get("cash_and_bank"))
        .withTotal(Row.of(Cell.empty(), Cell.text(labels.get("total")),
            Cell.amount(cashBook.openingTotal()), Cell.amount(cashBook.closingTotal())));
  }

  /** One row per account, its receipts and its payments side by side, in code order. */
  private static Table receiptsAndPayments(ReceiptsAndPayments cashBook, Labels labels) {
    Money zero = Money.zero(cashBook.totalReceipts().getCurrencyUnit());
    Map<AccountCode, Money[]> byAccount = new TreeMap<>();
    Map<AccountCode, String> names = new TreeMap<>();
    for (ReportLine line : cashBook.receipts()) {
      byAccount.computeIfAbsent(line.code(), c -> new Money[] {zero, zero})[0] = line.amount();
      names.put(line.code(), line.name());
    }
    for (ReportLine line : cashBook.payments()) {
      byAccount.computeIfAbsent(line.code(), c -> new Money[] {zero, zero})[1] = line.amount();
      names.put(line.code(), line.name());
    }
    List<Row> rows = new ArrayList<>();
    byAccount.forEach((code, amounts) -> rows.add(Row.of(Cell.text(code.value()),
        Cell.text(labels.accountName(code, names.get(code))),
        Cell.amount(amounts[0]), Cell.amount(amounts[1]))));
    return Table.of("receipts_and_payments",
            List.of(Column.text("code", labels.get("code")), Column.text("account", labels.get("account")),
                Column.amount("receipts", labels.get("receipts")).blankingZero(),
                Column.amount("payments", labels.get("payments")).blankingZero()),
            rows)
        .withCaption(labels.get("receipts_and_payments"))
        .withTotal(Row.of(Cell.empty(), Cell.text(labels.get("total")),
            Cell.amount(cashBook.totalReceipts()), Cell.amount(cashBook.totalPayments())));
  }

  private static Table incomeAndExpenditure(IncomeAndExpenditure result, Labels labels) {
    List<Row> rows = new ArrayList<>();
    Money zero = Money.zero(result.totalIncome().getCurrencyUnit());
    for (ReportLine line : result.income()) {
      rows.add(Row.of(Cell.text(line.code().value()), Cell.text(labels.accountName(line.code(), line.name())), Cell.amount(line.amount()),
          Cell.amount(zero)));
    }
    for (ReportLine line : result.expenditure()) {
      rows.add(Row.of(Cell.text(line.code().value()), Cell.text(labels.accountName(line.code(), line.name())), Cell.amount(zero),
          Cell.amount(line.amount())));
    }
    return Table.of("income_and_expenditure",
            List.of(Column.text("code", labels.get("code")), Column.text("account", labels.get("account")),
                Column.amount("income", labels.get("income")).blankingZero(),
                Column.amount("expenditure", labels.get("expenditure")).blankingZero()),
            rows)
        .withCaption(labels.get("income_and_expenditure"))
        .withTotal(Row.of(Cell.empty(), Cell.text(labels.get("total")),
            Cell.amount(result.totalIncome()), Cell.amount(result.totalExpenditure())));
  }

  /**
   * Assets in one column, liabilities and the group's funds in the other; the year's result not
   * yet closed into 3100 is its own line, with no code, so the two columns add up to the same.
   */
  private static Table balanceSheet(BalanceSheet sheet, Labels labels) {
    Money zero = Money.zero(sheet.totalAssets().getCurrencyUnit());
    List<Row> rows = new ArrayList<>();
    for (ReportLine line : sheet.assets()) {
      rows.add(Row.of(Cell.text(line.code().value()), Cell.text(labels.accountName(line.code(), line.name())), Cell.amount(line.amount()),
          Cell.amount(zero)));
    }
    List<ReportLine> owed = new ArrayList<>(sheet.liabilities());
    owed.addAll(sheet.equity());
    for (ReportLine line : owed) {
      rows.add(Row.of(Cell.text(line.code().value()), Cell.text(labels.accountName(line.code(), line.name())), Cell.amount(zero),
          Cell.amount(line.amount())));
    }
    if (!sheet.unclosedSurplus().isZero()) {
      rows.add(Row.of(Cell.empty(),
          Cell.text(labels.get(sheet.unclosedSurplus().isNegative() ? "unclosed_deficit" : "unclosed_surplus")),
          Cell.amount(zero), Cell.amount(sheet.unclosedSurplus())));
    }
    return Table.of("balance_sheet",
            List.of(Column.text("code", labels.get("code")), Column.text("account", labels.get("account")),
                Column.amount("assets", labels.get("assets")).blankingZero(),
                Column.amount("liabilities", labels.get("liabilities_and_funds")).blankingZero()),
            rows)
        .withCaption(labels.format("caption.balance_sheet_on", sheet.asOf()))
        .withTotal(Row.of(Cell.empty(), Cell.text(labels.get("total")),
            Cell.amount(sheet.totalAssets()), Cell.amount(sheet.totalLiabilitiesAndFunds())));
  }

  private static Table members(MemberTable table, boolean names, Labels labels) {
    List<Column> columns = new ArrayList<>();
    columns.add(Column.text("member", labels.get("member")));
    if (names) {
      columns.add(Column.text("name", labels.get("name")));
    }
    columns.add(Column.amount("compulsory_savings", labels.get("savings")));
    columns.add(Column.amount("voluntary_savings", labels.get("voluntary")).blankingZero());
    columns.add(Column.amount("loan_outstanding", labels.get("loan_owed")).blankingZero());
    columns.add(Column.amount("overdue", labels.get("overdue")).blankingZero());
    columns.add(Column.number("attendance_percent", labels.get("attendance_percent")));
    List<Row> rows = new ArrayList<>();
    for (MemberLine line : table.members()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(line.id().value()));
      if (names) {
        cells.add(Cell.text(line.name()));
      }
      cells.add(Cell.amount(line.compulsorySavings()));
      cells.add(Cell.amount(line.voluntarySavings()));
      cells.add(Cell.amount(line.loanOutstanding()));
      cells.add(Cell.amount(line.overdue()));
      cells.add(line.attendance().<Cell>map(rate -> Cell.number(rate.percent())).orElse(Cell.empty()));
      rows.add(new Row(cells, 0));
    }
    List<Cell> total = new ArrayList<>();
    total.add(Cell.text(labels.get("total")));
    if (names) {
      total.add(Cell.empty());
    }
    total.add(Cell.amount(table.totalCompulsorySavings()));
    total.add(Cell.amount(table.totalVoluntarySavings()));
    total.add(Cell.amount(table.totalLoanOutstanding()));
    total.add(Cell.amount(table.totalOverdue()));
    total.add(Cell.empty());
    return Table.of("members", columns, rows).withTotal(new Row(total, 0));
  }

  private static Table monthEnds(List<MonthEndBalances.Point> points, Labels labels) {
    List<Row> rows = new ArrayList<>();
    for (MonthEndBalances.Point point : points) {
      rows.add(Row.of(Cell.date(point.date()), Cell.amount(point.savings()), Cell.amount(point.loans())));
    }
    return Table.of("month_ends",
        List.of(Column.date("date", labels.get("date")), Column.amount("savings", labels.get("chart.savings")),
            Column.amount("loans_outstanding", labels.get("chart.loans"))),
        rows);
  }

  private static String money(Money amount) {
    return MoneyFormats.indian(amount);
  }
}
