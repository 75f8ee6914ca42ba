package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Channel;
import org.shgledger.group.ForwardingRegistry;
import org.shgledger.group.Group;
import org.shgledger.group.GroupRegistry;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;

/**
 * An engine operation on a store is one transaction: when it fails after writing its journal
 * entry (here, a registry that breaks on its write), neither the entry nor the record is kept, and
 * the same operation succeeds afterwards.
 */
class SqliteUnitOfWorkTest {

  static final BookId SHG = GroupCrashWriter.SHG;
  static final MemberId BORROWER = GroupCrashWriter.member(1);
  static final LoanId LOAN = LoanId.of("L-TEST");
  static final EntryId DISBURSEMENT = EntryId.of("DISB-TEST");
  static final LocalDate DAY = GroupCrashWriter.meetingDay(1);

  @TempDir Path directory;
  private LedgerStore store;
  private BreakingRegistry breaking;
  private SavingsGroups failing;

  @BeforeEach
  void openAGroupWithSavings() {
    store = LedgerStore.openSqlite(directory.resolve("shg.db"));
    GroupCrashWriter.live(store.engine());
    breaking = new BreakingRegistry(store.registry());
    failing = new SavingsGroups(store.journal(), breaking, store.unitOfWork());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aDisbursementWhoseLoanCannotBeRecordedLeavesNoEntry() {
    breaking.breakOn = "putLoan";
    assertThrows(IllegalStateException.class, this::disburse);
    assertTrue(store.journal().entry(SHG, DISBURSEMENT).isEmpty(), "no entry");
    assertTrue(store.registry().loan(SHG, LOAN).isEmpty(), "no loan");

    breaking.breakOn = null;
    disburse();
    assertTrue(store.journal().entry(SHG, DISBURSEMENT).isPresent());
    assertTrue(store.registry().loan(SHG, LOAN).isPresent());
    assertTrue(store.journal().verify(SHG).isOk());
  }

  @Test
  void aRepaymentWhoseEventCannotBeRecordedLeavesNoEntry() {
    disburse();
    EntryId payment = EntryId.of("PAY-TEST");
    breaking.breakOn = "addLoanEvent";
    assertThrows(IllegalStateException.class, () -> failing.repayLoan(SHG, payment, LOAN, DAY.plusMonths(1),
        GroupCrashWriter.rupees(180), Channel.CASH));
    assertTrue(store.journal().entry(SHG, payment).isEmpty(), "no entry");
    assertEquals(List.of(), store.registry().loanEvents(SHG, LOAN), "no event");
  }

  @Test
  void anExitWhoseLeavingCannotBeRecordedLeavesNoSettlement() {
    MemberId leaver = GroupCrashWriter.member(5);
    EntryId exit = EntryId.of("EXIT-TEST");
    LocalDate day = GroupCrashWriter.meetingDay(GroupCrashWriter.MONTHS);
    breaking.breakOn = "putMember";
    assertThrows(IllegalStateException.class, () -> failing.settleExit(SHG, exit, leaver, day, Channel.CASH));
    assertTrue(store.journal().entry(SHG, exit).isEmpty(), "no settlement");
    assertEquals(Optional.empty(), store.registry().member(SHG, leaver).orElseThrow().exited(), "still a member");

    breaking.breakOn = null;
    assertTrue(failing.settleExit(SHG, exit, leaver, day, Channel.CASH).isPresent());
    assertTrue(store.registry().member(SHG, leaver).orElseThrow().exited().isPresent(), "left");
  }

  private void disburse() {
    Group group = store.engine().group(SHG);
    failing.disburseLoan(SHG, DISBURSEMENT, LOAN, BORROWER,
        group.loanDefaults().termsFor(GroupCrashWriter.rupees(1000), DAY, group.rounding()), Channel.CASH);
  }

  /** A registry that fails on one kind of write, as a full disk or a bug would. */
  private static final class BreakingRegistry extends ForwardingRegistry {

    String breakOn;

    BreakingRegistry(GroupRegistry registry) {
      super(registry);
    }

    private void maybeBreak(String write) {
      if (write.equals(breakOn)) {
        throw new IllegalStateException("the registry broke on " + write);
      }
    }

    @Override
    public void putMember(BookId group, Member member) {
      maybeBreak("putMember");
      super.putMember(group, member);
    }

    @Override
    public void putLoan(BookId group, MemberLoan loan) {
      maybeBreak("putLoan");
      super.putLoan(group, loan);
    }

    @Override
    public void addLoanEvent(BookId group, LoanId loan, LoanEvent event) {
      maybeBreak("addLoanEvent");
      super.addLoanEvent(group, loan, event);
    }
  }
}
