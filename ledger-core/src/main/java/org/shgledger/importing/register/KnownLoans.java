package org.shgledger.importing.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shgledger.group.GroupException;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;

/**
 * The members' loans as a register's import knows them while it records, so that a repayment or
 * penalty row finds its loan without reading the group's loans, or every loan she ever had with
 * its events and schedule, again for each row: what made the import's time grow with the square
 * of its size (issue 13 item 12).
 *
 * <p>It reads the group's standing loans once, when first asked, and from then on is kept in step
 * by the import's own steps: each loan it pays out, each payment and penalty it records. Nothing
 * else writes a loan inside the import's unit (a passbook's lines recorded beside the register
 * never pay out, repay or reverse a member's loan). It lives as long as one {@link
 * RegisterPlan.Tally}, which a caller makes anew each time its unit runs, so what it knows is
 * never older than the unit's transaction.
 *
 * <p>What it remembers of a loan's state is only that no principal is left on it from a date on:
 * payments only lower the principal outstanding and the import's dates only move forward, so such
 * a loan is never the one a later row repays, and is not asked about again. Whether principal is
 * outstanding is otherwise asked of the engine, as the import always did.
 */
final class KnownLoans {

  private final SavingsGroups groups;
  private final BookId code;
  /** Each member's standing loans in id order, as {@link SavingsGroups#loansOf} gives them. */
  private Map<MemberId, List<MemberLoan>> byMember;
  /** For the members asked about: the event ids (payments, penalties) of her loans, to the loan. */
  private final Map<MemberId, Map<EntryId, LoanId>> events = new HashMap<>();
  /** Loans with no principal outstanding on the date they map to, and so on every later date. */
  private final Map<LoanId, LocalDate> repaidBy = new HashMap<>();

  KnownLoans(SavingsGroups groups, BookId code) {
    this.groups = groups;
    this.code = code;
  }

  /** Whether these are the loans of this group in this engine. */
  boolean isOf(SavingsGroups engine, BookId group) {
    return groups == engine && code.equals(group);
  }

  /** Her standing loans in id order. */
  List<MemberLoan> hers(MemberId member) {
    if (byMember == null) {
      byMember = new HashMap<>();
      for (MemberLoan loan : groups.loans(code)) {
        byMember.computeIfAbsent(loan.member(), m -> new ArrayList<>()).add(loan);
      }
    }
    return byMember.getOrDefault(member, List.of());
  }

  /** Which of her loans holds a payment or penalty of this id already (a file imported again). */
  Optional<LoanId> holding(MemberId member, EntryId event) {
    Map<EntryId, LoanId> hersByEvent = events.get(member);
    if (hersByEvent == null) {
      hersByEvent = new HashMap<>();
      for (MemberLoan loan : hers(member)) {
        for (LoanEvent recorded : groups.registry().loanEvents(code, loan.id())) {
          // the first loan in id order that holds it, as a search of her loans in order finds
          hersByEvent.putIfAbsent(recorded.id(), loan.id());
        }
      }
      events.put(member, hersByEvent);
    }
    return Optional.ofNullable(hersByEvent.get(event));
  }

  /** Whether principal is outstanding on a loan of hers on a date (false if its payout stands no more). */
  boolean outstanding(MemberLoan loan, LocalDate date) {
    LocalDate repaid = repaidBy.get(loan.id());
    if (repaid != null && !date.isBefore(repaid)) {
      return false;
    }
    boolean outstanding;
    try {
      outstanding = groups.loanState(code, loan.id(), date).outstandingPrincipal().isPositive();
    } catch (GroupException e) {
      return false; // its disbursement was reversed
    }
    if (!outstanding) {
      repaidBy.merge(loan.id(), date, (earlier, later) -> earlier.isBefore(later) ? earlier : later);
    }
    return outstanding;
  }

  /** The import paid out a loan (or found it paid out already, a file imported again). */
  void paidOut(LoanId loanId, EntryId disbursement) {
    if (byMember == null || !groups.journal().stands(code, disbursement)) {
      return; // not read yet: it will be read with the rest; or its payout was reversed
    }
    MemberLoan loan = groups.registry().loan(code, loanId).orElseThrow();
    List<MemberLoan> hers = byMember.computeIfAbsent(loan.member(), m -> new ArrayList<>());
    if (hers.stream().noneMatch(known -> known.id().equals(loanId))) {
      hers.add(loan);
      hers.sort(Comparator.comparing(MemberLoan::id));
    }
  }

  /** The import recorded a payment or penalty of this id on her loan. */
  void recorded(MemberId member, LoanId loan, EntryId event) {
    Map<EntryId, LoanId> hersByEvent = events.get(member);
    if (hersByEvent != null) {
      hersByEvent.putIfAbsent(event, loan);
    }
  }
}
