package org.shgledger.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Attendance;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
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
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * A child process for the engine's crash test: opens a SQLite file and lives a year of a group
 * through the engine, the same operations with the same ids every time it runs, so that a run
 * after a crash repeats what was recorded and carries on. Members join, save every month and
 * meet; four take loans and repay them; two leave, one with a loan to settle.
 *
 * <p>Argument: the database file.
 */
public final class GroupCrashWriter {

  static final BookId SHG = BookId.of("CRASHSHG");
  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  static final int MEMBERS = 8;
  static final int MONTHS = 12;
  static final int BORROWERS = 4;
  /** Each borrower repays in months 2 to this one, before the borrower below leaves. */
  static final int LAST_REPAYMENT_MONTH = 8;
  /** Leaves after the saving of month 6; she has no loan. */
  static final MemberId EARLY_LEAVER = MemberId.of("M7");
  static final int EARLY_LEAVING_MONTH = 6;
  /** Leaves after the repayments of month 9, her loan settled from her savings. */
  static final MemberId BORROWER_LEAVING = MemberId.of("M2");
  static final int BORROWER_LEAVING_MONTH = 9;

  private GroupCrashWriter() {}

  /**
   * Runs the group's year against a SQLite file.
   *
   * @param args the database file
   */
  public static void main(String[] args) {
    try (LedgerStore store = LedgerStore.openSqlite(Path.of(args[0]), Duration.ofSeconds(30))) {
      live(store.engine());
      System.out.println("done");
    }
  }

  static Money rupees(long amount) {
    return Money.ofMajor(INR, amount);
  }

  static MemberId member(int number) {
    return MemberId.of("M" + number);
  }

  static LoanId loan(int borrower) {
    return LoanId.of("L" + borrower);
  }

  static LocalDate meetingDay(int month) {
    return FORMED.plusMonths(month).withDayOfMonth(6);
  }

  /** The group's year, every operation in order; a repeat records nothing twice. */
  static void live(SavingsGroups groups) {
    Group group = new Group(SHG, "Crash Test Mahila Samooh", INR, FORMED, MeetingFrequency.MONTHLY,
        rupees(500), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10));
    groups.createGroup(group);
    for (int m = 1; m <= MEMBERS; m++) {
      // a member who has left cannot join again under her id; one who has not is added again as a
      // repeat that changes nothing
      boolean left = groups.registry().member(SHG, member(m)).flatMap(Member::exited).isPresent();
      if (!left) {
        groups.addMember(SHG, Member.joining(member(m), "Member " + m, MemberCategory.ADULT_WOMAN, FORMED));
      }
    }
    groups.elect(SHG, new BearerTerm(Role.TREASURER, member(1), FORMED, FORMED.plusYears(1)));
    for (int month = 0; month < MONTHS; month++) {
      LocalDate day = meetingDay(month);
      Map<MemberId, Attendance> roll = new LinkedHashMap<>();
      for (int m = 1; m <= MEMBERS; m++) {
        MemberId id = member(m);
        Member known = groups.member(SHG, id);
        if (!known.isMemberOn(day)) {
          continue;
        }
        roll.put(id, m % 3 == 0 ? Attendance.LATE : Attendance.PRESENT);
        if (known.exited().isPresent()) {
          // a repeat after she left: her savings were recorded before her exit, and nothing more
          // is recorded for a member who left
          continue;
        }
        groups.record(SHG, EntryId.of("SAVE-" + month + "-" + id), day,
            new GroupOperation.Save(id, SavingsKind.COMPULSORY, rupees(500), Channel.CASH));
      }
      groups.recordMeeting(new Meeting(SHG, day, roll));
      for (int b = 1; b <= BORROWERS; b++) {
        if (month == 1) {
          groups.disburseLoan(SHG, EntryId.of("DISB-" + loan(b)), loan(b), member(b),
              group.loanDefaults().termsFor(rupees(1500), day, group.rounding()), Channel.CASH);
        } else if (month >= 2 && month <= LAST_REPAYMENT_MONTH
            && groups.member(SHG, member(b)).exited().isEmpty()) {
          groups.repayLoan(SHG, EntryId.of("PAY-" + loan(b) + "-" + month), loan(b), day, rupees(180),
              Channel.CASH);
        }
      }
      if (month == EARLY_LEAVING_MONTH) {
        groups.settleExit(SHG, EntryId.of("EXIT-" + EARLY_LEAVER), EARLY_LEAVER, day, Channel.CASH);
      }
      if (month == BORROWER_LEAVING_MONTH) {
        groups.settleExit(SHG, EntryId.of("EXIT-" + BORROWER_LEAVING), BORROWER_LEAVING, day, Channel.CASH);
      }
    }
  }
}
