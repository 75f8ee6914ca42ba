package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.programme.Child;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.Programme;
import org.shgledger.programme.ProgrammeException;
import org.shgledger.programme.ProgrammeRegister;
import org.shgledger.programme.ProgrammeRegisterContractTest;
import org.shgledger.programme.ProgrammeRejection;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.programme.SchoolStatusChange;

/**
 * The programme register's contract in a SQLite file, and what only a stored register does: the
 * registers and the secret outlive the process, a refused record leaves no row.
 */
class SqliteProgrammeRegisterTest extends ProgrammeRegisterContractTest {

  private static final OpenedJournals STORES = new OpenedJournals(OpenedJournals.Kind.SQLITE);
  private static final LocalDate APRIL = LocalDate.of(2025, 4, 1);

  @Override
  protected ProgrammeRegister newRegister(List<Book> books) {
    LedgerStore store = STORES.newStore();
    books.forEach(store.journal()::createBook);
    return store.programme();
  }

  @AfterAll
  static void closeTheStores() {
    STORES.close();
  }

  @Test
  void theRegistersAndTheSecretOutliveTheProcess() {
    String url = STORES.newDatabaseUrl();
    Child child;
    byte[] secret;
    try (LedgerStore store = LedgerStore.open(url)) {
      Programme programme = withGroup(store);
      child = programme.registerChild(SHG01, ChildKey.of("M01-C1"), MemberId.of("M01"), 2015,
          new SchoolStatusChange(APRIL, SchoolStatus.DROPPED_OUT));
      child = programme.recordSchoolStatus(SHG01, child.key(), new SchoolStatusChange(APRIL.plusMonths(2),
          SchoolStatus.BRIDGE_COURSE));
      secret = store.programme().pseudonymSecret();
    }
    try (LedgerStore reopened = LedgerStore.open(url)) {
      assertEquals(List.of(child), reopened.programme().children(SHG01));
      assertArrayEquals(secret, reopened.programme().pseudonymSecret());
    }
  }

  @Test
  void aRefusedRecordLeavesNoRow() throws SQLException {
    String url = STORES.newDatabaseUrl();
    try (LedgerStore store = LedgerStore.open(url)) {
      Programme programme = withGroup(store);
      ProgrammeException tooOld = assertThrows(ProgrammeException.class, () -> programme.registerChild(SHG01,
          ChildKey.of("M01-C1"), MemberId.of("M01"), 1990, new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED)));
      assertEquals(ProgrammeRejection.INVALID_BIRTH_YEAR, tooOld.reason());
      JournalException noBook = assertThrows(JournalException.class, () -> store.programme().addChild(
          BookId.of("NOBOOK"), new Child(ChildKey.of("C"), MemberId.of("M01"), 2015,
              List.of(new SchoolStatusChange(APRIL, SchoolStatus.ENROLLED)))));
      assertEquals(Rejection.BOOK_NOT_FOUND, noBook.reason());
    }
    try (Connection raw = DriverManager.getConnection(url); Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT (SELECT COUNT(*) FROM programme_child) + (SELECT COUNT(*) FROM programme_child_status)")) {
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  /** SHG01 with one member, M01, from 1 April 2024. */
  static Programme withGroup(LedgerStore store) {
    CurrencyUnit inr = CurrencyUnit.of("INR");
    store.engine().createGroup(new Group(SHG01, "Roshni", inr, LocalDate.of(2024, 4, 1), MeetingFrequency.MONTHLY,
        Money.of(inr, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
    store.engine().addMember(SHG01, Member.joining(MemberId.of("M01"), "Asha", MemberCategory.ADULT_WOMAN,
        LocalDate.of(2024, 4, 1)));
    return new Programme(store.engine(), store.programme());
  }
}
