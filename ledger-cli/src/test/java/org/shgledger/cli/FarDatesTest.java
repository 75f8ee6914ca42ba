package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * Odd dates through the command line and the imports: years 0000, 0001 and 9999, 2099, the day
 * before the group was formed. Every command and import that records refuses each with exit 3, a
 * line naming the date and the limit (and, for a file, its line), and writes nothing. Today is
 * fixed ({@link DbOptions#clock}), so that the margin's examples mean the same on any day.
 */
class FarDatesTest {

  /** The day these runs happen, wherever they run. */
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  /** Dates no book should take: the years a slip of the keyboard gives, and before formation. */
  private static final List<String> FAR_DATES =
      List.of("0000-01-01", "0001-01-01", "9999-12-31", "2099-01-01", "2024-03-31");

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void aGroupWithMembersMoneyAndALoan() {
    DbOptions.clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Kolkata")).toInstant(), ZoneId.of("Asia/Kolkata"));
    db = dir.resolve("books.db");
    ok("group", "create", "SHG01", "--name", "Asha", "--formed", "2024-04-01", "--monthly-savings", "100");
    ok("member", "add", "SHG01", "M01", "--name", "Member One", "--joined", "2024-04-01");
    ok("member", "add", "SHG01", "M02", "--name", "Member Two", "--joined", "2024-04-01");
    ok("save", "SHG01", "M01", "--amount", "1000", "--date", "2024-05-04");
    ok("save", "SHG01", "M02", "--amount", "1000", "--date", "2024-05-04");
    ok("grant", "SHG01", "--amount", "10000", "--date", "2024-05-04", "--channel", "cash");
    ok("loan", "disburse", "SHG01", "M02", "--amount", "1000", "--date", "2024-06-01");
  }

  @AfterEach
  void realClockAndEnvironment() {
    DbOptions.clock = Clock.systemDefaultZone();
    DbOptions.environment = System::getenv;
  }

  private Run shg(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = db.toString();
    return Run.shg(all);
  }

  private void ok(String... args) {
    Run run = shg(args);
    assertEquals(ExitCodes.OK, run.exitCode(), String.join(" ", args) + ": " + run.err());
  }

  /** Everything the books hold, journal and registry. */
  private List<String> books() {
    List<String> all = new ArrayList<>();
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      for (var group : store.registry().groups()) {
        BookId code = group.code();
        all.add(group.toString());
        store.journal().entries(code).forEach(entry -> all.add(entry.toString()));
        all.add(store.registry().members(code).toString());
        all.add(store.registry().meetings(code).toString());
        all.add(store.registry().terms(code).toString());
        store.registry().loans(code).forEach(loan -> all.add(loan + " " + store.registry().loanEvents(code, loan.id())));
      }
    }
    return all;
  }

  private static String[] command(String date, String... words) {
    return Arrays.stream(words).map(word -> word.equals("DATE") ? date : word).toArray(String[]::new);
  }

  /** Every command that records, with DATE where its date goes. */
  private static final List<String[]> RECORDING_COMMANDS = List.of(
      new String[] {"save", "SHG01", "M01", "--amount", "100", "--date", "DATE"},
      new String[] {"withdraw", "SHG01", "M01", "--amount", "10", "--date", "DATE"},
      new String[] {"fine", "SHG01", "M01", "--amount", "10", "--reason", "late", "--date", "DATE"},
      new String[] {"grant", "SHG01", "--amount", "100", "--date", "DATE"},
      new String[] {"expense", "SHG01", "--amount", "10", "--description", "tea", "--date", "DATE"},
      new String[] {"income", "SHG01", "--amount", "10", "--description", "fees", "--date", "DATE"},
      new String[] {"bank", "deposit", "SHG01", "--amount", "10", "--date", "DATE"},
      new String[] {"bank", "withdraw", "SHG01", "--amount", "10", "--date", "DATE"},
      new String[] {"bank", "interest", "SHG01", "--amount", "10", "--date", "DATE"},
      new String[] {"bank", "charges", "SHG01", "--amount", "1", "--date", "DATE"},
      new String[] {"bank-loan", "receive", "SHG01", "--amount", "100", "--date", "DATE"},
      new String[] {"federation-loan", "receive", "SHG01", "--amount", "100", "--date", "DATE"},
      new String[] {"loan", "disburse", "SHG01", "M01", "--amount", "100", "--date", "DATE"},
      new String[] {"loan", "repay", "SHG01", "M02", "--amount", "10", "--date", "DATE"},
      new String[] {"loan", "penalty", "SHG01", "M02", "--amount", "5", "--date", "DATE"},
      new String[] {"meeting", "record", "SHG01", "--date", "DATE", "--present", "M01,M02"},
      new String[] {"member", "add", "SHG01", "M03", "--name", "Member Three", "--joined", "DATE"},
      new String[] {"member", "exit", "SHG01", "M01", "--date", "DATE"},
      new String[] {"bearer", "elect", "SHG01", "M01", "--role", "treasurer", "--from", "DATE", "--to", "DATE"},
      new String[] {"reverse", "SHG01", "SHG01-2024-05-04-SAVE-M01", "--date", "DATE"},
      new String[] {"distribute-surplus", "SHG01", "--amount", "1", "--date", "DATE"},
      new String[] {"share-out", "SHG01", "--date", "DATE"});

  @Test
  void aMeetingIn2099IsRefused() {
    List<String> before = books();
    Run run = shg("meeting", "record", "SHG01", "--date", "2099-01-01", "--present", "M01,M02");
    assertEquals(ExitCodes.REJECTED, run.exitCode(), run.out());
    assertEquals("shg: rejected (DATE_TOO_FAR_AHEAD): group SHG01: the meeting is dated 2099-01-01, more than 31"
        + " days after today (2025-06-15); the latest date taken is 2025-07-16. Check the date; to record further"
        + " ahead, raise the margin (shg: --future-days N or SHG_FUTURE_DAYS; the library: DateLimits)",
        run.err().strip());
    assertEquals(before, books());
  }

  @Test
  void everyRecordingCommandRefusesEveryFarDateAndWritesNothing() {
    List<String> before = books();
    int refused = 0;
    for (String date : FAR_DATES) {
      List<String[]> commands = new ArrayList<>(RECORDING_COMMANDS);
      // a year end is a financial year's last day: the one of the far date's year
      commands.add(new String[] {"year-end", "SHG01", "--date", date.substring(0, 4) + "-03-31"});
      for (String[] words : commands) {
        String[] args = command(date, words);
        Run run = shg(args);
        String what = String.join(" ", args) + ": " + run.err();
        int year = LocalDate.parse(date).getYear();
        if (words[0].equals("loan") && words[1].equals("disburse") && (year < 1900 || year > 2999)) {
          // a loan's own terms take no schedule outside these years: refused before the books see it
          assertEquals(ExitCodes.USAGE, run.exitCode(), what);
          assertTrue(run.err().contains("a disbursement date must be between 1900-01-01 and 2999-12-31"), what);
          refused++;
          continue;
        }
        assertEquals(ExitCodes.REJECTED, run.exitCode(), what);
        String reason = LocalDate.parse(date).isAfter(TODAY) ? "DATE_TOO_FAR_AHEAD" : "DATE_BEFORE_FORMATION";
        assertTrue(run.err().startsWith("shg: rejected (" + reason + "): group SHG01: "), what);
        assertTrue(run.err().contains(" is dated " + date.substring(0, 4)), what);
        refused++;
      }
    }
    assertEquals(FAR_DATES.size() * (RECORDING_COMMANDS.size() + 1), refused);
    assertEquals(before, books(), "nothing was written");
    // and the same commands on a day within the limits are taken: the refusals were the dates'
    ok("save", "SHG01", "M01", "--amount", "100", "--date", TODAY.toString());
    ok("meeting", "record", "SHG01", "--date", TODAY.plusDays(31).toString(), "--present", "M01,M02");
  }

  @Test
  void aGroupFormedInAFarYearIsRefused() {
    List<String> before = books();
    for (String formed : List.of("0000-01-01", "0001-01-01", "1899-12-31")) {
      Run run = shg("group", "create", "SHG02", "--name", "Old", "--formed", formed, "--monthly-savings", "100");
      assertEquals(ExitCodes.REJECTED, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("shg: rejected (INVALID_DATE): group SHG02: the group's formation is dated "
          + formed + ", before 1900-01-01"), run.err());
    }
    for (String formed : List.of("9999-12-31", "2099-01-01")) {
      Run run = shg("group", "create", "SHG02", "--name", "Late", "--formed", formed, "--monthly-savings", "100");
      assertEquals(ExitCodes.REJECTED, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("shg: rejected (DATE_TOO_FAR_AHEAD): group SHG02: "), run.err());
    }
    assertEquals(before, books());
  }

  @Test
  void theMarginIsSetByOptionOrEnvironment() {
    String ahead = TODAY.plusDays(40).toString();
    Run refused = shg("save", "SHG01", "M01", "--amount", "100", "--date", ahead);
    assertEquals(ExitCodes.REJECTED, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("more than 31 days after today (2025-06-15)"), refused.err());

    ok("save", "SHG01", "M01", "--amount", "100", "--date", ahead, "--future-days", "40");
    DbOptions.environment = Map.of(DbOptions.FUTURE_DAYS_VARIABLE, "45")::get;
    ok("save", "SHG01", "M02", "--amount", "100", "--date", TODAY.plusDays(45).toString());
    Run option = shg("save", "SHG01", "M02", "--amount", "100", "--date", TODAY.plusDays(45).toString(),
        "--future-days", "0", "--id", "X1");
    assertEquals(ExitCodes.REJECTED, option.exitCode(), "the option wins over the environment: " + option.err());

    List<String> before = books();
    Run tooWide = shg("save", "SHG01", "M01", "--amount", "100", "--date", "2099-01-01", "--future-days", "40000");
    assertEquals(ExitCodes.USAGE, tooWide.exitCode());
    assertTrue(tooWide.err().startsWith("shg: --future-days must be a whole number of days from 0 to 366, not 40000"),
        tooWide.err());
    DbOptions.environment = Map.of(DbOptions.FUTURE_DAYS_VARIABLE, "soon")::get;
    Run badVariable = shg("save", "SHG01", "M01", "--amount", "100", "--date", TODAY.toString());
    assertEquals(ExitCodes.USAGE, badVariable.exitCode());
    assertTrue(badVariable.err().startsWith("shg: SHG_FUTURE_DAYS must be a whole number of days from 0 to 366,"
        + " not 'soon'"), badVariable.err());
    assertEquals(before, books());
  }

  // ------------------------------------------------------------------ imports

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The import is refused naming the file's line, and the books are as they were. */
  private void assertRefusedAt(String what, Path file, int line, List<String> before, String... args) {
    Run run = shg(args);
    assertEquals(ExitCodes.REJECTED, run.exitCode(), what + ": " + run.out() + run.err());
    assertTrue(run.err().startsWith("shg: " + file + ":" + line + ":"), what + ": " + run.err());
    assertEquals(before, books(), what + ": nothing was written");
  }

  @Test
  void aPassbookLineWithAFarDateIsRefusedAtItsLine() throws IOException {
    List<String> before = books();
    for (String date : FAR_DATES) {
      LocalDate day = LocalDate.parse(date);
      String written = String.format("%02d/%02d/%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
      boolean last = day.isAfter(TODAY);
      String far = written + ",CREDIT INTEREST,,10.00," + (last ? "1010.00" : "10.00") + "\n";
      String near = "01/04/2025,BY CASH,,1000.00," + (last ? "1000.00" : "1010.00") + "\n";
      Path passbook = file("passbook.csv", "Date,Narration,Withdrawal,Deposit,Balance\n"
          + (last ? near + far : far + near));
      assertRefusedAt("a passbook line of " + date, passbook, last ? 3 : 2, before,
          "import", "passbook", "SHG01", passbook.toString(), "--profile", "generic");
    }
  }

  @Test
  void aRegisterRowWithAFarDateIsRefusedAtItsLine() throws IOException {
    List<String> before = books();
    for (String date : FAR_DATES) {
      Path register = file("meetings.csv", "date,member,present,savings\n"
          + "2025-05-04,M01,Y,100\n"
          + "2025-05-04,M02,Y,100\n"
          + date + ",M01,Y,100\n");
      assertRefusedAt("a register row of " + date, register, 4, before,
          "import", "meetings", "SHG01", register.toString());
    }
  }

  @Test
  void aRosterRowWithAFarJoiningDateIsRefusedAtItsLine() throws IOException {
    List<String> before = books();
    for (String date : FAR_DATES) {
      Path roster = file("members.csv", "member,name,category,joined\n"
          + "M05,Member Five,adult_woman,2025-01-01\n"
          + "M06,Member Six,adult_woman," + date + "\n");
      assertRefusedAt("a roster row of " + date, roster, 3, before, "import", "members", "SHG01", roster.toString());
    }
  }

  @Test
  void openingBalancesWithAFarDateAreRefusedAtTheirLine() throws IOException {
    ok("group", "create", "SHG02", "--name", "Pragati", "--formed", "2024-04-01", "--monthly-savings", "100");
    List<String> before = books();
    for (String date : FAR_DATES) {
      Path opening = file("opening.csv", "as_of,item,member,amount\n" + date + ",cash,,1520.00\n");
      assertRefusedAt("opening balances of " + date, opening, 2, before, "import", "opening", "SHG02",
          opening.toString());
    }
  }
}
