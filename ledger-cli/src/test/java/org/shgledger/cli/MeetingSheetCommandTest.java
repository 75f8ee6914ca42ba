package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg meeting sheet} through the command line (issue 17): a group of 20 members, half of
 * them with loans of every method, one with a penalty and arrears, one with two loans. Its CSV imported unchanged
 * records what the sheet expects and a second sheet of the same day shows the same amounts; its
 * HTML prints on one A4 page with the signature lines; without Chromium, PDF is a clear error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingSheetCommandTest {

  @TempDir static Path dir;
  private String db;

  @BeforeAll
  void books() throws IOException {
    db = dir.resolve("sheet.db").toString();
    ok("group", "create", "TWENTY", "--name", "Twenty Mahila Samooh", "--formed", "2024-04-01",
        "--monthly-savings", "100", "--loan-monthly-rate", "2", "--loan-method", "flat", "--loan-instalments", "10");
    StringBuilder members = new StringBuilder("member,name,category,joined\n");
    StringBuilder meetings = new StringBuilder(
        "date,member,present,savings,repaid_total,penalty,loan_given,loan_method,loan_instalments\n");
    String[] methods = {"flat", "emi", "equal-principal"};
    for (int i = 1; i <= 20; i++) {
      String member = String.format("M%02d", i);
      members.append(member).append(",Member ").append(i).append(",adult-woman,2024-04-01\n");
      boolean borrows = i % 2 == 0;
      meetings.append("2024-04-10,").append(member).append(",Y,2000,,,")
          .append(borrows ? (1000 + 100 * i) + "," + methods[i % 3] + "," + (4 + i % 6) : ",,").append('\n');
    }
    for (int i = 1; i <= 20; i++) {
      String member = String.format("M%02d", i);
      // M04 pays nothing in May and is charged a penalty in June: arrears and a penalty on the sheet
      String repaid = i % 2 == 0 && i != 4 ? "150" : "";
      // M02 takes a second loan in May: two loans owing in June
      String second = i == 2 ? "1000,flat,5" : ",,";
      meetings.append("2024-05-10,").append(member).append(",Y,100,").append(repaid).append(",,").append(second)
          .append('\n');
    }
    meetings.append("2024-06-01,M04,Y,,,25,,,\n");
    Files.writeString(dir.resolve("members.csv"), members, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("meetings.csv"), meetings, StandardCharsets.UTF_8);
    ok("import", "members", "TWENTY", dir.resolve("members.csv").toString());
    ok("import", "meetings", "TWENTY", dir.resolve("meetings.csv").toString());
  }

  @Test
  void theCsvImportedUnchangedRecordsWhatTheSheetExpects() throws IOException {
    Run text = ok("meeting", "sheet", "TWENTY", "--date", "2024-06-10");
    assertTrue(text.out().contains("M04"), text.out());
    Path csv = dir.resolve("sheet.csv");
    ok("meeting", "sheet", "TWENTY", "--date", "2024-06-10", "--format", "csv", "--output", csv.toString());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(MeetingSheetCommand.REGISTER_HEADER, lines.get(0));
    assertEquals(21, lines.size(), "a row for each of the 20 members");
    assertTrue(lines.contains("2024-06-10,M01,Y,100.00,,"), lines.toString());

    // M02's second loan cannot be in her one row: the command names it, and it is paid by hand
    Run withNote = ok("meeting", "sheet", "TWENTY", "--date", "2024-06-10", "--format", "csv");
    assertTrue(withNote.err().contains("note: M02 also owes ") && withNote.err().contains("on loan 20240510-M02"),
        withNote.err());
    String secondPayment = withNote.err().replaceAll("(?s).*also owes ([0-9.]+) on loan.*", "$1").strip();
    assertTrue(text.out().lines().anyMatch(line -> line.contains("20240510-M02") && line.contains(secondPayment)),
        "the sheet shows M02's second loan on its own row:\n" + text.out());

    Run imported = ok("import", "meetings", "TWENTY", csv.toString());
    assertTrue(imported.out().contains("0 already in the books"), imported.out());
    ok("loan", "repay", "TWENTY", "20240510-M02", "--amount", secondPayment, "--date", "2024-06-10");
    // the sheet reads the day before: printed again after the meeting, it expects the same
    assertEquals(text.out(), ok("meeting", "sheet", "TWENTY", "--date", "2024-06-10").out());
    // and the next day's sheet finds every loan paid up to date
    Run next = ok("meeting", "sheet", "TWENTY", "--date", "2024-06-11", "--format", "csv");
    for (String line : next.out().lines().skip(1).toList()) {
      assertTrue(line.endsWith(",Y,100.00,,"), "nothing owing on the next day: " + line);
    }
  }

  @Test
  void theHtmlPrintsOnOneA4PageWithTheSignatures() throws Exception {
    ExternalTools.require("chromium", "SHG_REQUIRE_CHROMIUM", "the printed meeting sheet",
        "apt-get install chromium poppler-utils");
    ExternalTools.require("pdftotext", "SHG_REQUIRE_CHROMIUM", "the printed meeting sheet",
        "apt-get install chromium poppler-utils");
    Path pdf = dir.resolve("sheet.pdf");
    ok("meeting", "sheet", "TWENTY", "--date", "2024-06-10", "--format", "pdf", "--output", pdf.toString());
    Path text = dir.resolve("sheet.txt");
    Process pdftotext = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), text.toString())
        .redirectErrorStream(true).start();
    assertTrue(pdftotext.waitFor(60, TimeUnit.SECONDS) && pdftotext.exitValue() == 0, "pdftotext read the sheet");
    List<String> pages = new ArrayList<>();
    for (String page : Files.readString(text, StandardCharsets.UTF_8).split("\f", -1)) {
      if (!page.isBlank()) {
        pages.add(page);
      }
    }
    assertEquals(1, pages.size(), "one A4 page:\n" + String.join("\n----\n", pages));
    String page = pages.get(0);
    for (String expected : List.of("M01", "M20", "Total", "Prepared by", "President", "Treasurer")) {
      assertTrue(page.contains(expected), expected + " is on the page:\n" + page);
    }
  }

  @Test
  void pdfWithoutChromiumSaysToPrintTheHtml() {
    String installed = MeetingSheetCommand.chromium;
    MeetingSheetCommand.chromium = "no-such-chromium-for-shg";
    try {
      Run run = Run.shg("meeting", "sheet", "TWENTY", "--date", "2024-06-10", "--format", "pdf", "--output",
          dir.resolve("none.pdf").toString(), "--db", db);
      assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.err());
      assertTrue(run.err().contains("is not installed") && run.err().contains("--format html"), run.err());
      assertFalse(Files.exists(dir.resolve("none.pdf")));
    } finally {
      MeetingSheetCommand.chromium = installed;
    }
  }

  @Test
  void pdfNeedsAFile() {
    Run run = Run.shg("meeting", "sheet", "TWENTY", "--date", "2024-06-10", "--format", "pdf", "--db", db);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("--output"), run.err());
  }

  @Test
  void anUnknownGroupIsNotFound() {
    Run run = Run.shg("meeting", "sheet", "NOPE", "--date", "2024-06-10", "--db", db);
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), run.err());
  }

  private Run ok(String... command) {
    String[] withDb = GoldenOutputTest.withDb(command, db);
    Run run = Run.shg(withDb);
    if (run.exitCode() != ExitCodes.OK) {
      fail(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.err());
    }
    return run;
  }
}
