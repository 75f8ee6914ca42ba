package org.shgledger.group;

import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.journal.EntryId;

/**
 * Something that happened to a loan after it was paid out: a penalty charged on it, or a payment
 * made. A payment's id is its journal entry's, whose postings hold the split; a payment whose
 * entry has been reversed no longer counts. A penalty is not money yet (the books are on a cash
 * basis: it becomes income when it is paid), so it has no entry; its id, chosen by the caller,
 * makes charging it idempotent.
 *
 * @param kind penalty or payment, not null
 * @param id the payment's entry id, or the penalty's own id, not null
 * @param date the day, not null
 * @param amount positive, not null
 */
public record LoanEvent(Kind kind, EntryId id, LocalDate date, Money amount) {

  /** What happened. */
  public enum Kind {
    /** A penalty was charged, to be paid before interest and principal. */
    PENALTY,
    /** A payment was made. */
    PAYMENT
  }

  /**
   * Creates an event.
   *
   * @param kind penalty or payment, not null
   * @param id the payment's entry id, or the penalty's own id, not null
   * @param date the day, not null
   * @param amount positive, not null
   * @throws NullPointerException if any argument is null
   */
  public LoanEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
  }
}
