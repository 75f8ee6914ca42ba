package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shgledger.LedgerException;
import org.shgledger.group.Attendance;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.Channel;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.GroupException;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.Role;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * The tamper suite over the registry (issue 13 item 5): a group's books made by the engine, with
 * rows in every table the registry chain covers, then one edit each with a database tool, as
 * someone with the file could make. Verify must name the row, and reading the books must either
 * work or fail with a {@link StoreException} naming the row, never with anything else.
 */
abstract class RegistryTamperTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final LocalDate APRIL = LocalDate.of(2024, 4, 6);
  static final LocalDate MAY = LocalDate.of(2024, 5, 4);
  static final LocalDate YEAR_END = LocalDate.of(2025, 3, 31);
  static final String B = "book_id = 'SHG01'";
  static final String LOAN = B + " AND loan_id = 'L1'";

  OpenedJournals journals;
  String url;

  abstract OpenedJournals.Kind kind();

  /** Lets the raw connection write rows that break the schema's foreign keys. */
  abstract void allowOrphans(Statement raw) throws SQLException;

  static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  @BeforeEach
  void makeTheBooks() {
    journals = new OpenedJournals(kind());
    url = journals.newDatabaseUrl();
    try (LedgerStore store = LedgerStore.open(url)) {
      SavingsGroups groups = store.engine();
      groups.createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY, rupees("100"),
          RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
          LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
      for (String id : List.of("M01", "M02", "M03")) {
        groups.addMember(SHG, Member.joining(MemberId.of(id), "Member " + id, MemberCategory.ADULT_WOMAN, FORMED));
      }
      groups.elect(SHG, new BearerTerm(Role.TREASURER, MemberId.of("M02"), FORMED, YEAR_END));
      groups.recordMeeting(new Meeting(SHG, APRIL, Map.of(MemberId.of("M01"), Attendance.PRESENT,
          MemberId.of("M02"), Attendance.ABSENT, MemberId.of("M03"), Attendance.PRESENT)));
      int id = 0;
      for (String member : List.of("M01", "M02", "M03")) {
        groups.record(SHG, EntryId.of("S" + ++id), APRIL,
            new GroupOperation.Save(MemberId.of(member), SavingsKind.COMPULSORY, rupees("1000"), Channel.CASH));
      }
      groups.disburseLoan(SHG, EntryId.of("L1"), LoanId.of("L1"), MemberId.of("M01"),
          LoanTerms.of(rupees("1200"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 3,
              Frequency.MONTHLY, APRIL), Channel.CASH);
      groups.repayLoan(SHG, EntryId.of("R1"), LoanId.of("L1"), MAY, rupees("412"), Channel.CASH);
      groups.chargeLoanPenalty(SHG, EntryId.of("P1"), LoanId.of("L1"), MAY, rupees("10"));
      groups.receiveBankLoan(SHG, new org.shgledger.group.BankLoan(EntryId.of("BL1"), MAY, rupees("100000"),
          BigDecimal.valueOf(12), 12, RepaymentMethod.EMI));
      store.journal().closeAccount(SHG, Chart.memberAccount(Chart.MEMBER_LOANS, MemberId.of("M03")));
      groups.closeYear(SHG, EntryId.of("YE"), YEAR_END);
      store.programme().incidents().addIncident(SHG, new org.shgledger.programme.Incident(
          org.shgledger.programme.IncidentId.of("1"), MAY, org.shgledger.programme.IncidentType.MISSING_GIRL,
          java.util.Optional.empty(), List.of(new org.shgledger.programme.IncidentEvent(MAY,
              org.shgledger.programme.IncidentStatus.REPORTED, List.of()))));
      store.programme().incidents().purge(SHG, YEAR_END);
      store.programme().livelihoods().addLivelihood(SHG, new org.shgledger.programme.Livelihood(
          org.shgledger.programme.LivelihoodId.of("M01-A1"), MemberId.of("M01"),
          org.shgledger.programme.LivelihoodActivity.TAILORING, APRIL, java.util.Optional.of(LoanId.of("L1")),
          List.of(new org.shgledger.programme.IncomeReading(MAY, rupees("1500")))));
      Verification verification = store.journal().verify(SHG);
      assertTrue(verification.isOk(), verification::toString);
    }
  }

  @AfterEach
  void removeIt() {
    journals.close();
  }

  void tamper(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      allowOrphans(statement);
      for (String one : sql.split(";")) {
        statement.execute(one);
      }
    }
  }

  @Test
  void everyChainedTableHasARowToTamperWith() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (RegistryChain.Table table : RegistryChain.Table.values()) {
        try (var rows = statement.executeQuery(
            "SELECT COUNT(*) FROM registry_event WHERE " + B + " AND table_name = '" + table.sqlName() + "'")) {
          rows.next();
          assertTrue(rows.getInt(1) > 0, table.sqlName());
        }
      }
    }
  }

  /** Edits of the registry: what is changed, and what verify must name. */
  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("UPDATE programme_livelihood_reading SET monthly_income_minor = 900000 WHERE " + B,
            "programme_livelihood_reading (livelihood_id=M01-A1, reading_seq=1)"),
        Arguments.of("UPDATE programme_livelihood SET loan_id = NULL WHERE " + B,
            "programme_livelihood (livelihood_id=M01-A1)"),
        Arguments.of("DELETE FROM programme_livelihood_reading WHERE " + B,
            "programme_livelihood_reading (livelihood_id=M01-A1, reading_seq=1)"),
        Arguments.of("UPDATE programme_incident_purge SET incidents_deleted = 0 WHERE " + B,
            "programme_incident_purge (purge_seq=1)"),
        Arguments.of("DELETE FROM programme_incident_purge WHERE " + B, "programme_incident_purge (purge_seq=1)"),
        Arguments.of("UPDATE bank_loan SET annual_rate_percent = '1' WHERE " + B, "bank_loan (receipt_entry_id=BL1)"),
        Arguments.of("DELETE FROM bank_loan WHERE " + B, "bank_loan (receipt_entry_id=BL1)"),
        Arguments.of("UPDATE member_loan SET rate_percent = '3' WHERE " + LOAN, "member_loan (loan_id=L1, version=1)"),
        Arguments.of("UPDATE member_loan SET rate_percent = 'abc' WHERE " + LOAN, "member_loan (loan_id=L1, version=1)"),
        Arguments.of("UPDATE member_loan SET rate_percent = '-5' WHERE " + LOAN, "member_loan (loan_id=L1, version=1)"),
        Arguments.of("UPDATE member_loan SET principal_minor = 30000 WHERE " + LOAN, "member_loan (loan_id=L1"),
        Arguments.of("UPDATE member_loan SET instalment_count = 0 WHERE " + LOAN, "member_loan (loan_id=L1"),
        Arguments.of("UPDATE member_loan SET method = 'NONSENSE' WHERE " + LOAN, "member_loan (loan_id=L1"),
        Arguments.of("DELETE FROM member_loan WHERE " + LOAN, "member_loan (loan_id=L1, version=1)"),
        Arguments.of("UPDATE loan_event SET amount_minor = amount_minor + 5000 WHERE " + LOAN,
            "loan_event (loan_id=L1, event_seq=1)"),
        Arguments.of("UPDATE loan_event SET event_epoch_day = 99999999999 WHERE " + LOAN + " AND event_seq = 1",
            "loan_event (loan_id=L1, event_seq=1)"),
        Arguments.of("DELETE FROM loan_event WHERE " + LOAN + " AND event_seq = 2", "loan_event (loan_id=L1, event_seq=2)"),
        Arguments.of("INSERT INTO loan_event (book_id, loan_id, event_seq, kind, event_id, event_epoch_day, amount_minor,"
            + " currency, recorded_at) VALUES ('SHG01', 'L1', 3, 'PAYMENT', 'R9', 19900, 100000, 'INR', 'x')",
            "loan_event (loan_id=L1, event_seq=3) was recorded by no registry event"),
        Arguments.of("UPDATE group_member SET joined_epoch_day = 20089 WHERE " + B + " AND member_id = 'M03'",
            "group_member (member_id=M03, version=1)"),
        Arguments.of("UPDATE group_member SET exited_epoch_day = 19875 WHERE " + B + " AND member_id = 'M02'",
            "group_member (member_id=M02, version=1)"),
        Arguments.of("UPDATE group_member SET joined_epoch_day = 99999999999 WHERE " + B + " AND member_id = 'M03'",
            "group_member (member_id=M03, version=1)"),
        Arguments.of("UPDATE group_member SET category = 'QUEEN' WHERE " + B + " AND member_id = 'M03'",
            "group_member (member_id=M03, version=1)"),
        Arguments.of("DELETE FROM group_member WHERE " + B + " AND member_id = 'M03'", "group_member (member_id=M03"),
        Arguments.of("UPDATE meeting_attendance SET attendance = 'PRESENT' WHERE " + B + " AND attendance = 'ABSENT'",
            "meeting_attendance (meeting_epoch_day=" + APRIL.toEpochDay() + ", version=1, member_id=M02)"),
        Arguments.of("UPDATE meeting_attendance SET attendance = 'ASLEEP' WHERE " + B + " AND member_id = 'M02'",
            "meeting_attendance (meeting_epoch_day=" + APRIL.toEpochDay() + ", version=1, member_id=M02)"),
        Arguments.of("DELETE FROM meeting_attendance WHERE " + B + "; DELETE FROM meeting WHERE " + B,
            "meeting (meeting_epoch_day=" + APRIL.toEpochDay() + ", version=1)"),
        Arguments.of("UPDATE bearer_term SET role = 'PRESIDENT' WHERE " + B, "bearer_term (term_seq=1)"),
        Arguments.of("UPDATE savings_group SET compulsory_savings_minor = 100 WHERE " + B, "savings_group (version=1)"),
        Arguments.of("UPDATE savings_group SET formed_epoch_day = 21915 WHERE " + B, "savings_group (version=1)"),
        Arguments.of("UPDATE savings_group SET rounding_mode = 'SIDEWAYS' WHERE " + B, "savings_group (version=1)"),
        Arguments.of("UPDATE book_lock SET lock_date_epoch_day = lock_date_epoch_day - 365 WHERE " + B,
            "book_lock (lock_seq=1)"),
        Arguments.of("DELETE FROM book_lock WHERE " + B, "book_lock (lock_seq=1)"),
        Arguments.of("UPDATE book_lock SET lock_date_epoch_day = 99999999999 WHERE " + B, "book_lock (lock_seq=1)"),
        Arguments.of("UPDATE account SET balance_constraint = 'NONE' WHERE " + B + " AND account_code = '1000'",
            "account (account_code=1000)"),
        Arguments.of("UPDATE account SET account_type = 'EXPENSE' WHERE " + B + " AND account_code = '4000'",
            "account (account_code=4000)"),
        Arguments.of("UPDATE account SET account_type = 'WISH' WHERE " + B + " AND account_code = '4000'",
            "account (account_code=4000)"),
        Arguments.of("DELETE FROM account_closure WHERE " + B, "account_closure (account_code=1200:M03)"),
        Arguments.of("UPDATE book SET currency = 'XXX' WHERE " + B, "book (book_id=SHG01)"),
        Arguments.of("UPDATE book SET currency = 'RUP' WHERE " + B, "book (book_id=SHG01)"),
        Arguments.of("UPDATE registry_event SET row_key = 'member_id=M09, version=1' WHERE " + B
            + " AND table_name = 'group_member' AND row_key = 'member_id=M03, version=1'", "group_member (member_id=M09"),
        Arguments.of("DELETE FROM registry_event WHERE " + B + " AND event_seq = 5", "registry events 5 to 5 are missing"));
  }

  /**
   * One edit each, on a new book (so one test does both checks): verify names the row, and
   * reading the books works or fails naming it.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("edits")
  void verifyNamesTheRowAndReadingNeverFailsOtherwise(String edit, String named) throws SQLException {
    tamper(edit);

    try (LedgerStore store = LedgerStore.open(url)) {
      Verification verification = store.journal().verify(SHG);
      assertEquals(Verification.Kind.REGISTRY, verification.mismatch().orElseThrow(
          () -> new AssertionError("not caught: " + edit)).kind(), verification::toString);
      assertTrue(verification.mismatch().get().detail().contains(named), verification.mismatch().get().detail());
    }
    try (LedgerStore store = LedgerStore.open(url)) {
      SavingsGroups groups = store.engine();
      LocalDate asOf = LocalDate.of(2024, 6, 30);
      List<Consumer<SavingsGroups>> reads = List.of(
          engine -> engine.group(SHG),
          engine -> engine.registry().members(SHG),
          engine -> engine.registry().meetings(SHG),
          engine -> engine.histories(SHG).forEach((loan, history) -> history.stateAsOf(asOf)),
          engine -> engine.loanState(SHG, LoanId.of("L1"), asOf),
          engine -> engine.journal().trialBalance(SHG, asOf),
          engine -> engine.record(SHG, EntryId.of("S9"), LocalDate.of(2025, 4, 5),
              new GroupOperation.Save(MemberId.of("M01"), SavingsKind.COMPULSORY, rupees("100"), Channel.CASH)));
      for (Consumer<SavingsGroups> read : reads) {
        try {
          read.accept(groups);
        } catch (StoreException e) {
          assertEquals(StoreException.Kind.UNREADABLE_ROW, e.kind(), e.getMessage());
          assertTrue(e.getMessage().contains("SHG01"), e.getMessage());
        } catch (GroupException e) {
          // refused as the engine refuses any request: a loan not found once its row is gone, or
          // stored records that contradict each other
          assertTrue(e.getMessage().contains("SHG01"), e.getMessage());
        } catch (LedgerException e) {
          // refused as the engine refuses any request
        } catch (RuntimeException e) {
          fail("after " + edit + ": " + e, e);
        }
      }
    }
  }
}
