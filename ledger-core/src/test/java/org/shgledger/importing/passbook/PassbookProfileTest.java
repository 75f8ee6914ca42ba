package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.InMemoryJournal;

/**
 * The built-in bank profiles: one declaration each in {@link PassbookProfile}, found by name,
 * listed in docs/import.md, and named in the message about a file with no header.
 */
class PassbookProfileTest {

  /** A profile declared as a constant but left out of the registry would never be detected. */
  @Test
  void everyDeclaredProfileIsInTheRegistry() throws IllegalAccessException {
    List<PassbookProfile> declared = new ArrayList<>();
    for (Field field : PassbookProfile.class.getFields()) {
      if (field.getType() == PassbookProfile.class && Modifier.isStatic(field.getModifiers())) {
        declared.add((PassbookProfile) field.get(null));
      }
    }
    assertEquals(declared, PassbookProfile.BUILT_IN);
  }

  /** Each profile is found by its own name, in any case, and by no other profile's. */
  @Test
  void eachProfileIsFoundByItsNameInAnyCase() {
    for (PassbookProfile profile : PassbookProfile.BUILT_IN) {
      assertEquals(profile, PassbookProfile.named(profile.name()).orElseThrow());
      assertEquals(profile,
          PassbookProfile.named(" " + profile.name().toUpperCase(Locale.ROOT) + " ").orElseThrow());
    }
    assertTrue(PassbookProfile.named("axis").isEmpty());
  }

  /** docs/import.md has a row {@code | `name` | bank |} for every registered profile. */
  @Test
  void theDocsListEveryRegisteredProfileWithItsBank() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "import.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (PassbookProfile profile : PassbookProfile.BUILT_IN) {
      String row = "\n| `" + profile.name() + "` | " + profile.bank() + " |";
      if (!doc.contains(row)) {
        missing.add(row.strip());
      }
    }
    assertEquals(List.of(), missing, "rows missing from the table of profiles in docs/import.md");
  }

  /** A file that is no bank's layout names every profile's columns, in detection order. */
  @Test
  void aFileWithNoKnownHeaderListsEveryProfilesColumns() {
    assertEquals(
        List.of("x.csv:0:0: no header row found in the first 200 lines; expected the columns of"
            + " generic (Date,Narration,Withdrawal,Deposit,Balance);"
            + " sbi (Txn Date,Description,Debit,Credit,Balance);"
            + " hdfc (Date,Narration,Debit Amount,Credit Amount,Closing Balance);"
            + " icici (Transaction Date,Transaction Remarks,Withdrawal Amount (INR ),...);"
            + " kotak (Transaction Date,Description,Amount,Dr / Cr,Balance);"
            + " kotak-debit-credit (Date,Description,Chq/Ref. No.,Withdrawal (Dr.),Deposit (Cr.),Balance);"
            + " idbi (Txn Date,Description,CR/DR,Amount (INR),Balance (INR));"
            + " bob (TRAN DATE,NARRATION,WITHDRAWAL(DR),DEPOSIT(CR),BALANCE(INR));"
            + " bob-mini (Tran Date,Particulars,Tran Amount,Balance);"
            + " particulars (Date,Particulars,Debit,Credit,Balance)."
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
        new PassbookImporter(Books.engine(Books.prepare(new InMemoryJournal())));
    ImportException e =
        assertThrows(ImportException.class,
            () -> importer.importSource(
                Books.GROUP, "x.csv", PassbookImporterTest.text(content), options));
    return e.problems().stream().map(ImportProblem::toString).toList();
  }
}
