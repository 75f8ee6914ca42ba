package org.shgledger.cli;

import static org.shgledger.cli.LoanScheduleCommand.word;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.loan.Instalment;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.Schedule;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a loan {@link Schedule} for {@code shg loan-schedule}: a text table for people, CSV for
 * spreadsheets, and a {@link Report} for the JSON renderer. Lines end in {@code \n} on every platform.
 */
final class ScheduleFormats {

  /** The CSV header; docs/loans.md and scripts depend on it exactly. */
  static final String CSV_HEADER = "n,due_date,principal,interest,payment,balance";

  private static final String GAP = "  ";

  private ScheduleFormats() {}

  /**
   * One row per instalment after the header; dates ISO, amounts with the currency's decimals and
   * no grouping. No value can hold a comma or a quote, so none is quoted.
   */
  static String csv(Schedule schedule) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (Instalment instalment : schedule.instalments()) {
      csv.append(String.join(",", instalment.number() + "", instalment.dueDate().toString(),
              MoneyFormats.plain(instalment.principal()), MoneyFormats.plain(instalment.interest()),
              MoneyFormats.plain(instalment.payment()), MoneyFormats.plain(instalment.balanceAfter())))
          .append('\n');
    }
    return csv.toString();
  }

  /**
   * The terms and the instalments as a report, for JSON: the terms as facts (amounts as strings,
   * so that no reader turns 0.10 into a binary fraction), the instalments as the table {@code
   * instalments} with its totals.
   *
   * @param schedule the schedule, not null
   * @return the report {@code loan-schedule}, not null
   */
  static Report report(Schedule schedule) {
    LoanTerms terms = schedule.terms();
    return Report.builder("loan-schedule", "Loan schedule")
        .fact("currency", "currency", Cell.text(terms.currency().getCode()))
        .fact("principal", "principal", Cell.amount(terms.principal()))
        .fact("rate_percent", "rate, percent", Cell.number(terms.rate().percent()))
        .fact("rate_per", "rate per", Cell.text(word(terms.rate().per())))
        .fact("method", "method", Cell.text(word(terms.method())))
        .fact("frequency", "frequency", Cell.text(word(terms.frequency())))
        .fact("start", "start", Cell.date(terms.disbursementDate()))
        .fact("first_due", "first due", Cell.date(terms.firstDueDate()))
        .fact("grace_principal", "interest-only instalments", Cell.number(terms.interestOnlyInstalments()))
        .fact("instalment_multiple", "instalment multiple", Cell.amount(terms.instalmentMultiple()))
        .fact("rounding_mode", "rounding mode", Cell.text(word(terms.instalmentRounding())))
        .fact("interest_days", "interest days", Cell.text(word(terms.interestBasis())))
        .add(table(schedule))
        .build();
  }

  /**
   * The instalments as a report table, {@code instalments}, with the totals of principal, interest
   * and payment as its total row.
   *
   * @param schedule the schedule, not null
   * @return the table, not null
   */
  static Table table(Schedule schedule) {
    List<Row> rows = new ArrayList<>();
    for (Instalment instalment : schedule.instalments()) {
      rows.add(Row.of(Cell.number(instalment.number()), Cell.date(instalment.dueDate()),
          Cell.amount(instalment.principal()), Cell.amount(instalment.interest()),
          Cell.amount(instalment.payment()), Cell.amount(instalment.balanceAfter())));
    }
    return Table.of("instalments", List.of(Column.number("n", "n"), Column.date("due_date", "due date"),
            Column.amount("principal", "principal"), Column.amount("interest", "interest"),
            Column.amount("payment", "payment"), Column.amount("balance", "balance")), rows)
        .withTotal(Row.of(Cell.empty(), Cell.empty(), Cell.amount(schedule.totalPrincipal()),
            Cell.amount(schedule.totalInterest()), Cell.amount(schedule.totalPayment()), Cell.empty()));
  }

  /** A heading that states the terms, then the table with Indian digit grouping, then the totals. */
  static String text(Schedule schedule) {
    LoanTerms terms = schedule.terms();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"n", "due date", "principal", "interest", "payment", "balance"});
    for (Instalment instalment : schedule.instalments()) {
      rows.add(new String[] {instalment.number() + "", instalment.dueDate().toString(),
          amount(instalment.principal()), amount(instalment.interest()),
          amount(instalment.payment()), amount(instalment.balanceAfter())});
    }
    String[] total = {"", "Total", amount(schedule.totalPrincipal()), amount(schedule.totalInterest()),
        amount(schedule.totalPayment()), ""};
    int[] widths = new int[total.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], Math.max(row[column].length(), total[column].length()));
      }
    }
    String[] rule = new String[widths.length];
    for (int column = 0; column < widths.length; column++) {
      rule[column] = "-".repeat(widths[column]);
    }

    StringBuilder text = new StringBuilder();
    text.append(heading(terms));
    text.append('\n');
    for (int i = 0; i < rows.size(); i++) {
      text.append(line(rows.get(i), widths));
      if (i == 0) {
        text.append(line(rule, widths));
      }
    }
    text.append(line(rule, widths));
    text.append(line(total, widths));
    return text.toString();
  }

  private static String heading(LoanTerms terms) {
    int count = terms.instalmentCount();
    String method = switch (terms.method()) {
      case FLAT -> "flat rate";
      case EMI -> "EMI (declining balance, equal instalments)";
      case EQUAL_PRINCIPAL -> "declining balance, equal principal";
    };
    String text = "Loan of " + amount(terms.principal()) + " " + terms.currency() + " at " + terms.rate()
        + ", " + method + ", " + count + " " + word(terms.frequency()) + " instalment" + (count == 1 ? "" : "s")
        + "\n"
        + "Disbursed " + terms.disbursementDate() + ", first due " + terms.firstDueDate() + "\n";
    if (terms.interestOnlyInstalments() > 0) {
      text += terms.interestOnlyInstalments() == 1
          ? "The first instalment pays interest only\n"
          : "The first " + terms.interestOnlyInstalments() + " instalments pay interest only\n";
    }
    return text
        + "Instalments in multiples of " + MoneyFormats.plain(terms.instalmentMultiple()) + " ("
        + word(terms.instalmentRounding()) + "), interest to "
        + MoneyFormats.plain(terms.interestRounding().step(terms.currency())) + " ("
        + word(terms.interestRounding().mode()) + ") "
        + (terms.interestBasis() == InterestBasis.PERIOD
            ? "at the period rate" : "on actual days / 365")
        + "\n";
  }

  /** The first column right-aligned (numbers), the second left (dates, "Total"), the rest right. */
  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.length; column++) {
      String format = column == 1 ? "%-" + widths[column] + "s" : "%" + widths[column] + "s";
      line.append(column == 0 ? "" : GAP).append(String.format(format, cells[column]));
    }
    return line.toString().stripTrailing() + "\n";
  }

  private static String amount(Money money) {
    return MoneyFormats.indian(money);
  }
}
