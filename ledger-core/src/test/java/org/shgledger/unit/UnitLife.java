package org.shgledger.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * Groups with a year or so of books each, recorded through the engine, for the unit tests: monthly
 * meetings with savings (some members missing some months), a loan and its repayments, a fine, an
 * expense, cash banked and bank interest, a grant for some, a saving entered twice and reversed, a
 * member who leaves, and a year-end closing when the books cross 31 March. Every member's name is
 * kept in {@link #memberNames}, for the tests that no unit output holds one.
 */
final class UnitLife {

  final SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
  final Units units = new Units(groups, new InMemoryUnitRegistry());
  final List<String> memberNames = new ArrayList<>();

  static Money money(CurrencyUnit currency, long amount) {
    return Money.of(currency, BigDecimal.valueOf(amount));
  }

  /**
   * Records a group's life.
   *
   * @param code the group
   * @param currency its currency
   * @param members how many members, 3 or more
   * @param formed the day it is formed; meetings fall on the same day of each month after
   * @param months how many monthly meetings
   * @param variant varies who misses which meeting, and whether a grant comes
   */
  void group(BookId code, CurrencyUnit currency, int members, LocalDate formed, int months, int variant) {
    groups.createGroup(new Group(code, "Group " + code, currency, formed, MeetingFrequency.MONTHLY,
        money(currency, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5)));
    List<MemberId> ids = new ArrayList<>();
    for (int k = 1; k <= members; k++) {
      MemberId id = MemberId.of(String.format("M%02d", k));
      String name = "Sunita " + code + " " + k + " Devi";
      memberNames.add(name);
      groups.addMember(code, Member.joining(id, name, MemberCategory.ADULT_WOMAN, formed));
      ids.add(id);
    }
    if (variant % 2 == 0) {
      op(code, "GRANT", formed, new GroupOperation.ReceiveGrant(money(currency, 5_000), Channel.BANK));
    }
    LoanId loan = LoanId.of("L-" + code.value().replace('.', '-'));
    LocalDate yearEnd = yearEnd(formed);
    for (int m = 0; m < months; m++) {
      LocalDate day = formed.plusMonths(m);
      if (day.isAfter(yearEnd)) {
        groups.closeYear(code, EntryId.of(code + "-YE-" + yearEnd), yearEnd);
        yearEnd = yearEnd(day);
      }
      Map<MemberId, Attendance> roll = new TreeMap<>();
      for (int k = 0; k < ids.size(); k++) {
        MemberId id = ids.get(k);
        if (groups.member(code, id).exited().isPresent()) {
          continue;
        }
        boolean saves = (m + k + variant) % 7 != 0;
        roll.put(id, saves ? Attendance.PRESENT : Attendance.ABSENT);
        if (saves) {
          op(code, "SAVE-" + id, day, new GroupOperation.Save(id, SavingsKind.COMPULSORY, money(currency, 100), Channel.CASH));
        }
      }
      groups.recordMeeting(new Meeting(code, day, roll));
      if (m == 2) {
        groups.disburseLoan(code, EntryId.of(code + "-" + day + "-LOAN"), loan, ids.get(0),
            LoanTerms.of(money(currency, 600), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
                Frequency.MONTHLY, day),
            Channel.CASH);
      }
      if (m >= 3 && m <= 7 && !(variant % 2 == 1 && m == 5)) {
        groups.repayLoan(code, EntryId.of(code + "-" + day + "-REPAY"), loan, day, money(currency, 132), Channel.CASH);
      }
      if (m == 3) {
        op(code, "FINE", day, new GroupOperation.Fine(ids.get(1), money(currency, 10), "late", Channel.CASH));
      }
      if (m == 4) {
        op(code, "EXPENSE", day, new GroupOperation.PayExpense(money(currency, 50), "register", Channel.CASH));
        op(code, "SAVE-AGAIN", day, new GroupOperation.Save(ids.get(2), SavingsKind.COMPULSORY, money(currency, 100), Channel.CASH));
        groups.reverse(code, EntryId.of(code + "-" + day + "-SAVE-AGAIN"), EntryId.of(code + "-" + day + "-REVERSE"),
            day.plusDays(1), "entered twice");
      }
      if (m == 6) {
        op(code, "BANK", day, new GroupOperation.BankCash(money(currency, 500)));
      }
      if (m == 7) {
        op(code, "INTEREST", day, new GroupOperation.BankInterest(money(currency, 12)));
      }
      if (m == 9 && members > 3) {
        MemberId leaving = ids.get(ids.size() - 1);
        groups.settleExit(code, EntryId.of(code + "-" + day + "-EXIT"), leaving, day.plusDays(1), Channel.CASH);
      }
    }
  }

  /** The last day of the Indian financial year (April to March) holding a day. */
  static LocalDate yearEnd(LocalDate day) {
    return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() + 1 : day.getYear(), 3, 31);
  }

  private void op(BookId code, String what, LocalDate day, GroupOperation operation) {
    groups.record(code, EntryId.of(code + "-" + day + "-" + what), day, operation);
  }
}
