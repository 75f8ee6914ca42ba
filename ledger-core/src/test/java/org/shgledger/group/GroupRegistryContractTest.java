package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.AllocationOrder;
import org.shgledger.loan.AllocationOrder.Part;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * What every {@link GroupRegistry} must do: give back exactly what was put (equal, with every
 * optional part and every loan term), the latest of what was replaced, and lists in the orders
 * the interface documents. Each implementation runs these by extending this class.
 */
public abstract class GroupRegistryContractTest {

  /** The currency of the groups. */
  protected static final CurrencyUnit INR = CurrencyUnit.of("INR");
  // Java orders upper case before lower case; a database collation may not, so these catch an
  // implementation that lets the database sort ids.
  /** The group most tests use. */
  protected static final BookId SHG = BookId.of("SHG01");
  static final BookId OTHER = BookId.of("Z9");
  static final BookId LOWER = BookId.of("asha");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);

  /** The registry under test, new for each test. */
  protected GroupRegistry registry;

  /**
   * A new, empty registry of the implementation under test, beside a journal that holds these
   * books (a durable registry keeps a group's records with its book).
   *
   * @param books the books that exist, not null
   * @return the registry
   */
  protected abstract GroupRegistry newRegistry(List<Book> books);

  @BeforeEach
  void newRegistry() {
    registry = newRegistry(List.of(roshni(SHG).book(), roshni(OTHER).book(), roshni(LOWER).book()));
  }

  /**
   * An amount in rupees.
   *
   * @param amount the amount, such as {@code "550.25"}
   * @return the amount in INR
   */
  protected static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  static Group roshni(BookId code) {
    return new Group(code, "Roshni Mahila Samooh " + code, INR, FORMED, MeetingFrequency.MONTHLY, rupees("100"),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(new BigDecimal("1.5")), RepaymentMethod.FLAT, 10));
  }

  static Member member(String id) {
    return Member.joining(MemberId.of(id), "सुनीता " + id, MemberCategory.ADULT_WOMAN, FORMED);
  }

  static MemberLoan loan(String id, org.shgledger.loan.Loan terms) {
    return new MemberLoan(LoanId.of(id), MemberId.of("M01"), terms, Channel.CASH, EntryId.of("D-" + id),
        AllocationOrder.STANDARD);
  }

  /** Terms with every term away from its default. */
  static LoanTerms unusualTerms() {
    LocalDate disbursed = LocalDate.of(2024, 5, 31);
    return LoanTerms.of(rupees("5000"), InterestRate.perYear(new BigDecimal("18.25")), RepaymentMethod.EMI, 18,
            Frequency.MONTHLY, disbursed)
        .withFirstDueDate(LocalDate.of(2024, 7, 5))
        .withInterestOnlyInstalments(2)
        .withInterestBasis(InterestBasis.ACTUAL_365)
        .withInterestRounding(RoundingPolicy.wholeUnits(RoundingMode.HALF_UP))
        .withInstalmentMultiple(rupees("5"))
        .withInstalmentRounding(RoundingMode.UP);
  }

  // ---- groups ----

  @Test
  void aGroupReadsBackEqualWithItsLoanDefaults() {
    Group scheduled = roshni(SHG);
    Group open = new Group(OTHER, "Open loans", CurrencyUnit.of("JPY"), FORMED.minusYears(30), MeetingFrequency.FORTNIGHTLY,
        Money.ofMajor(CurrencyUnit.of("JPY"), 500), RoundingPolicy.minorUnits(RoundingMode.UNNECESSARY), Month.JANUARY,
        new LoanDefaults(InterestRate.perYear(new BigDecimal("0.000001")), Optional.empty(), 7, Frequency.WEEKLY,
            AllocationOrder.of(Part.PRINCIPAL, Part.FINES, Part.INTEREST)));
    registry.putGroup(scheduled);
    registry.putGroup(open);

    assertEquals(Optional.of(scheduled), registry.group(SHG));
    assertEquals(Optional.of(open), registry.group(OTHER));
    assertEquals(Optional.empty(), registry.group(LOWER));
  }

  @Test
  void groupsComeInCodeOrderAndAPutReplaces() {
    registry.putGroup(roshni(LOWER));
    registry.putGroup(roshni(OTHER));
    registry.putGroup(roshni(SHG));
    Group renamed = new Group(SHG, "Roshni SHG", INR, FORMED, MeetingFrequency.WEEKLY, rupees("20"),
        RoundingPolicy.minorUnits(RoundingMode.HALF_EVEN), Month.APRIL, LoanDefaults.open(InterestRate.perMonth(BigDecimal.ONE)));
    registry.putGroup(renamed);
    registry.putGroup(renamed);

    assertEquals(List.of(renamed, roshni(OTHER), roshni(LOWER)), registry.groups());
  }

  // ---- members ----

  @Test
  void membersReadBackEqualWithTheirBankAccountAndExit() {
    MemberBankAccount account = MemberBankAccount.of("State Bank of India", "SBIN0001234", "1234 5678 9012", FORMED.plusDays(3));
    Member withAccount = member("M01").withBankAccount(account);
    Member left = new Member(MemberId.of("M02"), "Lakshmi", MemberCategory.ADOLESCENT_GIRL, FORMED,
        Optional.of(FORMED.plusMonths(7)), Optional.empty());
    registry.putMember(SHG, withAccount);
    registry.putMember(SHG, left);

    assertEquals(Optional.of(withAccount), registry.member(SHG, MemberId.of("M01")));
    assertEquals("XXXXXXXX9012", registry.member(SHG, MemberId.of("M01")).orElseThrow().bankAccount().orElseThrow().maskedNumber());
    assertEquals(Optional.of(left), registry.member(SHG, MemberId.of("M02")));
    assertEquals(Optional.empty(), registry.member(SHG, MemberId.of("M03")));
    assertEquals(Optional.empty(), registry.member(OTHER, MemberId.of("M01")));
  }

  @Test
  void aPutReplacesAMemberTheLatestCounts() {
    Member joined = member("M01");
    MemberBankAccount first = MemberBankAccount.of("Canara Bank", "CNRB0000001", "111122223333", FORMED);
    MemberBankAccount second = MemberBankAccount.of("Indian Bank", "IDIB000A001", "44445555", FORMED.plusYears(1));
    registry.putMember(SHG, joined);
    registry.putMember(SHG, joined.withBankAccount(first));
    registry.putMember(SHG, joined.withBankAccount(second));
    registry.putMember(SHG, joined.withBankAccount(second).leaving(FORMED.plusYears(2)));
    registry.putMember(SHG, joined.withBankAccount(second));

    assertEquals(Optional.of(joined.withBankAccount(second)), registry.member(SHG, MemberId.of("M01")));
    assertEquals(List.of(joined.withBankAccount(second)), registry.members(SHG));
  }

  @Test
  void membersComeInIdOrderGroupByGroup() {
    for (String id : List.of("m01", "M10", "M02", "M01")) {
      registry.putMember(SHG, member(id));
    }
    registry.putMember(OTHER, member("M05"));

    assertEquals(List.of(member("M01"), member("M02"), member("M10"), member("m01")), registry.members(SHG));
    assertEquals(List.of(member("M05")), registry.members(OTHER));
    assertEquals(List.of(), registry.members(LOWER));
  }

  // ---- office-bearer terms ----

  @Test
  void termsComeInTheOrderTheyWereRecorded() {
    BearerTerm later = new BearerTerm(Role.TREASURER, MemberId.of("M02"), FORMED.plusYears(1), FORMED.plusYears(2));
    BearerTerm earlier = new BearerTerm(Role.TREASURER, MemberId.of("M01"), FORMED, FORMED.plusYears(1).minusDays(1));
    BearerTerm president = new BearerTerm(Role.PRESIDENT, MemberId.of("M03"), FORMED, FORMED);
    registry.addTerm(SHG, later);
    registry.addTerm(SHG, earlier);
    registry.addTerm(OTHER, president);
    registry.addTerm(SHG, president);
    registry.addTerm(SHG, later);

    assertEquals(List.of(later, earlier, president, later), registry.terms(SHG));
    assertEquals(List.of(president), registry.terms(OTHER));
    assertEquals(List.of(), registry.terms(LOWER));
  }

  // ---- meetings ----

  @Test
  void meetingsComeInDateOrderWithTheirRolls() {
    Meeting may = new Meeting(SHG, LocalDate.of(2024, 5, 4),
        Map.of(MemberId.of("M02"), Attendance.LATE, MemberId.of("M01"), Attendance.PRESENT, MemberId.of("M03"), Attendance.LEAVE));
    Meeting april = new Meeting(SHG, LocalDate.of(2024, 4, 6), Map.of(MemberId.of("M01"), Attendance.ABSENT));
    Meeting nobody = new Meeting(SHG, LocalDate.of(2024, 6, 1), Map.of());
    registry.putMeeting(may);
    registry.putMeeting(nobody);
    registry.putMeeting(april);
    registry.putMeeting(new Meeting(OTHER, LocalDate.of(2024, 5, 4), Map.of()));

    assertEquals(List.of(april, may, nobody), registry.meetings(SHG));
    assertEquals(Optional.of(may), registry.meeting(SHG, may.date()));
    assertEquals(Optional.of(nobody), registry.meeting(SHG, nobody.date()));
    assertEquals(Optional.empty(), registry.meeting(SHG, LocalDate.of(2024, 7, 6)));
    assertEquals(List.of(), registry.meetings(LOWER));
  }

  @Test
  void aPutReplacesAMeetingsRoll() {
    LocalDate date = LocalDate.of(2024, 5, 4);
    Meeting first = new Meeting(SHG, date, Map.of(MemberId.of("M01"), Attendance.PRESENT, MemberId.of("M02"), Attendance.ABSENT));
    Meeting corrected = new Meeting(SHG, date, Map.of(MemberId.of("M01"), Attendance.PRESENT));
    registry.putMeeting(first);
    registry.putMeeting(corrected);

    assertEquals(Optional.of(corrected), registry.meeting(SHG, date));
    assertEquals(List.of(corrected), registry.meetings(SHG));
  }

  // ---- loans ----

  @Test
  void loansReadBackEqualWithEveryTerm() {
    MemberLoan scheduled = loan("L1", unusualTerms());
    MemberLoan usual = new MemberLoan(LoanId.of("L2"), MemberId.of("M02"),
        roshni(SHG).loanDefaults().termsFor(rupees("3000"), FORMED, roshni(SHG).rounding()), Channel.BANK, EntryId.of("D2"),
        AllocationOrder.of(Part.PRINCIPAL, Part.INTEREST, Part.FINES));
    MemberLoan open = new MemberLoan(LoanId.of("L3"), MemberId.of("M01"),
        new OpenLoanTerms(rupees("2500.50"), InterestRate.perMonth(new BigDecimal("2.125")), FORMED,
            RoundingPolicy.minorUnits(RoundingMode.DOWN)),
        Channel.CASH, EntryId.of("D-L3"), AllocationOrder.of(Part.INTEREST, Part.FINES, Part.PRINCIPAL));
    registry.putLoan(SHG, scheduled);
    registry.putLoan(SHG, usual);
    registry.putLoan(SHG, open);

    assertEquals(Optional.of(scheduled), registry.loan(SHG, LoanId.of("L1")));
    assertEquals(Optional.of(usual), registry.loan(SHG, LoanId.of("L2")));
    assertEquals(Optional.of(open), registry.loan(SHG, LoanId.of("L3")));
    assertEquals(unusualTerms().schedule(), ((LoanTerms) registry.loan(SHG, LoanId.of("L1")).orElseThrow().terms()).schedule());
    assertEquals(Optional.empty(), registry.loan(OTHER, LoanId.of("L1")));
  }

  @Test
  void aLoanPutWithAnotherAllocationOrderIsANewVersion() {
    MemberLoan standard = loan("L1", unusualTerms());
    MemberLoan principalFirst = new MemberLoan(standard.id(), standard.member(), standard.terms(), standard.channel(),
        standard.disbursement(), AllocationOrder.of(Part.PRINCIPAL, Part.INTEREST, Part.FINES));
    registry.putLoan(SHG, standard);
    registry.putLoan(SHG, principalFirst);

    assertEquals(Optional.of(principalFirst), registry.loan(SHG, LoanId.of("L1")));
    assertEquals(List.of(principalFirst), registry.loans(SHG));
  }

  @Test
  void termsMadeInAnotherOrderReadBackEqual() {
    // a multiple of 1,000 fits only with rounding DOWN: set first, under the default HALF_EVEN,
    // it would round the 1,600 of each instalment up to 2,000 and repay 8,000 by instalment 4 of 5
    LoanTerms terms = LoanTerms.of(rupees("8000"), InterestRate.perMonth(BigDecimal.ONE), RepaymentMethod.FLAT, 5,
            Frequency.MONTHLY, FORMED)
        .withInstalmentRounding(RoundingMode.DOWN)
        .withInstalmentMultiple(rupees("1000"));
    registry.putLoan(SHG, loan("L1", terms));

    assertEquals(Optional.of(loan("L1", terms)), registry.loan(SHG, LoanId.of("L1")));
  }

  @Test
  void loansComeInIdOrderAndAPutReplaces() {
    MemberLoan open = loan("L10", OpenLoanTerms.of(rupees("1000"), InterestRate.perMonth(BigDecimal.ONE), FORMED));
    for (String id : List.of("l01", "L10", "L02")) {
      registry.putLoan(SHG, loan(id, unusualTerms()));
    }
    registry.putLoan(SHG, open);
    registry.putLoan(OTHER, loan("L05", unusualTerms()));

    assertEquals(List.of(loan("L02", unusualTerms()), open, loan("l01", unusualTerms())), registry.loans(SHG));
    assertEquals(List.of(loan("L05", unusualTerms())), registry.loans(OTHER));
    assertEquals(List.of(), registry.loans(LOWER));
  }

  @Test
  void aMembersLoansAreHersAloneInIdOrder() {
    MemberLoan hers = loan("L02", unusualTerms());
    MemberLoan another = new MemberLoan(LoanId.of("L01"), MemberId.of("M02"), unusualTerms(), Channel.CASH,
        EntryId.of("D-L01"), AllocationOrder.STANDARD);
    registry.putLoan(SHG, hers);
    registry.putLoan(SHG, another);
    registry.putLoan(SHG, loan("L03", unusualTerms()));
    registry.putLoan(OTHER, loan("L04", unusualTerms()));

    assertEquals(List.of(hers, loan("L03", unusualTerms())), registry.loansOf(SHG, MemberId.of("M01")));
    assertEquals(List.of(another), registry.loansOf(SHG, MemberId.of("M02")));
    assertEquals(List.of(), registry.loansOf(SHG, MemberId.of("M09")));
  }

  // ---- loan events ----

  @Test
  void loanEventsComeInTheOrderTheyWereRecordedLoanByLoan() {
    LoanEvent payment = new LoanEvent(LoanEvent.Kind.PAYMENT, EntryId.of("P1"), LocalDate.of(2024, 6, 1), rupees("550.25"));
    LoanEvent penalty = new LoanEvent(LoanEvent.Kind.PENALTY, EntryId.of("F1"), LocalDate.of(2024, 5, 20), rupees("10"));
    LoanEvent other = new LoanEvent(LoanEvent.Kind.PAYMENT, EntryId.of("P2"), LocalDate.of(2024, 6, 1), rupees("100"));
    registry.addLoanEvent(SHG, LoanId.of("L1"), payment);
    registry.addLoanEvent(SHG, LoanId.of("L2"), other);
    registry.addLoanEvent(SHG, LoanId.of("L1"), penalty);
    registry.addLoanEvent(SHG, LoanId.of("L1"), payment);
    registry.addLoanEvent(OTHER, LoanId.of("L1"), other);

    assertEquals(List.of(payment, penalty, payment), registry.loanEvents(SHG, LoanId.of("L1")));
    assertEquals(List.of(other), registry.loanEvents(SHG, LoanId.of("L2")));
    assertEquals(List.of(other), registry.loanEvents(OTHER, LoanId.of("L1")));
    assertEquals(List.of(), registry.loanEvents(SHG, LoanId.of("L3")));

    assertEquals(Map.of(LoanId.of("L1"), List.of(payment, penalty, payment), LoanId.of("L2"), List.of(other)),
        registry.loanEvents(SHG), "all of a group's at once, each loan's in order");
    assertEquals(Map.of(), registry.loanEvents(LOWER));
  }

  @Test
  void bankLoansReadBackEqualInDateOrderAndARepeatWritesNothing() {
    BankLoan later = new BankLoan(EntryId.of("BL-a"), FORMED.plusMonths(6), rupees("50000"),
        new BigDecimal("11.75"), 24, RepaymentMethod.EQUAL_PRINCIPAL);
    BankLoan earlier = new BankLoan(EntryId.of("BL-b"), FORMED.plusDays(10), rupees("100000.50"),
        new BigDecimal("12.00"), 12, RepaymentMethod.EMI);
    registry.putBankLoan(SHG, later);
    registry.putBankLoan(SHG, earlier);
    // the same receipt again, even with other terms, keeps the first: terms are written once
    registry.putBankLoan(SHG, new BankLoan(EntryId.of("BL-b"), FORMED.plusDays(10), rupees("1"),
        BigDecimal.ONE, 1, RepaymentMethod.FLAT));
    assertEquals(List.of(earlier, later), registry.bankLoans(SHG));
    assertEquals(new BigDecimal("12"), registry.bankLoans(SHG).get(0).annualRatePercent());
    assertEquals(List.of(), registry.bankLoans(OTHER));
  }
}
