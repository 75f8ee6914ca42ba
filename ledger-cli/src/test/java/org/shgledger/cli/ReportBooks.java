package org.shgledger.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/**
 * A small group's books, recorded through the engine into a SQLite file, for the report and
 * export tests: three members saving from March to June 2025 (across the year end of 31 March),
 * a loan and a repayment, a fine, cash banked, bank interest, an expense, a saving recorded by
 * mistake and reversed, and an account and memos whose text a spreadsheet would take for formulas.
 *
 * <p>As of 2025-06-28, the latest entry: cash 223.00, bank 503.50, M02's loan 480.00, savings
 * 400.00 for each member, loan interest 12.00, fines 10.00, bank interest 3.50, the formula account
 * 6.00 and expenses 25.00; debits and credits both 1,231.50.
 */
final class ReportBooks {

  static final BookId SHG = BookId.of("SHG01");
  static final String NAME = "Roshni Mahila Samooh";
  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final MemberId M03 = MemberId.of("M03");
  /** An account whose name is a spreadsheet formula, opened by hand. */
  static final AccountCode FORMULA_ACCOUNT = AccountCode.of("4900");
  static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";
  static final LocalDate LATEST = LocalDate.of(2025, 6, 28);

  private ReportBooks() {}

  static Money inr(String amount) {
    return Money.of(CurrencyUnit.of("INR"), new BigDecimal(amount));
  }

  /** Records the books into a new database file. */
  static void record(Path db) {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      SavingsGroups engine = store.engine();
      engine.createGroup(new Group(SHG, NAME, CurrencyUnit.of("INR"), LocalDate.of(2025, 3, 1),
          MeetingFrequency.MONTHLY, inr("100"), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
          LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5)));
      for (MemberId id : List.of(M01, M02, M03)) {
        engine.addMember(SHG, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, LocalDate.of(2025, 3, 1)));
      }
      for (LocalDate meeting : List.of(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 4, 5),
          LocalDate.of(2025, 5, 3), LocalDate.of(2025, 6, 7))) {
        for (MemberId id : List.of(M01, M02, M03)) {
          engine.record(SHG, EntryId.of(meeting + "-SAVE-" + id), meeting,
              new GroupOperation.Save(id, SavingsKind.COMPULSORY, inr("100"), Channel.CASH));
        }
      }
      // recorded twice by mistake, and corrected by reversal
      engine.record(SHG, EntryId.of("2025-05-03-SAVE-M01-again"), LocalDate.of(2025, 5, 3),
          new GroupOperation.Save(M01, SavingsKind.COMPULSORY, inr("100"), Channel.CASH));
      engine.reverse(SHG, EntryId.of("2025-05-03-SAVE-M01-again"), EntryId.of("2025-05-04-REVERSE"),
          LocalDate.of(2025, 5, 4), "saving entered twice");
      engine.record(SHG, EntryId.of("2025-05-03-FINE-M03"), LocalDate.of(2025, 5, 3),
          new GroupOperation.Fine(M03, inr("10"), "late", Channel.CASH));
      engine.record(SHG, EntryId.of("2025-05-10-BANK"), LocalDate.of(2025, 5, 10), new GroupOperation.BankCash(inr("500")));
      engine.disburseLoan(SHG, EntryId.of("2025-06-07-LOAN-M02"), LoanId.of("L-M02-1"), M02,
          LoanTerms.of(inr("600"), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
              Frequency.MONTHLY, LocalDate.of(2025, 6, 7)),
          Channel.CASH);
      engine.record(SHG, EntryId.of("2025-06-20-INTEREST"), LocalDate.of(2025, 6, 20),
          new GroupOperation.BankInterest(inr("3.50")));
      engine.record(SHG, EntryId.of("2025-06-21-EXPENSE"), LocalDate.of(2025, 6, 21),
          new GroupOperation.PayExpense(inr("25"), "register; pens\tand  ink", Channel.CASH));
      engine.repayLoan(SHG, EntryId.of("2025-06-28-REPAY-M02"), LoanId.of("L-M02-1"), LocalDate.of(2025, 6, 28),
          inr("132"), Channel.CASH);

      // an account and memos that a spreadsheet would run as formulas, if nothing stopped it
      store.journal().openAccount(Account.of(SHG, FORMULA_ACCOUNT, FORMULA_NAME, AccountType.INCOME,
          CurrencyUnit.of("INR")));
      store.journal().record(JournalEntry.of(EntryId.of("2025-06-28-DONATION"), SHG, LATEST, "-1+2",
          List.of(Posting.debit(AccountCode.of("1000"), inr("5")), Posting.credit(FORMULA_ACCOUNT, inr("5")))));
      store.journal().record(JournalEntry.of(EntryId.of("2025-06-28-DONATION-2"), SHG, LATEST, "@SUM(A1:A9)",
          List.of(Posting.debit(AccountCode.of("1000"), inr("1")), Posting.credit(FORMULA_ACCOUNT, inr("1")))));
    }
  }
}
