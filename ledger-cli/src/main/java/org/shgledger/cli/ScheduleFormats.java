package org.shgledger.cli;

import static org.shgledger.cli.LoanScheduleCommand.word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Cells;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.cli.output.TextRenderer;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.Instalment;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.Schedule;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a loan {@link Schedule} for {@code shg loan-schedule} and {@code shg loan show}: a text
 * table for people, CSV for spreadsheets, and a {@link Report} for the JSON and HTML renderers, in
 * the language of the labels given. Lines end in {@code \n} on every platform.
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
   * The terms and the instalments as a report, for JSON and HTML: the terms as facts (amounts as
   * strings, so that no reader turns 0.10 into a binary fraction), the instalments as the table
   * {@code instalments} with its totals.
   *
   * @param schedule the schedule, not null
   * @param labels the words for people, not null
   * @return the report {@code loan-schedule}, not null
   */
  static Report report(Schedule schedule, Labels labels) {
    LoanTerms terms = schedule.terms();
    return Report.builder("loan-schedule", labels.get("report.loan_schedule"))
        .fact("currency", labels.get("list.currency"), Cell.text(terms.currency().getCode()))
        .fact("principal", labels.get("schedule.principal"), Cell.amount(terms.principal()))
        .fact("rate_percent", labels.get("schedule.rate_percent"), Cell.number(terms.rate().percent()))
        .fact("rate_per", labels.get("schedule.rate_per"), Cell.text(word(terms.rate().per())))
        .fact("method", labels.get("schedule.method"), Cell.text(word(terms.method())))
        .fact("frequency", labels.get("schedule.frequency"), Cell.text(word(terms.frequency())))
        .fact("start", labels.get("schedule.start"), Cell.date(terms.disbursementDate()))
        .fact("first_due", labels.get("schedule.first_due"), Cell.date(terms.firstDueDate()))
        .fact("grace_principal", labels.get("schedule.grace_principal"), Cell.number(terms.interestOnlyInstalments()))
        .fact("instalment_multiple", labels.get("schedule.instalment_multiple"), Cell.amount(terms.instalmentMultiple()))
        .fact("rounding_mode", labels.get("schedule.rounding_mode"), Cell.text(word(terms.instalmentRounding())))
        .fact("interest_days", labels.get("schedule.interest_days"), Cell.text(word(terms.interestBasis())))
        .add(table(schedule, labels))
        .build();
  }

  /**
   * The instalments as a report table, {@code instalments}, with the totals of principal, interest
   * and payment as its total row.
   *
   * @param schedule the schedule, not null
   * @param labels the words for people, not null
   * @return the table, not null
   */
  static Table table(Schedule schedule, Labels labels) {
    List<Row> rows = new ArrayList<>();
    for (Instalment instalment : schedule.instalments()) {
      rows.add(Row.of(Cell.number(instalment.number()), Cell.date(instalment.dueDate()),
          Cell.amount(instalment.principal()), Cell.amount(instalment.interest()),
          Cell.amount(instalment.payment()), Cell.amount(instalment.balanceAfter())));
    }
    return Table.of("instalments", List.of(Column.number("n", labels.get("schedule.n")),
            Column.date("due_date", labels.get("schedule.due_date")),
            Column.amount("principal", labels.get("schedule.principal")),
            Column.amount("interest", labels.get("schedule.interest")),
            Column.amount("payment", labels.get("schedule.payment")),
            Column.amount("balance", labels.get("schedule.balance"))), rows)
        .withTotal(Row.of(Cell.empty(), Cell.empty(), Cell.amount(schedule.totalPrincipal()),
            Cell.amount(schedule.totalInterest()), Cell.amount(schedule.totalPayment()), Cell.empty()));
  }

  /**
   * A heading that states the terms, then the table with Indian digit grouping, then the totals.
   *
   * @param schedule the schedule, not null
   * @param labels the words for people, not null
   * @return the text, lines ending in {@code \n}, not null
   */
  static String text(Schedule schedule, Labels labels) {
    Table table = table(schedule, labels);
    List<String[]> rows = new ArrayList<>();
    rows.add(table.columns().stream().map(Column::label).toArray(String[]::new));
    for (Row row : table.rows()) {
      rows.add(row.cells().stream().map(cell -> Cells.forPeople(cell, false)).toArray(String[]::new));
    }
    String[] total = table.total().orElseThrow().cells().stream().map(cell -> Cells.forPeople(cell, false))
        .toArray(String[]::new);
    total[1] = labels.get("schedule.total");
    int[] widths = new int[total.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column],
            Math.max(TextRenderer.width(row[column]), TextRenderer.width(total[column])));
      }
    }
    String[] rule = new String[widths.length];
    for (int column = 0; column < widths.length; column++) {
      rule[column] = "-".repeat(widths[column]);
    }

    StringBuilder text = new StringBuilder();
    text.append(heading(schedule.terms(), labels));
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

  /**
   * A rate in words: {@code 2% a month}.
   *
   * @param rate the rate, not null
   * @param labels the words for people, not null
   * @return the words, not null
   */
  static String rate(InterestRate rate, Labels labels) {
    return labels.format(rate.per() == InterestRate.Per.MONTH ? "schedule.rate_month" : "schedule.rate_year",
        rate.percent().toPlainString());
  }

  /**
   * A number of instalments in words: {@code 10 monthly instalments}.
   *
   * @param count how many, at least 1
   * @param frequency how often they fall due, not null
   * @param labels the words for people, not null
   * @return the words, not null
   */
  static String instalments(int count, Frequency frequency, Labels labels) {
    return labels.format(count == 1 ? "schedule.instalment" : "schedule.instalments", count,
        labels.get("schedule." + frequency.name().toLowerCase(Locale.ROOT)));
  }

  private static String heading(LoanTerms terms, Labels labels) {
    String method = labels.get(switch (terms.method()) {
      case FLAT -> "schedule.flat";
      case EMI -> "schedule.emi";
      case EQUAL_PRINCIPAL -> "schedule.equal_principal";
    });
    StringBuilder text = new StringBuilder()
        .append(labels.format("schedule.heading", amount(terms.principal()), terms.currency(),
            rate(terms.rate(), labels), method, instalments(terms.instalmentCount(), terms.frequency(), labels)))
        .append('\n')
        .append(labels.format("schedule.disbursed", terms.disbursementDate(), terms.firstDueDate())).append('\n');
    if (terms.interestOnlyInstalments() > 0) {
      text.append(terms.interestOnlyInstalments() == 1 ? labels.get("schedule.interest_only_one")
          : labels.format("schedule.interest_only", terms.interestOnlyInstalments())).append('\n');
    }
    return text.append(labels.format(
            terms.interestBasis() == InterestBasis.PERIOD ? "schedule.rounding_period" : "schedule.rounding_actual",
            MoneyFormats.plain(terms.instalmentMultiple()), word(terms.instalmentRounding()),
            MoneyFormats.plain(terms.interestRounding().step(terms.currency())),
            word(terms.interestRounding().mode())))
        .append('\n').toString();
  }

  /** The first column right-aligned (numbers), the second left (dates, "Total"), the rest right. */
  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.length; column++) {
      String spaces = " ".repeat(Math.max(0, widths[column] - TextRenderer.width(cells[column])));
      line.append(column == 0 ? "" : GAP).append(column == 1 ? cells[column] + spaces : spaces + cells[column]);
    }
    return line.toString().stripTrailing() + "\n";
  }

  private static String amount(Money money) {
    return MoneyFormats.indian(money);
  }
}
