package org.shgledger.group;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;
import org.shgledger.loan.PaymentAllocation;
import org.shgledger.money.Allocator;
import org.shgledger.money.MinorUnits;
import org.shgledger.money.RoundingPolicy;

/**
 * The savings-group engine: the rules a Self Help Group lives by, turned into balanced journal
 * entries. Every money operation is one entry in the group's book; a refused one throws {@link
 * GroupException} (or {@link JournalException} for a rule of the journal itself, such as a locked
 * period) and leaves no trace; any entry can be corrected with {@link #reverse}.
 *
 * <p>Entry ids are chosen by the caller and are idempotency keys, as in the journal: repeating an
 * operation with the same id and the same content records nothing new.
 *
 * <p>Each operation that writes runs as one {@link UnitOfWork}: over a durable store its journal
 * entry and its registry records are committed in one transaction, so a crash keeps both or
 * neither.
 *
 * <p>The accounts each operation debits and credits are listed in docs/engine.md.
 */
public final class SavingsGroups {

  /** Allocations of money among members are exact to the paisa, whatever the group's rounding. */
  private static final RoundingPolicy EXACT = RoundingPolicy.minorUnits(RoundingMode.UNNECESSARY);

  // The marks below are part of the books' meaning: reports (org.shgledger.report) recognise the
  // engine's own entries by them, so they are public and must never change wording.

  /** The source reference prefix of a member's exit settlement: {@code exit:M01}. */
  public static final String EXIT_SOURCE = "exit:";
  /** The memo of {@link #distributeSurplus}'s entry. */
  public static final String DISTRIBUTION_MEMO = "surplus distributed in proportion to savings";
  /** The memo of {@link #shareOut}'s entry. */
  public static final String SHARE_OUT_MEMO = "share-out: the whole fund paid to members";
  /** The memo of {@link #closeYear}'s closing entry. */
  public static final String YEAR_END_MEMO = "year end: income and expense closed into surplus";

  private final Journal journal;
  private final GroupRegistry registry;
  private final UnitOfWork unitOfWork;

  /**
   * Creates the engine over a journal and a registry that live and die with the process, such as
   * {@link org.shgledger.journal.InMemoryJournal} and {@link InMemoryGroupRegistry}: each
   * operation runs directly ({@link UnitOfWork#immediate()}).
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry) {
    this(journal, registry, UnitOfWork.immediate());
  }

  /**
   * Creates the engine over a journal and a registry, running each operation that writes as one
   * unit of work, so that its journal entry and its registry records are kept together or not at
   * all (a durable store's engine, {@code LedgerStore.engine()}, is made this way).
   *
   * @param journal where the money is kept, not null
   * @param registry where groups, members, office bearers and meetings are kept, not null
   * @param unitOfWork what makes each operation one whole, not null
   */
  public SavingsGroups(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /**
   * The journal holding the groups' books, for balances, trial balances and reports.
   *
   * @return the journal, not null
   */
  public Journal journal() {
    return journal;
  }

  /**
   * The registry holding groups, members, office bearers and meetings.
   *
   * @return the registry, not null
   */
  public GroupRegistry registry() {
    return registry;
  }

  // ---------------------------------------------------------------- groups and people

  /**
   * Creates a group and its book with the standard chart of accounts. Creating a group that
   * exists with the same definition returns it and changes nothing.
   *
   * @param group the group's definition, not null
   * @return the group, not null
   * @throws GroupException {@link GroupRejection#GROUP_EXISTS} if the code is taken by a different
   *     group
   */
  public Group createGroup(Group group) {
    Objects.requireNonNull(group, "group");
    return atomically(group.code(), () -> {
      Optional<Group> existing = registry.group(group.code());
      if (existing.isPresent()) {
        if (!existing.get().equals(group)) {
          throw new GroupException(GroupRejection.GROUP_EXISTS,
              "group " + group.code() + " exists already as '" + existing.get().name() + "'");
        }
        return existing.get();
      }
      journal.createBook(group.book());
      for (Account account : Chart.standardAccounts(group.code(), group.currency())) {
        journal.openAccount(account);
      }
      registry.putGroup(group);
      return group;
    });
  }

  /**
   * A group's definition.
   *
   * @param code the group's code, not null
   * @return the group
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Group group(BookId code) {
    return registry.group(Objects.requireNonNull(code, "code"))
        .orElseThrow(() -> new GroupException(GroupRejection.GROUP_NOT_FOUND, "group " + code + " does not exist"));
  }

  /**
   * Adds a member and opens her sub-ledger accounts (loans, compulsory and voluntary savings).
   * Adding a member who is already recorded with the same name, category and joining date changes
   * nothing, except that a bank account given now is recorded (so a roster can be imported again
   * after members open accounts).
   *
   * @param code the group, not null
   * @param member the new member, not yet left, not null
   * @return the member as recorded, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}; {@link
   *     GroupRejection#MEMBER_HAS_LEFT} if a member with this id has left (ids are not reused, so
   *     that old entries keep meaning one person); {@link GroupRejection#MEMBER_EXISTS} if the id
   *     is taken by a different person
   * @throws IllegalArgumentException if the record says she has already left
   */
  public Member addMember(BookId code, Member member) {
    return atomically(code, () -> {
      Group group = group(code);
      Objects.requireNonNull(member, "member");
      if (member.exited().isPresent()) {
        throw new IllegalArgumentException("a new member cannot have left already; use settleExit");
      }
      Optional<Member> existing = registry.member(code, member.id());
      if (existing.isPresent()) {
        Member known = existing.get();
        if (known.exited().isPresent()) {
          throw new GroupException(GroupRejection.MEMBER_HAS_LEFT,
              "group " + code + ": member " + member.id() + " left on " + known.exited().get()
                  + "; a returning member gets a new id");
        }
        if (!known.name().equals(member.name()) || known.category() != member.category()
            || !known.joined().equals(member.joined())) {
          throw new GroupException(GroupRejection.MEMBER_EXISTS,
              "group " + code + ": member " + member.id() + " exists already with another record");
        }
        if (member.bankAccount().isPresent() && !member.bankAccount().equals(known.bankAccount())) {
          return setBankAccount(code, member.id(), member.bankAccount().get());
        }
        return known;
      }
      for (Account account : Chart.memberAccounts(code, group.currency(), member.id())) {
        journal.openAccount(account);
      }
      registry.putMember(code, member);
      return member;
    });
  }

  /**
   * Records (or replaces) a member's own bank account.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @param account her bank account, its number already masked, not null
   * @return the updated member, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}
   */
  public Member setBankAccount(BookId code, MemberId memberId, MemberBankAccount account) {
    return atomically(code, () -> {
      Member member = member(code, memberId).withBankAccount(Objects.requireNonNull(account, "account"));
      registry.putMember(code, member);
      return member;
    });
  }

  /**
   * A member of a group.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @return the member, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#MEMBER_NOT_FOUND}
   */
  public Member member(BookId code, MemberId memberId) {
    group(code);
    return registry.member(code, Objects.requireNonNull(memberId, "memberId"))
        .orElseThrow(() -> new GroupException(GroupRejection.MEMBER_NOT_FOUND,
            "group " + code + ": there is no member " + memberId));
  }

  /**
   * Records an election: a member holds an office for a term. At most one member holds an office
   * on any day; earlier terms stay in the history. Recording the same term again changes nothing.
   *
   * @param code the group, not null
   * @param term the term, not null
   * @return the term, not null
   * @throws GroupException {@link GroupRejection#MEMBER_NOT_FOUND}, {@link
   *     GroupRejection#NOT_A_MEMBER_ON_DATE} if she is not a member when the term starts, {@link
   *     GroupRejection#OFFICE_TAKEN} if another term of the office overlaps
   */
  public BearerTerm elect(BookId code, BearerTerm term) {
    return atomically(code, () -> {
      Objects.requireNonNull(term, "term");
      Member member = member(code, term.member());
      requireMemberOn(code, member, term.from());
      for (BearerTerm other : registry.terms(code)) {
        if (other.equals(term)) {
          return other;
        }
        if (other.role() == term.role() && other.overlaps(term)) {
          throw new GroupException(GroupRejection.OFFICE_TAKEN,
              "group " + code + ": " + other.member() + " is " + other.role().name().toLowerCase()
                  + " from " + other.from() + " to " + other.to() + ", overlapping " + term.from() + " to " + term.to());
        }
      }
      registry.addTerm(code, term);
      return term;
    });
  }

  /**
   * Who held each office on a date.
   *
   * @param code the group, not null
   * @param date the date, not null
   * @return the office holders; an office nobody held is absent, not null
   */
  public Map<Role, MemberId> bearersOn(BookId code, LocalDate date) {
    group(code);
    Map<Role, MemberId> holders = new EnumMap<>(Role.class);
    for (BearerTerm term : registry.terms(code)) {
      if (term.covers(date)) {
        holders.put(term.role(), term.member());
      }
    }
    return holders;
  }

  /**
   * Records a meeting's roll. Recording the same meeting again changes nothing.
   *
   * @param meeting the meeting, not null
   * @return the meeting, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}, {@link
   *     GroupRejection#ATTENDANCE_OF_NON_MEMBER}, {@link GroupRejection#MEETING_EXISTS} if the
   *     group's meeting that day is recorded with a different roll
   */
  public Meeting recordMeeting(Meeting meeting) {
    Objects.requireNonNull(meeting, "meeting");
    return atomically(meeting.group(), () -> {
      group(meeting.group());
      for (MemberId id : meeting.attendance().keySet()) {
        Optional<Member> member = registry.member(meeting.group(), id);
        if (member.isEmpty() || !member.get().isMemberOn(meeting.date())) {
          throw new GroupException(GroupRejection.ATTENDANCE_OF_NON_MEMBER,
              "group " + meeting.group() + ", meeting of " + meeting.date() + ": " + id
                  + " was not a member that day");
        }
      }
      Optional<Meeting> existing = registry.meeting(meeting.group(), meeting.date());
      if (existing.isPresent()) {
        if (!existing.get().equals(meeting)) {
          throw new GroupException(GroupRejection.MEETING_EXISTS,
              "group " + meeting.group() + ": the meeting of " + meeting.date() + " is recorded already with another roll");
        }
        return existing.get();
      }
      registry.putMeeting(meeting);
      return meeting;
    });
  }

  // ---------------------------------------------------------------- everyday money

  /**
   * Records an everyday money event as one balanced entry.
   *
   * @param code the group, not null
   * @param id the entry's id (idempotency key), not null
   * @param date the date of the event, not null
   * @param operation the event, not null
   * @return the recorded entry, not null
   * @throws GroupException if an engine rule is broken (unknown member, not a member on the date,
   *     no bank account on record, an invalid amount, not enough cash, bank balance or savings, a
   *     repayment above the debt)
   * @throws JournalException if a journal rule is broken (a locked period, the id reused with
   *     other content)
   */
  public JournalEntry record(BookId code, EntryId id, LocalDate date, GroupOperation operation) {
    return atomically(code, () -> {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(operation, "operation");
      Group group = group(code);
      List<Posting> postings = postings(group, date, operation);
      return recordEntry(JournalEntry.of(id, code, date, operation.memo(), postings));
    });
  }

  /** The one place an everyday operation becomes postings. */
  private List<Posting> postings(Group group, LocalDate date, GroupOperation operation) {
    BookId code = group.code();
    if (operation instanceof GroupOperation.Save op) {
      Money amount = positive(group, op.amount(), "savings");
      requireMemberOn(code, member(code, op.member()), date);
      return pair(op.channel().account(), Chart.memberAccount(op.kind().control(), op.member()), amount);
    } else if (operation instanceof GroupOperation.WithdrawSavings op) {
      Money amount = positive(group, op.amount(), "withdrawal");
      Member member = member(code, op.member());
      requireMemberOn(code, member, date);
      requirePayableTo(code, member, op.channel());
      return pair(Chart.memberAccount(op.kind().control(), op.member()), op.channel().account(), amount);
    } else if (operation instanceof GroupOperation.BankCash op) {
      return pair(Chart.BANK, Chart.CASH, positive(group, op.amount(), "amount banked"));
    } else if (operation instanceof GroupOperation.WithdrawFromBank op) {
      return pair(Chart.CASH, Chart.BANK, positive(group, op.amount(), "amount withdrawn"));
    } else if (operation instanceof GroupOperation.Fine op) {
      Money amount = positive(group, op.amount(), "fine");
      requireMemberOn(code, member(code, op.member()), date);
      return pair(op.channel().account(), Chart.FINES, amount);
    } else if (operation instanceof GroupOperation.BankInterest op) {
      return pair(Chart.BANK, Chart.BANK_INTEREST, positive(group, op.amount(), "bank interest"));
    } else if (operation instanceof GroupOperation.BankCharges op) {
      return pair(Chart.BANK_CHARGES, Chart.BANK, positive(group, op.amount(), "bank charges"));
    } else if (operation instanceof GroupOperation.ReceiveBankLoan op) {
      return pair(Chart.BANK, Chart.BANK_LOAN, positive(group, op.amount(), "bank loan"));
    } else if (operation instanceof GroupOperation.RepayBankLoan op) {
      return split(group, Chart.BANK_LOAN, op.principal(), op.interest(), Chart.BANK);
    } else if (operation instanceof GroupOperation.ReceiveFederationLoan op) {
      return pair(op.channel().account(), Chart.FEDERATION_LOAN, positive(group, op.amount(), "federation loan"));
    } else if (operation instanceof GroupOperation.RepayFederationLoan op) {
      return split(group, Chart.FEDERATION_LOAN, op.principal(), op.interest(), op.channel().account());
    } else if (operation instanceof GroupOperation.ReceiveGrant op) {
      return pair(op.channel().account(), Chart.GRANTS, positive(group, op.amount(), "grant"));
    } else if (operation instanceof GroupOperation.PayExpense op) {
      return pair(Chart.EXPENSES, op.channel().account(), positive(group, op.amount(), "expense"));
    } else if (operation instanceof GroupOperation.OtherIncome op) {
      return pair(op.channel().account(), Chart.OTHER_INCOME, positive(group, op.amount(), "income"));
    }
    throw new AssertionError("unhandled operation " + operation);
  }

  /** A repayment of an outside loan: principal off the loan, interest to expense, paid from one fund. */
  private List<Posting> split(Group group, AccountCode loan, Money principal, Money interest, AccountCode from) {
    nonNegative(group, principal, "principal");
    nonNegative(group, interest, "interest");
    if (principal.isZero() && interest.isZero()) {
      throw new GroupException(GroupRejection.INVALID_AMOUNT, "group " + group.code() + ": a repayment of nothing");
    }
    return new EntryBuilder()
        .debit(loan, principal)
        .debit(Chart.INTEREST_PAID, interest)
        .credit(from, principal.plus(interest))
        .postings();
  }

  private static List<Posting> pair(AccountCode debit, AccountCode credit, Money amount) {
    return List.of(Posting.debit(debit, amount), Posting.credit(credit, amount));
  }

  /**
   * Corrects a recorded entry by recording its exact opposite, linked to it. Reversing a member's
   * exit settlement makes her a member again.
   *
   * @param code the group, not null
   * @param original the entry to reverse, not null
   * @param reversalId the id of the reversing entry, not null
   * @param date the reversal's date, not null
   * @param memo why, not null
   * @return the reversing entry, not null
   * @throws GroupException if the reversal would leave too little cash, bank or savings
   * @throws JournalException for the journal's reversal rules (not found, reversed already, locked)
   */
  public JournalEntry reverse(BookId code, EntryId original, EntryId reversalId, LocalDate date, String memo) {
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
        JournalEntry reversal = journal.reverse(code, original, reversalId, date, memo);
        JournalEntry reversed = journal.entry(code, original).orElseThrow();
        Optional<String> source = reversed.sourceReference();
        if (source.isPresent() && source.get().startsWith(EXIT_SOURCE)) {
          MemberId memberId = MemberId.of(source.get().substring(EXIT_SOURCE.length()));
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


  // ---------------------------------------------------------------- loans to members

  /**
   * Pays out an internal loan: debit the member's loan account, credit cash or bank (a bank
   * payout goes to her own account). The loan's payments will be split in the group's default
   * {@link LoanDefaults#allocationOrder() allocation order} of this day, kept with the loan.
   * Repeating the same disbursement changes nothing.
   *
   * @param code the group, not null
   * @param id the disbursement entry's id, not null
   * @param loanId the loan's id in the group, not null
   * @param memberId the borrower, not null
   * @param terms the terms (a schedule, or an open loan), whose disbursement date is the entry's
   *     date, not null
   * @param channel how the money is paid out, not null
   * @return the disbursement entry, not null
   * @throws GroupException {@link GroupRejection#LOAN_EXISTS}, {@link
   *     GroupRejection#LOAN_IN_OTHER_CURRENCY}, {@link GroupRejection#NOT_A_MEMBER_ON_DATE},
   *     {@link GroupRejection#NO_MEMBER_BANK_ACCOUNT}, {@link GroupRejection#INSUFFICIENT_CASH},
   *     {@link GroupRejection#INSUFFICIENT_BANK_BALANCE}
   */
  public JournalEntry disburseLoan(
      BookId code, EntryId id, LoanId loanId, MemberId memberId, Loan terms, Channel channel) {
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
        if (!recorded.equals(new MemberLoan(loanId, memberId, terms, channel, id, recorded.allocationOrder()))) {
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
      JournalEntry entry = recordEntry(JournalEntry.of(id, code, date, "loan " + loanId + " to " + memberId,
          pair(Chart.memberAccount(Chart.MEMBER_LOANS, memberId), channel.account(), terms.principal())));
      registry.putLoan(code, loan);
      return entry;
    });
  }

  /**
   * Charges a penalty on a loan, such as for a late instalment. It is not money yet: it is owed,
   * and the next payments pay it first; it becomes income (4100) when paid. Charging the same
   * penalty id again changes nothing.
   *
   * @param code the group, not null
   * @param id the penalty's id, not null
   * @param loanId the loan, not null
   * @param date the day it is charged, not before the loan's latest event, not null
   * @param amount positive, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_AMOUNT}, {@link GroupRejection#LOAN_EVENT_OUT_OF_ORDER}
   */
  public void chargeLoanPenalty(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount) {
    atomically(code, () -> {
      Group group = group(code);
      MemberLoan loan = standingLoan(code, loanId);
      positive(group, amount, "penalty");
      if (MinorUnits.exceeds(amount, Loan.MAX_PRINCIPAL_MINOR)) {
        throw new GroupException(GroupRejection.INVALID_AMOUNT,
            "group " + code + ", loan " + loanId + ": a penalty of " + amount + " is beyond any loan's limit");
      }
      LoanEvent penalty = new LoanEvent(LoanEvent.Kind.PENALTY, id, date, amount);
      Optional<LoanEvent> same = registry.loanEvents(code, loanId).stream().filter(e -> e.id().equals(id)).findFirst();
      if (same.isPresent()) {
        if (same.get().equals(penalty)) {
          return null;
        }
        throw new GroupException(GroupRejection.PENALTY_EXISTS,
            "group " + code + ", loan " + loanId + ": penalty " + id + " is recorded already as "
                + same.get().amount() + " on " + same.get().date());
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

  /**
   * Records a repayment, split into penalties, interest and principal by the loan's history (see
   * {@link LoanHistory#allocate}): debit cash or bank; credit 4100 penalties, 4000 interest and
   * the member's loan account. Repeating the same payment changes nothing.
   *
   * @param code the group, not null
   * @param id the payment entry's id, not null
   * @param loanId the loan, not null
   * @param date the day of the payment, not before the loan's latest event, not null
   * @param amount the payment, positive, not null
   * @param channel where the money comes in, not null
   * @return the payment entry, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_AMOUNT}, {@link GroupRejection#LOAN_EVENT_OUT_OF_ORDER}, {@link
   *     GroupRejection#REPAYMENT_EXCEEDS_DEBT} if the payment is more than the loan will ever ask
   */
  public JournalEntry repayLoan(BookId code, EntryId id, LoanId loanId, LocalDate date, Money amount, Channel channel) {
    return atomically(code, () -> {
      Group group = group(code);
      MemberLoan loan = standingLoan(code, loanId);
      positive(group, amount, "repayment");
      if (MinorUnits.exceeds(amount, Loan.MAX_PRINCIPAL_MINOR)) {
        throw new GroupException(GroupRejection.REPAYMENT_EXCEEDS_DEBT,
            "group " + code + ", loan " + loanId + ": a payment of " + amount + " is beyond any loan's limit");
      }
      Objects.requireNonNull(channel, "channel");
      LoanEvent payment = new LoanEvent(LoanEvent.Kind.PAYMENT, id, date, amount);
      if (registry.loanEvents(code, loanId).contains(payment) && journal.entry(code, id).isPresent()) {
        return journal.entry(code, id).get();
      }
      LoanHistory history = history(code, loan);
      requireInOrder(code, loan, history, date);
      PaymentAllocation split = history.allocate(date, amount);
      if (split.hasExcess()) {
        throw new GroupException(GroupRejection.REPAYMENT_EXCEEDS_DEBT,
            "group " + code + ", loan " + loanId + ": " + amount + " is more than the loan will ever ask; at most "
                + split.applied() + " can be taken on " + date);
      }
      List<Posting> postings = new EntryBuilder()
          .debit(channel.account(), amount)
          .credit(Chart.FINES, split.fines())
          .credit(Chart.LOAN_INTEREST, split.interest())
          .credit(Chart.memberAccount(Chart.MEMBER_LOANS, loan.member()), split.principal())
          .postings();
      JournalEntry entry = recordEntry(JournalEntry.of(id, code, date,
          "repayment of loan " + loanId + " by " + loan.member(), postings));
      registry.addLoanEvent(code, loanId, payment);
      return entry;
    });
  }

  /**
   * Where a loan stands at the end of a day: outstanding principal, what is due and overdue, days
   * past due.
   *
   * @param code the group, not null
   * @param loanId the loan, not null
   * @param asOf the day, not before the disbursement, not null
   * @return the state, not null
   * @throws GroupException {@link GroupRejection#LOAN_NOT_FOUND}, {@link
   *     GroupRejection#INVALID_DATE} before the loan was paid out
   */
  public LoanState loanState(BookId code, LoanId loanId, LocalDate asOf) {
    group(code);
    MemberLoan loan = standingLoan(code, loanId);
    if (asOf.isBefore(loan.terms().disbursementDate())) {
      throw new GroupException(GroupRejection.INVALID_DATE,
          "group " + code + ": loan " + loanId + " was paid out on " + loan.terms().disbursementDate()
              + " and has no state on " + asOf);
    }
    return history(code, loan).stateAsOf(asOf);
  }

  /**
   * The loans of a group that stand (whose disbursement has not been reversed), in id order.
   *
   * @param code the group, not null
   * @return the loans, not null
   */
  public List<MemberLoan> loans(BookId code) {
    group(code);
    return registry.loans(code).stream().filter(loan -> isStanding(code, loan.disbursement())).toList();
  }

  /**
   * A loan's history: its terms with the penalties and the payments that stand, in order, its
   * payments split in the loan's own allocation order.
   *
   * @param code the group, not null
   * @param loan the loan, not null
   * @return the history, not null
   */
  public LoanHistory history(BookId code, MemberLoan loan) {
    return history(code, loan, registry.loanEvents(code, loan.id()));
  }

  /**
   * Every standing loan of a group with its history, as {@link #loans} and {@link #history} give
   * them one at a time: for a report over all of a group's loans, which reads the group's loan
   * events together.
   *
   * @param code the group, not null
   * @return each standing loan and its history, in the order of {@link #loans}, not null
   * @throws GroupException {@link GroupRejection#GROUP_NOT_FOUND}
   */
  public Map<MemberLoan, LoanHistory> histories(BookId code) {
    List<MemberLoan> loans = loans(code);
    Map<LoanId, List<LoanEvent>> events = registry.loanEvents(code);
    Map<MemberLoan, LoanHistory> histories = new LinkedHashMap<>();
    for (MemberLoan loan : loans) {
      histories.put(loan, history(code, loan, events.getOrDefault(loan.id(), List.of())));
    }
    return histories;
  }

  private LoanHistory history(BookId code, MemberLoan loan, List<LoanEvent> events) {
    LoanHistory history = LoanHistory.of(loan.terms(), loan.allocationOrder());
    for (LoanEvent event : events) {
      if (event.kind() == LoanEvent.Kind.PENALTY) {
        history = history.withFine(event.date(), event.amount());
      } else if (isStanding(code, event.id())) {
        history = history.withPayment(event.date(), event.amount());
      }
    }
    return history;
  }

  private MemberLoan standingLoan(BookId code, LoanId loanId) {
    Objects.requireNonNull(loanId, "loanId");
    return registry.loan(code, loanId)
        .filter(loan -> isStanding(code, loan.disbursement()))
        .orElseThrow(() -> new GroupException(GroupRejection.LOAN_NOT_FOUND,
            "group " + code + ": there is no loan " + loanId + " (or its disbursement was reversed)"));
  }

  /** Whether an entry is recorded and not reversed. */
  private boolean isStanding(BookId code, EntryId entry) {
    return journal.stands(code, entry);
  }

  private static void requireInOrder(BookId code, MemberLoan loan, LoanHistory history, LocalDate date) {
    if (date.isBefore(history.latestDate())) {
      throw new GroupException(GroupRejection.LOAN_EVENT_OUT_OF_ORDER,
          "group " + code + ", loan " + loan.id() + ": " + date + " is before the loan's latest event on "
              + history.latestDate() + "; loan events are recorded in date order");
    }
  }

  /**
   * Keeps loan histories and members' status in step with the journal: a loan entry is reversed
   * on its own date (a history cannot hold a payment that stood for some days), and the reversal
   * of a loan entry or an exit is not itself reversed (the registry would not follow).
   */
  private void requireReversibleCorrection(BookId code, JournalEntry target, LocalDate date) {
    // A member who has left has settled accounts: reversing anything else of hers (a withdrawal,
    // a repayment) would put money back on them after the settlement. Only reversing the
    // settlement itself, which brings her back, may touch them.
    boolean ownSettlement = target.sourceReference().filter(ref -> ref.startsWith(EXIT_SOURCE)).isPresent();
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
          .flatMap(JournalEntry::sourceReference).filter(ref -> ref.startsWith(EXIT_SOURCE)).isPresent();
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

  /** Whether an entry paid a loan out or paid into one (an exit that cleared loans included). */
  private boolean isLoanEntry(BookId code, EntryId entry) {
    for (MemberLoan loan : registry.loans(code)) {
      if (loan.disbursement().equals(entry)
          || registry.loanEvents(code, loan.id()).stream()
              .anyMatch(e -> e.kind() == LoanEvent.Kind.PAYMENT && e.id().equals(entry))) {
        return true;
      }
    }
    return false;
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

  // ---------------------------------------------------------------- year end and leaving

  /**
   * Closes a financial year: every income and expense account's balance for the year is moved
   * into 3100 Accumulated surplus by one entry dated the year's last day, and the book is locked
   * up to that day. A year with no income or expense is only locked.
   *
   * @param code the group, not null
   * @param id the closing entry's id, not null
   * @param yearEnd the last day of a financial year of the group, not null
   * @return the closing entry, or empty if there was nothing to close
   * @throws GroupException {@link GroupRejection#YEAR_ALREADY_CLOSED} if the book is locked on or
   *     after that day
   * @throws GroupException {@link GroupRejection#INVALID_DATE} if the date is not the last day of a
   *     financial year
   */
  public Optional<JournalEntry> closeYear(BookId code, EntryId id, LocalDate yearEnd) {
    return atomically(code, () -> {
      Group group = group(code);
      Objects.requireNonNull(id, "id");
      if (!group.financialYearStarting(yearEnd.plusDays(1)).equals(yearEnd.plusDays(1))) {
        throw new GroupException(GroupRejection.INVALID_DATE,
            yearEnd + " is not the last day of group " + code + "'s financial year (which starts in "
                + group.financialYearStart() + ")");
      }
      Optional<LocalDate> locked = journal.lockDate(code);
      if (locked.isPresent() && !locked.get().isBefore(yearEnd)) {
        throw new GroupException(GroupRejection.YEAR_ALREADY_CLOSED,
            "group " + code + ": the books are closed up to " + locked.get());
      }
      EntryBuilder closing = new EntryBuilder();
      Money net = Money.zero(group.currency());
      for (TrialBalance.Line line : journal.trialBalance(code, yearEnd).lines()) {
        if (Chart.closesAtYearEnd(line.account())) {
          closing.credit(line.account().code(), line.net());
          net = net.plus(line.net());
        }
      }
      Optional<JournalEntry> entry = Optional.empty();
      if (!closing.isEmpty()) {
        closing.debit(Chart.SURPLUS, net);
        String memo = YEAR_END_MEMO;
        entry = Optional.of(recordEntry(JournalEntry.of(id, code, yearEnd, memo, closing.postings())));
      }
      journal.lock(code, yearEnd);
      return entry;
    });
  }

  /**
   * Distributes part of the accumulated surplus to the members of a date in proportion to their
   * savings (compulsory plus voluntary) that day, every paisa allocated by the largest-remainder
   * method. Each share is credited to the member's voluntary savings; no cash moves.
   *
   * @param code the group, not null
   * @param id the entry's id, not null
   * @param date the date, not null
   * @param total the amount to distribute, positive, not null
   * @return the entry, not null
   * @throws GroupException {@link GroupRejection#INSUFFICIENT_SURPLUS} if the accumulated surplus
   *     is smaller, {@link GroupRejection#NOTHING_TO_SHARE_BY} if no member has savings
   */
  public JournalEntry distributeSurplus(BookId code, EntryId id, LocalDate date, Money total) {
    return atomically(code, () -> {
      Group group = group(code);
      positive(group, total, "surplus to distribute");
      Optional<JournalEntry> done = repeat(code, id, date, DISTRIBUTION_MEMO);
      if (done.isPresent() && done.get().postings().get(0).equals(Posting.debit(Chart.SURPLUS, total))) {
        return done.get();
      }
      // the lowest, not the day's, balance: a back-dated distribution may not spend surplus
      // that a later distribution has already given out
      Money surplus = lowestBalanceFrom(code, Chart.SURPLUS, date);
      if (total.isGreaterThan(surplus)) {
        throw new GroupException(GroupRejection.INSUFFICIENT_SURPLUS,
            "group " + code + ": cannot distribute " + total + "; the accumulated surplus on " + date
                + " and after is at most " + surplus);
      }
      List<Member> members = stayingMembersOn(code, date);
      List<Money> shares = shareBySavings(group, members, total, date);
      EntryBuilder entry = new EntryBuilder().debit(Chart.SURPLUS, total);
      for (int i = 0; i < members.size(); i++) {
        entry.credit(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, members.get(i).id()), shares.get(i));
      }
      return recordEntry(JournalEntry.of(id, code, date, DISTRIBUTION_MEMO, entry.postings()));
    });
  }

  /**
   * Settles a leaving member in one entry: she is paid her compulsory and voluntary savings and
   * her share of the undistributed surplus (accumulated surplus plus this year's income less
   * expense, shared among the members of the day in proportion to savings), less everything her
   * loans will ask (penalties, interest due and to come as scheduled, and principal: see {@link
   * LoanHistory#settlement}). If she owes more than she is due, she pays the difference in. She is
   * then recorded as having left on that date, and her loans as repaid by this entry.
   *
   * @param code the group, not null
   * @param id the settlement entry's id, not null
   * @param memberId the leaving member, not null
   * @param date the date she leaves, not null
   * @param channel how she is paid (or pays), not null; {@link Channel#BANK} pays her own account
   * @return the settlement entry, or empty if she had nothing to settle (no savings, share or
   *     loan), in which case only her leaving is recorded
   * @throws GroupException {@link GroupRejection#NOT_A_MEMBER_ON_DATE}, {@link
   *     GroupRejection#INSUFFICIENT_CASH} or {@link GroupRejection#INSUFFICIENT_BANK_BALANCE} if
   *     the group cannot pay her, {@link GroupRejection#NO_MEMBER_BANK_ACCOUNT}, {@link
   *     GroupRejection#LOAN_EVENT_OUT_OF_ORDER} if a loan of hers has a later event
   */
  public Optional<JournalEntry> settleExit(BookId code, EntryId id, MemberId memberId, LocalDate date, Channel channel) {
    return atomically(code, () -> {
      Group group = group(code);
      Member member = member(code, memberId);
      Optional<JournalEntry> done = journal.entry(code, Objects.requireNonNull(id, "id"));
      if (done.isPresent() && done.get().sourceReference().equals(Optional.of(EXIT_SOURCE + memberId))) {
        if (journal.reversalOf(code, id).isPresent()) {
          throw new GroupException(GroupRejection.EXIT_REVERSED,
              "group " + code + ": settlement " + id + " of " + memberId + " was reversed; settle her exit again under a new id");
        }
        // a repeat: the settlement is recorded; complete whatever the registry lacks
        completeExitLoans(code, memberId, done.get());
        registry.putMember(code, member.exited().isPresent() ? member : member.leaving(done.get().date()));
        return done;
      }
      requireMemberOn(code, member, date);
      for (AccountCode control : Chart.MEMBER_CONTROLS) {
        AccountCode own = Chart.memberAccount(control, memberId);
        if (!balance(code, own, date).equals(balance(code, own, LocalDate.MAX))) {
          throw new GroupException(GroupRejection.MEMBER_HAS_LATER_ENTRIES,
              "group " + code + ": " + memberId + "'s account " + own + " has entries after " + date
                  + "; she leaves on or after her last entry");
        }
      }
      Money zero = Money.zero(group.currency());
      Money compulsory = balance(code, Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId), date);
      Money voluntary = balance(code, Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId), date);
      Money share = zero;
      Money undistributed = undistributedSurplus(code, date);
      List<Member> members = stayingMembersOn(code, date);
      if (!undistributed.isZero() && hasSavings(code, members, date)) {
        share = shareBySavings(group, members, undistributed, date).get(members.indexOf(member));
      }
      Money principal = zero;
      Money interest = zero;
      Money penalties = zero;
      Map<LoanId, Money> clearing = new java.util.LinkedHashMap<>();
      for (MemberLoan loan : loans(code)) {
        if (!loan.member().equals(memberId)) {
          continue;
        }
        LoanHistory history = history(code, loan);
        requireInOrder(code, loan, history, date);
        PaymentAllocation split = history.settlement(date);
        principal = principal.plus(split.principal());
        interest = interest.plus(split.interest());
        penalties = penalties.plus(split.fines());
        if (split.applied().isPositive()) {
          clearing.put(loan.id(), split.applied());
        }
      }
      Money net = compulsory.plus(voluntary).plus(share).minus(principal).minus(interest).minus(penalties);
      if (net.isPositive()) {
        requirePayableTo(code, member, channel);
      }
      List<Posting> postings = new EntryBuilder()
          .debit(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId), compulsory)
          .debit(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId), voluntary)
          .debit(Chart.SURPLUS, share)
          .credit(Chart.memberAccount(Chart.MEMBER_LOANS, memberId), principal)
          .credit(Chart.LOAN_INTEREST, interest)
          .credit(Chart.FINES, penalties)
          .credit(channel.account(), net)
          .postings();
      if (postings.isEmpty()) {
        registry.putMember(code, member.leaving(date));
        return Optional.empty();
      }
      JournalEntry entry = JournalEntry.of(id, code, date, memberId + " leaves: settlement", postings)
          .withSourceReference(EXIT_SOURCE + memberId);
      JournalEntry recorded = recordEntry(entry);
      for (Map.Entry<LoanId, Money> cleared : clearing.entrySet()) {
        LoanEvent payment = new LoanEvent(LoanEvent.Kind.PAYMENT, id, date, cleared.getValue());
        if (!registry.loanEvents(code, cleared.getKey()).contains(payment)) {
          registry.addLoanEvent(code, cleared.getKey(), payment);
        }
      }
      registry.putMember(code, member.leaving(date));
      return Optional.of(recorded);
    });
  }

  /**
   * Shares out the whole fund at the end of a cycle (the VSLA practice): every member of the day
   * is paid her savings plus a share of the group's own funds (grants, surplus, and this year's
   * income less expense) in proportion to her savings, every paisa allocated, so that cash and
   * bank are emptied. Each share is credited to her voluntary savings and her whole savings paid
   * out in the same entry, so her passbook shows both.
   *
   * @param code the group, not null
   * @param id the entry's id, not null
   * @param date the date, not null
   * @return the share-out entry, not null
   * @throws GroupException {@link GroupRejection#MEMBER_LOANS_OUTSTANDING}, {@link
   *     GroupRejection#EXTERNAL_LOANS_OUTSTANDING}, {@link GroupRejection#NOTHING_TO_SHARE_BY}
   */
  public JournalEntry shareOut(BookId code, EntryId id, LocalDate date) {
    return atomically(code, () -> {
      Group group = group(code);
      Optional<JournalEntry> done = repeat(code, id, date, SHARE_OUT_MEMO);
      if (done.isPresent()) {
        return done.get();
      }
      if (!balance(code, Chart.MEMBER_LOANS, date).isZero()) {
        throw new GroupException(GroupRejection.MEMBER_LOANS_OUTSTANDING,
            "group " + code + ": members still owe " + balance(code, Chart.MEMBER_LOANS, date) + " in loans; collect them before the share-out");
      }
      for (AccountCode other : List.of(Chart.BANK_LOAN, Chart.FEDERATION_LOAN, Chart.FIXED_DEPOSITS, Chart.SUSPENSE)) {
        if (!balance(code, other, date).isZero()) {
          throw new GroupException(GroupRejection.EXTERNAL_LOANS_OUTSTANDING,
              "group " + code + ": account " + other + " still holds " + balance(code, other, date)
                  + "; settle it before the share-out");
        }
      }
      List<Member> members = stayingMembersOn(code, date);
      for (Member gone : registry.members(code)) {
        if (!members.contains(gone) && !savings(code, gone.id(), date).isZero()) {
          throw new GroupException(GroupRejection.UNSETTLED_MEMBER_ACCOUNTS,
              "group " + code + ": " + gone.id() + " is not a member on " + date + " but holds "
                  + savings(code, gone.id(), date) + " in savings; settle or correct that first");
        }
      }
      EntryBuilder entry = new EntryBuilder();
      Money ownFunds = Money.zero(group.currency());
      for (TrialBalance.Line line : journal.trialBalance(code, date).lines()) {
        AccountType type = line.account().type();
        if (type == AccountType.EQUITY || type == AccountType.INCOME || type == AccountType.EXPENSE) {
          entry.credit(line.account().code(), line.net());
          ownFunds = ownFunds.minus(line.net());
        }
      }
      List<Money> shares = ownFunds.isZero() && !hasSavings(code, members, date)
          ? members.stream().map(m -> Money.zero(group.currency())).toList()
          : shareBySavings(group, members, ownFunds, date);
      for (int i = 0; i < members.size(); i++) {
        MemberId memberId = members.get(i).id();
        AccountCode voluntary = Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId);
        entry.credit(voluntary, shares.get(i));
        entry.debit(Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId),
            balance(code, Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId), date));
        entry.debit(voluntary, balance(code, voluntary, date).plus(shares.get(i)));
      }
      entry.credit(Chart.CASH, balance(code, Chart.CASH, date));
      entry.credit(Chart.BANK, balance(code, Chart.BANK, date));
      return recordEntry(JournalEntry.of(id, code, date, "share-out: the whole fund paid to members", entry.postings()));
    });
  }

  // ---------------------------------------------------------------- queries

  /**
   * A member's savings on a date: compulsory plus voluntary.
   *
   * @param code the group, not null
   * @param memberId the member, not null
   * @param date the date, inclusive, not null
   * @return her savings, not null
   */
  public Money savings(BookId code, MemberId memberId, LocalDate date) {
    member(code, memberId);
    return balance(code, Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId), date)
        .plus(balance(code, Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId), date));
  }

  /**
   * The members of a group on a date, in id order.
   *
   * @param code the group, not null
   * @param date the date, not null
   * @return the members, not null
   */
  public List<Member> membersOn(BookId code, LocalDate date) {
    group(code);
    return registry.members(code).stream().filter(m -> m.isMemberOn(date)).toList();
  }

  // ---------------------------------------------------------------- helpers

  private Money balance(BookId code, AccountCode account, LocalDate date) {
    return journal.balance(code, account, date).normalBalance();
  }

  /** Accumulated surplus plus income less expense not yet closed into it. */
  private Money undistributedSurplus(BookId code, LocalDate date) {
    TrialBalance trial = journal.trialBalance(code, date);
    return balance(code, Chart.SURPLUS, date)
        .plus(trial.total(AccountType.INCOME))
        .minus(trial.total(AccountType.EXPENSE));
  }

  /** The members of a day who have not left since: the ones whose accounts are still open to shares. */
  private List<Member> stayingMembersOn(BookId code, LocalDate date) {
    return membersOn(code, date).stream().filter(m -> m.exited().isEmpty()).toList();
  }

  /** An entry already recorded under this id for the same operation on the same day. */
  private Optional<JournalEntry> repeat(BookId code, EntryId id, LocalDate date, String memo) {
    return journal.entry(code, Objects.requireNonNull(id, "id"))
        .filter(e -> e.date().equals(date) && e.memo().equals(memo));
  }

  /** The lowest balance of an account on a date and on every later date it has entries. */
  private Money lowestBalanceFrom(BookId code, AccountCode account, LocalDate date) {
    Money lowest = balance(code, account, date);
    java.util.SortedSet<LocalDate> later = new java.util.TreeSet<>();
    for (JournalEntry entry : journal.entries(code)) {
      if (entry.date().isAfter(date) && entry.postings().stream().anyMatch(p -> p.account().equals(account))) {
        later.add(entry.date());
      }
    }
    for (LocalDate day : later) {
      Money then = balance(code, account, day);
      lowest = then.isLessThan(lowest) ? then : lowest;
    }
    return lowest;
  }

  /** After a crash between an exit's entry and its loan events, adds the events it lacks. */
  private void completeExitLoans(BookId code, MemberId memberId, JournalEntry exit) {
    for (MemberLoan loan : loans(code)) {
      boolean recorded = registry.loanEvents(code, loan.id()).stream().anyMatch(e -> e.id().equals(exit.id()));
      if (loan.member().equals(memberId) && !recorded) {
        PaymentAllocation cleared = history(code, loan).settlement(exit.date());
        if (cleared.applied().isPositive()) {
          registry.addLoanEvent(code, loan.id(), new LoanEvent(LoanEvent.Kind.PAYMENT, exit.id(), exit.date(), cleared.applied()));
        }
      }
    }
  }

  private boolean hasSavings(BookId code, List<Member> members, LocalDate date) {
    return members.stream().anyMatch(m -> savings(code, m.id(), date).isPositive());
  }

  /** Splits an amount among members in proportion to their savings on a date, to the paisa. */
  private List<Money> shareBySavings(Group group, List<Member> members, Money total, LocalDate date) {
    List<BigDecimal> weights = new ArrayList<>();
    for (Member member : members) {
      weights.add(savings(group.code(), member.id(), date).getAmount().max(BigDecimal.ZERO));
    }
    if (weights.stream().allMatch(w -> w.signum() == 0)) {
      throw new GroupException(GroupRejection.NOTHING_TO_SHARE_BY,
          "group " + group.code() + ": no member has savings on " + date + " to share " + total + " by");
    }
    return Allocator.allocate(total, weights, EXACT);
  }

  private void requireMemberOn(BookId code, Member member, LocalDate date) {
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

  private static void requirePayableTo(BookId code, Member member, Channel channel) {
    if (channel == Channel.BANK && member.bankAccount().isEmpty()) {
      throw new GroupException(GroupRejection.NO_MEMBER_BANK_ACCOUNT,
          "group " + code + ": " + member.id() + " has no bank account on record to be paid into");
    }
  }

  private static Money positive(Group group, Money amount, String what) {
    if (!amount.getCurrencyUnit().equals(group.currency()) || !amount.isPositive()) {
      throw new GroupException(GroupRejection.INVALID_AMOUNT,
          "group " + group.code() + ": " + what + " must be a positive amount in " + group.currency() + ", got " + amount);
    }
    return amount;
  }

  private static void nonNegative(Group group, Money amount, String what) {
    if (!amount.getCurrencyUnit().equals(group.currency()) || amount.isNegative()) {
      throw new GroupException(GroupRejection.INVALID_AMOUNT,
          "group " + group.code() + ": " + what + " must be zero or more in " + group.currency() + ", got " + amount);
    }
  }

  /** Runs one operation that writes as a unit of work on its group's book. */
  /**
   * Runs several operations on one group as one unit, through this engine's {@link UnitOfWork}:
   * over a {@code LedgerStore} they are one database transaction (each operation inside joins it),
   * so if the work throws, nothing any of them wrote is kept. Importers use it to write a whole
   * file or nothing. Over {@link UnitOfWork#immediate()} (the in-memory engine) the operations run
   * directly and what succeeded before a failure stays.
   *
   * @param code the group the work writes, locked for the whole work where the store has locks,
   *     not null
   * @param work the operations; a store may run it again from the start, so it must decide from
   *     what it reads, not null
   * @param <T> the work's result
   * @return the work's result, possibly null
   */
  public <T> T atomically(BookId code, Supplier<T> work) {
    return unitOfWork.atomically(Objects.requireNonNull(code, "code"), Objects.requireNonNull(work, "work"));
  }

  private JournalEntry recordEntry(JournalEntry entry) {
    try {
      return journal.record(entry);
    } catch (JournalException e) {
      throw translate(e);
    }
  }

  /** Says "not enough cash" rather than quoting the journal's balance rule. */
  private static RuntimeException translate(JournalException e) {
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
    } else {
      return e;
    }
    return new GroupException(reason, plainly + " (" + e.getMessage() + ")", e);
  }
}
