package org.shgledger.store;

import java.nio.file.Path;
import java.time.Duration;
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

/**
 * A child process for the crash and two-process tests: opens a SQLite file and records numbered
 * batches, the same entries every time it runs, printing a line after each batch commits.
 *
 * <p>Arguments: the database file, a tag that starts every entry id, the number of batches and
 * the entries per batch.
 */
public final class CrashWriter {

  static final BookId BOOK = BookId.of("CRASH");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode BANK = AccountCode.of("1100");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final int MEMBERS = 5;

  private CrashWriter() {}

  /**
   * Runs the writer.
   *
   * @param args file, tag, batches, entries per batch
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String tag = args[1];
    int batches = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    try (LedgerStore store = LedgerStore.openSqlite(file, Duration.ofSeconds(30))) {
      JdbcJournal journal = store.journal();
      setUp(journal);
      System.out.println("ready");
      for (int round = 0; round < batches; round++) {
        journal.recordAll(batch(tag, round, size));
        System.out.println("committed " + round);
      }
    }
  }

  /** The book and its accounts; a repeat changes nothing. */
  static void setUp(Journal journal) {
    journal.createBook(new Book(BOOK, "Crash test group", INR));
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
   * Batch number {@code round}: pairs of a member's saving and the same amount banked, so every
   * prefix keeps cash at or above zero whatever was recorded before.
   */
  static List<JournalEntry> batch(String tag, int round, int size) {
    List<JournalEntry> entries = new ArrayList<>(size);
    LocalDate date = LocalDate.of(2025, 4, 1).plusDays(round % 365);
    for (int i = 0; i < size; i++) {
      long paise = 100 + (round * 7919L + (i / 2) * 104729L) % 50_000;
      Money amount = Money.ofMinor(INR, paise);
      String id = tag + "-" + round + "-" + i;
      if (i % 2 == 0) {
        AccountCode member = SAVINGS.sub("M" + (1 + (round + i) % MEMBERS));
        entries.add(JournalEntry.of(EntryId.of(id), BOOK, date, "saving, batch " + round,
            List.of(Posting.debit(CASH, amount), Posting.credit(member, amount))));
      } else {
        entries.add(JournalEntry.of(EntryId.of(id), BOOK, date, "cash banked, batch " + round,
            List.of(Posting.debit(BANK, amount), Posting.credit(CASH, amount))));
      }
    }
    return entries;
  }
}
