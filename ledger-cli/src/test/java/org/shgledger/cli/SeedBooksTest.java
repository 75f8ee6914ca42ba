package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shgledger.cli.SeedBooks.Built;
import org.shgledger.cli.SeedBooks.Seed;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.TrialBalance;
import org.shgledger.loan.LoanState;
import org.shgledger.store.LedgerStore;

/**
 * The seed groups of {@code seeds/}: every one imports cleanly through {@code shg} itself, as a
 * user would import it by hand, and SHG01's books hold the figures worked out by hand in
 * seeds/shg01-roshni/README.md.
 */
class SeedBooksTest {

  /** The repository's seeds, as the tests run in ledger-cli. */
  private static final Path SEEDS = Path.of("..", "seeds");

  static List<Seed> seeds() {
    return SeedBooks.groups();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void importsCleanlyThroughTheCommandLineAndAgainRecordsNothing(Seed seed, @TempDir Path dir) {
    String db = dir.resolve("seed.db").toString();
    Path folder = SEEDS.resolve(seed.folder());
    List<String> create = new ArrayList<>(List.of("group", "create"));
    create.addAll(seed.createArguments());
    create.addAll(List.of("--db", db));
    String[] members = {"import", "members", seed.code().toString(), folder.resolve("members.csv").toString(), "--db", db};
    // the register and the passbook together: SHG02 and SHG03 lend cash drawn from the bank that day
    String[] books = {"import", "books", seed.code().toString(), "--meetings", folder.resolve("meetings.csv").toString(),
        "--passbook", folder.resolve("passbook.csv").toString(), "--rules", folder.resolve("rules.txt").toString(),
        "--db", db};

    ok(create.toArray(String[]::new));
    String roster = lastLine(ok(members));
    String both = ok(books);
    Run verify = Run.shg("verify", seed.code().toString(), "--db", db);

    assertTrue(roster.matches(".*: (\\d+) rows, \\1 recorded, 0 already in the books"), roster);
    assertTrue(both.matches("(?s).*meetings.csv: \\d+ rows, \\d+ recorded, 0 already in the books\n.*"), both);
    assertTrue(both.matches("(?s).*\\(profile \\w+\\): (\\d+) lines, \\1 recorded, 0 already in the books,"
        + " 0 to Suspense \\(9999\\)\n.*"), "every line recorded, none to Suspense: " + both);
    assertTrue(both.contains("bank balance 0.00 before "),
        "the account opens in the file, so the bank account is the passbook's: " + both);
    assertTrue(lastLine(both).endsWith("they agree"), both);
    assertEquals(ExitCodes.OK, verify.exitCode(), verify.err());

    assertAll("importing again records nothing",
        () -> assertTrue(lastLine(ok(members)).endsWith(" 0 recorded, " + count(roster) + " already in the books")),
        () -> assertTrue(ok(books).matches("(?s).*meetings.csv: \\d+ rows, 0 recorded, .*: (\\d+) lines, 0 recorded,"
            + " \\1 already in the books.*")),
        () -> assertEquals(verify.out(), Run.shg("verify", seed.code().toString(), "--db", db).out(),
            "the same entries, to the last hash"));
  }

  @Test
  void roshniAlsoImportsOneFileAfterTheOther(@TempDir Path dir) {
    // SHG01 never draws cash from the bank, so its register and passbook also import separately
    Seed seed = SeedBooks.seed("shg01-roshni");
    String db = dir.resolve("seed.db").toString();
    Path folder = SEEDS.resolve(seed.folder());
    List<String> create = new ArrayList<>(List.of("group", "create"));
    create.addAll(seed.createArguments());
    create.addAll(List.of("--db", db));
    ok(create.toArray(String[]::new));
    ok("import", "members", "SHG01", folder.resolve("members.csv").toString(), "--db", db);
    ok("import", "meetings", "SHG01", folder.resolve("meetings.csv").toString(), "--db", db);
    String bank = ok("import", "passbook", "SHG01", folder.resolve("passbook.csv").toString(),
        "--rules", folder.resolve("rules.txt").toString(), "--db", db);

    assertTrue(bank.startsWith(folder.resolve("passbook.csv") + " (profile sbi): 15 lines, 15 recorded, 0 already"
        + " in the books, 0 to Suspense (9999)") || bank.contains(": 15 lines, 15 recorded, 0 already in the books,"
        + " 0 to Suspense (9999)"), bank);
    assertEquals(ExitCodes.OK, Run.shg("verify", "SHG01", "--db", db).exitCode());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPassbookLineIsInTheBooksAndTheBankAccountIsThePassbooks(Seed seed, @TempDir Path dir) {
    Built built = SeedBooks.build(seed, dir.resolve("seed.db"));

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      LocalDate last = built.passbook().lastDate().orElseThrow();
      assertEquals(built.passbook().lines(), built.passbook().recorded());
      assertEquals(0, built.passbook().suspense());
      assertTrue(built.passbook().openingBalance().isZero());
      assertEquals(built.passbook().closingBalance(),
          store.journal().balance(seed.code(), AccountCode.of("1100"), last).normalBalance(),
          "the bank account after the last line is the passbook's last balance");
      assertEquals(built.passbook().closingBalance(),
          store.journal().balance(seed.code(), AccountCode.of("1100"), LocalDate.MAX).normalBalance(),
          "no bank entries but the passbook's");
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void buildingTwiceRecordsNothingMore(Seed seed, @TempDir Path dir) {
    SeedBooks.build(seed, dir.resolve("seed.db"));
    Built again = SeedBooks.build(seed, dir.resolve("seed.db"));

    assertEquals(List.of(), again.members().recorded());
    assertEquals(List.of(), again.meetings().recorded());
    assertEquals(0, again.passbook().recorded());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theProgramHoldsTheRepositorysFiles(Seed seed) throws Exception {
    for (String file : List.of("README.md", "group.txt", "members.csv", "meetings.csv", "passbook.csv", "rules.txt")) {
      byte[] packaged;
      try (InputStream in = SeedBooks.class.getClassLoader().getResourceAsStream(seed.path(file))) {
        assertTrue(in != null, seed.path(file) + " is on the class path");
        packaged = in.readAllBytes();
      }
      assertArrayEquals(Files.readAllBytes(SEEDS.resolve(seed.folder()).resolve(file)), packaged, seed.path(file));
    }
  }

  @Test
  void theIndexListsEveryFolder() throws Exception {
    List<String> folders;
    try (var paths = Files.list(SEEDS)) {
      folders = paths.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertEquals(folders, SeedBooks.groups().stream().map(Seed::folder).sorted().toList());
  }

  @Test
  void theGroupFileIsTheArgumentsOfGroupCreate() {
    Seed roshni = SeedBooks.seed("shg01-roshni");

    assertEquals(BookId.of("SHG01"), roshni.code());
    assertEquals(List.of("SHG01", "--name", "Roshni Mahila Samooh", "--currency", "INR", "--formed", "2024-04-01",
        "--frequency", "monthly", "--monthly-savings", "100", "--rounding", "whole", "--year-start", "4",
        "--loan-monthly-rate", "2", "--loan-method", "flat", "--loan-instalments", "10"), roshni.createArguments());
  }

  /**
   * SHG01 on 31 March 2025, the figures of seeds/shg01-roshni/README.md:
   *
   * <pre>
   * cash     = collected 25,010 − lent 15,000 − banked 9,700                      =    310.00
   * bank     = banked 9,700 + Revolving Fund 15,000 + interest 266 − charges 53.10 = 24,912.90
   * loans    = lent 15,000 − principal repaid 7,560                                =  7,440.00
   * savings  = 12 women × 1,200 + M13 600 + M14 450 (joined in July)               = 15,450.00
   * interest = 360 + 150 + 360 + 240 + 150 + 80 + 20                              =  1,360.00
   * debits   = 310 + 24,912.90 + 7,440 + 53.10 = 32,716.00 = credits
   *          = 15,450 + 600 + 15,000 + 1,360 + 40 + 266
   * </pre>
   */
  @Test
  void roshniHoldsTheFiguresWorkedOutByHand(@TempDir Path dir) {
    SeedBooks.build(SeedBooks.seed("shg01-roshni"), dir.resolve("seed.db"));
    BookId shg01 = BookId.of("SHG01");
    LocalDate yearEnd = LocalDate.of(2025, 3, 31);

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      Balances at = new Balances(store, shg01, yearEnd);
      assertAll("accounts",
          () -> assertEquals(inr("310.00"), at.of("1000"), "cash in hand"),
          () -> assertEquals(inr("24912.90"), at.of("1100"), "bank"),
          () -> assertEquals(inr("7440.00"), at.of("1200"), "loans to members"),
          () -> assertEquals(inr("15450.00"), at.of("2000"), "compulsory savings"),
          () -> assertEquals(inr("600.00"), at.of("2100"), "voluntary savings"),
          () -> assertEquals(inr("15000.00"), at.of("3000"), "revolving fund"),
          () -> assertEquals(inr("1360.00"), at.of("4000"), "interest on member loans"),
          () -> assertEquals(inr("40.00"), at.of("4100"), "fines"),
          () -> assertEquals(inr("266.00"), at.of("4200"), "interest from bank"),
          () -> assertEquals(inr("53.10"), at.of("5100"), "bank charges"),
          () -> assertEquals(inr("0.00"), at.of("9999"), "suspense"));
      assertAll("members",
          () -> assertEquals(inr("1800.00"), at.of("1200:M01")),
          () -> assertEquals(inr("200.00"), at.of("1200:M03")),
          () -> assertEquals(inr("1000.00"), at.of("1200:M05")),
          () -> assertEquals(inr("0.00"), at.of("1200:M07"), "M07 repaid in full"),
          () -> assertEquals(inr("1600.00"), at.of("1200:M09")),
          () -> assertEquals(inr("2040.00"), at.of("1200:M10")),
          () -> assertEquals(inr("800.00"), at.of("1200:M12")),
          () -> assertEquals(inr("1200.00"), at.of("2000:M06"), "paid May's at the June meeting"),
          () -> assertEquals(inr("600.00"), at.of("2000:M13")),
          () -> assertEquals(inr("450.00"), at.of("2000:M14")),
          () -> assertEquals(inr("300.00"), at.of("2100:M01")),
          () -> assertEquals(inr("300.00"), at.of("2100:M11")));

      TrialBalance trialBalance = store.journal().trialBalance(shg01, yearEnd);
      assertEquals(inr("32716.00"), trialBalance.totalDebit());
      assertEquals(inr("32716.00"), trialBalance.totalCredit());
    }
  }

  @Test
  void roshniHasALoanInArrearsAndOneRepaid(@TempDir Path dir) {
    SeedBooks.build(SeedBooks.seed("shg01-roshni"), dir.resolve("seed.db"));
    BookId shg01 = BookId.of("SHG01");

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      SavingsGroups engine = store.engine();
      LoanState shanti = engine.loanState(shg01, LoanId.of("20240910-M10"), LocalDate.of(2025, 3, 31));
      LoanState anita = engine.loanState(shg01, LoanId.of("20240710-M07"), LocalDate.of(2025, 3, 31));

      assertEquals(7, engine.loans(shg01).size());
      // ₹3,000 over 10 months, ₹300 + ₹60 an instalment; paid 360, 360, then 0, 0, 200, 400:
      // the rest of January's principal (240), February's and March's (300 each) are overdue
      assertEquals(inr("2040.00"), shanti.outstandingPrincipal());
      assertEquals(inr("840.00"), shanti.overdueAmount());
      assertEquals(3, shanti.overdueInstalments());
      assertEquals(80, shanti.daysPastDue(), "since 10 January");
      assertTrue(anita.settled(), "five instalments of ₹330, August to December");
    }
  }

  /**
   * SHG02 Pragati Mahila Samooh on 31 March 2025, its third year: a bank loan of ₹1,60,000 (16
   * members × ₹10,000) paid in on 21 April 2023 and recovered at ₹4,445 a month with 1 % a month
   * interest, 23 recoveries by March 2025 (1,60,000 − 23 × 4,445 = 57,765); a Revolving Fund of
   * ₹16,000; members' loans lent from the bank; M13 and M14 in arrears.
   */
  @Test
  void pragatiHasABankLoanARevolvingFundAndLoansInArrears(@TempDir Path dir) {
    SeedBooks.build(SeedBooks.seed("shg02-pragati"), dir.resolve("seed.db"));
    BookId shg02 = BookId.of("SHG02");
    LocalDate yearEnd = LocalDate.of(2025, 3, 31);

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      Balances at = new Balances(store, shg02, yearEnd);
      assertAll("accounts",
          () -> assertEquals(inr("350.00"), at.of("1000"), "cash in hand"),
          () -> assertEquals(inr("106549.30"), at.of("1100"), "bank"),
          () -> assertEquals(inr("55600.00"), at.of("1200"), "loans to members"),
          () -> assertEquals(inr("53850.00"), at.of("2000"), "compulsory savings"),
          () -> assertEquals(inr("12550.00"), at.of("2100"), "voluntary savings"),
          () -> assertEquals(inr("57765.00"), at.of("2200"), "bank loan"),
          () -> assertEquals(inr("16000.00"), at.of("3000"), "revolving fund"),
          () -> assertEquals(inr("40740.00"), at.of("4000"), "interest on member loans"),
          () -> assertEquals(inr("310.00"), at.of("4100"), "fines"),
          () -> assertEquals(inr("7034.00"), at.of("4200"), "interest from bank"),
          () -> assertEquals(inr("25555.00"), at.of("5000"), "interest paid on the bank loan"),
          () -> assertEquals(inr("194.70"), at.of("5100"), "bank charges"),
          () -> assertEquals(inr("0.00"), at.of("9999"), "suspense"));
      TrialBalance trialBalance = store.journal().trialBalance(shg02, yearEnd);
      assertEquals(inr("188249.00"), trialBalance.totalDebit());
      assertEquals(trialBalance.totalDebit(), trialBalance.totalCredit());

      SavingsGroups engine = store.engine();
      List<LoanState> inArrears = engine.loans(shg02).stream()
          .map(loan -> engine.loanState(shg02, loan.id(), yearEnd))
          .filter(state -> state.daysPastDue() > 30).toList();
      assertFalse(inArrears.isEmpty(), "some loans are more than 30 days past due");
    }
  }

  /** SHG03 Ujala Mahila Samooh on 31 March 2025, the end of its second year: no grant, no bank loan. */
  @Test
  void ujalaIsAYoungGroupOfItsMembersSavingsAlone(@TempDir Path dir) {
    SeedBooks.build(SeedBooks.seed("shg03-ujala"), dir.resolve("seed.db"));
    BookId shg03 = BookId.of("SHG03");
    LocalDate yearEnd = LocalDate.of(2025, 3, 31);

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      Balances at = new Balances(store, shg03, yearEnd);
      assertAll("accounts",
          () -> assertEquals(inr("310.00"), at.of("1000"), "cash in hand"),
          () -> assertEquals(inr("24409.10"), at.of("1100"), "bank"),
          () -> assertEquals(inr("11400.00"), at.of("1200"), "loans to members"),
          () -> assertEquals(inr("26250.00"), at.of("2000"), "compulsory savings"),
          () -> assertEquals(inr("4700.00"), at.of("2100"), "voluntary savings"),
          () -> assertEquals(inr("0.00"), at.of("2200"), "no bank loan"),
          () -> assertEquals(inr("0.00"), at.of("3000"), "no grant"),
          () -> assertEquals(inr("4500.00"), at.of("4000"), "interest on member loans"),
          () -> assertEquals(inr("160.00"), at.of("4100"), "fines"),
          () -> assertEquals(inr("633.00"), at.of("4200"), "interest from bank"),
          () -> assertEquals(inr("123.90"), at.of("5100"), "bank charges"));
      assertEquals(12, store.registry().members(shg03).size());
    }
  }

  @Test
  void roshnisRosterKeepsOnlyTheLastFourDigits(@TempDir Path dir) throws Exception {
    SeedBooks.build(SeedBooks.seed("shg01-roshni"), dir.resolve("seed.db"));
    BookId shg01 = BookId.of("SHG01");

    try (LedgerStore store = LedgerStore.openSqlite(dir.resolve("seed.db"))) {
      SavingsGroups engine = store.engine();
      MemberBankAccount sunita = engine.member(shg01, MemberId.of("M01")).bankAccount().orElseThrow();

      assertEquals(14, store.registry().members(shg01).size());
      assertEquals("XXXXXXX5301", sunita.maskedNumber(), "members.csv gives 20417755301");
      assertEquals(5, store.registry().members(shg01).stream().filter(m -> m.bankAccount().isPresent()).count());
      assertEquals(2, store.registry().members(shg01).stream()
          .filter(m -> m.category() == MemberCategory.ADOLESCENT_GIRL).count());
      assertEquals(LocalDate.of(2024, 7, 1), engine.member(shg01, MemberId.of("M14")).joined());
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("20417755301"),
            "the full number is nowhere in " + file);
      }
    }
  }

  /** Normal balances of one book on one day. */
  private record Balances(LedgerStore store, BookId book, LocalDate asOf) {
    Money of(String code) {
      return store.journal().balance(book, AccountCode.of(code), asOf).normalBalance();
    }
  }

  private static String ok(String... args) {
    Run run = Run.shg(args);
    assertEquals(ExitCodes.OK, run.exitCode(), () -> String.join(" ", args) + "\n" + run.err());
    // nothing on standard error but an import's progress, one plain line per phase (issue 15)
    assertTrue(run.err().lines().allMatch(line -> line.startsWith("shg: reading ") || line.startsWith("shg: recording ")),
        () -> String.join(" ", args) + "\n" + run.err());
    return run.out();
  }

  private static String lastLine(String out) {
    return out.strip().lines().reduce((first, second) -> second).orElseThrow();
  }

  private static String count(String summary) {
    return summary.replaceAll(".*: (\\d+) rows.*", "$1");
  }

  private static Money inr(String amount) {
    return Money.parse("INR " + amount);
  }
}
