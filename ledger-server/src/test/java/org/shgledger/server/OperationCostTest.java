package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;
import org.shgledger.testing.CountingDataSource;
import org.shgledger.testing.TestPostgres;
import org.sqlite.SQLiteDataSource;

/**
 * What a meeting's operation costs the database, counted (issue 19 goal 4): the statements a
 * {@code POST …/savings} and a {@code POST …/loans/{loan}/repayments} send, commit included, on
 * SQLite and PostgreSQL. A count, not a timing: it is the same on every machine, and a change
 * that reads the group again, or checks an entry id twice, fails here. When a change lowers a
 * count, lower the number; raising one needs a reason in the commit.
 */
class OperationCostTest {

  static final CurrencyUnit INR = CurrencyUnit.of("INR");
  static final BookId GROUP = BookId.of("LOAD001");
  static final LocalDate FORMED = LocalDate.of(2025, 4, 1);
  static final LocalDate MEETING = LocalDate.of(2025, 5, 6);

  @TempDir Path folder;

  @Test
  void aSavingAndARepaymentOnSqlite() {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl("jdbc:sqlite:" + folder.resolve("books.db"));
    check(sqlite, 17, 24, 7);
  }

  @Test
  void aSavingAndARepaymentOnPostgresql() {
    TestPostgres.assumeAnswers();
    try (TestPostgres.Schema schema = TestPostgres.createSchema()) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(schema.url());
      check(postgres, 18, 25, 8);
    }
  }

  /** Prepares a group as bench/server-load does, then counts a saving, a repayment and a repeat. */
  private static void check(DataSource target, int saving, int repayment, int repeat) {
    CountingDataSource counting = new CountingDataSource(target);
    try (LedgerStore store = LedgerStore.open(counting)) {
      prepare(store.engine());
      Operations operations = new Operations(store);
      String save = "{\"id\": \"MAY-SAVE-M01\", \"member\": \"M01\", \"amount\": \"150\", \"date\": \"" + MEETING + "\"}";
      String repay = "{\"id\": \"MAY-REPAY-L1\", \"amount\": \"350\", \"date\": \"" + MEETING + "\"}";

      counting.start();
      assertEquals(201, operations.save(GROUP, save).status());
      List<String> saved = counting.stop();
      counting.start();
      assertEquals(201, operations.repay(GROUP, "L1", repay).status());
      List<String> repaid = counting.stop();
      counting.start();
      assertEquals(200, operations.save(GROUP, save).status());
      List<String> repeated = counting.stop();

      System.out.println("saving " + saved.size() + ":\n  " + String.join("\n  ", saved));
      System.out.println("repayment " + repaid.size() + ":\n  " + String.join("\n  ", repaid));
      System.out.println("repeat " + repeated.size() + ":\n  " + String.join("\n  ", repeated));
      assertEquals(saving, saved.size(), "a saving's statements (listed on standard output)");
      assertEquals(repayment, repaid.size(), "a repayment's statements (listed on standard output)");
      assertEquals(repeat, repeated.size(), "a repeated saving's statements (listed on standard output)");
    }
  }

  /** Three members who saved in April, and an open loan to the first. */
  private static void prepare(SavingsGroups engine) {
    engine.createGroup(new Group(GROUP, "Load group 1", INR, FORMED, MeetingFrequency.MONTHLY,
        Money.of(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    for (int m = 1; m <= 3; m++) {
      MemberId member = MemberId.of("M0" + m);
      engine.addMember(GROUP, Member.joining(member, "Member " + m, MemberCategory.ADULT_WOMAN, FORMED));
      engine.record(GROUP, EntryId.of("SEED-SAVE-" + m), FORMED.plusDays(4),
          new GroupOperation.Save(member, SavingsKind.COMPULSORY, Money.of(INR, 1000), Channel.CASH));
    }
    engine.disburseLoan(GROUP, EntryId.of("SEED-LOAN-1"), LoanId.of("L1"), MemberId.of("M01"),
        OpenLoanTerms.of(Money.of(INR, 3000), InterestRate.perMonth(BigDecimal.valueOf(2)), FORMED.plusDays(9)),
        Channel.CASH);
  }
}
