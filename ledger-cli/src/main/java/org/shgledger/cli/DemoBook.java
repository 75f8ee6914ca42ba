package org.shgledger.cli;

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
 * A small, made-up group's first quarter of books, for {@code shg demo} and for trying the
 * program out. Members are known only by their ids, as donor-facing data should be.
 *
 * <p>The story, in the order of its dates (meetings on the first Saturday of each month):
 *
 * <ul>
 *   <li>2025-04-05, 2025-05-03, 2025-06-07: at each meeting M01 to M04 save ₹100 each in cash;
 *   <li>2025-05-03: M03 pays a ₹10 fine for coming late;
 *   <li>2025-06-07: M02 borrows ₹1,000 in cash at 2% a month flat, to repay in five monthly
 *       instalments of ₹200 principal and ₹20 interest (only now does the cash box hold enough:
 *       the cash account may not go below zero);
 *   <li>2025-06-09: the treasurer banks ₹200 and keeps ₹10 in hand;
 *   <li>2025-06-28: M02 pays her first instalment, ₹220.
 * </ul>
 *
 * <p>As of {@link #AS_OF}: cash ₹230, bank ₹200, loans ₹800 (all M02's), savings ₹1,200 (₹300
 * each), interest ₹20, fines ₹10; debits and credits both ₹1,230.
 */
public final class DemoBook {

  /** The demo group's book id. */
  public static final BookId BOOK_ID = BookId.of("DEMO01");

  /** The demo group's name; "(demo)" so that nobody mistakes it for a real group. */
  public static final String GROUP_NAME = "Roshni Mahila Samooh (demo)";

  /** The date the demo reports on: the end of the first quarter of the financial year. */
  public static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  /** The members' ids. */
  public static final List<String> MEMBER_IDS = List.of("M01", "M02", "M03", "M04");

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  private static final LocalDate[] MEETING_DATES = {
    LocalDate.of(2025, 4, 5), LocalDate.of(2025, 5, 3), LocalDate.of(2025, 6, 7)
  };

  private static final AccountCode CASH = AccountCode.of("1000");
  private static final AccountCode BANK = AccountCode.of("1100");
  private static final AccountCode LOANS = AccountCode.of("1200");
  private static final AccountCode SAVINGS = AccountCode.of("2000");
  private static final AccountCode INTEREST = AccountCode.of("4000");
  private static final AccountCode FINES = AccountCode.of("4100");

  private DemoBook() {}

  /**
   * Creates the demo book in a journal, opens its accounts and records its entries as one batch.
   * Running it again on the same journal changes nothing, since every id is fixed.
   *
   * @param journal the journal, not null
   * @return the book, not null
   * @throws org.shgledger.journal.JournalException if the journal holds a different book or
   *     entries under the demo's ids
   */
  public static Book recordInto(Journal journal) {
    Book book = journal.createBook(new Book(BOOK_ID, GROUP_NAME, INR));
    openAccounts(journal);
    journal.recordAll(entries());
    return book;
  }

  private static void openAccounts(Journal journal) {
    journal.openAccount(
        account(CASH, "Cash in hand", AccountType.ASSET)
            .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    journal.openAccount(
        account(BANK, "Bank — group SB account", AccountType.ASSET)
            .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    // A member cannot repay more than she owes, nor withdraw more than she saved.
    Account loans =
        journal.openAccount(
            account(LOANS, "Loans to members", AccountType.ASSET)
                .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings =
        journal.openAccount(
            account(SAVINGS, "Members' compulsory savings", AccountType.LIABILITY)
                .withConstraint(BalanceConstraint.nonNegative(AccountType.LIABILITY)));
    for (String member : MEMBER_IDS) {
      journal.openAccount(loans.subLedger(member, "Loan to " + member));
      journal.openAccount(savings.subLedger(member, "Savings of " + member));
    }
    journal.openAccount(account(INTEREST, "Interest on member loans", AccountType.INCOME));
    journal.openAccount(account(FINES, "Fines and penalties", AccountType.INCOME));
  }

  private static List<JournalEntry> entries() {
    List<JournalEntry> entries = new ArrayList<>();
    Money saving = rupees(100);
    for (LocalDate meeting : MEETING_DATES) {
      for (String member : MEMBER_IDS) {
        entries.add(
            entry(meeting, "SAVE-" + member, member + " saves at the meeting",
                Posting.debit(CASH, saving), Posting.credit(SAVINGS.sub(member), saving)));
      }
    }
    LocalDate may = MEETING_DATES[1];
    entries.add(
        entry(may, "FINE-M03", "M03 fined for coming late",
            Posting.debit(CASH, rupees(10)), Posting.credit(FINES, rupees(10))));
    LocalDate june = MEETING_DATES[2];
    entries.add(
        entry(june, "LOAN-M02", "Loan to M02 paid in cash: 5 months at 2% a month flat",
            Posting.debit(LOANS.sub("M02"), rupees(1_000)), Posting.credit(CASH, rupees(1_000))));
    entries.add(
        entry(LocalDate.of(2025, 6, 9), "BANK", "Treasurer banks the cash, keeping ₹10 in hand",
            Posting.debit(BANK, rupees(200)), Posting.credit(CASH, rupees(200))));
    entries.add(
        entry(LocalDate.of(2025, 6, 28), "REPAY-M02", "M02 repays instalment 1 of 5",
            Posting.debit(CASH, rupees(220)),
            Posting.credit(LOANS.sub("M02"), rupees(200)),
            Posting.credit(INTEREST, rupees(20))));
    return entries;
  }

  /** An entry with the demo's id scheme: book, date, event and member, readable in a register. */
  private static JournalEntry entry(LocalDate date, String event, String memo, Posting... postings) {
    EntryId id = EntryId.of(BOOK_ID + "-" + date + "-" + event);
    return JournalEntry.of(id, BOOK_ID, date, memo, List.of(postings));
  }

  private static Account account(AccountCode code, String name, AccountType type) {
    return Account.of(BOOK_ID, code, name, type, INR);
  }

  private static Money rupees(long amountRupees) {
    return Money.ofMajor(INR, amountRupees);
  }
}
