package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.InMemoryJournal;

/** The built-in bank profiles: what a reader is told about them when no header matches. */
class PassbookProfileTest {

  /** A file that is no bank's layout names every profile's columns, in detection order. */
  @Test
  void aFileWithNoKnownHeaderListsEveryProfilesColumns() {
    assertEquals(
        List.of("x.csv:0:0: no header row found in the first 200 lines; expected the columns of"
            + " generic (Date,Narration,Withdrawal,Deposit,Balance);"
            + " sbi (Txn Date,Description,Debit,Credit,Balance);"
            + " hdfc (Date,Narration,Debit Amount,Credit Amount,Closing Balance);"
            + " icici (Transaction Date,Transaction Remarks,Withdrawal Amount (INR ),...);"
            + " kotak (Transaction Date,Description,Amount,Dr / Cr,Balance)."
            + " Choose the bank's profile with --profile"),
        problemsReading("When,What,How much\n01/04/2025,tea,10\n",
            PassbookImporter.Options.defaults()));
  }

  /** With --profile, only that profile's columns are named. */
  @Test
  void aChosenProfileNamesOnlyItsOwnColumns() {
    assertEquals(
        List.of("x.csv:0:0: no header row found in the first 200 lines; expected the columns of"
            + " kotak (Transaction Date,Description,Amount,Dr / Cr,Balance)."
            + " Choose the bank's profile with --profile"),
        problemsReading("Date,Narration,Withdrawal,Deposit,Balance\n",
            PassbookImporter.Options.defaults().withProfile(PassbookProfile.KOTAK)));
  }

  /** The problems of importing the content as x.csv into a new book, which must fail. */
  private static List<String> problemsReading(String content, PassbookImporter.Options options) {
    PassbookImporter importer =
        new PassbookImporter(Books.prepare(new InMemoryJournal()), UnitOfWork.immediate());
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(
                Books.GROUP, "x.csv", PassbookImporterTest.text(content), options));
    return e.problems().stream().map(ImportProblem::toString).toList();
  }
}
