package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.inr;
import static org.shgledger.importing.passbook.Books.net;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.BankLoan;
import org.shgledger.group.Chart;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.loan.RepaymentMethod;

/**
 * A bank-loan EMI the bank debits as one amount (issue 14): split into interest and principal
 * when the book holds the loan's terms, wholly to the loan with a warning when it does not.
 */
class EmiSplitTest {

  static final LocalDate RECEIVED = LocalDate.of(2025, 4, 1);

  /** Two EMIs of 8,885, 30 days after the receipt and 30 days after that. */
  static final String STATEMENT = """
      Date,Narration,Withdrawal,Deposit,Balance
      01/05/2025,EMI RECOVERY SHG TERM LOAN,"8,885.00",,"1,01,115.00"
      31/05/2025,EMI RECOVERY SHG TERM LOAN,"8,885.00",,"92,230.00"
      """;

  private Journal journal;
  private SavingsGroups groups;
  private PassbookImporter importer;

  @BeforeEach
  void setUp() {
    journal = Books.prepare(new InMemoryJournal());
    Books.openBank(journal, LocalDate.of(2025, 3, 31), inr("10000"));
    groups = Books.engine(journal);
    importer = new PassbookImporter(groups);
  }

  static Supplier<InputStream> text(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(bytes);
  }

  private void receiveWithTerms() {
    groups.receiveBankLoan(GROUP, new BankLoan(EntryId.of("BL1"), RECEIVED, inr("100000"), new BigDecimal("12"), 12,
        RepaymentMethod.EMI));
  }

  private List<JournalEntry> lines() {
    return journal.entries(GROUP).stream().filter(e -> e.id().value().startsWith(PassbookImporter.ID_PREFIX)).toList();
  }

  @Test
  void anEmiIsSplitByTheLoansTermsOnTheDaysSinceThePreviousRepayment() {
    receiveWithTerms();

    PassbookImportReport report = importer.importSource(GROUP, "emi.csv", text(STATEMENT),
        PassbookImporter.Options.defaults());

    List<JournalEntry> lines = lines();
    // 1,00,000 × 12 % × 30 / 365 = 986.30; then 92,101.30 × 12 % × 30 / 365 = 908.40 (908.3964...)
    assertEquals(List.of(Posting.debit(Chart.BANK_LOAN, inr("7898.70")), Posting.debit(Chart.INTEREST_PAID, inr("986.30")),
        Posting.credit(Chart.BANK, inr("8885"))), lines.get(0).postings());
    assertEquals(List.of(Posting.debit(Chart.BANK_LOAN, inr("7976.60")), Posting.debit(Chart.INTEREST_PAID, inr("908.40")),
        Posting.credit(Chart.BANK, inr("8885"))), lines.get(1).postings());
    assertEquals(EntryKind.BANK_LINE, lines.get(0).kind());
    assertEquals(inr("-84124.70"), net(journal, Chart.BANK_LOAN));
    assertEquals(inr("1894.70"), net(journal, Chart.INTEREST_PAID));
    assertEquals(List.of(), report.warnings());
    assertEquals(0, report.warningCount());
  }

  @Test
  void aStatementRecordedBatchByBatchIsSplitAsTheCheckSplitIt() {
    receiveWithTerms();

    importer.importSource(GROUP, "emi.csv", text(STATEMENT),
        PassbookImporter.Options.defaults().withHeldEntries(1).withBatchEntries(1));

    assertEquals(inr("986.30"), lines().get(0).postings().get(1).amount());
    assertEquals(inr("908.40"), lines().get(1).postings().get(1).amount());
  }

  @Test
  void withoutTheLoansTermsAnEmiGoesWhollyToTheLoanWithAWarning() {
    groups.record(GROUP, EntryId.of("BL1"), RECEIVED, new GroupOperation.ReceiveBankLoan(inr("100000")));

    PassbookImportReport report = importer.importSource(GROUP, "emi.csv", text(STATEMENT),
        PassbookImporter.Options.defaults());

    assertEquals(List.of(Posting.debit(Chart.BANK_LOAN, inr("8885")), Posting.credit(Chart.BANK, inr("8885"))),
        lines().get(0).postings());
    assertEquals(inr("-82230"), net(journal, Chart.BANK_LOAN));
    assertEquals(2, report.warningCount());
    assertTrue(report.warnings().get(0).startsWith("emi.csv:2: the bank-loan EMI of 2025-05-01"), report.warnings().get(0));
    assertTrue(report.warnings().get(1).startsWith("emi.csv:3: "), report.warnings().get(1));
  }

  @Test
  void aLineThatSaysPrincipalIsPrincipalOnly() {
    receiveWithTerms();

    PassbookImportReport report = importer.importSource(GROUP, "emi.csv", text("""
        Date,Narration,Withdrawal,Deposit,Balance
        01/05/2025,LOAN PRINCIPAL RECOVERED,"8,000.00",,"1,02,000.00"
        """), PassbookImporter.Options.defaults().withRules(PassbookRules.parse("rules", "principal -> 2200")));

    assertEquals(2, lines().get(0).postings().size());
    assertEquals(0, report.warningCount());
  }

  @Test
  void aSplitLineIsNotReclassifiedToOneAccount() {
    receiveWithTerms();
    importer.importSource(GROUP, "emi.csv", text(STATEMENT), PassbookImporter.Options.defaults());

    JournalException refused = assertThrows(JournalException.class,
        () -> importer.reclassify(GROUP, lines().get(0).id(), "5000"));

    assertTrue(refused.getMessage().contains("split into interest and principal"), refused.getMessage());
    assertEquals(2, lines().size());
  }
}
