package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13 item 5, as the adversarial test found it: a loan's rate changed in the registry table
 * made {@code loans}, {@code statement} and {@code loan repay} exit 70 while {@code verify} said
 * OK. Now verify names the row, and the everyday commands either work or fail with exit 3 or 5
 * naming it.
 */
class RegistryTamperCommandTest {

  private static final String LOAN = "book_id = 'SHG01' AND loan_id = '20240910-M10'";

  @TempDir static Path dir;
  static Path seedDb;

  @BeforeAll
  static void books() {
    seedDb = dir.resolve("seed.db");
    SeedBooks.build(SeedBooks.groups().get(0), seedDb);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      UPDATE member_loan SET rate_percent = '3' WHERE  | member_loan (loan_id=20240910-M10, version=1)
      UPDATE member_loan SET rate_percent = 'abc' WHERE | member_loan (loan_id=20240910-M10, version=1)
      UPDATE member_loan SET rate_percent = '900' WHERE | member_loan (loan_id=20240910-M10, version=1)
      UPDATE member_loan SET principal_minor = 30000 WHERE | member_loan (loan_id=20240910-M10, version=1)
      UPDATE loan_event SET amount_minor = amount_minor + 500000 WHERE | loan_event (loan_id=20240910-M10, event_seq=1)
      """)
  void verifyNamesTheRowAndNoCommandCrashes(String edit, String named) throws Exception {
    Path db = dir.resolve("tampered-" + Integer.toHexString(edit.hashCode()) + ".db");
    Files.copy(seedDb, db);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      assertEquals(true, statement.executeUpdate(edit + " " + LOAN + (edit.contains("loan_event") ? " AND event_seq = 1" : ""))
          > 0, edit);
    }

    Run verify = Run.shg("verify", "SHG01", "--db", db.toString());
    assertEquals(ExitCodes.CHECK_FAILED, verify.exitCode(), verify.out() + verify.err());
    assertTrue(verify.out().contains("registry: the row " + named + " is not what registry event"), verify.out());

    for (List<String> command : List.of(List.of("loans", "SHG01"), List.of("statement", "SHG01"),
        List.of("trial-balance", "SHG01"), List.of("loan", "show", "SHG01", "20240910-M10", "--as-of", "2025-03-31"),
        List.of("loan", "repay", "SHG01", "20240910-M10", "--amount", "10", "--date", "2025-04-05"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--db", db.toString()));
      Run run = Run.shg(args.toArray(String[]::new));
      assertTrue(List.of(ExitCodes.OK, ExitCodes.REJECTED, ExitCodes.IO_ERROR).contains(run.exitCode()),
          command + " after " + edit + ": exit " + run.exitCode() + ": " + run.err());
      if (run.exitCode() != ExitCodes.OK) {
        assertTrue(run.err().contains("shg verify SHG01"), run.err());
      }
    }
  }
}
