package org.shgledger.cli.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** A small report with one of every kind of cell, and a way to render it. */
final class Sample {

  private Sample() {}

  static Money inr(String amount) {
    return Money.of(CurrencyUnit.of("INR"), new java.math.BigDecimal(amount));
  }

  static Report report() {
    Table accounts = Table.of("accounts",
            List.of(Column.text("code", "Code"), Column.text("account", "Account"),
                Column.amount("debit", "Debit").blankingZero(), Column.amount("credit", "Credit").blankingZero()),
            List.of(
                Row.of(Cell.text("1000"), Cell.text("Cash in hand"), Cell.amount(inr("123456.5")), Cell.amount(inr("0"))),
                Row.of(Cell.text("2000"), Cell.text("Members' savings"), Cell.amount(inr("0")), Cell.amount(inr("123456.50"))),
                Row.of(Cell.text("2000:M01"), Cell.text("=HYPERLINK(\"http://x\",\"y\")"), Cell.amount(inr("0")),
                    Cell.amount(inr("123456.50"))).atLevel(1)))
        .withCaption("Accounts")
        .withTotal(Row.of(Cell.empty(), Cell.text("Total"), Cell.amount(inr("123456.50")), Cell.amount(inr("123456.50"))));
    Table other = Table.of("other",
        List.of(Column.date("date", "Date"), Column.number("days", "Days"), Column.amount("change", "Change"),
            Column.text("memo", "Memo")),
        List.of(Row.of(Cell.date(LocalDate.of(2025, 6, 30)), Cell.number(new java.math.BigDecimal("12.50")),
            Cell.amount(inr("-5")), Cell.text("-1+2, \"quoted\""))));
    return Report.builder("sample", "Sample <report>")
        .fact("group", "Group", Cell.text("SHG01"))
        .fact(new Fact("as_of", "As of", Cell.date(LocalDate.of(2025, 6, 30)), "the date of the latest entry"))
        .fact("cash", "Cash", Cell.amount(inr("100000")))
        .add(accounts)
        .note("A note for people.")
        .add(new Figure("savings", "Savings over time", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"))
        .add(other)
        .build();
  }

  static String render(Renderer renderer, Report report) {
    StringWriter out = new StringWriter();
    try {
      renderer.render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
