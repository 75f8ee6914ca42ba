package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.group.Attendance;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shg meeting record}: a meeting's roll. The money that changed hands at it is recorded by
 * the money commands dated the same day ({@code shg save}, {@code shg fine} ...).
 */
@Command(
    name = "meeting",
    mixinStandardHelpOptions = true,
    description = {
      "A group's meetings: who came.",
      "Example: shg meeting record SHG01 --date 2024-05-04 --present M01,M02,M03 --absent M04"
    },
    subcommands = {MeetingCommand.Record.class, MeetingSheetCommand.class})
final class MeetingCommand extends CommandGroup {

  /** {@code shg meeting record GROUP --date DATE --present M01,M02 --absent M03 ...}. */
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record a meeting's roll: each member present, late, on leave or absent (late counts as "
            + "attending, leave does not). The same roll again changes nothing; another roll for a "
            + "recorded day is refused (MEETING_EXISTS). Members of the day left off the roll are named.",
        "Example: shg meeting record SHG01 --date 2024-05-04 --present M01,M02,M03 --late M05 --absent M04"
      })
  static final class Record extends BookCommand {
    @Option(names = "--date", converter = Words.DateWord.class, required = true, paramLabel = "DATE", description = "The day of the meeting.")
    LocalDate date;

    @Option(names = "--present", split = ",", paramLabel = "MEMBER", converter = MemberIdWord.class,
        description = "Members who came on time, comma-separated.")
    List<MemberId> present = new ArrayList<>();

    @Option(names = "--late", split = ",", paramLabel = "MEMBER", converter = MemberIdWord.class,
        description = "Members who came late.")
    List<MemberId> late = new ArrayList<>();

    @Option(names = "--leave", split = ",", paramLabel = "MEMBER", converter = MemberIdWord.class,
        description = "Members excused in advance.")
    List<MemberId> leave = new ArrayList<>();

    @Option(names = "--absent", split = ",", paramLabel = "MEMBER", converter = MemberIdWord.class,
        description = "Members who did not come.")
    List<MemberId> absent = new ArrayList<>();

    @Override
    void run() {
      Map<MemberId, Attendance> roll = new LinkedHashMap<>();
      put(roll, present, Attendance.PRESENT);
      put(roll, late, Attendance.LATE);
      put(roll, leave, Attendance.LEAVE);
      put(roll, absent, Attendance.ABSENT);
      if (roll.isEmpty()) {
        throw usage("a roll needs at least one of --present, --late, --leave, --absent");
      }
      Meeting meeting = new Meeting(code, date, roll);
      Optional<Meeting> before = engine.registry().meeting(code, date);
      engine.recordMeeting(meeting);
      boolean repeat = before.isPresent();
      out.println((repeat ? "already recorded: " : "recorded: ") + "meeting of " + date + ", "
          + present.size() + " present, " + late.size() + " late, " + leave.size() + " on leave, "
          + absent.size() + " absent" + (repeat ? " (nothing new recorded)" : ""));
      List<MemberId> missing = engine.membersOn(code, date).stream().map(Member::id)
          .filter(m -> !roll.containsKey(m)).toList();
      if (!missing.isEmpty()) {
        out.println("not on the roll: " + missing.stream().map(MemberId::value).collect(Collectors.joining(", ")));
      }
    }

    private void put(Map<MemberId, Attendance> roll, List<MemberId> members, Attendance answer) {
      for (MemberId member : members) {
        Attendance earlier = roll.put(member, answer);
        if (earlier != null) {
          throw usage(member + " is on the roll twice (" + LoanScheduleCommand.word(earlier) + " and "
              + LoanScheduleCommand.word(answer) + ")");
        }
      }
    }
  }
}
