package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** A bank loan's terms and the split of its EMI (issue 14; docs/engine.md). */
class BankLoanTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);

  static Money inr(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  static BankLoan loan() {
    return new BankLoan(EntryId.of("BL1"), LocalDate.of(2024, 11, 20), inr("100000"), new BigDecimal("12"), 12,
        RepaymentMethod.EMI);
  }

  static SavingsGroups engine() {
    SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    groups.createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY, inr("100"),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.EMI, 10)));
    return groups;
  }

  @Test
  void theWorkedExample() {
    // 1,00,000 at 12 % a year, an EMI of 8,885 thirty days later: 986.30 interest (986.3013...),
    // 7,898.70 principal
    Money interest = loan().interestOn(inr("100000"), 30);

    assertEquals(inr("986.30"), interest);
    assertEquals(inr("7898.70"), inr("8885").minus(interest));
  }

  @Test
  void halfAPaisaRoundsUpAndNothingIsChargedOnNothing() {
    // 365 × 1 % × 1 / 365 = 0.01 exactly; 182.50 × 1 % × 1 / 365 = 0.005, half up to 0.01;
    // 182.49 gives 0.00499..., down to nothing
    BankLoan onePercent = new BankLoan(EntryId.of("B"), FORMED, inr("36500"), BigDecimal.ONE, 1, RepaymentMethod.FLAT);
    assertEquals(inr("0.01"), onePercent.interestOn(inr("365"), 1));
    assertEquals(inr("0.01"), onePercent.interestOn(inr("182.50"), 1));
    assertEquals(inr("0"), onePercent.interestOn(inr("182.49"), 1));
    assertEquals(inr("0"), onePercent.interestOn(inr("0"), 30));
    assertEquals(inr("0"), onePercent.interestOn(inr("36500"), 0));
  }

  @Test
  void termsAreCheckedAndTheRateHasOneSpelling() {
    assertThrows(IllegalArgumentException.class, () -> new BankLoan(EntryId.of("B"), FORMED, inr("100"),
        new BigDecimal("121"), 1, RepaymentMethod.EMI));
    assertThrows(IllegalArgumentException.class, () -> new BankLoan(EntryId.of("B"), FORMED, inr("100"),
        BigDecimal.TEN, 0, RepaymentMethod.EMI));
    assertThrows(IllegalArgumentException.class, () -> new BankLoan(EntryId.of("B"), FORMED, inr("0"),
        BigDecimal.TEN, 1, RepaymentMethod.EMI));
    assertEquals(new BankLoan(EntryId.of("B"), FORMED, inr("100"), new BigDecimal("1.2E+1"), 1, RepaymentMethod.EMI),
        new BankLoan(EntryId.of("B"), FORMED, inr("100"), new BigDecimal("12.000"), 1, RepaymentMethod.EMI));
  }

  @Test
  void receivingRecordsTheEntryAndTheTermsTogether() {
    SavingsGroups groups = engine();

    JournalEntry entry = groups.receiveBankLoan(SHG, loan());

    assertEquals(List.of(Posting.debit(Chart.BANK, inr("100000")), Posting.credit(Chart.BANK_LOAN, inr("100000"))),
        entry.postings());
    assertEquals(List.of(loan()), groups.registry().bankLoans(SHG));
  }

  @Test
  void aLoanDatedBeforeTheGroupKeepsNoTerms() {
    SavingsGroups groups = engine();
    BankLoan early = new BankLoan(EntryId.of("BL0"), FORMED.minusDays(1), inr("100"), BigDecimal.TEN, 1,
        RepaymentMethod.EMI);

    GroupException refused = assertThrows(GroupException.class, () -> groups.receiveBankLoan(SHG, early));

    assertEquals(GroupRejection.DATE_BEFORE_FORMATION, refused.reason());
    assertEquals(List.of(), groups.registry().bankLoans(SHG));
  }

  @Test
  void anInterestPartBelongsOnlyToAPaymentToTheBankLoan() {
    SavingsGroups groups = engine();
    groups.receiveBankLoan(SHG, loan());
    LocalDate day = LocalDate.of(2024, 12, 20);

    GroupException deposit = assertThrows(GroupException.class, () -> groups.record(SHG, EntryId.of("X1"), day,
        new GroupOperation.BankLine(true, inr("100"), Chart.BANK_LOAN, "in", inr("1"))));
    GroupException tooMuch = assertThrows(GroupException.class, () -> groups.record(SHG, EntryId.of("X2"), day,
        new GroupOperation.BankLine(false, inr("100"), Chart.BANK_LOAN, "emi", inr("101"))));
    GroupException elsewhere = assertThrows(GroupException.class, () -> groups.record(SHG, EntryId.of("X3"), day,
        new GroupOperation.BankLine(false, inr("100"), Chart.BANK_CHARGES, "chg", inr("1"))));
    JournalEntry wholeInterest = groups.record(SHG, EntryId.of("X4"), day,
        new GroupOperation.BankLine(false, inr("100"), Chart.BANK_LOAN, "emi", inr("100")));

    assertEquals(GroupRejection.INVALID_AMOUNT, deposit.reason());
    assertEquals(GroupRejection.INVALID_AMOUNT, tooMuch.reason());
    assertEquals(GroupRejection.INVALID_AMOUNT, elsewhere.reason());
    assertEquals(List.of(Posting.debit(Chart.INTEREST_PAID, inr("100")), Posting.credit(Chart.BANK, inr("100"))),
        wholeInterest.postings());
  }

  @Test
  void aLoanReceivedWithoutTermsGetsThemFromItsEntryOnce() {
    SavingsGroups groups = engine();
    LocalDate day = LocalDate.of(2024, 11, 20);
    groups.record(SHG, EntryId.of("BL1"), day, new GroupOperation.ReceiveBankLoan(inr("100000")));
    groups.record(SHG, EntryId.of("CH1"), day, new GroupOperation.BankCharges(inr("10")));

    BankLoan kept = groups.keepBankLoanTerms(SHG, EntryId.of("BL1"), new BigDecimal("12"), 12, RepaymentMethod.EMI);
    BankLoan again = groups.keepBankLoanTerms(SHG, EntryId.of("BL1"), BigDecimal.ONE, 1, RepaymentMethod.FLAT);
    GroupException notALoan = assertThrows(GroupException.class,
        () -> groups.keepBankLoanTerms(SHG, EntryId.of("CH1"), BigDecimal.ONE, 1, RepaymentMethod.FLAT));

    assertEquals(loan(), kept);
    assertEquals(loan(), again);
    assertEquals(List.of(loan()), groups.registry().bankLoans(SHG));
    assertEquals(GroupRejection.INVALID_ACCOUNT, notALoan.reason());
  }
}
