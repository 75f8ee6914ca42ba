package org.shgledger.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.importing.books.BooksImport;
import org.shgledger.importing.books.BooksImportResult;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/**
 * The generator's groups: the same seed gives the same files, and every group, in every bank
 * layout, with a bank loan lent on and members in arrears, imports cleanly through the combined
 * import with its bank account ending at the passbook's last balance.
 */
class SampleGroupTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");

  @Test
  void theSameSpecificationGivesTheSameFiles() {
    SampleGroup.Spec spec = spec(BankLayout.SBI, 11);

    assertEquals(SampleGroup.generate(spec), SampleGroup.generate(spec));
    assertNotEquals(SampleGroup.generate(spec).meetings(), SampleGroup.generate(spec(BankLayout.SBI, 12)).meetings());
  }

  @ParameterizedTest
  @EnumSource(BankLayout.class)
  void aGroupWithABankLoanAndArrearsImportsCleanlyInEveryLayout(BankLayout layout, @TempDir Path dir) {
    SampleGroup.Spec spec = spec(layout, 5);
    SampleGroup.Files files = SampleGroup.generate(spec);
    files.writeTo(dir.resolve("group"));
    BookId code = BookId.of(spec.code());

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("books.db"))) {
      BooksImportResult result = importInto(store, spec, files, dir.resolve("group"));

      assertEquals(layout.profile(), result.passbook().profile());
      assertEquals(files.bankLines(), result.passbook().recorded());
      assertEquals(0, result.passbook().suspense());
      assertTrue(result.agreesWithBank());
      assertEquals(files.closingBalance(), store.journal()
          .balance(code, AccountCode.of("1100"), LocalDate.MAX).normalBalance());
      assertTrue(store.journal().balance(code, AccountCode.of("2200"), LocalDate.MAX).normalBalance().isPositive(),
          "the bank loan is not yet repaid");
    }
  }

  @Test
  void namesAreObviouslyInvented() {
    SampleGroup.Files files = SampleGroup.generate(spec(BankLayout.GENERIC, 1));

    assertTrue(files.members().contains("M01,Member 0001,adult_woman,"), files.members());
    assertFalse(files.members().matches("(?s).*\\d{9,}.*"), "no account numbers");
  }

  @Test
  void aBankLineIsAWithdrawalOrADeposit() {
    Money zero = Money.zero(INR);
    Money ten = Money.ofMajor(INR, 10);
    LocalDate day = LocalDate.of(2024, 4, 1);

    assertThrows(IllegalArgumentException.class, () -> new BankLine(day, "BOTH", "", ten, ten, ten));
    assertThrows(IllegalArgumentException.class, () -> new BankLine(day, "NEITHER", "", zero, zero, ten));
    assertThrows(IllegalArgumentException.class, () -> new BankLine(day, "A, B", "", ten, zero, ten));
  }

  @Test
  void theBenchmarkPassbookIsTheSameForTheSameSeed() {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    BenchPassbook.Summary summary = BenchPassbook.write(first, 1_000, 3, 1, BankLayout.KOTAK);
    BenchPassbook.write(second, 1_000, 3, 1, BankLayout.KOTAK);

    assertEquals(first.toString(), second.toString());
    assertEquals(1_000, summary.lines());
    assertEquals(summary.deposits().minus(summary.withdrawals()), summary.closingBalance(),
        "an account opened at zero");
  }

  @Test
  void generatedBooksEndByTheirLastDaySoThatTheyImportOnAnyLaterDay(@TempDir Path dir) {
    // the latest-formed group of twelve, five years long: formed a year earlier than usual
    SampleGroup.Spec spec = SampleGroups.specs(12, 4, 5, 1).get(11);
    assertEquals(LocalDate.of(2021, 3, 1), spec.formed());
    SampleGroup.Files files = SampleGroup.generate(spec);
    files.writeTo(dir.resolve("group"));
    BookId code = BookId.of(spec.code());
    // the strictest engine on the first day after: nothing may be dated after today
    Clock firstDayAfter = Clock.fixed(SampleGroups.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        ZoneOffset.UTC);
    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("books.db"), LedgerStore.DEFAULT_BUSY_TIMEOUT,
        new DateLimits(firstDayAfter, 0))) {
      BooksImportResult result = importInto(store, spec, files, dir.resolve("group"));
      assertTrue(result.agreesWithBank());
      assertFalse(store.journal().latestEntryDate(code).orElseThrow().isAfter(SampleGroups.LAST_DAY));
    }
    // fifty years end there too, and start long after 1900
    List<SampleGroup.Spec> longest = SampleGroups.specs(12, 1, 50, 1);
    assertEquals(LocalDate.of(1975, 4, 1), longest.get(0).formed());
    assertEquals(SampleGroups.FIRST_FORMED, SampleGroups.specs(12, 4, 4, 1).get(0).formed(), "as before when it fits");
  }

  @Test
  void theBenchmarkPassbookEndsByTheLastDayWhateverItsYears() {
    for (int years : List.of(1, 6, 7, 10, 50)) {
      BenchPassbook.Summary summary = BenchPassbook.write(new StringWriter(), 2_000, 7, years, BankLayout.GENERIC);
      assertEquals(BenchPassbook.opened(years), summary.first());
      assertFalse(summary.last().isAfter(SampleGroups.LAST_DAY), years + " years: " + summary.last());
      assertTrue(BenchPassbook.groupFile(summary.first()).contains("--formed " + summary.first() + "\n"));
    }
    assertEquals(BenchPassbook.OPENED, BenchPassbook.opened(6), "as before when it fits");
    assertEquals(LocalDate.of(2016, 4, 1), BenchPassbook.opened(10));
  }

  /** Creates the group and imports its roster, register and passbook, as the docs tell a user to. */
  private static BooksImportResult importInto(LedgerStore store, SampleGroup.Spec spec, SampleGroup.Files files,
      Path folder) {
    BookId code = BookId.of(spec.code());
    store.engine().createGroup(new Group(code, spec.name(), INR, spec.formed(), MeetingFrequency.MONTHLY,
        Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    RosterImport.run(store.engine(), code, folder.resolve("members.csv"), RegisterLimits.DEFAULT, false);
    return BooksImport.run(store.engine(), code, folder.resolve("meetings.csv"), folder.resolve("passbook.csv"),
        BooksImport.Options.defaults().withPassbook(
            PassbookImporter.Options.defaults().withRules(PassbookRules.parse("rules.txt", files.rules()))));
  }

  private static SampleGroup.Spec spec(BankLayout layout, long seed) {
    return new SampleGroup.Spec("GEN0001", "Sample Group 0001", LocalDate.of(2023, 4, 1), 14, 2, seed, layout,
        true, true, 2);
  }
}
