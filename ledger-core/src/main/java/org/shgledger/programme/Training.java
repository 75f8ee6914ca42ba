package org.shgledger.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.shgledger.group.MemberId;

/**
 * A training session held for a group's members: its topic, its day and who attended, by member
 * id. A workshop for several groups is recorded once in each group, with that group's attendees.
 *
 * @param id the session's id in the group, not null
 * @param topic what it was about, not null
 * @param date the day it was held (a workshop of several days: its first day), not null
 * @param attendees the members who attended, 1 to {@value #MAX_ATTENDEES}, not null; copied into
 *     id order without repeats
 */
public record Training(TrainingId id, TrainingTopic topic, LocalDate date, List<MemberId> attendees) {

  /** The most attendees one session may have. */
  public static final int MAX_ATTENDEES = 1_000;

  /**
   * Creates a session.
   *
   * @param id the session's id in the group, not null
   * @param topic what it was about, not null
   * @param date the day it was held (a workshop of several days: its first day), not null
   * @param attendees the members who attended, 1 to {@value #MAX_ATTENDEES}, not null; copied into
   *     id order without repeats
   * @throws NullPointerException if any argument or attendee is null
   * @throws IllegalArgumentException if there are no attendees or too many
   */
  public Training {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(date, "date");
    attendees = sorted(attendees);
    if (attendees.isEmpty() || attendees.size() > MAX_ATTENDEES) {
      throw new IllegalArgumentException(
          "training " + id + " needs 1 to " + MAX_ATTENDEES + " attendees, not " + attendees.size());
    }
  }

  private static List<MemberId> sorted(Collection<MemberId> attendees) {
    TreeSet<MemberId> set = new TreeSet<>();
    for (MemberId attendee : attendees) {
      set.add(Objects.requireNonNull(attendee, "attendee"));
    }
    return List.copyOf(set);
  }
}
