package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.cli.TestBooks.SHG;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Attendance;
import org.shgledger.group.MemberId;
import org.shgledger.group.Role;

/** {@code shg bearer elect|list} and {@code shg meeting record}. */
class BearerAndMeetingCommandsTest {

  @TempDir Path directory;
  private TestBooks books;

  @BeforeEach
  void group() {
    books = TestBooks.withMembers(directory, "M01", "M02", "M03", "M04");
  }

  @Test
  void anElectionIsRecordedOnceAndTheOfficeHasOneHolderADay() {
    Run elect = books.ok("bearer", "elect", "SHG01", "M02", "--role", "treasurer", "--from", "2024-04-01",
        "--to", "2025-03-31");
    Run again = books.ok("bearer", "elect", "SHG01", "M02", "--role", "treasurer", "--from", "2024-04-01",
        "--to", "2025-03-31");

    assertEquals("recorded: M02 is treasurer from 2024-04-01 to 2025-03-31\n", elect.out());
    assertEquals("already recorded: M02 is treasurer from 2024-04-01 to 2025-03-31 (nothing new recorded)\n", again.out());
    assertEquals(Map.of(Role.TREASURER, MemberId.of("M02")),
        books.read(engine -> engine.bearersOn(SHG, LocalDate.of(2024, 9, 1))));
    books.fails(ExitCodes.REJECTED, "shg: rejected (OFFICE_TAKEN): ",
        "bearer", "elect", "SHG01", "M03", "--role", "treasurer", "--from", "2024-10-01", "--to", "2025-03-31");
    books.fails(ExitCodes.NOT_FOUND, "shg: rejected (MEMBER_NOT_FOUND): ",
        "bearer", "elect", "SHG01", "M09", "--role", "president", "--from", "2024-10-01", "--to", "2025-03-31");
    books.fails(ExitCodes.USAGE, "'chair' is not one of president, secretary, treasurer, signatory",
        "bearer", "elect", "SHG01", "M03", "--role", "chair", "--from", "2024-10-01", "--to", "2025-03-31");
    books.fails(ExitCodes.USAGE, "a term cannot end (2024-03-31) before it starts",
        "bearer", "elect", "SHG01", "M03", "--role", "president", "--from", "2024-10-01", "--to", "2024-03-31");

    assertEquals("""
        office     member  from        to
        ---------  ------  ----------  ----------
        treasurer  M02     2024-04-01  2025-03-31
        """, books.ok("bearer", "list", "SHG01").out());
  }

  @Test
  void aMeetingsRollIsRecordedOnceAndMembersLeftOffAreNamed() {
    Run run = books.ok("meeting", "record", "SHG01", "--date", "2024-05-04", "--present", "M01,M02", "--late", "M03");
    Run again = books.ok("meeting", "record", "SHG01", "--date", "2024-05-04", "--present", "M01,M02", "--late", "M03");

    assertEquals("recorded: meeting of 2024-05-04, 2 present, 1 late, 0 on leave, 0 absent\nnot on the roll: M04\n",
        run.out());
    assertEquals("already recorded: meeting of 2024-05-04, 2 present, 1 late, 0 on leave, 0 absent (nothing new recorded)\n"
        + "not on the roll: M04\n", again.out());
    assertEquals(Map.of(MemberId.of("M01"), Attendance.PRESENT, MemberId.of("M02"), Attendance.PRESENT,
            MemberId.of("M03"), Attendance.LATE),
        books.read(engine -> engine.registry().meeting(SHG, LocalDate.of(2024, 5, 4)).orElseThrow().attendance()));
  }

  @Test
  void anotherRollForTheDayOrAStrangerOnItIsRefused() {
    books.ok("meeting", "record", "SHG01", "--date", "2024-05-04", "--present", "M01,M02,M03", "--absent", "M04");

    books.fails(ExitCodes.REJECTED, "shg: rejected (MEETING_EXISTS): ",
        "meeting", "record", "SHG01", "--date", "2024-05-04", "--present", "M01,M02,M03,M04");
    books.fails(ExitCodes.REJECTED, "shg: rejected (ATTENDANCE_OF_NON_MEMBER): ",
        "meeting", "record", "SHG01", "--date", "2024-06-01", "--present", "M01,M09");
    books.fails(ExitCodes.USAGE, "M02 is on the roll twice (present and absent)",
        "meeting", "record", "SHG01", "--date", "2024-06-01", "--present", "M01,M02", "--absent", "M02");
    books.fails(ExitCodes.USAGE, "a roll needs at least one of --present",
        "meeting", "record", "SHG01", "--date", "2024-06-01");
    assertEquals(1, (int) books.read(engine -> engine.registry().meetings(SHG).size()));
  }
}
