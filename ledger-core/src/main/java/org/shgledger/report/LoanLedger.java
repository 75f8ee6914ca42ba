package org.shgledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.MemberLoan;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.LoanState;

/**
 * One member loan as {@code shg loan show} prints it: its terms, every payment (split as it was
 * recorded) and penalty in the order recorded, and where it stands at the end of a day. Built by
 * {@link LoanLedgerBuilder}.
 *
 * @param group the group that lent it, not null
 * @param loan the loan, its terms and its disbursement, not null
 * @param asOf the day the state is for, not null
 * @param events the payments and penalties, in the order recorded; not null, possibly empty
 * @param state where the loan stands at the end of {@code asOf}; empty when it was not yet paid out
 *     on that day; not null
 */
public record LoanLedger(BookId group, MemberLoan loan, LocalDate asOf, List<Event> events, Optional<LoanState> state) {

  /**
   * Creates a ledger.
   *
   * @param group the group that lent it, not null
   * @param loan the loan, its terms and its disbursement, not null
   * @param asOf the day the state is for, not null
   * @param events the payments and penalties, in the order recorded; not null, possibly empty
   * @param state where the loan stands at the end of {@code asOf}; empty when it was not yet paid
   *     out on that day; not null
   * @throws NullPointerException if any argument or event is null
   */
  public LoanLedger {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(asOf, "asOf");
    events = List.copyOf(events);
    Objects.requireNonNull(state, "state");
  }

  /**
   * A payment or a penalty on the loan.
   *
   * @param kind a payment or a penalty, not null
   * @param id the id of the payment's entry or of the penalty, not null
   * @param date the day, not null
   * @param amount what was paid or charged, not null
   * @param penalties of a payment, what it credited to penalties (4100); zero for a penalty, not null
   * @param interest of a payment, what it credited to loan interest (4000); zero for a penalty, not
   *     null
   * @param principal of a payment, what it credited to the borrower's loan account; zero for a
   *     penalty, not null
   * @param reversedBy of a payment, the entry that reversed it, if any; not null
   */
  public record Event(LoanEvent.Kind kind, EntryId id, LocalDate date, Money amount, Money penalties,
      Money interest, Money principal, Optional<EntryId> reversedBy) {

    /**
     * Creates an event.
     *
     * @param kind a payment or a penalty, not null
     * @param id the id of the payment's entry or of the penalty, not null
     * @param date the day, not null
     * @param amount what was paid or charged, not null
     * @param penalties of a payment, what it credited to penalties (4100); zero for a penalty, not
     *     null
     * @param interest of a payment, what it credited to loan interest (4000); zero for a penalty,
     *     not null
     * @param principal of a payment, what it credited to the borrower's loan account; zero for a
     *     penalty, not null
     * @param reversedBy of a payment, the entry that reversed it, if any; not null
     * @throws NullPointerException if any argument is null
     */
    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(penalties, "penalties");
      Objects.requireNonNull(interest, "interest");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(reversedBy, "reversedBy");
    }
  }
}
