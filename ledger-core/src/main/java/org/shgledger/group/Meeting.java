package org.shgledger.group;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.shgledger.journal.BookId;

/**
 * A meeting of a group: its date and who came. The money that changed hands at it is in the
 * journal, in the entries dated that day; the meeting does not keep a second copy.
 *
 * @param group the group, not null
 * @param date the date, not null
 * @param attendance each member's answer to the roll, not null; copied, sorted by member
 */
public record Meeting(BookId group, LocalDate date, Map<MemberId, Attendance> attendance) {

  /**
   * Creates a meeting record.
   *
   * @param group the group, not null
   * @param date the date, not null
   * @param attendance each member's answer to the roll, not null; copied, sorted by member
   * @throws NullPointerException if any argument, key or value is null
   */
  public Meeting {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(date, "date");
    attendance = Map.copyOf(attendance);
    attendance = java.util.Collections.unmodifiableMap(new TreeMap<>(attendance));
  }

  /**
   * How many members attended (present or late).
   *
   * @return the count
   */
  public int attendedCount() {
    return (int) attendance.values().stream().filter(Attendance::attended).count();
  }
}
