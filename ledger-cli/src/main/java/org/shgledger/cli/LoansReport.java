package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Fact;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.money.MoneyFormats;
import org.shgledger.report.Dcb;
import org.shgledger.report.LoanLine;
import org.shgledger.report.LoanPortfolio;

/**
 * The loan portfolio as a {@link Report}, for {@code shg loans} (docs/formats.md#loans): PAR30 as
 * a fact; the table {@code loans}, one row per loan with what is owed, due, overdue and for how
 * long; and the table {@code dcb}, demand, collection and balance for the period.
 *
 * <p>Text, for an 80-column page, leaves out two columns that CSV, JSON and HTML have: the day a
 * loan was paid out and how it is repaid. A coordinator reading the text wants to know which
 * loans are late; a spreadsheet gets everything.
 */
final class LoansReport {

  private LoansReport() {}

  /**
   * Builds the report.
   *
   * @param portfolio the portfolio, not null
   * @param groupName the group's name, not null
   * @param period the DCB period, whose last day is the portfolio's day, not null
   * @param wide whether to have the {@code disbursed} and {@code method} columns
   * @param labels the words for people, not null
   * @return the report, not null
   */
  static Report report(LoanPortfolio portfolio, String groupName, ReportPeriod period, boolean wide,
      Labels labels) {
    Objects.requireNonNull(portfolio, "portfolio");
    Objects.requireNonNull(labels, "labels");
    String currency = portfolio.totalPrincipal().getCurrencyUnit().getCode();
    Report.Builder report = Report.builder("loans", labels.get("report.loans"))
        .fact("group", labels.get("group"), Cell.text(portfolio.group().toString()))
        .fact("group_name", labels.get("group_name"), Cell.text(groupName))
        .fact(new Fact("as_of", labels.get("as_of"), Cell.date(portfolio.asOf()), period.toNote()))
        .fact(new Fact("dcb_from", labels.get("loans.dcb_from"), Cell.date(portfolio.periodFrom()),
            period.fromNote()))
        .fact("currency", labels.get("currency"), Cell.text(currency))
        .fact(new Fact("par30_percent", labels.get("loans.par30_percent"), Cell.number(portfolio.par30Percent()),
            labels.format("loans.par30_note", MoneyFormats.indian(portfolio.principalAtRisk30()),
                MoneyFormats.indian(portfolio.totalOutstanding()))));

    List<Column> columns = new ArrayList<>();
    columns.add(Column.text("loan", labels.get("loan")));
    columns.add(Column.text("member", labels.get("member")));
    if (wide) {
      columns.add(Column.date("disbursed", labels.get("loans.disbursed")));
    }
    columns.add(Column.amount("principal", labels.get("loans.lent")));
    if (wide) {
      columns.add(Column.text("method", labels.get("loans.method")));
    }
    columns.add(Column.amount("outstanding", labels.get("passbook.owed")));
    columns.add(Column.amount("interest_due", labels.get("interest_due")).blankingZero());
    columns.add(Column.amount("overdue", labels.get("overdue")).blankingZero());
    columns.add(Column.number("days_past_due", labels.get("loans.days")));
    columns.add(Column.text("status", labels.get("loans.status")));
    List<Row> rows = new ArrayList<>();
    List<Row> dcbRows = new ArrayList<>();
    for (LoanLine loan : portfolio.loans()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(loan.loan().value()));
      cells.add(Cell.text(loan.member().value()));
      if (wide) {
        cells.add(Cell.date(loan.disbursed()));
      }
      cells.add(Cell.amount(loan.principal()));
      if (wide) {
        cells.add(Cell.text(labels.get("loans.method." + loan.method().name().toLowerCase(Locale.ROOT))));
      }
      cells.add(Cell.amount(loan.outstandingPrincipal()));
      cells.add(Cell.amount(loan.interestDue()));
      cells.add(Cell.amount(loan.overdueAmount()));
      cells.add(Cell.number(loan.daysPastDue()));
      cells.add(Cell.text(labels.get("loans.status." + loan.status().name().toLowerCase(Locale.ROOT))));
      rows.add(new Row(cells, 0));
      Dcb dcb = loan.dcb();
      // a loan with nothing due, paid or overdue in the period has no place in its DCB
      if (!(dcb.demand().isZero() && dcb.totalCollected().isZero() && dcb.balance().isZero())) {
        dcbRows.add(dcbRow(Cell.text(loan.loan().value()), dcb));
      }
    }
    List<Cell> total = new ArrayList<>();
    total.add(Cell.text(labels.get("total")));
    total.add(Cell.empty());
    if (wide) {
      total.add(Cell.empty());
    }
    total.add(Cell.amount(portfolio.totalPrincipal()));
    if (wide) {
      total.add(Cell.empty());
    }
    total.add(Cell.amount(portfolio.totalOutstanding()));
    total.add(Cell.amount(portfolio.totalInterestDue()));
    total.add(Cell.amount(portfolio.totalOverdue()));
    total.add(Cell.empty());
    total.add(Cell.empty());
    report.add(Table.of("loans", columns, rows).withTotal(new Row(total, 0))
        .withCaption(labels.format("loans.caption", portfolio.asOf())));
    report.note(labels.format("note.loans", portfolio.asOf()));

    report.add(Table.of("dcb",
            List.of(Column.text("loan", labels.get("loan")),
                Column.amount("arrears", labels.get("loans.arrears")),
                Column.amount("current_demand", labels.get("loans.current_demand")),
                Column.amount("demand", labels.get("demand")),
                Column.amount("collection", labels.get("loans.collected")),
                Column.amount("advance", labels.get("loans.advance")),
                Column.amount("balance", labels.get("balance"))),
            dcbRows)
        .withTotal(dcbRow(Cell.text(labels.get("total")), portfolio.dcb()))
        .withCaption(labels.format("loans.dcb_caption", portfolio.periodFrom(), portfolio.asOf())));
    report.note(labels.format("note.dcb", portfolio.periodFrom(), portfolio.asOf(),
        MoneyFormats.indian(portfolio.dcb().totalCollected())));
    return report.build();
  }

  private static Row dcbRow(Cell first, Dcb dcb) {
    return Row.of(first, Cell.amount(dcb.arrears()), Cell.amount(dcb.currentDemand()), Cell.amount(dcb.demand()),
        Cell.amount(dcb.collection()), Cell.amount(dcb.advance()), Cell.amount(dcb.balance()));
  }
}
