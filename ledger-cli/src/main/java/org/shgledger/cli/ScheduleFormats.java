package org.shgledger.cli;

import static org.shgledger.cli.LoanScheduleCommand.word;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.loan.Instalment;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.Schedule;
import org.shgledger.money.MoneyFormats;

/**
 * Writes a loan {@link Schedule} for {@code shg loan-schedule}: a text table for people, CSV for
 * spreadsheets and JSON for programs. Lines end in {@code \n} on every platform.
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
   * The terms and the instalments as JSON. Amounts are strings, so that no reader turns 0.10 into
   * a binary fraction; every string is a date, a number, a currency code or one of the command's
   * words, none of which needs escaping.
   */
  static String json(Schedule schedule) {
    LoanTerms terms = schedule.terms();
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"currency\": \"").append(terms.currency()).append("\",\n");
    json.append("  \"principal\": \"").append(MoneyFormats.plain(terms.principal())).append("\",\n");
    json.append("  \"rate\": {\"percent\": \"").append(terms.rate().percent().toPlainString())
        .append("\", \"per\": \"").append(word(terms.rate().per())).append("\"},\n");
    json.append("  \"method\": \"").append(word(terms.method())).append("\",\n");
    json.append("  \"frequency\": \"").append(word(terms.frequency())).append("\",\n");
    json.append("  \"start\": \"").append(terms.disbursementDate()).append("\",\n");
    json.append("  \"first_due\": \"").append(terms.firstDueDate()).append("\",\n");
    json.append("  \"grace_principal\": ").append(terms.interestOnlyInstalments()).append(",\n");
    json.append("  \"instalment_multiple\": \"").append(MoneyFormats.plain(terms.instalmentMultiple())).append("\",\n");
    json.append("  \"rounding_mode\": \"").append(word(terms.instalmentRounding())).append("\",\n");
    json.append("  \"interest_days\": \"").append(word(terms.interestBasis())).append("\",\n");
    json.append("  \"instalments\": [\n");
    List<Instalment> instalments = schedule.instalments();
    for (Instalment instalment : instalments) {
      json.append("    {\"n\": ").append(instalment.number())
          .append(", \"due_date\": \"").append(instalment.dueDate())
          .append("\", \"principal\": \"").append(MoneyFormats.plain(instalment.principal()))
          .append("\", \"interest\": \"").append(MoneyFormats.plain(instalment.interest()))
          .append("\", \"payment\": \"").append(MoneyFormats.plain(instalment.payment()))
          .append("\", \"balance\": \"").append(MoneyFormats.plain(instalment.balanceAfter()))
          .append(instalment.number() < instalments.size() ? "\"},\n" : "\"}\n");
    }
    json.append("  ],\n");
    json.append("  \"totals\": {\"principal\": \"").append(MoneyFormats.plain(schedule.totalPrincipal()))
        .append("\", \"interest\": \"").append(MoneyFormats.plain(schedule.totalInterest()))
        .append("\", \"payment\": \"").append(MoneyFormats.plain(schedule.totalPayment())).append("\"}\n");
    json.append("}\n");
    return json.toString();
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
