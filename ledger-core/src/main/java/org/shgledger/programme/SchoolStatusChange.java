package org.shgledger.programme;

import java.time.LocalDate;
import java.util.Objects;

/**
 * From a date on, a child's school status is this one, until the next change.
 *
 * @param date the first day of the status, not null
 * @param status the status, not null
 */
public record SchoolStatusChange(LocalDate date, SchoolStatus status) {

  /**
   * Creates a change.
   *
   * @param date the first day of the status, not null
   * @param status the status, not null
   * @throws NullPointerException if any argument is null
   */
  public SchoolStatusChange {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(status, "status");
  }
}
