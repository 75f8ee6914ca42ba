package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;
import org.shgledger.loan.PaymentAllocation;
import org.shgledger.money.MinorUnits;

/**
 * Loans to members: paying out, penalties, repayments split by the loan's history, and where a
 * loan stands. Part of {@link SavingsGroups}.
 */
final class Lending extends EnginePart {

  Lending(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    super(journal, registry, unitOfWork);
  }
  JournalEntry disburseLoan(
      BookId code, EntryId id, LoanId loanId, MemberId memberId, Loan terms, Channel channel, Money fee) {
    return atomically(code, () -> {
      Group group = group(code);
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(channel, "channel");
      MemberLoan loan = new MemberLoan(loanId, memberId, terms, channel, id, group.loanDefaults().allocationOrder());
      Optional<MemberLoan> existing = registry.loan(code, loanId);
      if (existing.isPresent()) {
        // a repeat keeps the order the loan was paid out with, whatever the group's default is now
        MemberLoan recorded = existing.get();
        if (!recorded.equals(new MemberLoan(loanId, memberId, terms, channel, id, recorded.allocationOrder(),
            recorded.paymentRule()))) {
          throw new GroupException(GroupRejection.LOAN_EXISTS,
              "group " + code + ": loan " + loanId + " exists already with other terms");
        }
        return journal.entry(code, id).orElseThrow();
      }
      if (!terms.currency().equals(group.currency())) {
        throw new GroupException(GroupRejection.LOAN_IN_OTHER_CURRENCY,
            "group " + code + ": loan " + loanId + " is in " + terms.currency() + ", the group keeps " + group.currency());
      }
      Member member = member(code, memberId);
      LocalDate date = terms.disbursementDate();
      requireMemberOn(code, member, date);
      requirePayableTo(code, member, channel);
      Objects.requireNonNull(fee, "fee");
      if (fee.isNegative() || !fee.getCurrencyUnit().equals(group.currency()) || !fee.isLessThan(terms.principal())) {
        throw new GroupException(GroupRejection.INVALID_AMOUNT,
            "group " + code + ": loan " + loanId + "'s processing fee of " + withCurrency(fee)
                + " is not between nothing and the " + withCurrency(terms.principal()) + " lent");
      }
      // The loan is the full amount; the member receives it less the fee, which is the group's
      // other income (4300) from the day it is taken.
      List<Posting> postings = new EntryBuilder()
          .debit(Chart.memberAccount(Chart.MEMBER_LOANS, memberId), terms.principal())
          .credit(channel.account(), terms.principal().minus(fee))
          .credit(Chart.OTHER_INCOME, fee)
          .postings();
      JournalEntry entry = recordEntry(JournalEntry.of(id, code, date,
          EngineMemo.LOAN_DISBURSED.compose(loanId.value(), memberId.value()), postings)
          .withKind(EntryKind.LOAN_DISBURSEMENT, Optional.of(memberId.value()), Optional.of(loanId.value())));
      registry.putLoan(code, loan);
      return entry;
    });
  }

  void chargeLoanPenalty(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount) {
    atomically(code, () -> {
      Group group = group(code);
      MemberLoan loan = standingLoan(code, loanId);
      positive(group, amount, "penalty");
      if (MinorUnits.exceeds(amount, Loan.MAX_PRINCIPAL_MINOR)) {
        throw new GroupException(GroupRejection.INVALID_AMOUNT,
            "group " + code + ", loan " + loanId + ": a penalty of " + withCurrency(amount)
                + " is beyond any loan's limit");
      }
      LoanEvent penalty = new LoanEvent(LoanEvent.Kind.PENALTY, id, date, amount);
      Optional<LoanEvent> same = registry.loanEvents(code, loanId).stream().filter(e -> e.id().equals(id)).findFirst();
      if (same.isPresent()) {
        if (same.get().equals(penalty)) {
          return null;
        }
        throw new GroupException(GroupRejection.PENALTY_EXISTS,
            "group " + code + ", loan " + loanId + ": penalty " + id + " is recorded already as "
                + withCurrency(same.get().amount()) + " on " + same.get().date());
      }
      Optional<LocalDate> locked = journal.lockDate(code);
      if (locked.isPresent() && !date.isAfter(locked.get())) {
        throw new JournalException(Rejection.DATE_LOCKED,
            "group " + code + ", loan " + loanId + ": a penalty dated " + date + ", but the book is locked up to " + locked.get());
      }
      LoanHistory history = history(code, loan);
      requireInOrder(code, loan, history, date);
      history.withFine(date, amount);
      registry.addLoanEvent(code, loanId, penalty);
      return null;
    });
  }

  JournalEntry repayLoan(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount, Channel channel) {
    return atomically(code, () -> {
      Group group = group(code);
      MemberLoan loan = standingLoan(code, loanId);
      positive(group, amount, "repayment");
      if (MinorUnits.exceeds(amount, Loan.MAX_PRINCIPAL_MINOR)) {
        throw new GroupException(GroupRejection.REPAYMENT_EXCEEDS_DEBT,
            "group " + code + ", loan " + loanId + ": a payment of " + withCurrency(amount)
                + " is beyond any loan's limit");
      }
      Objects.requireNonNull(channel, "channel");
      LoanEvent payment = new LoanEvent(LoanEvent.Kind.PAYMENT, id, date, amount);
      // read once: the repeat check and the history are of the same events
      List<LoanEvent> events = registry.loanEvents(code, loanId);
      if (events.contains(payment) && journal.entry(code, id).isPresent()) {
        return journal.entry(code, id).get();
      }
      LoanHistory history = history(code, loan, events);
      requireInOrder(code, loan, history, date);
      PaymentAllocation split = history.allocate(date, amount);
      if (split.hasExcess()) {
        throw new GroupException(GroupRejection.REPAYMENT_EXCEEDS_DEBT,
            "group " + code + ", loan " + loanId + ": " + withCurrency(amount)
                + " is more than the loan will ever ask; at most "
                + withCurrency(split.applied()) + " can be taken on " + date);
      }
      return recordPayment(code, id, loan, date, split, channel,
          EngineMemo.LOAN_REPAYMENT.compose(loanId.value(), loan.member().value()));
    });
  }

  JournalEntry settleLoan(
      BookId code, EntryId id, LoanId loanId, LocalDate date, Channel channel, FlatEarlyInterest flatEarlyInterest) {
    return atomically(code, () -> {
      group(code);
      MemberLoan loan = standingLoan(code, loanId);
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(flatEarlyInterest, "flatEarlyInterest");
      // A repeat: the settlement is recorded already as this loan's payment with this id.
      if (journal.entry(code, id).isPresent()
          && registry.loanEvents(code, loanId).stream()
              .anyMatch(e -> e.kind() == LoanEvent.Kind.PAYMENT && e.id().equals(id))) {
        return journal.entry(code, id).get();
      }
      LoanHistory history = history(code, loan);
      requireInOrder(code, loan, history, date);
      PaymentAllocation split = history.settlement(date, flatEarlyInterest);
      if (split.total().isZero()) {
        throw new GroupException(GroupRejection.REPAYMENT_EXCEEDS_DEBT,
            "group " + code + ", loan " + loanId + ": nothing is owed on " + date + "; the loan is settled");
      }
      return recordPayment(code, id, loan, date, split, channel,
          EngineMemo.LOAN_SETTLEMENT.compose(loanId.value(), loan.member().value()));
    });
  }

  /** Records a payment split as given, and the loan's event; the split has no excess. */
  private JournalEntry recordPayment(
      BookId code, EntryId id, MemberLoan loan, LocalDate date, PaymentAllocation split, Channel channel, String memo) {
    Money amount = split.applied();
    List<Posting> postings = new EntryBuilder()
        .debit(channel.account(), amount)
        .credit(Chart.FINES, split.fines())
        .credit(Chart.LOAN_INTEREST, split.interest())
        .credit(Chart.memberAccount(Chart.MEMBER_LOANS, loan.member()), split.principal())
        .postings();
    JournalEntry entry = recordEntry(JournalEntry.of(id, code, date, memo, postings)
        .withKind(EntryKind.LOAN_REPAYMENT, Optional.of(loan.member().value()), Optional.of(loan.id().value())));
    registry.addLoanEvent(code, loan.id(), new LoanEvent(LoanEvent.Kind.PAYMENT, id, date, amount));
    return entry;
  }

  LoanState loanState(BookId code, LoanId loanId, LocalDate asOf) {
    group(code);
    MemberLoan loan = standingLoan(code, loanId);
    if (asOf.isBefore(loan.terms().disbursementDate())) {
      throw new GroupException(GroupRejection.INVALID_DATE,
          "group " + code + ": loan " + loanId + " was paid out on " + loan.terms().disbursementDate()
              + " and has no state on " + asOf);
    }
    return history(code, loan).stateAsOf(asOf);
  }

  Map<MemberLoan, LoanHistory> histories(BookId code) {
    List<MemberLoan> loans = loans(code);
    Map<LoanId, List<LoanEvent>> events = registry.loanEvents(code);
    Map<MemberLoan, LoanHistory> histories = new LinkedHashMap<>();
    for (MemberLoan loan : loans) {
      histories.put(loan, history(code, loan, events.getOrDefault(loan.id(), List.of())));
    }
    return histories;
  }
}
