package org.shgledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * A small, hand-checked year of one group (financial year April 2024 – March 2025), the fixture of
 * the report examples. Every amount below is worked out by hand in the comments.
 *
 * <pre>
 * date        entry  what                                           cash    bank
 * 2024-04-06  E1-E3  M01, M02, M03 save 100 each (compulsory)        300
 * 2024-04-06  E4     M03 fined 10 (absent)                           310
 * 2024-04-06         meeting: M01 present, M02 present, M03 absent
 * 2024-04-10  E5     revolving-fund grant 15,000 into the bank               15,000
 * 2024-05-04  E6-E8  everyone saves 100                              610
 * 2024-05-04  E9     M01 saves 50 voluntary                          660
 * 2024-05-04         meeting: M01 present, M02 late, M03 present
 * 2024-05-05  E10    cash banked 500                                 160     15,500
 * 2024-05-10  E11    cash drawn 6,000                                6,160    9,500
 * 2024-05-10  LD1    loan L1 to M01: 6,000 flat 2 %/month, 6 monthly  160
 *                    instalments of 1,120 (1,000 + 120) from 10 June
 * 2024-06-10  LP1    M01 pays instalment 1: 1,120                    1,280
 * 2024-07-10  LP2    M01 pays instalment 2: 1,120                    2,400
 * 2024-07-15  E12    stationery 200                                  2,200
 * 2024-08-03  E13    M02 saves 500 (a mistake for 100)               2,700
 * 2024-08-03  E14    M02 saves 100                                   2,800
 * 2024-09-02  R1     E13 reversed                                    2,300
 * 2024-09-30  E15    bank interest 150                                        9,650
 * 2024-09-30  E16    bank charges 50                                          9,600
 * 2024-10-01         M04 joins
 * 2024-10-05         meeting: M01, M02, M04 present, M03 absent
 * 2025-02-01  LD2    open loan L2 to M02: 2,000 at 2 %/month         300
 * 2025-03-31  YE2025 year end: income 400, expense 250, surplus 150 into 3100
 * </pre>
 *
 * <p>On 31 March 2025 L1 has paid 2 of 6 instalments: 4,000 principal outstanding, instalments
 * 3–6 (due 10 August to 10 November) unpaid, 4,480 overdue, 233 days past due. L2 owes its first
 * month's interest of 40, due 1 March: 30 days past due, so not in PAR30.
 */
final class SmallYear {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId SHG = BookId.of("SHG01");
  static final MemberId M01 = MemberId.of("M01");
  static final MemberId M02 = MemberId.of("M02");
  static final MemberId M03 = MemberId.of("M03");
  static final MemberId M04 = MemberId.of("M04");
  static final LoanId L1 = LoanId.of("L1");
  static final LoanId L2 = LoanId.of("L2");
  static final LocalDate YEAR_START = LocalDate.of(2024, 4, 1);
  static final LocalDate YEAR_END = LocalDate.of(2025, 3, 31);

  final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  final Reports reports = new Reports(groups);

  SmallYear() {
    groups.createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, YEAR_START, MeetingFrequency.MONTHLY,
        rupees(100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6)));
    for (MemberId id : new MemberId[] {M01, M02, M03}) {
      groups.addMember(SHG, Member.joining(id, "Member " + id.value().substring(1), MemberCategory.ADULT_WOMAN, YEAR_START));
    }
    LocalDate april = LocalDate.of(2024, 4, 6);
    save("E1", april, M01, SavingsKind.COMPULSORY, 100);
    save("E2", april, M02, SavingsKind.COMPULSORY, 100);
    save("E3", april, M03, SavingsKind.COMPULSORY, 100);
    record("E4", april, new GroupOperation.Fine(M03, rupees(10), "absent", Channel.CASH));
    groups.recordMeeting(new Meeting(SHG, april,
        Map.of(M01, Attendance.PRESENT, M02, Attendance.PRESENT, M03, Attendance.ABSENT)));
    record("E5", LocalDate.of(2024, 4, 10), new GroupOperation.ReceiveGrant(rupees(15_000), Channel.BANK));
    LocalDate may = LocalDate.of(2024, 5, 4);
    save("E6", may, M01, SavingsKind.COMPULSORY, 100);
    save("E7", may, M02, SavingsKind.COMPULSORY, 100);
    save("E8", may, M03, SavingsKind.COMPULSORY, 100);
    save("E9", may, M01, SavingsKind.VOLUNTARY, 50);
    groups.recordMeeting(new Meeting(SHG, may,
        Map.of(M01, Attendance.PRESENT, M02, Attendance.LATE, M03, Attendance.PRESENT)));
    record("E10", LocalDate.of(2024, 5, 5), new GroupOperation.BankCash(rupees(500)));
    LocalDate lent = LocalDate.of(2024, 5, 10);
    record("E11", lent, new GroupOperation.WithdrawFromBank(rupees(6_000)));
    groups.disburseLoan(SHG, EntryId.of("LD1"), L1, M01,
        LoanTerms.of(rupees(6_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 6,
            Frequency.MONTHLY, lent),
        Channel.CASH);
    groups.repayLoan(SHG, EntryId.of("LP1"), L1, LocalDate.of(2024, 6, 10), rupees(1_120), Channel.CASH);
    groups.repayLoan(SHG, EntryId.of("LP2"), L1, LocalDate.of(2024, 7, 10), rupees(1_120), Channel.CASH);
    record("E12", LocalDate.of(2024, 7, 15), new GroupOperation.PayExpense(rupees(200), "stationery", Channel.CASH));
    LocalDate august = LocalDate.of(2024, 8, 3);
    save("E13", august, M02, SavingsKind.COMPULSORY, 500);
    save("E14", august, M02, SavingsKind.COMPULSORY, 100);
    groups.reverse(SHG, EntryId.of("E13"), EntryId.of("R1"), LocalDate.of(2024, 9, 2), "500 written for 100");
    LocalDate september = LocalDate.of(2024, 9, 30);
    record("E15", september, new GroupOperation.BankInterest(rupees(150)));
    record("E16", september, new GroupOperation.BankCharges(rupees(50)));
    groups.addMember(SHG, Member.joining(M04, "Member 4", MemberCategory.ADULT_WOMAN, LocalDate.of(2024, 10, 1)));
    LocalDate october = LocalDate.of(2024, 10, 5);
    groups.recordMeeting(new Meeting(SHG, october,
        Map.of(M01, Attendance.PRESENT, M02, Attendance.PRESENT, M03, Attendance.ABSENT, M04, Attendance.PRESENT)));
    groups.disburseLoan(SHG, EntryId.of("LD2"), L2, M02,
        OpenLoanTerms.of(rupees(2_000), InterestRate.perMonth(BigDecimal.valueOf(2)), LocalDate.of(2025, 2, 1)),
        Channel.CASH);
    groups.closeYear(SHG, EntryId.of("YE2025"), YEAR_END);
  }

  /** L3, the loan to M04 in April 2025: 1,000 flat 2 %/month, 2 monthly instalments of 520. */
  static final LoanId L3 = LoanId.of("L3");

  /**
   * April of the next year, added on demand.
   *
   * <pre>
   * date        entry  what                                                 cash    bank
   * 2025-04-05  LP3    M02 pays 80 on L2: the interest of March and April     380    9,600
   *                    only, so no posting touches her own accounts
   * 2025-04-10  X1     M03 leaves: her savings 200 and her share 61.33 of    118.67
   *                    the undistributed surplus of 230 (150 in 3100 and April's
   *                    interest 80), by her 200 of the 750 saved by staying members
   * 2025-04-15  LD3    L3 to M04 into her bank account: 1,000 flat 2 %/month,         8,600
   *                    2 instalments of 520 due 15 May and 15 June
   * 2025-04-20  LP4    M04 pays 520 ahead: instalment 1 before it is due      638.67
   * </pre>
   *
   * @return this year, longer
   */
  SmallYear withNextApril() {
    groups.repayLoan(SHG, EntryId.of("LP3"), L2, LocalDate.of(2025, 4, 5), rupees(80), Channel.CASH);
    groups.settleExit(SHG, EntryId.of("X1"), M03, LocalDate.of(2025, 4, 10), Channel.CASH);
    groups.setBankAccount(SHG, M04, org.shgledger.group.MemberBankAccount.of("SBI", "SBIN0001234", "9876543210",
        LocalDate.of(2025, 4, 1)));
    groups.disburseLoan(SHG, EntryId.of("LD3"), L3, M04,
        LoanTerms.of(rupees(1_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 2,
            Frequency.MONTHLY, LocalDate.of(2025, 4, 15)),
        Channel.BANK);
    groups.repayLoan(SHG, EntryId.of("LP4"), L3, LocalDate.of(2025, 4, 20), rupees(520), Channel.CASH);
    return this;
  }

  static Money rupees(long amount) {
    return Money.of(INR, BigDecimal.valueOf(amount));
  }

  static Money rupees(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }

  private void save(String id, LocalDate date, MemberId member, SavingsKind kind, long amount) {
    record(id, date, new GroupOperation.Save(member, kind, rupees(amount), Channel.CASH));
  }

  private void record(String id, LocalDate date, GroupOperation operation) {
    groups.record(SHG, EntryId.of(id), date, operation);
  }
}
