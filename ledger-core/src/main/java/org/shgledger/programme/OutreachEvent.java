package org.shgledger.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.shgledger.journal.BookId;

/**
 * An outreach or advocacy event a unit held: counts only. The people reached are a crowd, never a
 * list: no name, no member id, no place.
 *
 * @param id the event's id in the unit, not null
 * @param date the day it was held, not null
 * @param kind its kind, not null
 * @param reached how many people it reached, 0 to {@value #MAX_REACHED}
 * @param signatures the signatures gathered (petitions, signature campaigns), not null (may be
 *     empty), 0 to {@value #MAX_REACHED}
 * @param groups the unit's groups that held it, in code order, each once, not null (may be empty)
 */
public record OutreachEvent(OutreachId id, LocalDate date, OutreachKind kind, long reached, OptionalLong signatures,
    List<BookId> groups) {

  /** The most people (or signatures) one event counts: a bound against a mistyped number. */
  public static final long MAX_REACHED = 10_000_000;

  /**
   * Checks the event; sorts the groups and drops repeats.
   *
   * @param id the event's id in the unit, not null
   * @param date the day it was held, not null
   * @param kind its kind, not null
   * @param reached how many people it reached, 0 to {@value #MAX_REACHED}
   * @param signatures the signatures gathered (petitions, signature campaigns), not null (may be
   *     empty), 0 to {@value #MAX_REACHED}
   * @param groups the unit's groups that held it, in code order, each once, not null (may be empty)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a count is out of range
   */
  public OutreachEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signatures, "signatures");
    if (reached < 0 || reached > MAX_REACHED) {
      throw new IllegalArgumentException("people reached are 0 to " + MAX_REACHED + ", not " + reached);
    }
    if (signatures.isPresent() && (signatures.getAsLong() < 0 || signatures.getAsLong() > MAX_REACHED)) {
      throw new IllegalArgumentException("signatures are 0 to " + MAX_REACHED + ", not " + signatures.getAsLong());
    }
    groups = List.copyOf(new TreeSet<>(groups));
  }
}
