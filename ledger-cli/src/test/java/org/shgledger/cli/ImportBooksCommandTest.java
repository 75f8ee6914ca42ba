package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.cli.SeedBooks.Seed;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.store.LedgerStore;

/** {@code shg import books}: output, reconciliation, repeats, problems, dry run, the seed group. */
class ImportBooksCommandTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");

  @TempDir Path directory;
  private Path db;
  private Path roster;
  private Path meetings;
  private Path passbook;

  @BeforeEach
  void createGroup() throws IOException {
    db = directory.resolve("shg.db");
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      store.engine().createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1),
          MeetingFrequency.MONTHLY, Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
          Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    }
    roster = Files.writeString(directory.resolve("roster.csv"), """
        member,name,category,joined
        M01,Asha Devi,adult_woman,2024-04-01
        M02,Sunita Bai,adult_woman,2024-04-01
        """);
    // the loan of 11 April is paid from the cash drawn on 10 April
    meetings = Files.writeString(directory.resolve("meetings.csv"), """
        date,member,savings,loan_given
        2024-04-06,M01,100,
        2024-04-06,M02,100,
        2024-04-11,M01,100,3000
        2024-04-11,M02,100,
        """);
    passbook = Files.writeString(directory.resolve("statement.csv"), """
        Date,Narration,Withdrawal,Deposit,Balance
        06/04/2024,BY CASH,,200.00,200.00
        08/04/2024,REVOLVING FUND,,"5,000.00","5,200.00"
        10/04/2024,TO CASH,"3,000.00",,"2,200.00"
        """);
  }

  private Run books(String... extra) {
    List<String> args = new ArrayList<>(List.of("import", "books", "SHG01", "--members", roster.toString(),
        "--meetings", meetings.toString(), "--passbook", passbook.toString(), "--db", db.toString()));
    args.addAll(List.of(extra));
    return Run.shg(args.toArray(String[]::new));
  }

  /** An unknown --profile is a usage error that lists the profiles there are; nothing is recorded. */
  @Test
  void anUnknownProfileIsAUsageErrorListingEveryProfile() {
    Run run = books("--profile", "axis");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: unknown profile 'axis': choose generic, sbi, hdfc, icici, kotak, kotak-debit-credit, idbi, bob, bob-mini or particulars",
        run.err().strip());
    assertEquals(0, entries());
  }

  private int entries() {
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      return store.journal().entries(SHG).size();
    }
  }

  @Test
  void recordsBothFilesInDateOrderAndSaysTheBooksAgreeWithTheBank() {
    Run run = books();
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(out.contains("recorded member M01 (joined 2024-04-01)"), out);
    assertTrue(out.contains("recorded 2024-04-10 bank line 4: withdrawal of INR 3,000.00 to 1000 (TO CASH)\n"
        + "recorded the roll of the meeting of 2024-04-11\n"), out);
    assertTrue(out.contains(meetings + ": 4 rows, 7 recorded, 0 already in the books"), out);
    assertTrue(out.contains(passbook + " (profile generic): 3 lines, 3 recorded, 0 already in the books,"
        + " 0 to Suspense (9999)"), out);
    assertTrue(out.contains("bank balance 0.00 before 2024-04-06, 2,200.00 after 2024-04-10; the books' bank"
        + " account holds 2,200.00 then: they agree"), out);
    assertEquals(8, entries(), "5 of the register's, 3 of the passbook's");
    // standard error is not a terminal here: one plain line per phase (issue 15)
    assertEquals("shg: reading " + passbook + " ... 3 lines\nshg: recording ... done\n", run.err());

    Run again = books("--quiet");
    assertEquals("", again.err(), "--quiet: nothing on standard error");
    assertTrue(again.out().contains(meetings + ": 4 rows, 0 recorded, 7 already in the books"), again.out());
    assertTrue(again.out().contains("3 lines, 0 recorded, 3 already in the books"), again.out());
    Run register = Run.shg("import", "meetings", "SHG01", meetings.toString(), "--db", db.toString());
    assertTrue(register.out().contains(" 0 recorded, 7 already in the books"), register.out());
    Run statement = Run.shg("import", "passbook", "SHG01", passbook.toString(), "--db", db.toString());
    assertTrue(statement.out().contains("3 lines, 0 recorded, 3 already in the books"), statement.out());
    assertEquals(8, entries());
  }

  @Test
  void aDryRunRecordsNothing() {
    Run dry = books("--dry-run");
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
    assertTrue(dry.out().contains("would record 2024-04-11 M01: loan 20240411-M01 of INR 3,000.00"), dry.out());
    assertTrue(dry.out().contains("the books' bank account would hold 2,200.00 then: they agree"), dry.out());
    assertTrue(dry.out().endsWith("dry run: nothing was recorded\n"), dry.out());
    assertEquals(0, entries());
  }

  @Test
  void everyProblemOfBothFilesOnALineWithExitCode3AndNothingRecorded() throws IOException {
    Files.writeString(meetings, """
        date,member,savings,loan_given
        2024-04-06,M01,1OO,
        """);
    Files.writeString(passbook, """
        Date,Narration,Withdrawal,Deposit,Balance
        06/04/2024,BY CASH,,200.00,200.00
        08/04/2024,REVOLVING FUND,,"5,000.00","5,300.00"
        """);
    Run run = books();
    assertEquals(ExitCodes.REJECTED, run.exitCode());
    String[] lines = run.errLines();
    assertTrue(lines[0].startsWith("shg: " + meetings + ":2:3: \"1OO\" is not an amount"), lines[0]);
    assertTrue(lines[1].startsWith("shg: " + passbook + ":3:5: the balance 5,300.00 should be 5,200.00"), lines[1]);
    assertEquals("shg: nothing was imported", lines[2]);
    assertEquals(0, entries());
  }

  @Test
  void bothFilesAreRequired() {
    Run run = Run.shg("import", "books", "SHG01", "--meetings", meetings.toString(), "--db", db.toString());
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("--passbook"), run.err());
  }

  /** The seed group imported combined has the books of its files imported one after the other. */
  @Test
  void theSeedGroupCombinedHasTheBooksOfTheSeparateImports() {
    Seed seed = SeedBooks.seed("shg01-roshni");
    Path folder = Path.of("..", "seeds", seed.folder());
    String code = seed.code().toString();
    String separate = directory.resolve("separate.db").toString();
    String combined = directory.resolve("combined.db").toString();
    for (String database : List.of(separate, combined)) {
      List<String> create = new ArrayList<>(List.of("group", "create"));
      create.addAll(seed.createArguments());
      create.addAll(List.of("--db", database));
      assertEquals(ExitCodes.OK, Run.shg(create.toArray(String[]::new)).exitCode());
    }
    String members = folder.resolve("members.csv").toString();
    String register = folder.resolve("meetings.csv").toString();
    String statement = folder.resolve("passbook.csv").toString();
    String rules = folder.resolve("rules.txt").toString();
    assertEquals(ExitCodes.OK, Run.shg("import", "members", code, members, "--db", separate).exitCode());
    assertEquals(ExitCodes.OK, Run.shg("import", "meetings", code, register, "--db", separate).exitCode());
    assertEquals(ExitCodes.OK, Run.shg("import", "passbook", code, statement, "--rules", rules, "--db", separate)
        .exitCode());
    Run run = Run.shg("import", "books", code, "--members", members, "--meetings", register, "--passbook", statement,
        "--rules", rules, "--db", combined);
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains(": they agree"), run.out());

    assertEquals(Run.shg("trial-balance", code, "--members", "--db", separate).out(),
        Run.shg("trial-balance", code, "--members", "--db", combined).out());
    try (LedgerStore one = LedgerStore.openSqlite(Path.of(separate));
        LedgerStore other = LedgerStore.openSqlite(Path.of(combined))) {
      assertEquals(sorted(one, seed.code()), sorted(other, seed.code()));
    }
  }

  /**
   * Issue 13, item 2: the seed group's SBI passbook converted to the generic layout (no reference
   * column, so the Revolving Fund's line loses its reference) is the same statement, and counts
   * nothing twice.
   */
  @Test
  void theSeedPassbookConvertedToTheGenericLayoutIsAlreadyInTheBooks() throws IOException {
    Seed seed = SeedBooks.seed("shg01-roshni");
    Path folder = Path.of("..", "seeds", seed.folder());
    String code = seed.code().toString();
    List<String> create = new ArrayList<>(List.of("group", "create"));
    create.addAll(seed.createArguments());
    create.addAll(List.of("--db", db.toString()));
    Files.delete(db);
    assertEquals(ExitCodes.OK, Run.shg(create.toArray(String[]::new)).exitCode());
    String rules = folder.resolve("rules.txt").toString();
    Run books = Run.shg("import", "books", code, "--members", folder.resolve("members.csv").toString(),
        "--meetings", folder.resolve("meetings.csv").toString(), "--passbook",
        folder.resolve("passbook.csv").toString(), "--rules", rules, "--db", db.toString());
    assertEquals(ExitCodes.OK, books.exitCode(), books.err());
    String before = Run.shg("trial-balance", code, "--members", "--db", db.toString()).out();

    Path generic = Files.writeString(directory.resolve("generic.csv"), asGeneric(folder.resolve("passbook.csv")));
    Run again = Run.shg("import", "passbook", code, generic.toString(), "--rules", rules, "--db", db.toString());

    assertEquals(ExitCodes.OK, again.exitCode(), again.err());
    assertTrue(again.out().contains("15 lines, 0 recorded"), again.out());
    assertEquals(before, Run.shg("trial-balance", code, "--members", "--db", db.toString()).out());
  }

  /** An SBI statement as the generic layout writes it: date, narration, withdrawal, deposit, balance. */
  private static String asGeneric(Path sbi) throws IOException {
    java.time.format.DateTimeFormatter from =
        java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
    java.time.format.DateTimeFormatter to = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    StringBuilder out = new StringBuilder("Date,Narration,Withdrawal,Deposit,Balance\n");
    boolean lines = false;
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(Files.newBufferedReader(sbi))) {
      for (var row : parser) {
        if (lines && row.size() == 7) {
          out.append(LocalDate.parse(row.get(0), from).format(to)).append(',').append(row.get(2)).append(',')
              .append(row.get(4).replace(",", "")).append(',').append(row.get(5).replace(",", "")).append(',')
              .append(row.get(6).replace(",", "")).append('\n');
        }
        lines |= row.get(0).equals("Txn Date");
      }
    }
    return out.toString();
  }

  private static List<String> sorted(LedgerStore store, BookId code) {
    List<String> all = new ArrayList<>();
    store.journal().entries(code).forEach(entry -> all.add(entry.toString()));
    store.registry().loans(code).forEach(loan -> all.add(loan.toString()));
    store.registry().meetings(code).forEach(meeting -> all.add(meeting.toString()));
    all.sort(null);
    return all;
  }
}
