package org.shgledger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;

/** The book and the entries the benchmarks of this package record: one group of 15 members. */
final class Books {

  static final BookId BOOK = BookId.of("BENCH");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode BANK = AccountCode.of("1100");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final int MEMBERS = 15;

  private Books() {}

  /** Opens the book, cash and bank (never below zero) and the members' savings. */
  static void openBook(Journal journal) {
    journal.createBook(new Book(BOOK, "Benchmark group", INR));
    journal.openAccount(Account.of(BOOK, CASH, "Cash in hand", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    journal.openAccount(Account.of(BOOK, BANK, "Bank", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings = journal.openAccount(
        Account.of(BOOK, SAVINGS, "Members' savings", AccountType.LIABILITY, INR));
    for (int m = 1; m <= MEMBERS; m++) {
      journal.openAccount(savings.subLedger("M" + m, "Savings of M" + m));
    }
  }

  /**
   * A month-end import: pairs of a member's saving at the meeting and the same cash banked, as in
   * {@code BatchRecordingBenchmark}.
   */
  static List<JournalEntry> monthEndBatch(int entries) {
    return batch(entries, LocalDate.of(2025, 4, 30), 0);
  }

  /**
   * Savings and banking pairs spread over days from {@code first}, {@code perDay} entries a day
   * (0: all on {@code first}).
   */
  static List<JournalEntry> batch(int entries, LocalDate first, int perDay) {
    List<JournalEntry> batch = new ArrayList<>(entries);
    for (int i = 0; i < entries; i++) {
      LocalDate date = perDay == 0 ? first : first.plusDays(i / perDay);
      Money amount = Money.ofMinor(INR, 100 + (i / 2 * 104_729L) % 50_000);
      String id = "IMPORT-" + i;
      batch.add(i % 2 == 0
          ? JournalEntry.of(EntryId.of(id), BOOK, date, "saving at the meeting",
              List.of(Posting.debit(CASH, amount),
                  Posting.credit(SAVINGS.sub("M" + (1 + i / 2 % MEMBERS)), amount)))
          : JournalEntry.of(EntryId.of(id), BOOK, date, "cash banked",
              List.of(Posting.debit(BANK, amount), Posting.credit(CASH, amount))));
    }
    return batch;
  }
}
