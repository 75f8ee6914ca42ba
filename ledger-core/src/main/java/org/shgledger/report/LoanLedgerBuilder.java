package org.shgledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.loan.LoanState;

/**
 * Builds a {@link LoanLedger}: one loan's payments and penalties and its state on a day, from the
 * group's registry and journal. It only reads.
 *
 * <pre>{@code
 * LoanLedger ledger = new LoanLedgerBuilder(groups).build(code, LoanId.of("20240601-M02"), day);
 * }</pre>
 */
public final class LoanLedgerBuilder {

  private final SavingsGroups groups;

  /**
   * Creates the builder over an engine's journal and registry.
   *
   * @param groups the engine, not null
   */
  public LoanLedgerBuilder(SavingsGroups groups) {
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  /**
   * The loan's ledger as of the end of a day.
   *
   * @param code the group, not null
   * @param loanId the loan, not null
   * @param asOf the day, not null
   * @return the ledger, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND} if the group has no such loan,
   *     {@link GroupRejection#GROUP_NOT_FOUND} if there is no such group
   */
  public LoanLedger build(BookId code, LoanId loanId, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    MemberLoan loan = groups.loans(code).stream().filter(l -> l.id().equals(loanId)).findFirst()
        .orElseThrow(() -> new GroupException(GroupRejection.LOAN_NOT_FOUND,
            "group " + code + ": there is no loan " + loanId));
    JournalReader journal = groups.journal();
    // a payment's split is read from its entry, as recorded, not recomputed from today's rules
    AccountCode own = Chart.memberAccount(Chart.MEMBER_LOANS, loan.member());
    Money zero = Money.zero(loan.terms().currency());
    List<LoanLedger.Event> events = new ArrayList<>();
    for (LoanEvent event : groups.registry().loanEvents(code, loanId)) {
      if (event.kind() == LoanEvent.Kind.PENALTY) {
        events.add(new LoanLedger.Event(event.kind(), event.id(), event.date(), event.amount(), zero, zero, zero,
            Optional.empty()));
        continue;
      }
      List<Posting> postings = journal.entry(code, event.id()).map(JournalEntry::postings).orElse(List.of());
      events.add(new LoanLedger.Event(event.kind(), event.id(), event.date(), event.amount(),
          credited(postings, Chart.FINES, zero), credited(postings, Chart.LOAN_INTEREST, zero),
          credited(postings, own, zero), journal.reversalOf(code, event.id()).map(JournalEntry::id)));
    }
    Optional<LoanState> state = asOf.isBefore(loan.terms().disbursementDate())
        ? Optional.empty()
        : Optional.of(groups.loanState(code, loanId, asOf));
    return new LoanLedger(code, loan, asOf, events, state);
  }

  /** What postings credit to an account. */
  private static Money credited(List<Posting> postings, AccountCode account, Money zero) {
    Money total = zero;
    for (Posting posting : postings) {
      if (posting.account().equals(account) && posting.side() == Side.CREDIT) {
        total = total.plus(posting.amount());
      }
    }
    return total;
  }
}
