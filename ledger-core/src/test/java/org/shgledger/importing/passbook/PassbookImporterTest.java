package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.inr;
import static org.shgledger.importing.passbook.Books.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shgledger.group.Chart;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.store.LedgerStore;

class PassbookImporterTest {

  private Journal journal;
  private PassbookImporter importer;

  @BeforeEach
  void setUp() {
    journal = Books.prepare(new InMemoryJournal());
    importer = new PassbookImporter(Books.engine(journal, UnitOfWork.immediate()));
  }

  static Supplier<InputStream> resource(String name) {
    return () -> {
      InputStream in = PassbookImporterTest.class.getResourceAsStream(name);
      if (in == null) {
        throw new UncheckedIOException(new IOException("no test resource " + name));
      }
      return in;
    };
  }

  static Supplier<InputStream> text(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(bytes);
  }

  /**
   * Every sample is the same five lines in its bank's layout, after ₹10,000 in the bank, and is
   * recognised as its bank's profile without {@code --profile} (issue 14: every bank's export).
   */
  @ParameterizedTest
  @CsvSource({
    "generic.csv, generic", "sbi.xls.txt, sbi", "hdfc.txt, hdfc", "icici.csv, icici",
    "kotak.csv, kotak",
    // Kotak's spreadsheet layout: Withdrawal (Dr.)/Deposit (Cr.), dates 01 Apr 2025, an Opening
    // Balance row first (checked) and a statement summary after the table
    "kotak-debit-credit.csv, kotak-debit-credit",
    // IDBI: the CR/DR column (Cr./Dr.) away from the amount, dates with a 12-hour time
    "idbi.csv, idbi",
    // Bank of Baroda's statement: WITHDRAWAL(DR)/DEPOSIT(CR), balances with Cr
    "bob.csv, bob",
    // Bank of Baroda's mini statement: one signed amount, cells spread over empty ones (one
    // balance a cell to the right of its header), newest first
    "bob-mini.csv, bob-mini",
    // a co-operative bank: Particulars, By Opening Balance and Closing Balance rows (checked),
    // a Total row
    "particulars.csv, particulars",
    // SBI's download re-saved by a spreadsheet: dates as serial numbers (45748 is 2025-04-01)
    "sbi-serial.csv, sbi",
    // a core-banking export: ISO timestamps in UTC (2025-03-31T18:30Z is 1 April in India),
    // STMT_DATE, CR_AMT, DR_AMT, balances with CR: read by the broad profile
    "iso-utc.csv, generic",
    // HDFC's delimited download with a withdrawal written as a negative credit
    "hdfc-negative.txt, hdfc"
  })
  void importsEachBanksSampleAndReImportsNothing(String file, String profile) {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    PassbookImporter.Options options = PassbookImporter.Options.defaults();
    PassbookImportReport report = importer.importSource(GROUP, file, resource(file), options);
    assertEquals(profile, report.profile());
    assertEquals(5, report.lines());
    assertEquals(5, report.recorded());
    assertEquals(1, report.suspense());
    assertEquals(inr("10000"), report.openingBalance());
    assertEquals(inr("95094.30"), report.closingBalance());
    assertEquals(inr("95094.30"), net(journal, Chart.BANK));
    assertEquals(inr("45000"), net(journal, Chart.CASH));
    assertEquals(inr("17.70"), net(journal, Chart.BANK_CHARGES));
    assertEquals(inr("-112"), net(journal, Chart.BANK_INTEREST));
    assertEquals(inr("-100000"), net(journal, Chart.BANK_LOAN));
    assertEquals(inr("20000"), net(journal, Chart.SUSPENSE));

    int entries = journal.entries(GROUP).size();
    PassbookImportReport again =
        importer.importSource(GROUP, file, resource(file),
            options.withProfile(PassbookProfile.named(profile).orElseThrow()));
    assertEquals(0, again.recorded());
    assertEquals(5, again.alreadyRecorded());
    assertEquals(entries, journal.entries(GROUP).size());
  }

  /**
   * The same statement exported in another layout has other narrations, so other ids; the check
   * at the file's first day catches the double count before anything is written.
   */
  @Test
  void theSameStatementInAnotherLayoutIsTheSameLines() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    importer.importSource(GROUP, "sbi", resource("sbi.xls.txt"), PassbookImporter.Options.defaults());
    int entries = journal.entries(GROUP).size();
    // the generic layout has no reference column and its own narrations: the same movements
    PassbookImportReport again = importer.importSource(GROUP, "g.csv", resource("generic.csv"),
        PassbookImporter.Options.defaults());
    assertEquals(0, again.recorded());
    assertEquals(again.lines(), again.alreadyRecorded());
    assertEquals(entries, journal.entries(GROUP).size());
  }

  @Test
  void aMistypedBalanceNamesItsLineAndColumnAndWritesNothing() {
    String file =
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "01/04/2025,CASH DEPOSIT,,500.00,500.00\n"
            + "02/04/2025,CASH DEPOSIT,,100.00,650.00\n"
            + "03/04/2025,CHARGES,1.005,,649.00\n"
            + "31/04/2025,CASH,,1.00,650.00\n";
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "p.csv", text(file), PassbookImporter.Options.defaults()));
    List<String> problems = e.problems().stream().map(ImportProblem::toString).toList();
    assertTrue(problems.get(0).startsWith("p.csv:3:5: the balance 650.00 should be 600.00"),
        problems.toString());
    assertTrue(problems.get(1).startsWith("p.csv:4:3: \"1.005\" has more decimal places"),
        problems.toString());
    assertTrue(problems.get(2).startsWith("p.csv:5:1: \"31/04/2025\" is not a date"),
        problems.toString());
    assertTrue(journal.entries(GROUP).isEmpty());
  }

  /**
   * A line whose date is written in words moves money and states a balance: it is refused naming
   * its date, where it used to end the table and lose its money without a word (the adversarial
   * suite's passbook-date-words).
   */
  @Test
  void aLineDatedInWordsIsRefusedNotTakenForTheEndOfTheTable() {
    String file =
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "11/04/2024,BY CASH,,900.00,900.00\n"
            + "thirty June,CREDIT INTEREST,,8.00,908.00\n";
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "p.csv", text(file), PassbookImporter.Options.defaults()));
    assertTrue(e.getMessage().startsWith("p.csv:3:1: \"thirty June\" is not a date, but the line moves money"),
        e.getMessage());
    assertTrue(journal.entries(GROUP).isEmpty());
  }

  /**
   * A field past the header's last column means a separator inside a field moved the others: the
   * line is refused naming it, not read with its amounts one column off (the adversarial suite's
   * passbook-extra-field).
   */
  @Test
  void aLineWithAFieldPastTheHeaderIsRefusedAndNothingIsWritten() {
    String file =
        "Date,Narration,Withdrawal,Deposit,Balance\n"
            + "01/04/2025,CASH DEPOSIT,,500.00,500.00\n"
            + "15/07/2025,SMS CHGS FOR QTR,17.70,,482.30,x\n";
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "p.csv", text(file), PassbookImporter.Options.defaults()));
    assertTrue(e.getMessage().startsWith("p.csv:3:6: the line has a field past the header's 5 columns (\"x\")"),
        e.getMessage());
    assertTrue(journal.entries(GROUP).isEmpty());
  }

  @Test
  void theOpeningBalanceMustAgreeWithTheBookWhenItHoldsBankEntries() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("9000"));
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
                PassbookImporter.Options.defaults()));
    assertTrue(e.getMessage().startsWith("generic.csv:2:0: the passbook's balance at the end of"
        + " 2025-04-01 is 15,000.00 but the book's bank account would hold 14,000.00"), e.getMessage());
    assertEquals(2, journal.entries(GROUP).size());
  }

  @Test
  void intoABookWithoutBankEntriesTheOpeningIsReportedNotChecked() {
    Books.openCash(journal);
    PassbookImportReport report =
        importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
            PassbookImporter.Options.defaults());
    assertTrue(!report.bookHadBankEntries());
    assertEquals(inr("10000"), report.openingBalance());
    assertEquals(inr("85094.30"), net(journal, Chart.BANK));
  }

  @Test
  void overlappingExportsAddOnlyTheirNewLinesAndIdenticalLinesBothCount() {
    String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
    String a = "01/04/2025,CASH DEPOSIT,,100.00,100.00\n";
    String b = "01/04/2025,CASH DEPOSIT,,100.00,200.00\n";
    String c = "02/04/2025,SMS CHARGES,1.00,,199.00\n";
    Books.openCash(journal);
    importer.importSource(GROUP, "1.csv", text(header + a + b), PassbookImporter.Options.defaults());
    PassbookImportReport second =
        importer.importSource(GROUP, "2.csv", text(header + b + c), PassbookImporter.Options.defaults());
    assertEquals(1, second.recorded());
    assertEquals(1, second.alreadyRecorded());
    assertEquals(inr("199"), net(journal, Chart.BANK));
    assertEquals(4, journal.entries(GROUP).size());
  }

  @Test
  void rulesFileChoosesAccountsAndItsErrorsNameTheirPlace() {
    PassbookRules rules =
        PassbookRules.parse("r.rules", "# mine\nASHA TRADERS -> 5200\nsaving.*M01 -> 2000:M01\n");
    assertEquals(AccountCode.of("5200"), rules.accountFor("neft to asha traders"));
    assertEquals(AccountCode.of("2000:M01"), rules.accountFor("SAVINGS OF M01"));
    assertEquals(Chart.SUSPENSE, rules.accountFor("something else"));

    assertTrue(PassbookRules.parse("r.rules", "UPI.*SAVING -> Register\n").rules().get(0).leftToRegister());
    ImportException bank =
        assertThrows(ImportException.class, () -> PassbookRules.parse("r.rules", "x -> 1100\n"));
    assertTrue(bank.getMessage().startsWith("r.rules:1:6: the bank account 1100 cannot be the other side of a"
        + " bank line: write register"), bank.getMessage());

    ImportException e =
        assertThrows(ImportException.class,
            () -> PassbookRules.parse("r.rules", "ok -> 4200\n(unclosed -> 4200\nx -> cash\ny 4200\n"));
    List<String> problems = e.problems().stream().map(ImportProblem::toString).toList();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("r.rules:2:"), problems.toString());
    assertTrue(problems.get(1).startsWith("r.rules:3:6: \"cash\" is not an account"), problems.toString());
    assertTrue(problems.get(2).startsWith("r.rules:4:1:"), problems.toString());

    ImportException missing =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
                PassbookImporter.Options.defaults()
                    .withRules(PassbookRules.parse("r.rules", "x -> 7777\ny -> 2000\n"))));
    List<String> where = missing.problems().stream().map(ImportProblem::toString).toList();
    assertTrue(where.get(0).startsWith("r.rules:1:6: the group's books have no account 7777"), where.toString());
    assertTrue(where.get(1).startsWith("r.rules:2:6: account 2000 is a control account"), where.toString());
  }

  @Test
  void reclassifyReversesTheSuspenseEntryAndRecordsTheRightOne() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    List<JournalEntry> planned = new ArrayList<>();
    importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
        PassbookImporter.Options.defaults().withPlanned(planned::add));
    assertTrue(planned.isEmpty(), "only a dry run lists what it plans");
    JournalEntry suspense =
        journal.entries(GROUP).stream()
            .filter(entry -> entry.postings().stream().anyMatch(p -> p.account().equals(Chart.SUSPENSE)))
            .findFirst()
            .orElseThrow();
    List<JournalEntry> recorded = importer.reclassify(GROUP, suspense.id(), "5200");
    assertEquals(2, recorded.size());
    assertEquals(inr("0"), net(journal, Chart.SUSPENSE));
    assertEquals(inr("20000"), net(journal, Chart.EXPENSES));
    assertEquals(inr("95094.30"), net(journal, Chart.BANK));
    // Re-importing after a reclassification adds nothing back to Suspense.
    importer.importSource(GROUP, "generic.csv", resource("generic.csv"), PassbookImporter.Options.defaults());
    assertEquals(inr("0"), net(journal, Chart.SUSPENSE));
    // The replacement can itself be reclassified; the original cannot be again.
    importer.reclassify(GROUP, recorded.get(1).id(), "5100");
    assertEquals(inr("20017.70"), net(journal, Chart.BANK_CHARGES));
    assertThrows(org.shgledger.journal.JournalException.class,
        () -> importer.reclassify(GROUP, suspense.id(), "5100"));
  }

  @Test
  void dryRunListsWhatItWouldRecordAndWritesNothing() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    List<JournalEntry> planned = new ArrayList<>();
    PassbookImportReport report =
        importer.importSource(GROUP, "kotak.csv", resource("kotak.csv"),
            PassbookImporter.Options.defaults().withDryRun(true).withPlanned(planned::add));
    assertEquals(5, report.recorded());
    assertEquals(5, planned.size());
    assertEquals(2, journal.entries(GROUP).size());
  }

  /** On the durable store the whole import is one transaction: a failure in batch 3 keeps nothing. */
  @Test
  void aFailureWhileWritingLeavesNothingOnTheDurableStore(@TempDir Path directory) {
    try (LedgerStore store = LedgerStore.openSqlite(directory.resolve("shg.db"))) {
      Books.prepare(store.journal());
      Books.openBank(store.journal(), LocalDate.of(2025, 3, 31), inr("10000"));
      AtomicInteger batches = new AtomicInteger();
      Journal failing =
          (Journal) Proxy.newProxyInstance(
              Journal.class.getClassLoader(), new Class<?>[] {Journal.class},
              (proxy, method, args) -> {
                if (method.getName().equals("recordAll") && batches.incrementAndGet() == 3) {
                  throw new IllegalStateException("the disk is full");
                }
                try {
                  return method.invoke(store.journal(), args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
      PassbookImporter durable = new PassbookImporter(Books.engine(failing, store.unitOfWork()));
      assertThrows(IllegalStateException.class,
          () -> durable.importSource(GROUP, "generic.csv", resource("generic.csv"),
              PassbookImporter.Options.defaults().withBatchEntries(2)));
      assertEquals(2, store.journal().entries(GROUP).size());
      assertEquals(inr("10000"), net(store.journal(), Chart.BANK));

      PassbookImportReport report =
          new PassbookImporter(Books.engine(store.journal(), store.unitOfWork()))
              .importSource(GROUP, "generic.csv", resource("generic.csv"),
                  PassbookImporter.Options.defaults().withBatchEntries(2));
      assertEquals(5, report.recorded());
      assertEquals(inr("95094.30"), net(store.journal(), Chart.BANK));
    }
  }

  /**
   * A statement of more new lines than the check pass holds is read a second time to be written;
   * it gets exactly the entries of one read once.
   */
  @Test
  void aStatementTooLargeToHoldIsReadAgainWithTheSameEntries() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    PassbookImportReport once = importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
        PassbookImporter.Options.defaults());
    Journal twice = Books.prepare(new InMemoryJournal());
    Books.openBank(twice, LocalDate.of(2025, 3, 31), inr("10000"));
    PassbookImportReport again = new PassbookImporter(Books.engine(twice, UnitOfWork.immediate()))
        .importSource(GROUP, "generic.csv", resource("generic.csv"),
            PassbookImporter.Options.defaults().withHeldEntries(2));
    assertEquals(once, again);
    assertEquals(journal.entries(GROUP), twice.entries(GROUP));
  }

  /**
   * A file too large to hold that changes between the check and the write is not imported, even
   * in part. (Over a store's own unit the lines are recorded as they are checked and the file is
   * read once; a unit that does not say it undoes failed work gets the two passes, as here.)
   */
  @Test
  void aFileChangedBetweenThePassesLeavesNothing(@TempDir Path directory) {
    try (LedgerStore store = LedgerStore.openSqlite(directory.resolve("shg.db"))) {
      Books.prepare(store.journal());
      String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
      String lines = "01/04/2025,GRANT,,100.00,100.00\n02/04/2025,GRANT,,100.00,200.00\n"
          + "03/04/2025,GRANT,,100.00,300.00\n";
      String changed = lines + "04/04/2025,GRANT,,100.00,400.00\n";
      // read as it was to tell its order and to check it, changed for the write
      AtomicInteger opened = new AtomicInteger();
      Supplier<InputStream> source =
          () -> new ByteArrayInputStream((header + (opened.getAndIncrement() < 2 ? lines : changed))
              .getBytes(StandardCharsets.UTF_8));
      ImportException e =
          assertThrows(ImportException.class,
              () -> new PassbookImporter(Books.engine(store.journal(), Books.twoPasses(store.unitOfWork())))
                  .importSource(GROUP, "p.csv", source,
                      PassbookImporter.Options.defaults().withBatchEntries(1).withHeldEntries(0)));
      assertTrue(e.getMessage().contains("the file changed"), e.getMessage());
      assertEquals(0, store.journal().entries(GROUP).size());
    }
  }

  /** Balances with a Cr/Dr suffix, tab-separated, Western grouping, a byte-order mark. */
  @Test
  void readsCrDrSuffixesTabsAndTheByteOrderMark() {
    String file =
        "\uFEFFDate\tNarration\tWithdrawal\tDeposit\tBalance\n"
            + "01/04/2025\tGRANT RF\t\t100,000.00\t100,000.00 Cr\n"
            + "02/04/2025\tSMS CHARGES\t1.18\t\t99,998.82 CR\n";
    PassbookImportReport report =
        importer.importSource(GROUP, "t.tsv", text(file), PassbookImporter.Options.defaults());
    assertEquals(2, report.recorded());
    assertEquals(inr("99998.82"), net(journal, Chart.BANK));
    assertEquals(inr("-100000"), net(journal, Chart.GRANTS));
  }

  /** The generic sample with its lines listed newest first, as some bank portals export. */
  private static String newestFirst(String resource) {
    try (InputStream in = resource(resource).get()) {
      List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
      String header = lines.remove(0);
      java.util.Collections.reverse(lines);
      return header + "\n" + String.join("\n", lines) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A statement listed newest first is imported oldest first: the same entries, with the same
   * ids, as the statement listed oldest first, so either export of it can follow the other.
   */
  @Test
  void aStatementListedNewestFirstGetsTheEntriesOfTheSameStatementOldestFirst() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    PassbookImportReport report = importer.importSource(GROUP, "newest.csv", text(newestFirst("generic.csv")),
        PassbookImporter.Options.defaults());
    assertTrue(report.newestFirst());
    assertEquals(5, report.recorded());
    assertEquals(inr("10000"), report.openingBalance());
    assertEquals(inr("95094.30"), report.closingBalance());
    assertEquals(LocalDate.of(2025, 4, 1), report.firstDate().orElseThrow());
    assertEquals(LocalDate.of(2025, 7, 10), report.lastDate().orElseThrow());
    assertEquals(inr("95094.30"), net(journal, Chart.BANK));
    List<LocalDate> dates = journal.entries(GROUP).stream().map(JournalEntry::date).toList();
    assertEquals(dates.stream().sorted().toList(), dates, "recorded in date order");
    // the line numbers are the file's own: the oldest line is the last
    assertEquals("passbook newest.csv:6", journal.entries(GROUP).get(2).sourceReference().orElseThrow());

    PassbookImportReport oldestFirst = importer.importSource(GROUP, "generic.csv", resource("generic.csv"),
        PassbookImporter.Options.defaults());
    assertTrue(!oldestFirst.newestFirst());
    assertEquals(0, oldestFirst.recorded());
    assertEquals(5, oldestFirst.alreadyRecorded());
  }

  @Test
  void aNewestFirstStatementNamesAMistypedBalanceAndALineOutOfOrder() {
    String file = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "04/04/2025,CHARGES,1.00,,649.00\n"
        + "03/04/2025,GRANT,,100.00,650.00\n"
        + "02/04/2025,GRANT,,500.00,500.00\n"
        + "05/04/2025,GRANT,,10.00,40.00\n"
        + "01/04/2025,GRANT,,40.00,40.00\n";
    ImportException e = assertThrows(ImportException.class,
        () -> importer.importSource(GROUP, "n.csv", text(file), PassbookImporter.Options.defaults()));
    List<String> problems = e.problems().stream().map(ImportProblem::toString).toList();
    assertEquals(List.of(
        "n.csv:4:5: the balance 500.00 should be 550.00 (the balance 650.00 on the line above, a later one,"
            + " less its deposit of 100.00, as the statement is listed newest first): a line between the two"
            + " is missing or an amount is mistyped",
        "n.csv:5:1: the lines are not in date order (2025-04-05 comes after 2025-04-02 in a statement listed"
            + " newest first): export the statement in date order, oldest or newest first"), problems);
    assertTrue(journal.entries(GROUP).isEmpty());
  }

  /** A statement of one day has no change of date: its balances tell its order. */
  @Test
  void aOneDayStatementNewestFirstIsToldByItsBalances() {
    String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
    String older = "01/04/2025,GRANT RF,,100.00,100.00\n";
    String newer = "01/04/2025,SB INTEREST,,50.00,150.00\n";
    PassbookImportReport report = importer.importSource(GROUP, "one-day.csv", text(header + newer + older),
        PassbookImporter.Options.defaults());
    assertTrue(report.newestFirst());
    assertEquals(inr("0"), report.openingBalance());
    assertEquals(inr("150"), report.closingBalance());
    PassbookImportReport again = importer.importSource(GROUP, "one-day-oldest-first.csv",
        text(header + older + newer), PassbookImporter.Options.defaults());
    assertTrue(!again.newestFirst());
    assertEquals(2, again.alreadyRecorded());
  }

  /**
   * A deposit and its reversal on one day fit both orders; in a book with bank entries, the order
   * whose opening balance is the book's decides. Found by the property that newest first equals
   * oldest first.
   */
  @Test
  void aOneDayStatementThatFitsBothOrdersOpensWhereTheBookDoes() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
    String deposit = "01/04/2025,SB INTEREST,,0.01,10000.01\n";
    String reversal = "01/04/2025,SB INTEREST,0.01,,10000.00\n";
    PassbookImportReport report = importer.importSource(GROUP, "both-ways.csv", text(header + reversal + deposit),
        PassbookImporter.Options.defaults());
    assertTrue(report.newestFirst());
    assertEquals(inr("10000"), report.openingBalance());
    assertEquals(inr("10000"), report.closingBalance());
    assertEquals(2, report.recorded());
  }

  /**
   * In a book without bank entries nothing says where the account stood: a statement that fits
   * both orders is read as listed, oldest first, not turned round because that would open at zero.
   */
  @Test
  void aOneDayStatementThatFitsBothOrdersIsReadAsListedInABookWithoutBankEntries() {
    String csv = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "01/04/2025,NEFT Q17 TO VENDOR,500.00,,0.00\n"
        + "01/04/2025,NEFT RETURN Q17,,500.00,500.00\n";
    PassbookImportReport report = importer.importSource(GROUP, "p.csv", text(csv),
        PassbookImporter.Options.defaults().withDryRun(true));
    assertTrue(!report.newestFirst());
    assertEquals(inr("500"), report.openingBalance());
    assertEquals(inr("500"), report.closingBalance());
  }

  /**
   * A file of one day, into a book with bank entries, must meet the book: start where the book's
   * day before ended, or end where the book's day ends with its new lines.
   */
  @Test
  void aOneDayStatementMustMeetTheBook() {
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
    String gap = header + "01/04/2025,GRANT RF,,100.00,9100.00\n";
    ImportException e = assertThrows(ImportException.class,
        () -> importer.importSource(GROUP, "gap.csv", text(gap), PassbookImporter.Options.defaults()));
    assertEquals("gap.csv:2:0: the passbook covers only 2025-04-01, and meets the book at neither end: it opens"
        + " at 9,000.00 but the book's bank account held 10,000.00 at the end of 2025-03-31, and it closes at"
        + " 9,100.00 but the book's bank account would hold 10,100.00: import the statements before this one"
        + " first, and check that no bank line was also recorded by hand", e.getMessage());
    assertEquals(2, journal.entries(GROUP).size());

    // the whole statement first, then an export of the first day taken during that day
    String l1 = "01/04/2025,GRANT RF,,100.00,10100.00\n";
    String l2 = "01/04/2025,SB INTEREST,,200.00,10300.00\n";
    String l3 = "02/04/2025,SMS CHARGES,50.00,,10250.00\n";
    assertEquals(3, importer.importSource(GROUP, "whole.csv", text(header + l1 + l2 + l3),
        PassbookImporter.Options.defaults()).recorded());
    PassbookImportReport morning = importer.importSource(GROUP, "morning.csv", text(header + l1),
        PassbookImporter.Options.defaults());
    assertEquals(0, morning.recorded());
    assertEquals(1, morning.alreadyRecorded());
    // a day's later lines, into the day whose earlier lines the book holds
    String l4 = "03/04/2025,GRANT RF,,1.00,10251.00\n";
    String l5 = "03/04/2025,GRANT RF,,2.00,10253.00\n";
    importer.importSource(GROUP, "l4.csv", text(header + l4), PassbookImporter.Options.defaults());
    assertEquals(1, importer.importSource(GROUP, "l4-l5.csv", text(header + l4 + l5),
        PassbookImporter.Options.defaults()).recorded());
    assertEquals(inr("10253"), net(journal, Chart.BANK));
  }

  /**
   * A user's pattern that backtracks without end is stopped after its budget of steps and named
   * at its rule; an ordinary pattern, even a quadratic one on the longest narration, is not.
   */
  @Test
  void aCatastrophicPatternIsStoppedAndNamedAtItsRule() {
    PassbookRules rules = PassbookRules.parse("r.rules", "# mine\nASHA -> 5200\n(.*a){12}b -> 5200\n");
    // Java's own engine needs seconds on 22 characters, and doubles with each one more
    String narration = "a".repeat(40) + "!";
    PassbookRules.PatternTooSlowException slow = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(PassbookRules.PatternTooSlowException.class, () -> rules.accountFor(narration)));
    assertEquals("r.rules:3:15", slow.rule().source());

    String file = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "01/04/2025,GRANT,,10.00,10.00\n"
        + "02/04/2025," + narration + ",,5.00,15.00\n";
    ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(ImportException.class,
        () -> importer.importSource(GROUP, "p.csv", text(file), PassbookImporter.Options.defaults().withRules(rules))));
    assertTrue(e.getMessage().startsWith("r.rules:3:1: the pattern gave up on the narration of p.csv line 3 after"
        + " 10000000 steps: it can match the same text in very many ways"), e.getMessage());
    assertTrue(journal.entries(GROUP).isEmpty());

    PassbookRules ordinary = PassbookRules.parse("ok.rules", "saving.*M01 -> 2000:M01\n.*x.*y -> 5200\n");
    assertEquals(Chart.SUSPENSE, ordinary.accountFor("z".repeat(PassbookRules.MAX_NARRATION_CHARS)));
    assertEquals(AccountCode.of("5200"), ordinary.accountFor("z".repeat(900) + "xy"));
    assertEquals(Chart.SUSPENSE, ordinary.accountFor("z".repeat(2000) + "xy"),
        "the patterns see the first 1,000 characters of a narration");
  }

  /** A line in a period already locked is refused before anything is written. */
  @Test
  void aLineInALockedPeriodIsAProblem() {
    journal.lock(GROUP, LocalDate.of(2025, 4, 1));
    String file = "Date,Narration,Withdrawal,Deposit,Balance\n01/04/2025,GRANT,,10.00,10.00\n"
        + "02/04/2025,GRANT,,10.00,20.00\n";
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(GROUP, "l.csv", text(file), PassbookImporter.Options.defaults()));
    assertTrue(e.getMessage().startsWith("l.csv:2:1: the books are locked up to 2025-04-01"), e.getMessage());
    assertEquals(0, journal.entries(GROUP).size());
  }
}
