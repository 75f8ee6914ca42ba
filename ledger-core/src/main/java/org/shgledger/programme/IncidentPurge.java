package org.shgledger.programme;

import java.time.LocalDate;
import java.util.Objects;
import org.shgledger.journal.BookId;

/**
 * The record a purge of a group's incident register leaves: when, and how many rows it deleted.
 * It is the one record of the register that is never deleted (docs/privacy.md).
 *
 * @param group the group, not null
 * @param date the day of the purge, not null
 * @param incidents the incidents deleted, zero or more
 * @param events the events of their responses deleted, zero or more
 */
public record IncidentPurge(BookId group, LocalDate date, long incidents, long events) {

  /**
   * Checks the record.
   *
   * @param group the group, not null
   * @param date the day of the purge, not null
   * @param incidents the incidents deleted, zero or more
   * @param events the events of their responses deleted, zero or more
   * @throws IllegalArgumentException if a count is negative
   */
  public IncidentPurge {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(date, "date");
    if (incidents < 0 || events < 0) {
      throw new IllegalArgumentException("a purge deletes zero or more rows, not " + incidents + " and " + events);
    }
  }
}
