package org.shgledger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.report.SmallYear.L1;
import static org.shgledger.report.SmallYear.L2;
import static org.shgledger.report.SmallYear.SHG;
import static org.shgledger.report.SmallYear.rupees;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupRejection;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.LoanState;

/** One loan's ledger in {@link SmallYear}: payments split as recorded, and the state on a day. */
class LoanLedgerTest {

  private final SmallYear year = new SmallYear();
  private final LoanLedgerBuilder builder = new LoanLedgerBuilder(year.groups);

  @Test
  void eachPaymentIsSplitAsItsEntryCreditedIt() {
    LoanLedger ledger = builder.build(SHG, L1, LocalDate.of(2024, 7, 31));

    assertEquals(2, ledger.events().size());
    // each instalment of 1,120: 120 interest (2 % a month of 6,000), 1,000 principal
    assertEquals(new LoanLedger.Event(LoanEvent.Kind.PAYMENT, EntryId.of("LP1"), LocalDate.of(2024, 6, 10),
        rupees(1_120), rupees(0), rupees(120), rupees(1_000), Optional.empty()), ledger.events().get(0));
    LoanState state = ledger.state().orElseThrow();
    assertEquals(rupees(4_000), state.outstandingPrincipal());
    assertEquals(rupees(0), state.overdueAmount());
  }

  @Test
  void aLoanNotYetPaidOutOnTheDayHasNoStateAndNoEvents() {
    LoanLedger ledger = builder.build(SHG, L2, LocalDate.of(2025, 1, 15));

    assertTrue(ledger.state().isEmpty());
    assertTrue(ledger.events().isEmpty());
  }

  @Test
  void anUnknownLoanIsNotFound() {
    GroupException e = assertThrows(GroupException.class,
        () -> builder.build(SHG, LoanId.of("L9"), LocalDate.of(2025, 1, 15)));
    assertEquals(GroupRejection.LOAN_NOT_FOUND, e.reason());
  }
}
