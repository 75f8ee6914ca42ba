package org.shgledger.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
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
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.Units;

/**
 * A federation's books in a SQLite file, for the unit and grade command tests: FED holds the
 * clusters CL-N (SHG01, SHG02) and CL-S (SHG03, and US01, which keeps its books in dollars).
 * Each group meets on the 5th of every month from April 2024 to March 2025 (SHG02 stops after
 * September), members save 100 at each meeting (SHG01's M03 misses October), M01 borrows 1,000
 * in June, flat at 2 % a month in five instalments of 220, and repays; the year is closed on 31
 * March 2025. Every member's name is in {@link #MEMBER_NAMES}.
 */
final class UnitBooks {

  static final LocalDate FROM = LocalDate.of(2024, 4, 1);
  static final LocalDate TO = LocalDate.of(2025, 3, 31);
  static final List<String> MEMBER_NAMES = new ArrayList<>();

  private UnitBooks() {}

  /** Records the books into a new database file. */
  static void record(Path db) {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      SavingsGroups engine = store.engine();
      group(engine, BookId.of("SHG01"), CurrencyUnit.of("INR"), 12, 2);
      group(engine, BookId.of("SHG02"), CurrencyUnit.of("INR"), 6, 99);
      group(engine, BookId.of("SHG03"), CurrencyUnit.of("INR"), 12, 99);
      group(engine, BookId.of("US01"), CurrencyUnit.of("USD"), 12, 99);
      Units units = store.units();
      units.createUnit(Unit.top(UnitCode.of("FED"), "Mahila federation"));
      units.createUnit(Unit.under(UnitCode.of("CL-N"), "North cluster", UnitCode.of("FED")));
      units.createUnit(Unit.under(UnitCode.of("CL-S"), "South cluster", UnitCode.of("FED")));
      units.addGroup(UnitCode.of("CL-N"), BookId.of("SHG01"));
      units.addGroup(UnitCode.of("CL-N"), BookId.of("SHG02"));
      units.addGroup(UnitCode.of("CL-S"), BookId.of("SHG03"));
      units.addGroup(UnitCode.of("CL-S"), BookId.of("US01"));
    }
  }

  private static Money money(CurrencyUnit currency, long amount) {
    return Money.of(currency, BigDecimal.valueOf(amount));
  }

  private static void group(SavingsGroups engine, BookId code, CurrencyUnit currency, int meetings, int skipper) {
    engine.createGroup(new Group(code, "Group " + code, currency, FROM, MeetingFrequency.MONTHLY, money(currency, 100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5)));
    List<MemberId> ids = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      MemberId id = MemberId.of("M0" + k);
      String name = "Kamla " + code + " Bai " + k;
      MEMBER_NAMES.add(name);
      engine.addMember(code, Member.joining(id, name, MemberCategory.ADULT_WOMAN, FROM));
      ids.add(id);
    }
    LoanId loan = LoanId.of("L-" + code);
    for (int m = 0; m < meetings; m++) {
      LocalDate day = LocalDate.of(2024, 4, 5).plusMonths(m);
      Map<MemberId, Attendance> roll = new TreeMap<>();
      for (int k = 0; k < ids.size(); k++) {
        boolean saves = !(k == skipper && m == 6);
        roll.put(ids.get(k), saves ? Attendance.PRESENT : Attendance.ABSENT);
        if (saves) {
          engine.record(code, EntryId.of(code + "-" + day + "-SAVE-" + ids.get(k)), day,
              new GroupOperation.Save(ids.get(k), SavingsKind.COMPULSORY, money(currency, 100), Channel.CASH));
        }
      }
      engine.recordMeeting(new Meeting(code, day, roll));
      if (m == 2) {
        engine.disburseLoan(code, EntryId.of(code + "-" + day + "-LOAN"), loan, ids.get(0),
            LoanTerms.of(money(currency, 1_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5,
                Frequency.MONTHLY, day), Channel.CASH);
      }
      if (m >= 3 && m <= 7 && m < meetings) {
        engine.repayLoan(code, EntryId.of(code + "-" + day + "-REPAY"), loan, day, money(currency, 220), Channel.CASH);
      }
      if (m == 4) {
        engine.record(code, EntryId.of(code + "-" + day + "-EXPENSE"), day,
            new GroupOperation.PayExpense(money(currency, 30), "register", Channel.CASH));
      }
    }
    engine.closeYear(code, EntryId.of(code + "-YEAR-END"), TO);
  }
}
