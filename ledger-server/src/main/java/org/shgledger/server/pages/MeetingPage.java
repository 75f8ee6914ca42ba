package org.shgledger.server.pages;

import java.util.List;

/**
 * The meeting form: the date, a line per member, the idempotency key it carries, and what the books
 * said about the last try.
 *
 * @param group the group's code, not null
 * @param date the meeting's date, yyyy-mm-dd, not null
 * @param key the idempotency key of this form, not null
 * @param members a line per member of the group on that date, not null
 * @param refusal the engine's named reason the last try was refused, or null
 * @param problems each problem found in the last try, for people, not null
 */
public record MeetingPage(String group, String date, String key, List<MeetingMember> members, String refusal,
    List<String> problems) {

  /** Copies the lists. */
  public MeetingPage {
    members = List.copyOf(members);
    problems = List.copyOf(problems);
  }
}
