package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.AccountType;
import org.shgledger.journal.BalanceConstraint;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Rejection;

/**
 * Requests inside one transaction of the store's unit of work (an import: thousands of single
 * entries) share what the journal has read and keep it in step with what each of them writes:
 * every request is checked against the books as the transaction's earlier requests left them,
 * exactly as if each were its own transaction. Run on each database.
 */
abstract class TransactionViewTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final AccountCode FEES = AccountCode.of("4300");
  static final LocalDate APRIL_5 = LocalDate.of(2025, 4, 5);
  static final LocalDate MAY_3 = LocalDate.of(2025, 5, 3);

  private OpenedJournals journals;
  private LedgerStore store;
  private JdbcJournal journal;

  /** The kind of database under test. */
  abstract OpenedJournals.Kind kind();

  @BeforeEach
  void openTheBooks() {
    journals = new OpenedJournals(kind());
    store = journals.newStore();
    journal = store.journal();
    journal.createBook(new Book(SHG, "Roshni Mahila Samooh", INR));
    journal.openAccount(Account.of(SHG, CASH, "Cash in hand", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings = Account.of(SHG, SAVINGS, "Savings", AccountType.LIABILITY, INR);
    journal.openAccount(savings);
    journal.openAccount(savings.subLedger("M01", "Savings M01"));
    journal.openAccount(Account.of(SHG, FEES, "Fees", AccountType.INCOME, INR));
  }

  @AfterEach
  void close() {
    journals.close();
  }

  @Test
  void eachEntryIsCheckedAgainstTheEntriesBeforeItInTheTransaction() {
    inOneTransaction(() -> {
      journal.record(cashIn("S1", MAY_3, 100));
      journal.record(cashOut("W1", MAY_3, 60));
      // the cash box holds 40 now: the balance read for W1 was kept in step with W1
      assertRefused(Rejection.BALANCE_CONSTRAINT_VIOLATED, () -> journal.record(cashOut("W2", MAY_3, 41)));
      // nor may an earlier day's payment take what came in only later
      assertRefused(Rejection.BALANCE_CONSTRAINT_VIOLATED, () -> journal.record(cashOut("W3", APRIL_5, 1)));
      journal.recordAll(List.of(cashIn("S2", APRIL_5, 10), cashOut("W4", APRIL_5, 10)));
      journal.record(cashOut("W5", MAY_3, 40));
      assertRefused(Rejection.BALANCE_CONSTRAINT_VIOLATED, () -> journal.record(cashOut("W6", MAY_3, 1)));
    });

    assertEquals(Money.zero(INR), journal.balance(SHG, CASH, LocalDate.MAX).normalBalance());
    assertEquals(List.of("S1", "W1", "S2", "W4", "W5"), ids());
    assertTrue(journal.verify(SHG).isOk(), "one unbroken chain");
  }

  @Test
  void anEntryRecordedEarlierInTheTransactionIsNotRecordedAgain() {
    inOneTransaction(() -> {
      journal.recordAll(List.of(cashIn("S1", APRIL_5, 100), cashIn("S2", APRIL_5, 50)));
      assertEquals(cashIn("S1", APRIL_5, 100), journal.record(cashIn("S1", APRIL_5, 100)));
      journal.recordAll(List.of(cashIn("S2", APRIL_5, 50), cashIn("S3", APRIL_5, 25)));
      assertRefused(Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT, () -> journal.record(cashIn("S3", APRIL_5, 26)));
    });

    assertEquals(List.of("S1", "S2", "S3"), ids());
    assertEquals(Money.of(INR, 175), journal.balance(SHG, CASH, LocalDate.MAX).normalBalance());
  }

  @Test
  void aReversalEarlierInTheTransactionIsNotMadeAgain() {
    inOneTransaction(() -> {
      journal.record(cashIn("S1", APRIL_5, 100));
      journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), MAY_3, "wrong member");
      assertRefused(Rejection.ALREADY_REVERSED,
          () -> journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R2"), MAY_3, "again"));
    });

    assertEquals(List.of("S1", "R1"), ids());
  }

  @Test
  void accountsOpenedAndClosedAndTheLockDateSetInTheTransactionAreSeenByTheNextRequest() {
    AccountCode m02 = SAVINGS.sub("M02");
    inOneTransaction(() -> {
      journal.record(cashIn("S1", APRIL_5, 100));
      assertRefused(Rejection.ACCOUNT_NOT_FOUND, () -> journal.record(saving("S2", APRIL_5, m02, 30)));
      journal.openAccount(Account.of(SHG, SAVINGS, "Savings", AccountType.LIABILITY, INR)
          .subLedger("M02", "Savings M02"));
      journal.record(saving("S2", APRIL_5, m02, 30));
      journal.record(JournalEntry.of(EntryId.of("X2"), SHG, APRIL_5, "to fees",
          List.of(Posting.debit(m02, Money.of(INR, 30)), Posting.credit(FEES, Money.of(INR, 30)))));
      journal.closeAccount(SHG, m02);
      assertRefused(Rejection.ACCOUNT_CLOSED, () -> journal.record(saving("S3", MAY_3, m02, 5)));
      journal.lock(SHG, APRIL_5);
      assertRefused(Rejection.DATE_LOCKED, () -> journal.record(cashIn("S4", APRIL_5, 5)));
      journal.record(cashIn("S5", MAY_3, 5));
    });

    assertEquals(List.of("S1", "S2", "X2", "S5"), ids());
    assertTrue(journal.verify(SHG).isOk());
  }

  @Test
  void aRequestRefusedPartWayAndCaughtLeavesTheNextRequestsChecksAndChainRight() {
    inOneTransaction(() -> {
      journal.record(cashIn("S1", APRIL_5, 100));
      // a batch refused at its second entry, after its first was applied (and perhaps sent)
      assertThrows(JournalException.class, () -> journal.recordAll(List.of(
          cashOut("W1", APRIL_5, 30), cashOut("W2", APRIL_5, 1_000))));
      // what the database holds now, the next request reads again: the chain goes on from it
      journal.record(cashOut("W3", MAY_3, 50));
    });

    assertTrue(journal.verify(SHG).isOk(), "one unbroken chain");
    Money held = journal.balance(SHG, CASH, LocalDate.MAX).normalBalance();
    assertTrue(held.equals(Money.of(INR, 50)) || held.equals(Money.of(INR, 20)), held.toString());
  }

  private void inOneTransaction(Runnable work) {
    store.unitOfWork().atomically(SHG, () -> {
      work.run();
      return null;
    });
  }

  private List<String> ids() {
    return journal.entries(SHG).stream().map(entry -> entry.id().value()).toList();
  }

  private static void assertRefused(Rejection reason, org.junit.jupiter.api.function.Executable request) {
    JournalException e = assertThrows(JournalException.class, request);
    assertEquals(reason, e.reason(), e.getMessage());
  }

  private static JournalEntry cashIn(String id, LocalDate date, long rupees) {
    return saving(id, date, SAVINGS.sub("M01"), rupees);
  }

  private static JournalEntry saving(String id, LocalDate date, AccountCode member, long rupees) {
    return JournalEntry.of(EntryId.of(id), SHG, date, "savings",
        List.of(Posting.debit(CASH, Money.of(INR, rupees)), Posting.credit(member, Money.of(INR, rupees))));
  }

  private static JournalEntry cashOut(String id, LocalDate date, long rupees) {
    return JournalEntry.of(EntryId.of(id), SHG, date, "fee paid",
        List.of(Posting.debit(FEES, Money.of(INR, rupees)), Posting.credit(CASH, Money.of(INR, rupees))));
  }
}
