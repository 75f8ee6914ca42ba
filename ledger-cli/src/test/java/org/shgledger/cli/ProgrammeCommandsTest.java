package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shgledger.group.LoanId;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.LoanPurpose;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.store.LedgerStore;

/** {@code shg child}, {@code shg training} and {@code shg loan purpose}: the programme's registers by hand. */
class ProgrammeCommandsTest {

  @TempDir Path directory;

  @Test
  void aChildIsRegisteredUnderTheNextFreeKeyAndFollowedThroughSchool() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02");

    assertEquals("registered in SHG01: child M01-C1 of M01, born 2016, bridge-course from 2025-04-01\n",
        books.ok("child", "add", "SHG01", "M01", "--born", "2016", "--status", "bridge-course", "--date", "2025-04-01")
            .out());
    assertEquals("child M01-C1 of M01, born 2016, bridge-course from 2025-04-01: registered already; nothing new"
            + " recorded\n",
        books.ok("child", "add", "SHG01", "M01", "--born", "2016", "--status", "bridge-course", "--date", "2025-04-01")
            .out());
    assertEquals("registered in SHG01: child M01-C2 of M01, born 2012, dropped-out from 2025-04-01\n",
        books.ok("child", "add", "SHG01", "M01", "--born", "2012", "--status", "dropped-out", "--date", "2025-04-01")
            .out());
    assertEquals("child M01-C1: enrolled from 2025-07-01\n",
        books.ok("child", "status", "SHG01", "M01-C1", "--status", "enrolled", "--date", "2025-07-01").out());
    assertEquals("child M01-C1: enrolled from 2025-07-01 already; nothing new recorded\n",
        books.ok("child", "status", "SHG01", "M01-C1", "--status", "enrolled", "--date", "2025-07-01").out());

    assertEquals("""
        Children of members of Roshni Mahila Samooh [SHG01], school status as of 2025-06-30
        child   member  born  status         since
        ------  ------  ----  -------------  ----------
        M01-C1  M01     2016  bridge-course  2025-04-01
        M01-C2  M01     2012  dropped-out    2025-04-01
        """, books.ok("child", "list", "SHG01", "--as-of", "2025-06-30").out());
    assertEquals(SchoolStatus.ENROLLED, status(books, "M01-C1"));
  }

  @Test
  void aChildIsRefusedWithTheReason() {
    TestBooks books = TestBooks.withMembers(directory, "M01");

    books.fails(ExitCodes.NOT_FOUND, "MEMBER_NOT_FOUND",
        "child", "add", "SHG01", "M09", "--born", "2016", "--status", "enrolled", "--date", "2025-04-01");
    books.fails(ExitCodes.REJECTED, "rejected (NOT_A_MEMBER_ON_DATE): group SHG01: M01 was not a member on 2024-03-31",
        "child", "add", "SHG01", "M01", "--born", "2016", "--status", "enrolled", "--date", "2024-03-31");
    books.fails(ExitCodes.REJECTED, "born in 2000 would be 25 in 2025",
        "child", "add", "SHG01", "M01", "--born", "2000", "--status", "enrolled", "--date", "2025-04-01");
    books.fails(ExitCodes.USAGE, "'in-school' is not one of not-enrolled, enrolled, bridge-course, dropped-out",
        "child", "add", "SHG01", "M01", "--born", "2016", "--status", "in-school", "--date", "2025-04-01");
    books.fails(ExitCodes.NOT_FOUND, "rejected (CHILD_NOT_FOUND): group SHG01: there is no child M01-C4",
        "child", "status", "SHG01", "M01-C4", "--status", "enrolled", "--date", "2025-04-01");
    books.fails(ExitCodes.USAGE, "child key must be 1 to 24 letters",
        "child", "status", "SHG01", "Asha Devi", "--status", "enrolled", "--date", "2025-04-01");
    assertEquals(List.of(), children(books), "nothing was recorded");
  }

  @Test
  void aTrainingIsRecordedOnceUnderItsTopicAndDay() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02", "M03");

    assertEquals("training orientation-2025-04-10: orientation on 2025-04-10, 2 attending (M01, M03)\n",
        books.ok("training", "record", "SHG01", "--topic", "orientation", "--date", "2025-04-10",
            "--attendees", "M03,M01").out());
    assertTrue(books.ok("training", "record", "SHG01", "--topic", "orientation", "--date", "2025-04-10",
        "--attendees", "M01,M03").out().endsWith(": recorded already; nothing new recorded\n"));
    assertEquals("training orientation-2025-04-10-2: orientation on 2025-04-10, 1 attending (M02)\n",
        books.ok("training", "record", "SHG01", "--topic", "orientation", "--date", "2025-04-10",
            "--attendees", "M02").out());
    books.fails(ExitCodes.REJECTED, "names M02, not a member on that day",
        "training", "record", "SHG01", "--topic", "human-rights", "--date", "2024-01-10", "--attendees", "M02");
    books.fails(ExitCodes.USAGE, "a training topic is 1 to 40 lower-case letters",
        "training", "record", "SHG01", "--topic", "Legal Aid", "--date", "2025-04-10", "--attendees", "M02");

    assertEquals("""
        Training sessions of Roshni Mahila Samooh [SHG01]
        training                  topic        date        attending  members
        ------------------------  -----------  ----------  ---------  --------
        orientation-2025-04-10    orientation  2025-04-10          2  M01, M03
        orientation-2025-04-10-2  orientation  2025-04-10          1  M02
        """, books.ok("training", "list", "SHG01").out());
  }

  @Test
  void aLoansPurposeIsRecordedAndCorrected() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02");
    books.ok("grant", "SHG01", "--amount", "5000", "--date", "2024-04-01", "--channel", "cash");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-06-01");

    assertEquals("loan 20240601-M02: consumption\n",
        books.ok("loan", "purpose", "SHG01", "20240601-M02", "consumption").out());
    assertEquals("loan 20240601-M02: livelihood (was consumption)\n",
        books.ok("loan", "purpose", "SHG01", "20240601-M02", "livelihood").out());
    assertEquals("loan 20240601-M02: livelihood already; nothing new recorded\n",
        books.ok("loan", "purpose", "SHG01", "20240601-M02", "livelihood").out());
    books.fails(ExitCodes.NOT_FOUND, "LOAN_NOT_FOUND", "loan", "purpose", "SHG01", "20240601-M01", "health");
    books.fails(ExitCodes.USAGE, "'wedding' is not one of livelihood, education, health, consumption, other",
        "loan", "purpose", "SHG01", "20240601-M02", "wedding");
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      assertEquals(Map.of(LoanId.of("20240601-M02"), LoanPurpose.LIVELIHOOD), store.programme().loanPurposes(TestBooks.SHG));
    }
  }

  /** Every command of the registers answers --help with a description and an example. */
  @ParameterizedTest
  @ValueSource(strings = {"child", "child add", "child status", "child list", "training", "training record",
      "training list", "loan purpose", "indicators"})
  void helpHasAnExample(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    Run help = Run.shg(args.toArray(String[]::new));

    assertEquals(ExitCodes.OK, help.exitCode(), help.err());
    assertTrue(help.out().contains("Example: shg " + command.split(" ")[0]), help.out());
    for (String line : help.out().split("\n")) {
      assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
    }
  }

  private static SchoolStatus status(TestBooks books, String key) {
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      return store.programme().child(TestBooks.SHG, ChildKey.of(key)).orElseThrow()
          .statusOn(LocalDate.of(2025, 7, 1)).orElseThrow().status();
    }
  }

  private static List<?> children(TestBooks books) {
    try (LedgerStore store = LedgerStore.openSqlite(books.db())) {
      return store.programme().children(TestBooks.SHG);
    }
  }
}
