package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.inr;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Chart;
import org.shgledger.group.Recording;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BankLine;

/**
 * Books imported before line ids left out the layout hold ids of the first recipe, which took
 * the narration and the reference. The case: a statement imported from SBI's layout, then
 * the same statement converted to the generic layout (no reference column), counted the ₹15,000
 * Revolving Fund line a second time, since only that line had a reference and its id changed.
 */
class LegacyLineIdsTest {

  private static final LocalDate OPENED = LocalDate.of(2025, 3, 31);

  private Journal journal;
  private SavingsGroups groups;
  private PassbookImporter importer;

  @BeforeEach
  void book() {
    journal = Books.prepare(new InMemoryJournal());
    groups = Books.engine(journal);
    importer = new PassbookImporter(groups);
    Books.openBank(journal, OPENED, inr("10000"));
  }

  /** Five lines over four days; the Revolving Fund, on the third day, is the one with a reference. */
  private static String statement(BankLayout layout) {
    StringWriter out = new StringWriter();
    layout.writeHeader(out, "ASHA MAHILA SAMOOH", "00000012345678", OPENED.plusDays(1));
    Money zero = Money.zero(Books.INR);
    List<BankLine> lines = List.of(
        new BankLine(OPENED.plusDays(1), "SMS CHARGES", "", inr("15"), zero, inr("9985")),
        new BankLine(OPENED.plusDays(2), "SB INTEREST", "", zero, inr("40"), inr("10025")),
        new BankLine(OPENED.plusDays(3), "NEFT NRLM RF GRANT", layout == BankLayout.GENERIC ? "" : "SBIN224295118806",
            zero, inr("15000"), inr("25025")),
        new BankLine(OPENED.plusDays(3), "SMS CHARGES", "", inr("15"), zero, inr("25010")),
        new BankLine(OPENED.plusDays(4), "SB INTEREST", "", zero, inr("25"), inr("25035")));
    long serial = 0;
    for (BankLine line : lines) {
      layout.writeLine(out, ++serial, line);
    }
    return out.toString();
  }

  private PassbookImportReport run(String name, String text) {
    return importer.importSource(GROUP, name, PassbookImporterTest.text(text), PassbookImporter.Options.defaults());
  }

  /** Records a statement as a version before {@code v2} did: the same entries, under the first recipe's ids. */
  private void importAsBefore(String name, String text) {
    List<Recording> recordings = new ArrayList<>();
    LineIdentity identities = new LineIdentity();
    importer.checkStatement(GROUP, name, PassbookImporterTest.text(text), PassbookImporter.Options.defaults(),
        line -> {
          Recording now = line.recording().orElseThrow();
          recordings.add(new Recording(identities.next(line.line()).legacyId(), now.date(), now.operation(),
              now.sourceReference()));
        });
    groups.recordAll(GROUP, recordings);
  }

  @Test
  void aBookOfOldIdsFindsTheSameStatementInTheSameLayout() {
    importAsBefore("sbi.csv", statement(BankLayout.SBI));
    int entries = journal.entries(GROUP).size();
    PassbookImportReport again = run("sbi.csv", statement(BankLayout.SBI));
    assertEquals(0, again.recorded());
    assertEquals(5, again.alreadyRecorded());
    assertEquals(entries, journal.entries(GROUP).size());
  }

  @Test
  void aBookOfOldIdsRefusesTheSameStatementInAnotherLayoutInsteadOfCountingALineTwice() {
    importAsBefore("sbi.csv", statement(BankLayout.SBI));
    int entries = journal.entries(GROUP).size();
    Money bank = journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net();
    ImportException e = assertThrows(ImportException.class, () -> run("generic.csv", statement(BankLayout.GENERIC)));
    assertEquals(1, e.problems().size(), e.getMessage());
    String problem = e.problems().get(0).toString();
    assertTrue(problem.startsWith("generic.csv:4:1: this line (15,000.00 into the bank on 2025-04-03, balance"
        + " 25,025.00 after it) is not in the books under its id, but the books hold an imported bank line of"
        + " the same day and amount that this file does not account for: entry pb:"), problem);
    assertTrue(problem.contains("(passbook sbi.csv:11)"), problem);
    assertEquals(entries, journal.entries(GROUP).size());
    assertEquals(bank, journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net());
  }

  @Test
  void inBooksOfTodaysIdsTheConvertedStatementIsAlreadyThere() {
    run("sbi.csv", statement(BankLayout.SBI));
    Money bank = journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net();
    PassbookImportReport again = run("generic.csv", statement(BankLayout.GENERIC));
    assertEquals(0, again.recorded());
    assertEquals(5, again.alreadyRecorded());
    assertEquals(bank, journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net());
  }

  @Test
  void aLaterStatementOverlappingABookOfOldIdsRecordsOnlyItsNewLines() {
    importAsBefore("sbi.csv", statement(BankLayout.SBI));
    StringWriter more = new StringWriter();
    BankLayout.SBI.writeLine(more, 6, new BankLine(OPENED.plusDays(9), "SMS CHARGES", "", inr("15"),
        Money.zero(Books.INR), inr("25020")));
    PassbookImportReport report = run("sbi-later.csv", statement(BankLayout.SBI) + more);
    assertEquals(1, report.recorded());
    assertEquals(5, report.alreadyRecorded());
    assertEquals(inr("25020"), journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net());
  }
}
