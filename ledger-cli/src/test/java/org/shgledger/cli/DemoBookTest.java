package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.TrialBalance;

/** The demo book's contents, read through the journal rather than the printed table. */
class DemoBookTest {

  private final Journal journal = new InMemoryJournal();

  @Test
  void balancesAtTheEndOfJune() {
    DemoBook.recordInto(journal);

    assertEquals(inr("230"), normalBalance("1000"), "cash in hand");
    assertEquals(inr("200"), normalBalance("1100"), "bank");
    assertEquals(inr("800"), normalBalance("1200"), "loans to members");
    assertEquals(inr("800"), normalBalance("1200:M02"), "M02's loan");
    assertEquals(inr("0"), normalBalance("1200:M01"), "M01 has no loan");
    for (String member : DemoBook.MEMBER_IDS) {
      assertEquals(inr("300"), normalBalance("2000:" + member), member + "'s savings");
    }
    assertEquals(inr("1200"), normalBalance("2000"), "members' savings");
    assertEquals(inr("20"), normalBalance("4000"), "interest");
    assertEquals(inr("10"), normalBalance("4100"), "fines");

    TrialBalance trialBalance = journal.trialBalance(DemoBook.BOOK_ID, DemoBook.AS_OF);
    assertEquals(inr("1230"), trialBalance.totalDebit());
    assertEquals(inr("1230"), trialBalance.totalCredit());
  }

  @Test
  void entryIdsNameBookDateEventAndMember() {
    DemoBook.recordInto(journal);

    assertEquals(16, journal.entries(DemoBook.BOOK_ID).size(), "12 savings, fine, loan, banking, repayment");
    for (String id :
        new String[] {
          "DEMO01-2025-04-05-SAVE-M01",
          "DEMO01-2025-06-07-SAVE-M04",
          "DEMO01-2025-05-03-FINE-M03",
          "DEMO01-2025-06-07-LOAN-M02",
          "DEMO01-2025-06-09-BANK",
          "DEMO01-2025-06-28-REPAY-M02"
        }) {
      assertTrue(journal.entry(DemoBook.BOOK_ID, EntryId.of(id)).isPresent(), id);
    }
  }

  @Test
  void recordingTwiceChangesNothing() {
    DemoBook.recordInto(journal);
    DemoBook.recordInto(journal);

    assertEquals(16, journal.entries(DemoBook.BOOK_ID).size());
    assertEquals(inr("230"), normalBalance("1000"));
  }

  @Test
  void theLoanWaitsForEnoughCash() {
    DemoBook.recordInto(journal);

    // At the May meeting the box held ₹810, short of the ₹1,000 loan; see DemoBook.
    assertEquals(
        inr("810"),
        journal.balance(DemoBook.BOOK_ID, AccountCode.of("1000"), LocalDate.of(2025, 5, 3))
            .normalBalance());
  }

  private Money normalBalance(String code) {
    return journal.balance(DemoBook.BOOK_ID, AccountCode.of(code), DemoBook.AS_OF).normalBalance();
  }

  private static Money inr(String amount) {
    return Money.parse("INR " + amount);
  }
}
