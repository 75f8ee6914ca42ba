package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.loan.FlatEarlyInterest;
import org.shgledger.loan.LoanHistory;

/**
 * What every part of the savings-group engine stands on: the journal and the registry it writes,
 * the unit of work each operation runs in, and the look-ups and checks every part makes (a group
 * and its members, a member of the day, a positive amount, a loan and its history, the journal's
 * refusals in the engine's words). The parts are package-private; {@link SavingsGroups} is the
 * engine's one entry point.
 */
abstract class EnginePart {

  final Journal journal;
  final GroupRegistry registry;
  final UnitOfWork unitOfWork;

  EnginePart(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }
  Group group(BookId code) {
    return registry.group(Objects.requireNonNull(code, "code"))
        .orElseThrow(() -> new GroupException(GroupRejection.GROUP_NOT_FOUND, "group " + code + " does not exist"));
  }

  Member member(BookId code, MemberId memberId) {
    group(code);
    return registry.member(code, Objects.requireNonNull(memberId, "memberId"))
        .orElseThrow(() -> new GroupException(GroupRejection.MEMBER_NOT_FOUND,
            "group " + code + ": there is no member " + memberId));
  }

  static List<Posting> pair(AccountCode debit, AccountCode credit, Money amount) {
    return List.of(Posting.debit(debit, amount), Posting.credit(credit, amount));
  }

  List<MemberLoan> loans(BookId code) {
    group(code);
    return registry.loans(code).stream().filter(loan -> isStanding(code, loan.disbursement())).toList();
  }

  List<MemberLoan> loansOf(BookId code, MemberId memberId) {
    group(code);
    return registry.loansOf(code, memberId).stream().filter(loan -> isStanding(code, loan.disbursement())).toList();
  }

  LoanHistory history(BookId code, MemberLoan loan) {
    return history(code, loan, registry.loanEvents(code, loan.id()));
  }

  LoanHistory history(BookId code, MemberLoan loan, List<LoanEvent> events) {
    LoanHistory history = LoanHistory.of(loan.terms(), loan.allocationOrder(), loan.paymentRule());
    for (LoanEvent event : events) {
      try {
        if (event.kind() == LoanEvent.Kind.PENALTY) {
          history = history.withFine(event.date(), event.amount());
        } else if (isStanding(code, event.id())) {
          // A flat loan settled with the interest of the periods not reached is recorded as a
          // payment of that settlement: read back as such.
          history = history.withPayment(event.date(), event.amount(), FlatEarlyInterest.FULL);
        }
      } catch (IllegalArgumentException e) {
        // the engine checked this event against these terms when it recorded it
        throw new GroupException(GroupRejection.RECORDS_INCONSISTENT,
            "group " + code + ", loan " + loan.id() + ": its stored " + event.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + event.id() + " does not fit its stored terms (" + e.getMessage() + "): the books were changed"
                + " outside shg-ledger; shg verify " + code + " names what changed");
      }
    }
    return history;
  }

  MemberLoan standingLoan(BookId code, LoanId loanId) {
    Objects.requireNonNull(loanId, "loanId");
    return registry.loan(code, loanId)
        .filter(loan -> isStanding(code, loan.disbursement()))
        .orElseThrow(() -> new GroupException(GroupRejection.LOAN_NOT_FOUND,
            "group " + code + ": there is no loan " + loanId + " (or its disbursement was reversed)"));
  }

  /** Whether an entry is recorded and not reversed. */
  boolean isStanding(BookId code, EntryId entry) {
    return journal.stands(code, entry);
  }

  static void requireInOrder(BookId code, MemberLoan loan, LoanHistory history, LocalDate date) {
    if (date.isBefore(history.latestDate())) {
      throw new GroupException(GroupRejection.LOAN_EVENT_OUT_OF_ORDER,
          "group " + code + ", loan " + loan.id() + ": " + date + " is before the loan's latest event on "
              + history.latestDate() + "; loan events are recorded in date order");
    }
  }

  /** Whether an entry paid a loan out or paid into one (an exit that cleared loans included). */
  boolean isLoanEntry(BookId code, EntryId entry) {
    for (MemberLoan loan : registry.loans(code)) {
      if (loan.disbursement().equals(entry)
          || registry.loanEvents(code, loan.id()).stream()
              .anyMatch(e -> e.kind() == LoanEvent.Kind.PAYMENT && e.id().equals(entry))) {
        return true;
      }
    }
    return false;
  }

  Money savings(BookId code, MemberId memberId, LocalDate date) {
    member(code, memberId);
    return balance(code, Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId), date)
        .plus(balance(code, Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId), date));
  }

  List<Member> membersOn(BookId code, LocalDate date) {
    group(code);
    return registry.members(code).stream().filter(m -> m.isMemberOn(date)).toList();
  }

  Money balance(BookId code, AccountCode account, LocalDate date) {
    return journal.balance(code, account, date).normalBalance();
  }

  /** The members of a day who have not left since: the ones whose accounts are still open to shares. */
  List<Member> stayingMembersOn(BookId code, LocalDate date) {
    return membersOn(code, date).stream().filter(m -> m.exited().isEmpty()).toList();
  }

  /**
   * An account that an entry the engine does not compute itself (a bank line, a reclassification,
   * opening balances) may name: not one the engine keeps in step with its own records, and, if it
   * is a member's savings, hers while she is a member.
   */
  void requireOpenToOutside(BookId code, AccountCode account, LocalDate date, String what) {
    Optional<String> owned = Chart.ownedByEngine(account);
    if (owned.isPresent()) {
      throw new GroupException(GroupRejection.ACCOUNT_OWNED_BY_ENGINE,
          "group " + code + ": " + what + " may not post to " + owned.get());
    }
    Optional<MemberId> owner = Chart.memberOf(account);
    if (owner.isPresent()) {
      requireMemberOn(code, member(code, owner.get()), date);
    }
  }

  void requireMemberOn(BookId code, Member member, LocalDate date) {
    if (member.exited().isPresent()) {
      // her accounts are settled: a back-dated entry would leave money on them after she left
      throw new GroupException(GroupRejection.MEMBER_HAS_LEFT,
          "group " + code + ": " + member.id() + " left on " + member.exited().get()
              + " and her accounts are settled; nothing more is recorded for her");
    }
    if (!member.isMemberOn(date)) {
      throw new GroupException(GroupRejection.NOT_A_MEMBER_ON_DATE,
          "group " + code + ": " + member.id() + " was not a member on " + date + " (joined "
              + member.joined() + member.exited().map(d -> ", left " + d).orElse("") + ")");
    }
  }

  static void requirePayableTo(BookId code, Member member, Channel channel) {
    if (channel == Channel.BANK && member.bankAccount().isEmpty()) {
      throw new GroupException(GroupRejection.NO_MEMBER_BANK_ACCOUNT,
          "group " + code + ": " + member.id() + " has no bank account on record to be paid into");
    }
  }

  static Money positive(Group group, Money amount, String what) {
    if (!amount.getCurrencyUnit().equals(group.currency()) || !amount.isPositive()) {
      throw new GroupException(GroupRejection.INVALID_AMOUNT,
          "group " + group.code() + ": " + what + " must be a positive amount in " + group.currency() + ", got "
              + withCurrency(amount));
    }
    return amount;
  }

  static void nonNegative(Group group, Money amount, String what) {
    if (!amount.getCurrencyUnit().equals(group.currency()) || amount.isNegative()) {
      throw new GroupException(GroupRejection.INVALID_AMOUNT,
          "group " + group.code() + ": " + what + " must be zero or more in " + group.currency() + ", got "
              + withCurrency(amount));
    }
  }

  <T> T atomically(BookId code, Supplier<T> work) {
    return unitOfWork.atomically(Objects.requireNonNull(code, "code"), Objects.requireNonNull(work, "work"));
  }

  JournalEntry recordEntry(JournalEntry entry) {
    try {
      return journal.record(entry);
    } catch (JournalException e) {
      throw translate(e);
    }
  }

  /** Says "not enough cash" rather than quoting the journal's balance rule. */
  static RuntimeException translate(JournalException e) {
    if (e.reason() != Rejection.BALANCE_CONSTRAINT_VIOLATED || e.account().isEmpty()) {
      return e;
    }
    AccountCode account = e.account().get();
    String value = account.value();
    GroupRejection reason;
    String plainly;
    if (account.equals(Chart.CASH)) {
      reason = GroupRejection.INSUFFICIENT_CASH;
      plainly = "not enough cash in hand";
    } else if (account.equals(Chart.BANK)) {
      reason = GroupRejection.INSUFFICIENT_BANK_BALANCE;
      plainly = "not enough money in the bank";
    } else if (value.startsWith(Chart.COMPULSORY_SAVINGS + ":") || value.startsWith(Chart.VOLUNTARY_SAVINGS + ":")) {
      reason = GroupRejection.INSUFFICIENT_SAVINGS;
      plainly = "the member has not saved that much";
    } else if (value.startsWith(Chart.MEMBER_LOANS + ":") || account.equals(Chart.BANK_LOAN)
        || account.equals(Chart.FEDERATION_LOAN)) {
      reason = GroupRejection.REPAYMENT_EXCEEDS_DEBT;
      plainly = "more would be repaid than is owed";
    } else if (account.equals(Chart.WELFARE_FUND)) {
      reason = GroupRejection.INSUFFICIENT_FUND;
      plainly = "the welfare fund does not hold that much";
    } else {
      return e;
    }
    // the position in a batch is the importer's to name, as a line of its file
    String said = e.batchIndex().isPresent() ? e.getMessage().replaceFirst("^batch entry \\d+ of \\d+: ", "")
        : e.getMessage();
    return new GroupException(reason, plainly + " (" + said + ")", e);
  }
}
