package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shgledger.group.Channel;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.AllocationOrder;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanArbitraries;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.PaymentRule;
import org.shgledger.money.RoundingPolicy;

/**
 * Every loan's terms read back equal from the columns they are stored in, whatever order their
 * terms were set in: no database needed, since the columns are the same values a row holds.
 */
class LoanColumnsProperties {

  @Property(tries = 300)
  void everyLoanReadsBackEqualFromItsColumns(@ForAll("loans") Loan terms, @ForAll PaymentRule rule) {
    MemberLoan loan = new MemberLoan(LoanId.of("L1"), MemberId.of("M01"), terms, Channel.CASH, EntryId.of("D1"),
        AllocationOrder.STANDARD, rule);

    RegistryRows.requireRestorable(BookId.of("SHG01"), loan);
  }

  /** V7: a fixed instalment is stored, and the restored terms have the same count and schedule. */
  @Property(tries = 100)
  void aFixedInstalmentReadsBack(@ForAll("scheduled") LoanTerms terms) throws SQLException {
    if (terms.method() == org.shgledger.loan.RepaymentMethod.EQUAL_PRINCIPAL) {
      return;
    }
    LoanTerms fixed;
    try {
      // the schedule's first repaying payment, made larger: always enough to repay
      fixed = terms.withFixedInstalment(terms.schedule().instalments().get(terms.interestOnlyInstalments())
          .payment().multipliedBy(2));
    } catch (IllegalArgumentException refused) {
      return;
    }
    MemberLoan loan = new MemberLoan(LoanId.of("L1"), MemberId.of("M01"), fixed, Channel.CASH, EntryId.of("D1"),
        AllocationOrder.STANDARD);
    List<Object> columns = new ArrayList<>();
    RegistryRows.write(new RegistryRows.Parameters(columns), loan);
    assertEquals(loan, RegistryRows.loan(new RegistryRows.Cursor(columns)));
  }

  /** V7: a loan recorded before it has no payment rule, and keeps the old one; new loans say theirs. */
  @Property(tries = 50)
  void aLoanWithoutAPaymentRuleIsOneRecordedBeforeIssue14(@ForAll("loans") Loan terms) throws SQLException {
    MemberLoan today = new MemberLoan(LoanId.of("L1"), MemberId.of("M01"), terms, Channel.CASH, EntryId.of("D1"),
        AllocationOrder.STANDARD);
    List<Object> columns = new ArrayList<>();
    RegistryRows.write(new RegistryRows.Parameters(columns), today);
    int rule = columns.size() - 2; // payment_rule, then instalment_amount_minor
    assertEquals("TIME_USED", columns.get(rule));

    columns.set(rule, null);
    assertEquals(PaymentRule.SCHEDULE_AHEAD, RegistryRows.loan(new RegistryRows.Cursor(columns)).paymentRule());
  }

  @Property(tries = 100)
  void aRestoredScheduleIsTheSameSchedule(@ForAll("scheduled") LoanTerms terms) throws SQLException {
    MemberLoan loan = new MemberLoan(LoanId.of("L1"), MemberId.of("M01"), terms, Channel.CASH, EntryId.of("D1"),
        AllocationOrder.STANDARD);
    List<Object> columns = new ArrayList<>();
    RegistryRows.write(new RegistryRows.Parameters(columns), loan);
    LoanTerms restored = (LoanTerms) RegistryRows.loan(new RegistryRows.Cursor(columns)).terms();

    assertEquals(terms.schedule(), restored.schedule());
  }

  @Provide
  Arbitrary<LoanTerms> scheduled() {
    return LoanArbitraries.terms();
  }

  @Provide
  Arbitrary<Loan> loans() {
    Arbitrary<Loan> open = LoanArbitraries.terms().map(terms -> new OpenLoanTerms(
        terms.principal(), terms.rate(), terms.disbursementDate(),
        terms.interestRounding().equals(RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN))
            ? RoundingPolicy.wholeUnits(RoundingMode.FLOOR)
            : terms.interestRounding()));
    return Arbitraries.oneOf(LoanArbitraries.terms().map(terms -> (Loan) terms), open);
  }
}
