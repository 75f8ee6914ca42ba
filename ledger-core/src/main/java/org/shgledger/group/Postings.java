package org.shgledger.group;

import static org.shgledger.money.MoneyFormats.withCurrency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.EntryKind;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;
import org.shgledger.journal.Side;

/**
 * Everyday money: the one place an everyday operation ({@link GroupOperation}) becomes a balanced
 * entry with its kind, one at a time or in the importers' batches, and a bank line's
 * reclassification. Part of {@link SavingsGroups}.
 */
final class Postings extends EnginePart {

  Postings(Journal journal, GroupRegistry registry, UnitOfWork unitOfWork) {
    super(journal, registry, unitOfWork);
  }
  JournalEntry record(BookId code, EntryId id, LocalDate date, GroupOperation operation) {
    return atomically(code, () -> {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(operation, "operation");
      Group group = group(code);
      return recordEntry(entryFor(group, new Recording(id, date, operation, Optional.empty())));
    });
  }

  List<JournalEntry> recordAll(BookId code, List<Recording> recordings) {
    Objects.requireNonNull(recordings, "recordings");
    return atomically(code, () -> {
      Group group = group(code);
      List<JournalEntry> entries = new ArrayList<>(recordings.size());
      for (int i = 0; i < recordings.size(); i++) {
        try {
          entries.add(entryFor(group, recordings.get(i)));
        } catch (GroupException e) {
          throw e.atBatchIndex(i);
        }
      }
      try {
        return journal.recordAll(entries);
      } catch (JournalException e) {
        RuntimeException translated = translate(e);
        if (translated instanceof GroupException refused && e.batchIndex().isPresent()) {
          throw refused.atBatchIndex(e.batchIndex().getAsInt());
        }
        throw translated;
      }
    });
  }

  JournalEntry record(BookId code, Recording recording) {
    Objects.requireNonNull(recording, "recording");
    return atomically(code, () -> recordEntry(entryFor(group(code), recording)));
  }

  java.util.function.Function<Recording, JournalEntry> checker(BookId code) {
    Group group = group(code);
    return recording -> entryFor(group, Objects.requireNonNull(recording, "recording"));
  }

  /** The one place an everyday operation becomes its entry. */
  private JournalEntry entryFor(Group group, Recording recording) {
    List<Posting> postings = postings(group, recording.date(), recording.operation());
    return new JournalEntry(recording.id(), group.code(), recording.date(), recording.operation().memo(), postings,
        Optional.empty(), recording.sourceReference(), kindOf(recording.operation()), memberOf(recording.operation()),
        Optional.empty());
  }

  /** What an everyday operation's entry records: one kind for each operation. */
  private static final Map<Class<? extends GroupOperation>, EntryKind> KINDS = Map.ofEntries(
      Map.entry(GroupOperation.Save.class, EntryKind.SAVING),
      Map.entry(GroupOperation.WithdrawSavings.class, EntryKind.SAVINGS_WITHDRAWAL),
      Map.entry(GroupOperation.BankCash.class, EntryKind.CASH_BANKED),
      Map.entry(GroupOperation.WithdrawFromBank.class, EntryKind.CASH_DRAWN),
      Map.entry(GroupOperation.Fine.class, EntryKind.FINE),
      Map.entry(GroupOperation.BankInterest.class, EntryKind.BANK_INTEREST),
      Map.entry(GroupOperation.BankCharges.class, EntryKind.BANK_CHARGES),
      Map.entry(GroupOperation.ReceiveBankLoan.class, EntryKind.BANK_LOAN_RECEIVED),
      Map.entry(GroupOperation.RepayBankLoan.class, EntryKind.BANK_LOAN_REPAYMENT),
      Map.entry(GroupOperation.ReceiveFederationLoan.class, EntryKind.FEDERATION_LOAN_RECEIVED),
      Map.entry(GroupOperation.RepayFederationLoan.class, EntryKind.FEDERATION_LOAN_REPAYMENT),
      Map.entry(GroupOperation.ReceiveGrant.class, EntryKind.GRANT),
      Map.entry(GroupOperation.PayExpense.class, EntryKind.EXPENSE),
      Map.entry(GroupOperation.OtherIncome.class, EntryKind.OTHER_INCOME),
      Map.entry(GroupOperation.WelfareContribution.class, EntryKind.WELFARE_CONTRIBUTION),
      Map.entry(GroupOperation.WelfarePayment.class, EntryKind.WELFARE_PAYMENT),
      Map.entry(GroupOperation.BankLine.class, EntryKind.BANK_LINE),
      Map.entry(GroupOperation.OpeningBalances.class, EntryKind.OPENING_BALANCES));

  private static EntryKind kindOf(GroupOperation operation) {
    return Objects.requireNonNull(KINDS.get(operation.getClass()), () -> "no kind for " + operation);
  }

  /** The member an everyday operation's entry concerns, if any. */
  private static Optional<String> memberOf(GroupOperation operation) {
    if (operation instanceof GroupOperation.Save op) {
      return Optional.of(op.member().value());
    } else if (operation instanceof GroupOperation.WithdrawSavings op) {
      return Optional.of(op.member().value());
    } else if (operation instanceof GroupOperation.Fine op) {
      return Optional.of(op.member().value());
    } else if (operation instanceof GroupOperation.WelfareContribution op) {
      return Optional.of(op.member().value());
    } else if (operation instanceof GroupOperation.BankLine op) {
      return Chart.memberOf(op.counterpart()).map(MemberId::value);
    }
    return Optional.empty();
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
    } else if (operation instanceof GroupOperation.WelfareContribution op) {
      Money amount = positive(group, op.amount(), "welfare contribution");
      requireMemberOn(code, member(code, op.member()), date);
      return pair(op.channel().account(), Chart.WELFARE_FUND, amount);
    } else if (operation instanceof GroupOperation.WelfarePayment op) {
      return pair(Chart.WELFARE_FUND, op.channel().account(), positive(group, op.amount(), "welfare payment"));
    } else if (operation instanceof GroupOperation.BankLine op) {
      Money amount = positive(group, op.amount(), "a bank line's amount");
      requireOpenToOutside(code, op.counterpart(), date, "a bank line");
      if (op.counterpart().equals(Chart.BANK)) {
        throw new GroupException(GroupRejection.INVALID_AMOUNT,
            "group " + code + ": a bank line's other side cannot be the bank account " + Chart.BANK);
      }
      nonNegative(group, op.interest(), "a bank line's interest part");
      if (op.interest().isPositive() && (op.deposit() || !op.counterpart().equals(Chart.BANK_LOAN)
          || op.interest().isGreaterThan(amount))) {
        // only an EMI paid to the bank loan has an interest part, and it is at most the EMI
        throw new GroupException(GroupRejection.INVALID_AMOUNT, "group " + code + ": an interest part of "
            + withCurrency(op.interest())
            + " belongs only to a payment of at most that much out of the bank to the bank loan "
            + Chart.BANK_LOAN);
      }
      return op.postings();
    } else if (operation instanceof GroupOperation.OpeningBalances op) {
      for (Posting posting : op.postings()) {
        positive(group, posting.amount(), "an opening balance");
        // the surplus is the difference of the paper books' balances: it opens here
        if (!posting.account().equals(Chart.SURPLUS)) {
          requireOpenToOutside(code, posting.account(), date, "the opening balances");
        }
      }
      return op.postings();
    }
    throw new AssertionError("unhandled operation " + operation);
  }

  List<JournalEntry> reclassifyBankLine(BookId code, EntryId entry, AccountCode account) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(account, "account");
    return atomically(code, () -> {
      Group group = group(code);
      JournalEntry original = journal.entry(code, entry).orElseThrow(() -> new JournalException(
          Rejection.REVERSED_ENTRY_NOT_FOUND, "book " + code + ": there is no entry " + entry));
      if (entry.value().startsWith(SavingsGroups.BANK_LINE_ID_PREFIX) && original.postings().size() == 3
          && original.postings().stream().anyMatch(p -> p.account().equals(Chart.INTEREST_PAID))) {
        // one amount split by the bank loan's terms: which account would the whole go to?
        throw new JournalException(Rejection.REVERSAL_DOES_NOT_MATCH, "entry " + entry + " is a bank-loan EMI"
            + " split into interest and principal by the loan's terms: it is not reclassified to one account;"
            + " reverse it (shg reverse) and record the instalment with shg bank-loan repay");
      }
      if (!entry.value().startsWith(SavingsGroups.BANK_LINE_ID_PREFIX) || original.postings().size() != 2
          || original.postings().stream().noneMatch(p -> p.account().equals(Chart.BANK))) {
        throw new JournalException(Rejection.REVERSAL_DOES_NOT_MATCH,
            "entry " + entry + " is not an imported bank line");
      }
      if (journal.reversalOf(code, entry).isPresent()) {
        throw new JournalException(Rejection.ALREADY_REVERSED,
            "entry " + entry + " has already been reclassified or reversed");
      }
      Posting bank = original.postings().stream().filter(p -> p.account().equals(Chart.BANK)).findFirst().orElseThrow();
      // the new entry is the bank line's own operation, so the engine checks its account
      JournalEntry replacement = entryFor(group, new Recording(EntryId.of(entry.value() + "/rc"), original.date(),
          new GroupOperation.BankLine(bank.side() == Side.DEBIT, bank.amount(), account, original.memo()),
          original.sourceReference()));
      // an entry recorded before account numbers were masked may hold one
      String memo = org.shgledger.journal.AccountNumbers.mask(EngineMemo.RECLASSIFIED.compose(original.memo()));
      JournalEntry reversal = original.reversal(EntryId.of(entry.value() + "/rv"), original.date(),
          memo.length() <= JournalEntry.MAX_MEMO_LENGTH ? memo : memo.substring(0, JournalEntry.MAX_MEMO_LENGTH));
      return journal.recordAll(List.of(reversal, replacement));
    });
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
}
