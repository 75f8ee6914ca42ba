package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.store.GroupRestartTest.APRIL;
import static org.shgledger.store.GroupRestartTest.FORMED;
import static org.shgledger.store.GroupRestartTest.LOAN;
import static org.shgledger.store.GroupRestartTest.M01;
import static org.shgledger.store.GroupRestartTest.M02;
import static org.shgledger.store.GroupRestartTest.MAY;
import static org.shgledger.store.GroupRestartTest.SHG;
import static org.shgledger.store.GroupRestartTest.rupees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.JournalException;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/** A book copied in its logical form into another database verifies there with the same heads. */
class BookCopyTest {

  @TempDir Path directory;

  static void liveAFewMonths(LedgerStore store) {
    SavingsGroups groups = store.engine();
    Group group = new Group(SHG, "Roshni Mahila Samooh", GroupRestartTest.INR, FORMED, MeetingFrequency.MONTHLY,
        rupees(100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
    groups.createGroup(group);
    for (MemberId id : List.of(M01, M02)) {
      groups.addMember(SHG, Member.joining(id, "Member " + id, MemberCategory.ADULT_WOMAN, FORMED));
      groups.record(SHG, EntryId.of("SAVE-" + id), APRIL,
          new GroupOperation.Save(id, SavingsKind.COMPULSORY, rupees(1000), Channel.CASH));
    }
    groups.setBankAccount(SHG, M02, MemberBankAccount.of("Canara Bank", "CNRB0000001", "111122223333", FORMED));
    groups.recordMeeting(new Meeting(SHG, APRIL, Map.of(M01, Attendance.PRESENT, M02, Attendance.LATE)));
    groups.disburseLoan(SHG, EntryId.of("LOAN-M01"), LOAN, M01,
        group.loanDefaults().termsFor(rupees(1500), APRIL, group.rounding()), Channel.CASH);
    groups.repayLoan(SHG, EntryId.of("REPAY-1"), LOAN, MAY, rupees(180), Channel.CASH);
    groups.record(SHG, EntryId.of("SAVE-M02-MAY"), MAY,
        new GroupOperation.Save(M02, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
    groups.reverse(SHG, EntryId.of("SAVE-M02-MAY"), EntryId.of("REV-1"), MAY, "entered twice");
  }

  @Test
  void aCopyVerifiesWithTheSameHeadsAndBalances() {
    BookCopy.Book copy;
    Verification original;
    try (LedgerStore server = LedgerStore.openSqlite(directory.resolve("server.db"))) {
      liveAFewMonths(server);
      copy = BookCopy.read(server, SHG);
      original = server.journal().verify(SHG);
    }
    assertTrue(original.isOk(), original.toString());
    try (LedgerStore field = LedgerStore.openSqlite(directory.resolve("field.db"))) {
      BookCopy.write(field, copy);
      Verification copied = field.journal().verify(SHG);
      assertTrue(copied.isOk(), copied.toString());
      assertEquals(original.headHash(), copied.headHash());
      assertEquals(original.registryHeadHash(), copied.registryHeadHash());
      assertEquals(copy.journalHead(), copied.headHash());
      assertEquals(copy, BookCopy.read(field, SHG), "a copy of the copy is the copy");
      assertEquals(rupees(1350), field.engine().loanState(SHG, LOAN, MAY).outstandingPrincipal());
      // and the copy lives on: the engine records on it as on the original
      field.engine().repayLoan(SHG, EntryId.of("REPAY-2"), LOAN, MAY.plusMonths(1), rupees(180), Channel.CASH);
      assertTrue(field.journal().verify(SHG).isOk());
      assertThrows(JournalException.class, () -> BookCopy.write(field, copy), "the book is there already");
    }
  }

  @Test
  void aDamagedCopyIsRefusedAndWritesNothing() {
    BookCopy.Book copy;
    try (LedgerStore server = LedgerStore.openSqlite(directory.resolve("server.db"))) {
      liveAFewMonths(server);
      copy = BookCopy.read(server, SHG);
    }
    List<BookCopy.Entry> entries = new ArrayList<>(copy.entries());
    BookCopy.Entry first = entries.get(0);
    entries.set(0, new BookCopy.Entry(first.sequence(), first.id(), first.date(), first.memo() + " changed",
        first.reverses(), first.sourceReference(), first.recordedAt(), first.kind(), first.member(), first.loan(),
        first.hashVersion(), first.hash(), first.postings()));
    BookCopy.Book damaged = new BookCopy.Book(copy.book(), copy.registry(), entries);
    try (LedgerStore field = LedgerStore.openSqlite(directory.resolve("field.db"))) {
      StoreException refused = assertThrows(StoreException.class, () -> BookCopy.write(field, damaged));
      assertTrue(refused.getMessage().contains("entry 1"), refused.getMessage());
      assertTrue(field.journal().books().isEmpty(), "nothing written");
    }
  }

  @Test
  void aFieldCopyKeepsEachOperationAsPendingInItsTransaction() {
    BookCopy.Book copy;
    try (LedgerStore server = LedgerStore.openSqlite(directory.resolve("server.db"))) {
      liveAFewMonths(server);
      copy = BookCopy.read(server, SHG);
      assertTrue(SyncLog.operations(server).isEmpty(), "a server keeps no pending operations");
    }
    Path file = directory.resolve("field.db");
    try (LedgerStore field = LedgerStore.openSqlite(file)) {
      BookCopy.write(field, copy);
      SyncLog.remember(field, new SyncLog.Remote(SHG, "http://127.0.0.1:8080", "2024-06-01T00:00:00Z",
          "2024-06-01T00:00:00Z"));
    }
    try (LedgerStore field = LedgerStore.openSqlite(file)) {
      SavingsGroups groups = field.engine();
      groups.record(SHG, EntryId.of("SAVE-M01-JUNE"), MAY.plusMonths(1),
          new GroupOperation.Save(M01, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
      groups.record(SHG, EntryId.of("SAVE-M01-JUNE"), MAY.plusMonths(1),
          new GroupOperation.Save(M01, SavingsKind.COMPULSORY, rupees(100), Channel.CASH));
      groups.repayLoan(SHG, EntryId.of("REPAY-2"), LOAN, MAY.plusMonths(1), rupees(180), Channel.CASH);
      groups.recordMeeting(new Meeting(SHG, MAY.plusMonths(1), Map.of(M01, Attendance.PRESENT, M02, Attendance.ABSENT)));
      assertThrows(JournalException.class, () -> groups.repayLoan(SHG, EntryId.of("SAVE-M01-JUNE"), LOAN,
          MAY.plusMonths(1), rupees(10), Channel.CASH), "an id reused: refused, and nothing kept");
      groups.addMember(SHG, Member.joining(MemberId.of("M09"), "New Member", MemberCategory.ADULT_WOMAN,
          MAY.plusMonths(1)));
      groups.addMember(SHG, Member.joining(MemberId.of("M09"), "New Member", MemberCategory.ADULT_WOMAN,
          MAY.plusMonths(1)));
      groups.setBankAccount(SHG, MemberId.of("M09"), org.shgledger.group.MemberBankAccount.of("Canara Bank",
          "CNRB0001234", "1234567890", MAY));
      org.shgledger.group.GroupException notSent = assertThrows(org.shgledger.group.GroupException.class,
          () -> groups.elect(SHG, new org.shgledger.group.BearerTerm(org.shgledger.group.Role.TREASURER, M01,
              MAY.plusMonths(1), MAY.plusMonths(13))));
      assertEquals(org.shgledger.group.GroupRejection.NOT_ON_FIELD_COPY, notSent.reason());
      List<SyncLog.Operation> pending = SyncLog.operations(field);
      assertEquals(List.of("SAVE-M01-JUNE", "REPAY-2", "meeting-roll:2024-06-06", "member:M09",
          "member-bank-account:M09"), pending.stream().map(SyncLog.Operation::key).toList());
      assertEquals("{\"operation\":\"member-add\",\"member\":\"M09\",\"name\":\"New Member\","
          + "\"category\":\"adult-woman\",\"joined\":\"2024-06-06\"}", pending.get(3).body());
      assertEquals("{\"operation\":\"member-bank-account\",\"member\":\"M09\",\"bank\":\"Canara Bank\","
          + "\"ifsc\":\"CNRB0001234\",\"account-number\":\"XXXXXX7890\",\"account-opened\":\"2024-05-06\"}",
          pending.get(4).body());
      assertEquals("{\"operation\":\"save\",\"id\":\"SAVE-M01-JUNE\",\"date\":\"2024-06-06\",\"member\":\"M01\","
          + "\"amount\":\"100.00\",\"kind\":\"compulsory\",\"channel\":\"cash\"}", pending.get(0).body());
      assertEquals("{\"operation\":\"meeting-roll\",\"date\":\"2024-06-06\",\"present\":\"M01\",\"absent\":\"M02\"}",
          pending.get(2).body());
      assertTrue(pending.stream().allMatch(op -> op.state() == SyncLog.State.PENDING));
    }
  }
}
