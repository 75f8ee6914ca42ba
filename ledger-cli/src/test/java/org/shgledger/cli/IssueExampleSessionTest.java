package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * The example of issue 6, {@code shg group create SHG01 ...}, and a treasurer's first months by
 * hand after it: members, a meeting, savings, a loan and its first instalment, a mistake put right
 * by reversal, and the year closed. Every step by the command line; the books checked at the end.
 */
class IssueExampleSessionTest {

  @TempDir Path directory;

  private Path db;

  private Run shg(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    Run run = Run.shg(all.toArray(String[]::new));
    assertEquals(ExitCodes.OK, run.exitCode(), () -> String.join(" ", args) + "\n" + run.err());
    return run;
  }

  @Test
  void aTreasurersFirstYearByHand() {
    db = directory.resolve("shg.db");
    shg("group", "create", "SHG01", "--name", "Roshni Mahila Samooh", "--currency", "INR", "--formed", "2024-04-01",
        "--monthly-savings", "100", "--loan-monthly-rate", "2", "--loan-method", "flat", "--loan-instalments", "10");
    for (String member : List.of("M01", "M02", "M03")) {
      shg("member", "add", "SHG01", member, "--name", "Member " + member, "--joined", "2024-04-01");
    }
    for (String meeting : List.of("2024-04-06", "2024-05-04")) {
      shg("meeting", "record", "SHG01", "--date", meeting, "--present", "M01,M02,M03");
      for (String member : List.of("M01", "M02", "M03")) {
        shg("save", "SHG01", member, "--amount", "100", "--date", meeting);
      }
    }
    Run loan = shg("loan", "disburse", "SHG01", "M02", "--amount", "200", "--date", "2024-05-04");
    assertTrue(loan.out().contains("loan 20240504-M02: INR 200.00 at 2% a month, flat rate, 10 monthly instalments"),
        loan.out());

    // June: M03's ₹100 is written down as ₹1,000; the treasurer reverses it and records it right
    shg("meeting", "record", "SHG01", "--date", "2024-06-01", "--present", "M01,M03", "--absent", "M02");
    Run mistake = shg("save", "SHG01", "M03", "--amount", "1000", "--date", "2024-06-01");
    assertTrue(mistake.out().startsWith("recorded SHG01-2024-06-01-SAVE-M03 "), mistake.out());
    shg("reverse", "SHG01", "SHG01-2024-06-01-SAVE-M03", "--reason", "written as 1,000");
    Run right = shg("save", "SHG01", "M03", "--amount", "100", "--date", "2024-06-01");
    assertTrue(right.out().startsWith("recorded SHG01-2024-06-01-SAVE-M03-2 "), right.out());
    shg("save", "SHG01", "M01", "--amount", "100", "--date", "2024-06-01");

    Run repay = shg("loan", "repay", "SHG01", "M02", "--amount", "24", "--date", "2024-06-04");
    assertTrue(repay.out().contains("Cr  4000      Interest on member loans   4.00"), repay.out());
    assertTrue(repay.out().endsWith("loan 20240504-M02 on 2024-06-04: principal outstanding 180.00, due now 0.00\n"),
        repay.out());

    Run yearEnd = shg("year-end", "SHG01", "--date", "2025-03-31");
    assertTrue(yearEnd.out().contains("Cr  3100  Accumulated surplus       4.00"), yearEnd.out());

    assertEquals(ExitCodes.OK, Run.shg("verify", "SHG01", "--db", db.toString()).exitCode());
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      BookId book = BookId.of("SHG01");
      java.time.LocalDate end = java.time.LocalDate.of(2025, 3, 31);
      CurrencyUnit inr = CurrencyUnit.of("INR");
      // 800 saved in cash, 200 lent, 24 repaid
      assertEquals(Money.of(inr, 624), store.journal().balance(book, AccountCode.of("1000"), end).normalBalance());
      assertEquals(Money.of(inr, 180), store.journal().balance(book, AccountCode.of("1200:M02"), end).normalBalance());
      assertEquals(Money.of(inr, 300), store.journal().balance(book, AccountCode.of("2000:M03"), end).normalBalance());
      assertEquals(Money.of(inr, 800), store.journal().balance(book, AccountCode.of("2000"), end).normalBalance());
      assertEquals(Money.of(inr, 4), store.journal().balance(book, AccountCode.of("3100"), end).normalBalance());
    }
  }

  /** Every command this issue added answers --help with a description and an example. */
  @ParameterizedTest
  @ValueSource(strings = {"group list", "group show", "member add", "member list", "member exit", "member settle",
      "member bank-account", "bearer elect", "bearer list", "meeting record", "save", "withdraw", "fine",
      "loan disburse", "loan repay", "loan penalty", "loan show", "bank deposit", "bank withdraw", "bank interest",
      "bank charges", "bank-loan receive", "bank-loan repay", "bank-loan terms", "federation-loan receive", "federation-loan repay",
      "grant", "expense", "income", "reverse", "year-end", "distribute-surplus", "share-out"})
  void helpHasAnExample(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    Run help = Run.shg(args.toArray(String[]::new));

    assertEquals(ExitCodes.OK, help.exitCode(), help.err());
    String name = command.replace("member settle", "member exit");
    assertTrue(help.out().contains("Example: shg " + name), help.out());
  }
}
