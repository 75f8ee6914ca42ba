package org.shgledger.importing.passbook;

import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.UnitOfWork;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;

/** A group's book with the standard chart, for import tests. */
public final class Books {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  public static final BookId GROUP = BookId.of("SHG01");

  private Books() {}

  /** Creates the book and its standard accounts, and a member M01's sub-ledgers. */
  static Journal prepare(Journal journal) {
    journal.createBook(new Book(GROUP, "Asha Mahila Samooh", INR));
    for (Account account : Chart.standardAccounts(GROUP, INR)) {
      journal.openAccount(account);
    }
    for (Account account : Chart.memberAccounts(GROUP, INR, org.shgledger.group.MemberId.of("M01"))) {
      journal.openAccount(account);
    }
    return journal;
  }

  /**
   * The engine over a journal that {@link #prepare} made, with the group and its member M01 (a
   * member since 2000) in a registry of their own: what the importer records through.
   */
  public static SavingsGroups engine(Journal journal, UnitOfWork unitOfWork) {
    InMemoryGroupRegistry registry = new InMemoryGroupRegistry();
    LocalDate formed = LocalDate.of(2000, 1, 1);
    registry.putGroup(new Group(GROUP, "Asha Mahila Samooh", INR, formed, MeetingFrequency.MONTHLY, inr("100"),
        RoundingPolicy.minorUnits(java.math.RoundingMode.HALF_UP), java.time.Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(java.math.BigDecimal.ONE), RepaymentMethod.FLAT, 10)));
    registry.putMember(GROUP, Member.joining(MemberId.of("M01"), "M01", MemberCategory.ADULT_WOMAN, formed));
    return new SavingsGroups(journal, registry, unitOfWork);
  }

  /**
   * A store's unit that does not say it undoes failed work, so that the import checks the whole
   * file before its first write (and reads a file too large to hold a second time), as over an
   * in-memory journal, while the store still undoes a failure.
   */
  public static UnitOfWork twoPasses(UnitOfWork unit) {
    return new UnitOfWork() {
      @Override
      public <T> T atomically(BookId book, java.util.function.Supplier<T> work) {
        return unit.atomically(book, work);
      }
    };
  }

  /** {@link #engine(Journal, UnitOfWork)} running each operation directly. */
  public static SavingsGroups engine(Journal journal) {
    return engine(journal, UnitOfWork.immediate());
  }

  /** Records ₹50,000 cash in hand on 31 March 2025, so that cash deposits have cash to come from. */
  static void openCash(Journal journal) {
    Money amount = inr("50000");
    journal.record(JournalEntry.of(EntryId.of("opening-cash"), GROUP, LocalDate.of(2025, 3, 31),
        "Opening cash", List.of(Posting.debit(Chart.CASH, amount), Posting.credit(Chart.SURPLUS, amount))));
  }

  /** Records an opening bank balance against accumulated surplus, and opening cash. */
  static void openBank(Journal journal, LocalDate date, Money amount) {
    openCash(journal);
    journal.record(JournalEntry.of(EntryId.of("opening"), GROUP, date, "Opening bank balance",
        List.of(Posting.debit(Chart.BANK, amount), Posting.credit(Chart.SURPLUS, amount))));
  }

  /** An account's net balance (debits less credits) at the end of time. */
  static Money net(Journal journal, AccountCode code) {
    return journal.balance(GROUP, code, LocalDate.MAX).net();
  }

  static Money inr(String amount) {
    return Money.of(INR, new java.math.BigDecimal(amount));
  }
}
