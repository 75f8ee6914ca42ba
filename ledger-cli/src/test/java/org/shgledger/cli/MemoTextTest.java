package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Lang;
import org.shgledger.group.EngineMemo;

/**
 * The memos the engine wrote print in the report's language (issue 15); the journal keeps them in
 * English, and words a person typed print as they were typed.
 */
class MemoTextTest {

  /** English prints every memo exactly as the journal holds it: its labels are the catalogue's words. */
  @Test
  void theEnglishWordsOfEachMemoAreTheCataloguesOwn() {
    for (EngineMemo kind : EngineMemo.values()) {
      assertEquals(kind.english(), Labels.of(Lang.EN).get("memo." + kind.key()), kind.toString());
    }
  }

  /** A translation that dropped an argument would lose the member or the loan a memo names. */
  @Test
  void everyLanguageKeepsEveryArgumentOfEveryMemo() {
    for (Lang lang : Lang.values()) {
      for (EngineMemo kind : EngineMemo.values()) {
        String label = Labels.of(lang).get("memo." + kind.key());
        for (int i = 0; i < kind.arguments().size(); i++) {
          assertTrue(label.contains("{" + i + "}"), lang.code() + " memo." + kind.key() + ": " + label);
        }
      }
    }
  }

  @Test
  void anEngineMemoIsInTheReadersLanguageAndWordsAPersonTypedAreAsTyped() {
    Labels hindi = Labels.of(Lang.HI);
    assertEquals("M04 पर जुर्माना: 2024-04-10 की बैठक का जुर्माना",
        MemoText.of("M04 fined: fine at the meeting of 2024-04-10", hindi), "the meeting import's reason too");
    assertEquals("M01 पर जुर्माना: late", MemoText.of("M01 fined: late", hindi));
    assertEquals("M02 द्वारा ऋण 20240510-M02 की अदायगी", MemoText.of("repayment of loan 20240510-M02 by M02", hindi));
    assertEquals("BY CASH", MemoText.of("BY CASH", hindi), "a bank's narration");
    assertEquals("খরচ: {1} pens", MemoText.of("expense: {1} pens", Labels.of(Lang.BN)), "braces in words stay");
    for (String memo : List.of("M01 saves (compulsory)", "reversal of X-1: typed {0} twice", "Reclassified: Bank line",
        "BY CASH", "expense: ")) {
      assertEquals(memo, MemoText.of(memo, Labels.of(Lang.EN)));
    }
  }

  /**
   * A group's whole cycle (savings, a loan, fines, a correction, bank interest and charges, an
   * expense, year end, distribution, an exit, a share-out) read in Hindi: no ledger line and no
   * passbook line shows a memo of the engine in English.
   */
  @Test
  void aHindiLedgerAndPassbookShowNoEnglishMemoOfTheEngine(@TempDir Path directory) throws IOException {
    String db = directory.resolve("cycle.db").toString();
    for (String[] command : GoldenOutputTest.cycleCommands()) {
      Run run = Run.shg(GoldenOutputTest.withDb(command, db));
      if (run.exitCode() != ExitCodes.OK) {
        fail(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.err());
      }
    }
    List<String> cells = new ArrayList<>();
    for (String account : List.of("1000", "1100", "1200", "2000", "2100", "3000", "3100", "4000", "4100", "4200",
        "5100", "5200")) {
      cells.addAll(column("memo", "account", "GOLD", account, "--from", "2024-04-01", "--to", "2025-05-31",
          "--lang", "hi", "--format", "csv", "--db", db));
    }
    for (String member : List.of("M01", "M02", "M03")) {
      cells.addAll(column("particulars", "passbook", "GOLD", member, "--from", "2024-04-01", "--to", "2025-05-31",
          "--lang", "hi", "--format", "csv", "--db", db));
    }

    assertTrue(cells.size() > 40, cells.toString());
    for (String cell : cells) {
      assertTrue(EngineMemo.recognise(cell).isEmpty(), "an engine's memo in English: " + cell);
    }
    assertTrue(cells.contains("M02 द्वारा ऋण 20240510-M02 की अदायगी"), cells.toString());
    assertTrue(cells.contains("सुधार: GOLD-2024-06-10-FINE-M03 का सुधार: entered by mistake"), cells.toString());
    assertTrue(cells.contains("खर्च: register"), cells.toString());
  }

  /** The cells of one column of a report's CSV. */
  private static List<String> column(String name, String... command) throws IOException {
    Run run = Run.shg(command);
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<String> cells = new ArrayList<>();
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(run.out())).getRecords();
    for (CSVRecord record : records) {
      cells.add(record.get(name));
    }
    return cells;
  }
}
