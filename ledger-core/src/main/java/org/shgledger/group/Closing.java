package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.PaymentAllocation;
import org.shgledger.money.Allocator;
import org.shgledger.money.RoundingPolicy;

/**
 * Year end and leaving: closing a year into surplus, distributing surplus, a member's exit
 * settlement and the share-out at the end of a cycle. Part of {@link SavingsGroups}.
 */
final class Closing extends EnginePart {

  Closing(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    super(journal, registry, unitOfWork);
  }

  /** Allocations of money among members are exact to the paisa, whatever the group's rounding. */
  private static final RoundingPolicy EXACT = RoundingPolicy.minorUnits(RoundingMode.UNNECESSARY);

  Optional<JournalEntry> closeYear(BookId code, EntryId id, LocalDate yearEnd) {
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
        String memo = SavingsGroups.YEAR_END_MEMO;
        entry = Optional.of(recordEntry(JournalEntry.of(id, code, yearEnd, memo, closing.postings())
            .withKind(EntryKind.YEAR_END, Optional.empty(), Optional.empty())));
      }
      journal.lock(code, yearEnd);
      return entry;
    });
  }

  JournalEntry distributeSurplus(BookId code, EntryId id, LocalDate date, Money total) {
    return atomically(code, () -> {
      Group group = group(code);
      positive(group, total, "surplus to distribute");
      Optional<JournalEntry> done = repeat(code, id, date, EntryKind.SURPLUS_DISTRIBUTION);
      if (done.isPresent() && done.get().postings().get(0).equals(Posting.debit(Chart.SURPLUS, total))) {
        return done.get();
      }
      // the lowest, not the day's, balance: a back-dated distribution may not spend surplus
      // that a later distribution has already given out
      Money surplus = lowestBalanceFrom(code, Chart.SURPLUS, date);
      if (total.isGreaterThan(surplus)) {
        throw new GroupException(GroupRejection.INSUFFICIENT_SURPLUS,
            "group " + code + ": cannot distribute " + withCurrency(total) + "; the accumulated surplus on " + date
                + " and after is at most " + withCurrency(surplus));
      }
      List<Member> members = stayingMembersOn(code, date);
      List<Money> shares = new ArrayList<>(shareBySavings(group, members, total, date));
      // a group of whole rupees credits whole rupees; what that leaves stays in the surplus
      Money credited = Money.zero(group.currency());
      for (int i = 0; i < members.size(); i++) {
        shares.set(i, wholeFor(group, shares.get(i)));
        credited = credited.plus(shares.get(i));
      }
      EntryBuilder entry = new EntryBuilder().debit(Chart.SURPLUS, total);
      for (int i = 0; i < members.size(); i++) {
        entry.credit(Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, members.get(i).id()), shares.get(i));
      }
      entry.credit(Chart.SURPLUS, total.minus(credited));
      return recordEntry(JournalEntry.of(id, code, date, SavingsGroups.DISTRIBUTION_MEMO, entry.postings())
          .withKind(EntryKind.SURPLUS_DISTRIBUTION, Optional.empty(), Optional.empty()));
    });
  }

  Optional<JournalEntry> settleExit(BookId code, EntryId id, MemberId memberId, LocalDate date, Channel channel) {
    return atomically(code, () -> {
      Group group = group(code);
      Member member = member(code, memberId);
      Optional<JournalEntry> done = journal.entry(code, Objects.requireNonNull(id, "id"));
      if (done.isPresent() && done.get().kind() == EntryKind.EXIT_SETTLEMENT
          && done.get().member().equals(Optional.of(memberId.value()))) {
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
      String memo = EngineMemo.EXIT_SETTLEMENT.compose(memberId.value());
      JournalEntry entry = JournalEntry.of(id, code, date, memo, postings)
          .withSourceReference(SavingsGroups.EXIT_SOURCE + memberId)
          .withKind(EntryKind.EXIT_SETTLEMENT, Optional.of(memberId.value()), Optional.empty());
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

  JournalEntry shareOut(BookId code, EntryId id, LocalDate date, ShareOutTerms terms) {
    Objects.requireNonNull(terms, "terms");
    return atomically(code, () -> {
      Group group = group(code);
      Optional<JournalEntry> done = repeat(code, id, date, EntryKind.SHARE_OUT);
      if (done.isPresent()) {
        return done.get();
      }
      Account remainderTo = journal.account(code, terms.remainderTo())
          .filter(account -> account.type() == AccountType.EQUITY || account.type() == AccountType.INCOME)
          .filter(account -> account.control().isEmpty())
          .orElseThrow(() -> new GroupException(GroupRejection.INVALID_ACCOUNT, "group " + code
              + ": what rounding leaves of the share-out stays in an equity or income account of the group's chart,"
              + " such as 3100 (accumulated surplus); " + terms.remainderTo() + " is not one"));
      if (!balance(code, Chart.MEMBER_LOANS, date).isZero()) {
        throw new GroupException(GroupRejection.MEMBER_LOANS_OUTSTANDING,
            "group " + code + ": members still owe " + withCurrency(balance(code, Chart.MEMBER_LOANS, date))
                + " in loans; collect them before the share-out");
      }
      for (AccountCode other : List.of(Chart.BANK_LOAN, Chart.FEDERATION_LOAN, Chart.FIXED_DEPOSITS, Chart.SUSPENSE)) {
        if (!balance(code, other, date).isZero()) {
          throw new GroupException(GroupRejection.EXTERNAL_LOANS_OUTSTANDING,
              "group " + code + ": account " + other + " still holds " + withCurrency(balance(code, other, date))
                  + "; settle it before the share-out");
        }
      }
      List<Member> members = stayingMembersOn(code, date);
      for (Member gone : registry.members(code)) {
        if (!members.contains(gone) && !savings(code, gone.id(), date).isZero()) {
          throw new GroupException(GroupRejection.UNSETTLED_MEMBER_ACCOUNTS,
              "group " + code + ": " + gone.id() + " is not a member on " + date + " but holds "
                  + withCurrency(savings(code, gone.id(), date)) + " in savings; settle or correct that first");
        }
      }
      // the group's own funds: income less expense and every equity account, but the grants,
      // its corpus, unless the terms share them out too, and the welfare fund
      EntryBuilder entry = new EntryBuilder();
      Money zero = Money.zero(group.currency());
      Money ownFunds = zero;
      for (TrialBalance.Line line : journal.trialBalance(code, date).lines()) {
        AccountType type = line.account().type();
        // the welfare fund is the group's, kept for its members in need, never shared out
        boolean corpus = line.account().code().equals(Chart.GRANTS) && !terms.includeGrants()
            || line.account().code().equals(Chart.WELFARE_FUND);
        if (!corpus && (type == AccountType.EQUITY || type == AccountType.INCOME || type == AccountType.EXPENSE)) {
          entry.credit(line.account().code(), line.net());
          ownFunds = ownFunds.minus(line.net());
        }
      }
      List<Money> shares = ownFunds.isZero() && !hasSavings(code, members, date)
          ? members.stream().map(m -> zero).toList()
          : shareBySavings(group, members, ownFunds, date);
      // each member takes home her savings and her share; a group of whole rupees pays whole
      // rupees, and what that leaves stays in the group
      Money paidOut = zero;
      for (int i = 0; i < members.size(); i++) {
        MemberId memberId = members.get(i).id();
        AccountCode compulsory = Chart.memberAccount(Chart.COMPULSORY_SAVINGS, memberId);
        AccountCode voluntary = Chart.memberAccount(Chart.VOLUNTARY_SAVINGS, memberId);
        Money saved = balance(code, compulsory, date).plus(balance(code, voluntary, date));
        Money payout = wholeFor(group, saved.plus(shares.get(i)));
        entry.credit(voluntary, payout.minus(saved));
        entry.debit(compulsory, balance(code, compulsory, date));
        entry.debit(voluntary, balance(code, voluntary, date).plus(payout.minus(saved)));
        paidOut = paidOut.plus(payout);
      }
      Money remainder = ownFunds.plus(savingsOf(code, members, date)).minus(paidOut);
      entry.credit(remainderTo.code(), remainder);
      // paid from cash first, then from the bank; the corpus and the remainder stay in the bank
      Money cash = balance(code, Chart.CASH, date);
      Money fromCash = paidOut.isLessThan(cash) ? paidOut : cash;
      entry.credit(Chart.CASH, fromCash);
      entry.credit(Chart.BANK, paidOut.minus(fromCash));
      return recordEntry(JournalEntry.of(id, code, date, SavingsGroups.SHARE_OUT_MEMO, entry.postings())
          .withKind(EntryKind.SHARE_OUT, Optional.empty(), Optional.empty()));
    });
  }

  /** The members' savings, compulsory and voluntary, on a date. */
  private Money savingsOf(BookId code, List<Member> members, LocalDate date) {
    Money total = Money.zero(journal.book(code).orElseThrow().currency());
    for (Member member : members) {
      total = total.plus(savings(code, member.id(), date));
    }
    return total;
  }

  /**
   * An amount a member is paid: in a group that keeps whole rupees, rounded down to whole rupees
   * (so that the payouts never come to more than the fund); otherwise as it is, to the paisa.
   */
  private static Money wholeFor(Group group, Money amount) {
    Money step = group.rounding().step(group.currency());
    if (step.getAmountMinorLong() <= 1 || amount.isNegative()) {
      return amount;
    }
    long units = amount.getAmountMinorLong() / step.getAmountMinorLong();
    return Money.ofMinor(group.currency(), units * step.getAmountMinorLong());
  }

  /** Accumulated surplus plus income less expense not yet closed into it. */
  private Money undistributedSurplus(BookId code, LocalDate date) {
    TrialBalance trial = journal.trialBalance(code, date);
    return balance(code, Chart.SURPLUS, date)
        .plus(trial.total(AccountType.INCOME))
        .minus(trial.total(AccountType.EXPENSE));
  }

  /** An entry already recorded under this id for the same operation on the same day. */
  private Optional<JournalEntry> repeat(BookId code, EntryId id, LocalDate date, EntryKind kind) {
    return journal.entry(code, Objects.requireNonNull(id, "id"))
        .filter(e -> e.date().equals(date) && e.kind() == kind);
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
          "group " + group.code() + ": no member has savings on " + date + " to share " + withCurrency(total) + " by");
    }
    return Allocator.allocate(total, weights, EXACT);
  }
}
