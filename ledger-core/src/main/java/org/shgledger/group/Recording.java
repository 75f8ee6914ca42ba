package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;

/**
 * One operation of a batch that {@link SavingsGroups#recordAll} records: what {@link
 * SavingsGroups#record} takes, and where the entry came from.
 *
 * @param id the entry's id (idempotency key), not null
 * @param date the date of the event, not null
 * @param operation the event, not null
 * @param sourceReference where it came from (a passbook line, {@code passbook FILE:LINE}), up to
 *     {@link JournalEntry#MAX_SOURCE_REFERENCE_LENGTH} characters, not null (may be empty)
 */
public record Recording(EntryId id, LocalDate date, GroupOperation operation, Optional<String> sourceReference) {

  /**
   * Checks for nulls.
   *
   * @param id the entry's id (idempotency key), not null
   * @param date the date of the event, not null
   * @param operation the event, not null
   * @param sourceReference where it came from (a passbook line, {@code passbook FILE:LINE}), up to
   *     {@link JournalEntry#MAX_SOURCE_REFERENCE_LENGTH} characters, not null (may be empty)
   */
  public Recording {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(sourceReference, "sourceReference");
  }
}
