package org.shgledger.group;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;

/**
 * Corrections by reversal, with the rules that keep loan histories and members' status in step
 * with the journal. Part of {@link SavingsGroups}.
 */
final class Corrections extends EnginePart {

  Corrections(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    super(journal, registry, unitOfWork);
  }
  JournalEntry reverse(BookId code, EntryId original, EntryId reversalId, LocalDate date, String memo) {
    org.shgledger.journal.PlainText.checkDescription("a reversal's memo", memo);
    String masked = org.shgledger.journal.AccountNumbers.mask(memo);
    return atomically(code, () -> {
      group(code);
      if (journal.entry(code, reversalId).isEmpty()) {
        requireReversibleForLoans(code, original);
        Optional<JournalEntry> target = journal.entry(code, original);
        if (target.isPresent()) {
          requireReversibleCorrection(code, target.get(), date);
        }
      }
      try {
        JournalEntry reversal = journal.reverse(code, original, reversalId, date, masked);
        JournalEntry reversed = journal.entry(code, original).orElseThrow();
        if (reversed.kind() == EntryKind.EXIT_SETTLEMENT) {
          MemberId memberId = MemberId.of(reversed.member().orElseThrow());
          Member member = member(code, memberId);
          registry.putMember(code, new Member(member.id(), member.name(), member.category(),
              member.joined(), Optional.empty(), member.bankAccount()));
        }
        return reversal;
      } catch (JournalException e) {
        throw translate(e);
      }
    });
  }

  /**
   * Keeps loan histories and members' status in step with the journal: a loan entry is reversed
   * on its own date (a history cannot hold a payment that stood for some days), and the reversal
   * of a loan entry or an exit is not itself reversed (the registry would not follow).
   */
  private void requireReversibleCorrection(BookId code, JournalEntry target, LocalDate date) {
    if (target.kind() == EntryKind.YEAR_END) {
      throw new GroupException(GroupRejection.YEAR_END_NOT_REVERSIBLE,
          "group " + code + ": " + target.id() + " closed the year ending " + target.date() + ", which stays closed;"
              + " correct a mistake of that year with an entry dated in the open year");
    }
    // A member who has left has settled accounts: reversing anything else of hers (a withdrawal,
    // a repayment) would put money back on them after the settlement. Only reversing the
    // settlement itself, which brings her back, may touch them.
    boolean ownSettlement = target.kind() == EntryKind.EXIT_SETTLEMENT;
    if (!ownSettlement) {
      for (Posting posting : target.postings()) {
        for (AccountCode control : Chart.MEMBER_CONTROLS) {
          String prefix = control.value() + ":";
          if (posting.account().value().startsWith(prefix)) {
            MemberId memberId = MemberId.of(posting.account().value().substring(prefix.length()));
            Optional<Member> member = registry.member(code, memberId);
            if (member.isPresent() && member.get().exited().isPresent()) {
              throw new GroupException(GroupRejection.MEMBER_HAS_LEFT,
                  "group " + code + ": " + target.id() + " touches the settled accounts of " + memberId
                      + ", who left on " + member.get().exited().get() + "; it cannot be reversed now");
            }
          }
        }
      }
    }
    if (target.reverses().isPresent()) {
      EntryId corrected = target.reverses().get();
      boolean exit = journal.entry(code, corrected)
          .filter(e -> e.kind() == EntryKind.EXIT_SETTLEMENT).isPresent();
      if (exit || isLoanEntry(code, corrected)) {
        throw new GroupException(GroupRejection.REVERSAL_OF_CORRECTION,
            "group " + code + ": " + target.id() + " corrects " + corrected
                + ", a loan entry or an exit; record that again under a new id instead");
      }
    }
    if (isLoanEntry(code, target.id()) && !date.equals(target.date())) {
      throw new GroupException(GroupRejection.LOAN_REVERSAL_NOT_ON_ITS_DATE,
          "group " + code + ": " + target.id() + " is a loan entry of " + target.date()
              + "; reverse it on that date, not " + date);
    }
  }

  /** A loan payment or disbursement can be reversed only if no later payment on the loan stands. */
  private void requireReversibleForLoans(BookId code, EntryId original) {
    for (MemberLoan loan : registry.loans(code)) {
      List<LoanEvent> standing = registry.loanEvents(code, loan.id()).stream()
          .filter(e -> e.kind() == LoanEvent.Kind.PAYMENT && isStanding(code, e.id()))
          .toList();
      boolean isDisbursement = loan.disbursement().equals(original);
      boolean isPayment = standing.stream().anyMatch(e -> e.id().equals(original));
      if ((isDisbursement && !standing.isEmpty())
          || (isPayment && !standing.get(standing.size() - 1).id().equals(original))) {
        throw new GroupException(GroupRejection.LOAN_PAYMENT_NOT_LATEST,
            "group " + code + ", loan " + loan.id() + ": reverse its later payments first, latest first");
      }
    }
  }
}
