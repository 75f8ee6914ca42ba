package org.shgledger.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The journal's rules, one example each. Every {@link Journal} implementation runs these by
 * extending this class, so all of them behave the same.
 */
public abstract class JournalContractTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final AccountCode CASH = AccountCode.of("1000");
  static final AccountCode BANK = AccountCode.of("1100");
  static final AccountCode LOANS = AccountCode.of("1200");
  static final AccountCode SAVINGS = AccountCode.of("2000");
  static final AccountCode FINES = AccountCode.of("4100");
  static final AccountCode SAVINGS_M01 = SAVINGS.sub("M01");
  static final AccountCode SAVINGS_M02 = SAVINGS.sub("M02");
  static final LocalDate APRIL_5 = LocalDate.of(2025, 4, 5);
  static final LocalDate MAY_3 = LocalDate.of(2025, 5, 3);
  static final LocalDate JUNE_7 = LocalDate.of(2025, 6, 7);

  protected Journal journal;

  /**
   * A new, empty journal of the implementation under test.
   *
   * @return the journal
   */
  protected abstract Journal newJournal();

  @BeforeEach
  void openTheBooks() {
    journal = newJournal();
    journal.createBook(new Book(SHG, "Roshni Mahila Samooh", INR));
    Account cash = Account.of(SHG, CASH, "Cash in hand", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET));
    journal.openAccount(cash);
    journal.openAccount(Account.of(SHG, BANK, "Bank", AccountType.ASSET, INR)
        .withConstraint(BalanceConstraint.nonNegative(AccountType.ASSET)));
    Account savings = Account.of(SHG, SAVINGS, "Members' compulsory savings", AccountType.LIABILITY, INR);
    journal.openAccount(savings);
    journal.openAccount(savings.subLedger("M01", "Savings M01"));
    journal.openAccount(savings.subLedger("M02", "Savings M02"));
    journal.openAccount(Account.of(SHG, FINES, "Fines", AccountType.INCOME, INR));
  }

  static Money rupees(long amount) {
    return Money.of(INR, amount);
  }

  static JournalEntry saving(String id, LocalDate date, AccountCode member, long amount) {
    return JournalEntry.of(EntryId.of(id), SHG, date, "savings",
        List.of(Posting.debit(CASH, rupees(amount)), Posting.credit(member, rupees(amount))));
  }

  static JournalEntry entry(String id, LocalDate date, Posting... postings) {
    return JournalEntry.of(EntryId.of(id), SHG, date, "test", List.of(postings));
  }

  void assertRejected(Rejection reason, Executable request) {
    List<JournalEntry> before = journal.entries(SHG);
    TrialBalance balancesBefore = journal.trialBalance(SHG, LocalDate.MAX);
    JournalException e = assertThrows(JournalException.class, request);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(before, journal.entries(SHG), "a refused request leaves no trace");
    assertEquals(balancesBefore, journal.trialBalance(SHG, LocalDate.MAX));
  }

  // ---- recording ----

  @Test
  void aBalancedEntryIsRecordedAndMovesBothBalances() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));

    assertEquals(rupees(100), journal.balance(SHG, CASH, APRIL_5).normalBalance());
    assertEquals(rupees(100), journal.balance(SHG, SAVINGS_M01, APRIL_5).normalBalance());
    assertEquals(List.of(saving("S1", APRIL_5, SAVINGS_M01, 100)), journal.entries(SHG));
  }

  @Test
  void theLatestEntryDateIsTheLatestDateNotTheLastRecorded() {
    assertEquals(Optional.empty(), journal.latestEntryDate(SHG), "a book with no entries");
    journal.record(saving("S1", MAY_3, SAVINGS_M01, 100));
    journal.record(saving("S2", APRIL_5, SAVINGS_M01, 100));

    assertEquals(Optional.of(MAY_3), journal.latestEntryDate(SHG));
    assertEquals(Optional.empty(), journal.latestEntryDate(BookId.of("NOBODY")), "an unknown book");
  }

  @Test
  void entriesByDateComeOldestFirstInRecordingOrderWithinADate() {
    journal.record(saving("S1", MAY_3, SAVINGS_M01, 100));
    journal.record(saving("S2", APRIL_5, SAVINGS_M01, 100));
    journal.record(saving("S3", MAY_3, SAVINGS_M02, 150));
    journal.record(saving("S4", APRIL_5, SAVINGS_M02, 150));

    List<JournalEntry> byDate = new ArrayList<>();
    journal.forEachEntryByDate(SHG, byDate::add);
    assertEquals(List.of("S2", "S4", "S1", "S3"), byDate.stream().map(e -> e.id().value()).toList());
    assertEquals(journal.entry(SHG, EntryId.of("S3")).orElseThrow(), byDate.get(3), "with its postings");
    List<JournalEntry> none = new ArrayList<>();
    journal.forEachEntryByDate(BookId.of("NOBODY"), none::add);
    assertEquals(List.of(), none, "an unknown book has none");
  }

  @Test
  void entriesPostingAnAccountAreThoseWithinThePeriodInRecordingOrder() {
    journal.record(saving("S1", MAY_3, SAVINGS_M01, 100));
    journal.record(saving("S2", APRIL_5, SAVINGS_M01, 100));
    journal.record(saving("S3", MAY_3, SAVINGS_M02, 150));
    journal.record(saving("S4", MAY_3.plusDays(1), SAVINGS_M01, 150));

    List<JournalEntry> found = journal.entriesPosting(SHG, SAVINGS_M01, APRIL_5, MAY_3);
    assertEquals(List.of("S1", "S2"), found.stream().map(e -> e.id().value()).toList());
    assertEquals(journal.entry(SHG, EntryId.of("S1")).orElseThrow(), found.get(0), "with its postings");
    assertEquals(List.of("S3"), journal.entriesPosting(SHG, SAVINGS_M02, MAY_3, MAY_3).stream()
        .map(e -> e.id().value()).toList());
    assertEquals(List.of(), journal.entriesPosting(SHG, SAVINGS_M01, MAY_3.plusDays(2), MAY_3.plusDays(9)));
    assertEquals(List.of(), journal.entriesPosting(BookId.of("NOBODY"), SAVINGS_M01, APRIL_5, MAY_3), "an unknown book");
  }

  @Test
  void anEntryStandsFromItsRecordingUntilItIsReversed() {
    assertFalse(journal.stands(SHG, EntryId.of("S1")), "not recorded");
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    assertTrue(journal.stands(SHG, EntryId.of("S1")));
    assertFalse(journal.stands(BookId.of("NOBODY"), EntryId.of("S1")), "an unknown book");

    journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), MAY_3, "wrong member");
    assertFalse(journal.stands(SHG, EntryId.of("S1")), "reversed");
    assertTrue(journal.stands(SHG, EntryId.of("R1")), "the reversal itself stands");
  }

  @Test
  void balancesCountOnlyEntriesOnOrBeforeTheDate() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.record(saving("S2", MAY_3, SAVINGS_M01, 100));

    assertEquals(rupees(0), journal.balance(SHG, CASH, APRIL_5.minusDays(1)).normalBalance());
    assertEquals(rupees(100), journal.balance(SHG, CASH, MAY_3.minusDays(1)).normalBalance());
    assertEquals(rupees(200), journal.balance(SHG, CASH, MAY_3).normalBalance());
  }

  @Test
  void aControlAccountIsTheSumOfItsSubLedgers() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.record(saving("S2", APRIL_5, SAVINGS_M02, 150));

    assertEquals(rupees(250), journal.balance(SHG, SAVINGS, APRIL_5).normalBalance());
    TrialBalance trial = journal.trialBalance(SHG, APRIL_5);
    TrialBalance.Line savingsLine =
        trial.lines().stream().filter(l -> l.account().code().equals(SAVINGS)).findFirst().orElseThrow();
    assertEquals(rupees(250), savingsLine.credit());
    assertEquals(List.of(rupees(100), rupees(150)),
        savingsLine.subLedger().stream().map(TrialBalance.Line::credit).toList());
  }

  @Test
  void theTrialBalanceBalancesAndListsTopLevelAccountsInCodeOrder() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.record(entry("F1", APRIL_5, Posting.debit(CASH, rupees(10)), Posting.credit(FINES, rupees(10))));

    TrialBalance trial = journal.trialBalance(SHG, APRIL_5);
    assertEquals(rupees(110), trial.totalDebit());
    assertEquals(rupees(110), trial.totalCredit());
    assertEquals(List.of(CASH, BANK, SAVINGS, FINES),
        trial.lines().stream().map(l -> l.account().code()).toList());
    assertEquals(trial.total(AccountType.ASSET),
        trial.total(AccountType.LIABILITY).plus(trial.total(AccountType.INCOME)));
  }

  @Test
  void theSameIdWithTheSameContentReturnsTheOriginalAndRecordsNothing() {
    JournalEntry first = journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    JournalEntry again = journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));

    assertEquals(first, again);
    assertEquals(1, journal.entries(SHG).size());
    assertEquals(rupees(100), journal.balance(SHG, CASH, APRIL_5).normalBalance());
  }

  @Test
  void aRepeatSucceedsEvenAfterItsPeriodWasLocked() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.lock(SHG, APRIL_5);

    assertEquals(saving("S1", APRIL_5, SAVINGS_M01, 100), journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100)));
  }

  // ---- each rejection, in the documented order ----

  @Test
  void anUnknownBookIsRefused() {
    JournalEntry elsewhere = JournalEntry.of(EntryId.of("X"), BookId.of("NOPE"), APRIL_5, "",
        List.of(Posting.debit(CASH, rupees(1)), Posting.credit(FINES, rupees(1))));
    assertRejected(Rejection.BOOK_NOT_FOUND, () -> journal.record(elsewhere));
  }

  @Test
  void theSameIdWithOtherContentIsRefused() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    assertRejected(Rejection.ENTRY_EXISTS_WITH_DIFFERENT_CONTENT,
        () -> journal.record(saving("S1", APRIL_5, SAVINGS_M01, 101)));
  }

  @Test
  void anEntryNeedsTwoPostings() {
    assertRejected(Rejection.TOO_FEW_POSTINGS, () -> journal.record(entry("E", APRIL_5, Posting.debit(CASH, rupees(1)))));
  }

  @Test
  void anEntryMayNotHaveMoreThanTheLimitOfPostings() {
    List<Posting> postings = new ArrayList<>();
    for (int i = 0; i <= Journal.MAX_POSTINGS; i++) {
      postings.add(i % 2 == 0 ? Posting.debit(CASH, rupees(1)) : Posting.credit(FINES, rupees(1)));
    }
    assertRejected(Rejection.TOO_MANY_POSTINGS,
        () -> journal.record(JournalEntry.of(EntryId.of("BIG"), SHG, APRIL_5, "", postings)));
  }

  @Test
  void zeroAndNegativeAmountsAreRefused() {
    assertRejected(Rejection.AMOUNT_NOT_POSITIVE,
        () -> journal.record(entry("Z", APRIL_5, Posting.debit(CASH, rupees(0)), Posting.credit(FINES, rupees(0)))));
    assertRejected(Rejection.AMOUNT_NOT_POSITIVE,
        () -> journal.record(entry("N", APRIL_5, Posting.debit(CASH, rupees(-5)), Posting.credit(FINES, rupees(-5)))));
  }

  @Test
  void anAmountAboveTheLimitIsRefused() {
    Money huge = Money.ofMinor(INR, Journal.MAX_AMOUNT_MINOR + 1);
    assertRejected(Rejection.AMOUNT_TOO_LARGE,
        () -> journal.record(entry("H", APRIL_5, Posting.debit(CASH, huge), Posting.credit(FINES, huge))));
  }

  @Test
  void anAmountInAnotherCurrencyIsRefused() {
    Money dollars = Money.of(CurrencyUnit.USD, 1);
    assertRejected(Rejection.CURRENCY_MISMATCH,
        () -> journal.record(entry("U", APRIL_5, Posting.debit(CASH, dollars), Posting.credit(FINES, dollars))));
  }

  @Test
  void anUnknownAccountIsRefused() {
    assertRejected(Rejection.ACCOUNT_NOT_FOUND,
        () -> journal.record(entry("A", APRIL_5, Posting.debit(CASH, rupees(1)), Posting.credit(AccountCode.of("4999"), rupees(1)))));
  }

  @Test
  void aClosedAccountTakesNoPostings() {
    Account fees = journal.openAccount(Account.of(SHG, AccountCode.of("4300"), "Fees", AccountType.INCOME, INR));
    journal.closeAccount(SHG, fees.code());

    assertFalse(journal.isOpen(SHG, fees.code()));
    assertRejected(Rejection.ACCOUNT_CLOSED,
        () -> journal.record(entry("C", APRIL_5, Posting.debit(CASH, rupees(1)), Posting.credit(fees.code(), rupees(1)))));
  }

  @Test
  void aControlAccountTakesNoPostingsOfItsOwn() {
    assertRejected(Rejection.POSTING_TO_CONTROL_ACCOUNT,
        () -> journal.record(entry("P", APRIL_5, Posting.debit(CASH, rupees(1)), Posting.credit(SAVINGS, rupees(1)))));
  }

  @Test
  void anUnbalancedEntryIsRefused() {
    JournalException e = assertThrows(JournalException.class,
        () -> journal.record(entry("U", APRIL_5, Posting.debit(CASH, rupees(100)), Posting.credit(SAVINGS_M01, rupees(90)))));
    assertEquals(Rejection.UNBALANCED, e.reason());
    assertEquals("book SHG01, entry U: debits INR 100.00 differ from credits INR 90.00", e.getMessage());
  }

  @Test
  void nothingCanBeRecordedOnOrBeforeTheLockDate() {
    journal.lock(SHG, APRIL_5);

    assertRejected(Rejection.DATE_LOCKED, () -> journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100)));
    journal.record(saving("S2", APRIL_5.plusDays(1), SAVINGS_M01, 100));
    assertEquals(Optional.of(APRIL_5), journal.lockDate(SHG));
  }

  @Test
  void aLockIsNeverMovedBack() {
    journal.lock(SHG, MAY_3);
    JournalException e = assertThrows(JournalException.class, () -> journal.lock(SHG, APRIL_5));
    assertEquals(Rejection.LOCK_DATE_MOVES_BACKWARD, e.reason());
    assertEquals(Optional.of(MAY_3), journal.lockDate(SHG));
  }

  @Test
  void cashCannotGoBelowZero() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    assertRejected(Rejection.BALANCE_CONSTRAINT_VIOLATED,
        () -> journal.record(entry("W", MAY_3, Posting.debit(SAVINGS_M01, rupees(101)), Posting.credit(CASH, rupees(101)))));
  }

  @Test
  void aBackDatedPaymentCannotSpendCashThatArrivedLater() {
    journal.record(saving("S1", MAY_3, SAVINGS_M01, 100));
    // On April 5 the cash box was empty: paying out then would have left it at -50 for a month.
    assertRejected(Rejection.BALANCE_CONSTRAINT_VIOLATED,
        () -> journal.record(entry("W", APRIL_5, Posting.debit(SAVINGS_M01, rupees(50)), Posting.credit(CASH, rupees(50)))));
    journal.record(entry("W2", MAY_3, Posting.debit(SAVINGS_M01, rupees(50)), Posting.credit(CASH, rupees(50))));
  }

  @Test
  void aLaterPaymentMayNotBeUndercutByABackDatedOne() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.record(entry("W1", JUNE_7, Posting.debit(SAVINGS_M01, rupees(80)), Posting.credit(CASH, rupees(80))));
    // Cash is 100 on May 3, but spending 30 then would leave -10 after the June payment.
    assertRejected(Rejection.BALANCE_CONSTRAINT_VIOLATED,
        () -> journal.record(entry("W2", MAY_3, Posting.debit(SAVINGS_M01, rupees(30)), Posting.credit(CASH, rupees(30)))));
  }

  // ---- reversal ----

  @Test
  void aReversalIsTheExactOppositeAndRestoresEveryBalance() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    JournalEntry reversal = journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), MAY_3, "wrong member");

    assertEquals(Optional.of(EntryId.of("S1")), reversal.reverses());
    assertEquals(List.of(Posting.credit(CASH, rupees(100)), Posting.debit(SAVINGS_M01, rupees(100))), reversal.postings());
    assertEquals(rupees(0), journal.balance(SHG, CASH, MAY_3).normalBalance());
    assertEquals(rupees(0), journal.balance(SHG, SAVINGS_M01, MAY_3).normalBalance());
    assertEquals(rupees(100), journal.balance(SHG, CASH, APRIL_5).normalBalance(), "history is kept");
    assertEquals(Optional.of(reversal), journal.reversalOf(SHG, EntryId.of("S1")));
  }

  @Test
  void nothingIsReversedTwice() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), MAY_3, "wrong member");

    assertRejected(Rejection.ALREADY_REVERSED,
        () -> journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R2"), MAY_3, "again"));
  }

  @Test
  void aReversalCanItselfBeReversedOnce() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), MAY_3, "thought it was wrong");
    journal.reverse(SHG, EntryId.of("R1"), EntryId.of("R1-R"), MAY_3, "it was right after all");

    assertEquals(rupees(100), journal.balance(SHG, CASH, MAY_3).normalBalance());
    assertRejected(Rejection.ALREADY_REVERSED,
        () -> journal.reverse(SHG, EntryId.of("R1"), EntryId.of("R1-R2"), MAY_3, "twice"));
  }

  @Test
  void reversingAnUnknownEntryIsRefused() {
    assertRejected(Rejection.REVERSED_ENTRY_NOT_FOUND,
        () -> journal.reverse(SHG, EntryId.of("NOPE"), EntryId.of("R"), MAY_3, ""));
  }

  @Test
  void aReversalMustMatchItsOriginalLineByLine() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    JournalEntry wrong = new JournalEntry(EntryId.of("R1"), SHG, MAY_3, "", 
        List.of(Posting.credit(CASH, rupees(90)), Posting.debit(SAVINGS_M01, rupees(90))),
        Optional.of(EntryId.of("S1")), Optional.empty());
    assertRejected(Rejection.REVERSAL_DOES_NOT_MATCH, () -> journal.record(wrong));
  }

  @Test
  void aReversalCannotBeDatedBeforeItsOriginal() {
    journal.record(saving("S1", MAY_3, SAVINGS_M01, 100));
    assertRejected(Rejection.REVERSAL_BEFORE_ORIGINAL,
        () -> journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), APRIL_5, ""));
  }

  @Test
  void aReversalThatWouldEmptyCashAlreadySpentIsRefused() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));
    journal.record(entry("B1", MAY_3, Posting.debit(BANK, rupees(100)), Posting.credit(CASH, rupees(100))));
    assertRejected(Rejection.BALANCE_CONSTRAINT_VIOLATED,
        () -> journal.reverse(SHG, EntryId.of("S1"), EntryId.of("R1"), JUNE_7, ""));
  }

  // ---- batches ----

  @Test
  void aBatchIsRecordedWhole() {
    List<JournalEntry> recorded = journal.recordAll(List.of(
        saving("S1", APRIL_5, SAVINGS_M01, 100),
        entry("W1", APRIL_5, Posting.debit(SAVINGS_M01, rupees(60)), Posting.credit(CASH, rupees(60)))));

    assertEquals(2, recorded.size());
    assertEquals(rupees(40), journal.balance(SHG, CASH, APRIL_5).normalBalance());
  }

  @Test
  void aBatchWithOneBadEntryRecordsNothingAndNamesTheEntry() {
    JournalException e = assertThrows(JournalException.class, () -> journal.recordAll(List.of(
        saving("S1", APRIL_5, SAVINGS_M01, 100),
        saving("S2", APRIL_5, SAVINGS_M02, 100),
        entry("U", APRIL_5, Posting.debit(CASH, rupees(1)), Posting.credit(FINES, rupees(2))))));

    assertEquals(Rejection.UNBALANCED, e.reason());
    assertTrue(e.getMessage().startsWith("batch entry 3 of 3: book SHG01, entry U:"), e.getMessage());
    assertEquals(List.of(), journal.entries(SHG));
    assertEquals(rupees(0), journal.balance(SHG, CASH, LocalDate.MAX).normalBalance());
  }

  // ---- books and accounts ----

  @Test
  void creatingAnExistingBookAgainChangesNothingButADifferentOneIsRefused() {
    assertEquals(new Book(SHG, "Roshni Mahila Samooh", INR), journal.createBook(new Book(SHG, "Roshni Mahila Samooh", INR)));
    JournalException e = assertThrows(JournalException.class,
        () -> journal.createBook(new Book(SHG, "Roshni Mahila Samooh", CurrencyUnit.of("NPR"))));
    assertEquals(Rejection.BOOK_EXISTS, e.reason());
  }

  @Test
  void anAccountIsInItsBooksCurrency() {
    JournalException e = assertThrows(JournalException.class, () ->
        journal.openAccount(Account.of(SHG, AccountCode.of("1300"), "FD", AccountType.ASSET, CurrencyUnit.USD)));
    assertEquals(Rejection.CURRENCY_MISMATCH, e.reason());
  }

  @Test
  void aSubLedgerNeedsAnOpenControlAccountOfItsOwnTypeWithoutPostings() {
    Account loans = journal.openAccount(Account.of(SHG, LOANS, "Loans to members", AccountType.ASSET, INR));
    journal.record(entry("L", APRIL_5, Posting.debit(CASH, rupees(5)), Posting.credit(FINES, rupees(5))));
    journal.record(entry("L2", APRIL_5, Posting.debit(LOANS, rupees(5)), Posting.credit(CASH, rupees(5))));

    assertEquals(Rejection.CONTROL_ACCOUNT_HAS_POSTINGS, assertThrows(JournalException.class,
        () -> journal.openAccount(loans.subLedger("M01", "Loan M01"))).reason());
    Account wrongType = new Account(SHG, SAVINGS.sub("M03"), "x", AccountType.ASSET, INR, Optional.of(SAVINGS), BalanceConstraint.NONE);
    assertEquals(Rejection.CONTROL_ACCOUNT_TYPE_MISMATCH, assertThrows(JournalException.class,
        () -> journal.openAccount(wrongType)).reason());
    Account orphan = new Account(SHG, AccountCode.of("2100:M01"), "x", AccountType.LIABILITY, INR,
        Optional.of(AccountCode.of("2100")), BalanceConstraint.NONE);
    assertEquals(Rejection.CONTROL_ACCOUNT_NOT_FOUND, assertThrows(JournalException.class,
        () -> journal.openAccount(orphan)).reason());
  }

  @Test
  void anAccountClosesOnlyWhenEmptyAndItsSubLedgersAreClosed() {
    journal.record(saving("S1", APRIL_5, SAVINGS_M01, 100));

    assertEquals(Rejection.ACCOUNT_HAS_OPEN_SUB_ACCOUNTS,
        assertThrows(JournalException.class, () -> journal.closeAccount(SHG, SAVINGS)).reason());
    assertEquals(Rejection.ACCOUNT_BALANCE_NOT_ZERO,
        assertThrows(JournalException.class, () -> journal.closeAccount(SHG, SAVINGS_M01)).reason());
    journal.record(entry("W", MAY_3, Posting.debit(SAVINGS_M01, rupees(100)), Posting.credit(CASH, rupees(100))));
    journal.closeAccount(SHG, SAVINGS_M01);
    journal.closeAccount(SHG, SAVINGS_M01);
    assertFalse(journal.isOpen(SHG, SAVINGS_M01));
  }

  @Test
  void reopeningAnAccountWithTheSameDefinitionChangesNothingButAnotherDefinitionIsRefused() {
    Account fines = Account.of(SHG, FINES, "Fines", AccountType.INCOME, INR);
    assertEquals(fines, journal.openAccount(fines));
    assertEquals(Rejection.ACCOUNT_EXISTS, assertThrows(JournalException.class,
        () -> journal.openAccount(Account.of(SHG, FINES, "Penalties", AccountType.INCOME, INR))).reason());
  }
}
