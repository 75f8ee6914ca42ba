package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.store.LedgerStore;

/** {@code shg group list} and {@code shg group show}. */
class GroupListShowCommandTest {

  @TempDir Path directory;

  @Test
  void listGivesOneLinePerGroup() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02");

    Run list = books.ok("group", "list");

    assertEquals("""
        group  name                  currency  formed      members today
        -----  --------------------  --------  ----------  -------------
        SHG01  Roshni Mahila Samooh  INR       2024-04-01              2
        """, list.out());
  }

  @Test
  void listOfAnEmptyDatabaseSaysSoAndAMissingOneIsAnError() {
    Path empty = directory.resolve("empty.db");
    Run missing = Run.shg("group", "list", "--db", empty.toString());
    assertEquals(ExitCodes.IO_ERROR, missing.exitCode(), missing.err());
    assertTrue(missing.err().startsWith("shg: input/output error: there are no books at "), missing.err());

    LedgerStore.openSqlite(empty).close();
    Run none = Run.shg("group", "list", "--db", empty.toString());

    assertEquals(ExitCodes.OK, none.exitCode(), none.err());
    assertTrue(none.out().startsWith("no groups in "), none.out());
    assertTrue(none.out().endsWith(": create one with shg group create\n"), none.out());
  }

  @Test
  void showGivesTheRulesAndWhereTheGroupStandsOnTheDay() {
    TestBooks books = TestBooks.withMembers(directory, "M01", "M02");
    books.ok("bearer", "elect", "SHG01", "M02", "--role", "treasurer", "--from", "2024-04-01", "--to", "2025-03-31");
    books.ok("meeting", "record", "SHG01", "--date", "2024-05-04", "--present", "M01,M02");
    books.ok("save", "SHG01", "M01", "--amount", "1,50,000", "--date", "2024-05-04");
    books.ok("bank", "deposit", "SHG01", "--amount", "1,00,000", "--date", "2024-05-06");
    books.ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-06");

    Run show = books.ok("group", "show", "SHG01", "--as-of", "2024-06-30");

    assertEquals("""
        SHG01  Roshni Mahila Samooh
          formed               2024-04-01, meets monthly
          financial year       from April
          currency             INR, calculated amounts rounded to 1.00 (half-up)
          compulsory savings   100.00 a meeting
          members' loans       2% a month, flat, 10 monthly instalments
          books closed up to   not closed yet

        On 2024-06-30:
          members              2 (2 ever)
          office bearers       treasurer M02
          meetings so far      1
          cash in hand         49,000.00
          bank                 1,00,000.00
          members' savings     1,50,000.00
          loans to members     1,000.00
        """, show.out());
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (GROUP_NOT_FOUND): ", "group", "show", "SHG02");
    books.fails(ExitCodes.USAGE, "'yesterday' is not a date", "group", "show", "SHG01", "--as-of", "yesterday");
  }
}
