package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.inr;
import static org.shgledger.importing.passbook.Books.net;
import static org.shgledger.importing.passbook.PassbookImporterTest.resource;
import static org.shgledger.importing.passbook.PassbookImporterTest.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.text.Dates;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;

/**
 * Bank exports as treasurers get them (issue 14, "every bank's export"): dates with times, ISO
 * timestamps, serial numbers; balances a statement states; negative amounts in a withdrawal or
 * deposit column; a chosen profile; spreadsheets read directly. The samples of each bank's layout
 * are imported in {@link PassbookImporterTest#importsEachBanksSampleAndReImportsNothing}.
 */
class BankExportsTest {

  private Journal journal;
  private PassbookImporter importer;

  @BeforeEach
  void setUp() {
    journal = Books.prepare(new InMemoryJournal());
    importer = new PassbookImporter(Books.engine(journal, UnitOfWork.immediate()));
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
  }

  // ---- dates

  @Test
  void aTimeAfterTheDateIsTheBanksClockInIndia() {
    DateCell kotak = new DateCell(Dates.of("dd-MM-yyyy"));
    assertEquals(LocalDate.of(2024, 4, 2), kotak.parse("02-04-2024 10:15:32"));
    assertEquals(LocalDate.of(2024, 4, 2), kotak.parse("02-04-2024 23:59"));
    DateCell idbi = new DateCell(Dates.of("dd/MM/yyyy"));
    assertEquals(LocalDate.of(2025, 4, 1), idbi.parse("01/04/2025 10:15:32 AM"));
    assertEquals(LocalDate.of(2025, 4, 1), idbi.parse("01/04/2025 11:59:00 PM"));
  }

  /** An instant is converted to its date in India, never read by its UTC date. */
  @Test
  void anIsoTimestampWithAnOffsetIsItsDateInIndia() {
    DateCell any = new DateCell(Dates.of("dd/MM/yyyy"));
    assertEquals(LocalDate.of(2024, 4, 2), any.parse("2024-04-01T18:30:00.000Z"), "midnight in India");
    assertEquals(LocalDate.of(2024, 4, 1), any.parse("2024-04-01T18:29:59Z"));
    assertEquals(LocalDate.of(2024, 4, 1), any.parse("2024-04-01T23:00:00+05:30"));
    assertEquals(LocalDate.of(2024, 4, 2), any.parse("2024-04-01T20:00:00-0400"));
    assertEquals(LocalDate.of(2024, 4, 2), any.parse("2024-04-01 18:30:00Z"));
    // without an offset it is India's own time: the date part
    assertEquals(LocalDate.of(2024, 4, 1), any.parse("2024-04-01T18:30:00"));
  }

  @Test
  void aSpreadsheetsSerialNumberIsADay() {
    DateCell sbi = PassbookProfile.SBI.dates();
    assertEquals(LocalDate.of(2024, 4, 2), sbi.parse("45384"));
    assertEquals(LocalDate.of(2024, 4, 2), sbi.parse("45384.75"), "a time of day as a fraction");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sbi.parse("99999"));
    assertTrue(e.getMessage().contains("outside 1960 to 2099"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sbi.parse("1234"), "not a 5-digit day number");
  }

  @Test
  void twoDigitYearsAreOfThisCenturyAndABareIsoDateStaysTheProfilesChoice() {
    DateCell generic = PassbookProfile.GENERIC.dates();
    assertEquals(LocalDate.of(2025, 4, 1), generic.parse("01/04/25"));
    assertEquals(LocalDate.of(2025, 4, 1), generic.parse("01-04-25"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generic.parse("2025-04-03"));
    assertTrue(e.getMessage().startsWith("\"2025-04-03\" is not a date in the form dd/MM/yyyy"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> generic.parse("01/04/2025 25:61"));
  }

  // ---- balances a statement states

  @Test
  void anOpeningBalanceRowThatDisagreesWithTheLinesIsRefusedAtItsCell() throws IOException {
    String file = sample("particulars.csv").replace("By Opening Balance,,,,\"10,000.00 Cr\"",
        "By Opening Balance,,,,\"9,000.00 Cr\"");
    List<String> problems = problems("coop.csv", file);
    assertEquals(List.of("coop.csv:6:6: the opening balance 9,000.00 stated here does not agree with the lines:"
        + " the balance before the line that follows it is 10,000.00; a line is missing or an amount is"
        + " mistyped"), problems);
  }

  @Test
  void aClosingBalanceRowThatDisagreesWithTheLinesIsRefused() throws IOException {
    String file = sample("particulars.csv").replace("Closing Balance,,,,\"95,094.30 Cr\"",
        "Closing Balance,,,,\"95,904.30 Cr\"");
    assertEquals(List.of("coop.csv:13:6: the closing balance 95,904.30 stated here does not agree with the lines:"
        + " the balance after the line above is 95,094.30; a line is missing or an amount is mistyped"),
        problems("coop.csv", file));
  }

  /** Kotak's summary after the table states the statement's opening balance, checked at the end. */
  @Test
  void aSummaryAfterTheTableIsCheckedAgainstTheWholeStatement() throws IOException {
    String file = sample("kotak.csv").replace("Opening balance,\"10,000.00\"", "Opening balance,\"10,100.00\"");
    assertEquals(List.of("kotak.csv:12:2: the opening balance 10,100.00 stated here does not agree with the"
        + " lines: the balance before the first line is 10,000.00; a line is missing or an amount is mistyped"),
        problems("kotak.csv", file));
  }

  /** Page by page: a balance carried forward and brought forward is the running balance there. */
  @Test
  void balancesCarriedAndBroughtForwardAreTheRunningBalance() {
    String file = "Date,Particulars,Debit,Credit,Balance\n"
        + "01/04/2025,By Opening Balance,,,\"10,000.00\"\n"
        + "01/04/2025,By Cash,,500.00,\"10,500.00\"\n"
        + "02/04/2025,Balance C/F,,,\"10,500.00\"\n"
        + "02/04/2025,Balance B/F,,,\"10,500.00\"\n"
        + "03/04/2025,To SMS Charges,17.70,,\"10,482.30\"\n";
    PassbookImportReport report = importer.importSource(GROUP, "pages.csv", text(file),
        PassbookImporter.Options.defaults());
    assertEquals("particulars", report.profile());
    assertEquals(2, report.recorded());
    assertEquals(inr("10482.30"), net(journal, Chart.BANK));
    assertEquals(List.of("pages.csv:5:5: the opening balance 10,400.00 stated here does not agree with the lines:"
        + " the balance before the line that follows it is 10,500.00; a line is missing or an amount is"
        + " mistyped"),
        problems("pages.csv", file.replace("Balance B/F,,,\"10,500.00\"", "Balance B/F,,,\"10,400.00\"")));
  }

  // ---- amounts

  /** HDFC's download may write a withdrawal as a negative credit: read as one, and said. */
  @Test
  void aNegativeDepositIsAWithdrawalWithANote() {
    PassbookImportReport report = importer.importSource(GROUP, "hdfc-negative.txt", resource("hdfc-negative.txt"),
        PassbookImporter.Options.defaults());
    assertEquals(List.of("hdfc-negative.txt:3:5: a negative deposit, -17.70, read as a withdrawal of 17.70"),
        report.notes());
    assertEquals(1, report.noteCount());
    assertEquals(inr("17.70"), net(journal, Chart.BANK_CHARGES));
    assertEquals(inr("95094.30"), net(journal, Chart.BANK));
  }

  @Test
  void aNegativeWithdrawalIsADepositAndAMinusBesideDrOrCrIsRefused() {
    String file = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "01/04/2025,SB INTEREST,-112.00,,\"10,112.00\"\n";
    PassbookImportReport report = importer.importSource(GROUP, "g.csv", text(file), PassbookImporter.Options.defaults());
    assertEquals(List.of("g.csv:2:3: a negative withdrawal, -112.00, read as a deposit of 112.00"), report.notes());
    assertEquals(inr("10112"), net(journal, Chart.BANK));
    String kotak = "Transaction Date,Description,Amount,Dr / Cr,Balance\n"
        + "02-04-2025 10:15:32,SMS CHARGES,-17.70,DR,\"10,094.30\"\n";
    assertEquals(List.of("k.csv:2:3: an amount with Dr or Cr must not also have a minus sign"),
        problems("k.csv", kotak));
  }

  /** The IDBI layout needs its CR/DR column: without one it is no IDBI header. */
  @Test
  void aMarkerColumnAnywhereInTheRowGivesTheDirection() {
    String file = "Txn Date,CR/DR,Description,CCY,Amount (INR),Balance (INR)\n"
        + "01/04/2025 10:15:32 AM,Cr.,CASH DEPOSIT,INR,500.00,\"10,500.00\"\n"
        + "02/04/2025 09:00:00 AM,Dr.,SMS CHARGES,INR,17.70,\"10,482.30\"\n";
    PassbookImportReport report = importer.importSource(GROUP, "i.csv", text(file), PassbookImporter.Options.defaults());
    assertEquals("idbi", report.profile());
    assertEquals(inr("10482.30"), net(journal, Chart.BANK));
  }

  // ---- choosing the profile

  /** --profile wins over detection: the SBI sample read by the broad generic profile. */
  @Test
  void anExplicitProfileWins() {
    Journal other = Books.prepare(new InMemoryJournal());
    Books.openBank(other, LocalDate.of(2025, 3, 31), inr("10000"));
    PassbookImportReport chosen = new PassbookImporter(Books.engine(other, UnitOfWork.immediate()))
        .importSource(GROUP, "sbi", resource("sbi.xls.txt"),
            PassbookImporter.Options.defaults().withProfile(PassbookProfile.GENERIC));
    assertEquals("generic", chosen.profile());
    PassbookImportReport detected = importer.importSource(GROUP, "sbi", resource("sbi.xls.txt"),
        PassbookImporter.Options.defaults());
    assertEquals("sbi", detected.profile());
    assertEquals(journal.entries(GROUP), other.entries(GROUP));
  }

  // ---- spreadsheets

  /**
   * SBI's statement as an .xlsx: a preamble, the header, dates as date cells, amounts as numbers
   * (one as a spreadsheet's sum leaves it, 14982.300000000001): the same entries as its CSV.
   */
  @Test
  void anXlsxStatementIsReadDirectly(@TempDir Path dir) throws IOException {
    Path xlsx = dir.resolve("statement.xlsx");
    write(new XSSFWorkbook(), xlsx);
    assertSameAsTheSbiSample(importer.importFile(GROUP, xlsx, PassbookImporter.Options.defaults()));
  }

  @Test
  void anXlsStatementIsReadDirectly(@TempDir Path dir) throws IOException {
    Path xls = dir.resolve("statement.xls");
    write(new HSSFWorkbook(), xls);
    assertSameAsTheSbiSample(importer.importFile(GROUP, xls, PassbookImporter.Options.defaults()));
  }

  /** SBI's "Excel" download is tab-separated text named .xls: the content decides, not the name. */
  @Test
  void tabSeparatedTextUnderAnXlsNameIsText(@TempDir Path dir) throws IOException {
    Path xls = dir.resolve("statement.xls");
    try (InputStream in = resource("sbi.xls.txt").get()) {
      Files.copy(in, xls);
    }
    assertSameAsTheSbiSample(importer.importFile(GROUP, xls, PassbookImporter.Options.defaults()));
  }

  @Test
  void aWebPageUnderASpreadsheetsNameIsRefusedWithWhatToDo() {
    String page = "<html><body><table><tr><td>Date</td></tr></table></body></html>";
    assertEquals(List.of("statement.xls:1:0: this file is a web page (HTML), not a spreadsheet or CSV, although"
        + " it is named statement.xls: open it in a spreadsheet program and save it as .xlsx or as CSV"),
        problems("statement.xls", page));
  }

  @Test
  void aDamagedSpreadsheetIsRefusedWithWhatToDo() {
    byte[] zip = {'P', 'K', 3, 4, 1, 2, 3};
    ImportException e = assertThrows(ImportException.class, () -> importer.importSource(GROUP, "s.xlsx",
        () -> new java.io.ByteArrayInputStream(zip), PassbookImporter.Options.defaults()));
    String problem = e.problems().get(0).toString();
    assertTrue(problem.startsWith("s.xlsx:0:0: cannot read the spreadsheet ("), problem);
    assertTrue(problem.endsWith("save it again, as .xlsx or as CSV"), problem);
  }

  private void assertSameAsTheSbiSample(PassbookImportReport report) {
    assertEquals("sbi", report.profile());
    assertEquals(5, report.recorded());
    assertEquals(inr("95094.30"), report.closingBalance());
    Journal csv = Books.prepare(new InMemoryJournal());
    Books.openBank(csv, LocalDate.of(2025, 3, 31), inr("10000"));
    new PassbookImporter(Books.engine(csv, UnitOfWork.immediate()))
        .importSource(GROUP, "sbi", resource("sbi.xls.txt"), PassbookImporter.Options.defaults());
    assertEquals(ids(csv), ids(journal));
    assertEquals(net(csv, Chart.SUSPENSE), net(journal, Chart.SUSPENSE));
  }

  private static List<String> ids(Journal of) {
    return of.entries(GROUP).stream().map(JournalEntry::id).map(Object::toString).sorted().toList();
  }

  /** The SBI sample's rows in a workbook of the given kind. */
  private static void write(Workbook workbook, Path file) throws IOException {
    try (workbook; OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Statement");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
      String[][] preamble = {{"Account Name", ":", "ASHA MAHILA SAMOOH"}, {"Account Number", ":", "_00000012345678"},
          {}, {"Txn Date", "Value Date", "Description", "Ref No./Cheque No.", "Debit", "Credit", "Balance"}};
      int r = 0;
      for (String[] cells : preamble) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < cells.length; c++) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
      Object[][] lines = {
        {LocalDate.of(2025, 4, 1), "BY CASH DEPOSIT", "", null, 5000.0, 15000.0},
        {LocalDate.of(2025, 4, 15), "SMS CHGS FOR QTR", "", 17.7, null, 14982.300000000001},
        {LocalDate.of(2025, 6, 30), "CREDIT INTEREST", "", null, 112.0, 15094.3},
        {LocalDate.of(2025, 7, 2), "TO TRANSFER-SHG LOAN DISB\nSHG LINKAGE", "TFR 123", null, 100000.0, 115094.3},
        {LocalDate.of(2025, 7, 10), "TO TRANSFER-NEFT ASHA TRADERS", "0000456", 20000.0, null, 95094.3},
      };
      for (Object[] line : lines) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < 2; c++) {
          row.createCell(c).setCellValue((LocalDate) line[0]);
          row.getCell(c).setCellStyle(date);
        }
        row.createCell(2).setCellValue((String) line[1]);
        row.createCell(3).setCellValue((String) line[2]);
        for (int c = 3; c < 6; c++) {
          if (line[c] != null) {
            row.createCell(c + 1).setCellValue((Double) line[c]);
          }
        }
      }
      sheet.createRow(r + 1).createCell(0).setCellValue("**This is a computer generated statement");
      workbook.write(out);
    }
  }

  private String sample(String name) throws IOException {
    try (InputStream in = resource(name).get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The problems of importing the content, which must fail and record nothing. */
  private List<String> problems(String name, String content) {
    int entries = journal.entries(GROUP).size();
    ImportException e = assertThrows(ImportException.class,
        () -> importer.importSource(GROUP, name, text(content), PassbookImporter.Options.defaults()));
    assertEquals(entries, journal.entries(GROUP).size());
    return e.problems().stream().map(ImportProblem::toString).toList();
  }
}
