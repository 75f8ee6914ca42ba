package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Chart;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.OpeningImport;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.journal.Account;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.testing.TestPostgres;

/**
 * The imports on PostgreSQL give what they give on SQLite: every scenario below runs on a SQLite
 * file and on a private PostgreSQL schema, and the two books must hold the same entries, loans and
 * meetings. On PostgreSQL as on SQLite a bad file writes nothing, a failure part way through the
 * write keeps nothing, and importing twice records what importing once does.
 */
class PostgresImportTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId PASSBOOK_GROUP = BookId.of("SHG01");
  private static final BookId REGISTER_GROUP = BookId.of("SHG02");
  private static final String RESOURCES = "/org/shgledger/importing/";

  @TempDir Path directory;
  private TestPostgres.Schema schema;
  private LedgerStore postgres;
  private LedgerStore sqlite;

  @BeforeAll
  static void needsAServer() {
    TestPostgres.assumeAnswers();
  }

  @BeforeEach
  void openBoth() {
    schema = TestPostgres.createSchema();
    postgres = LedgerStore.open(schema.url());
    sqlite = LedgerStore.openSqlite(directory.resolve("shg.db"));
  }

  @AfterEach
  void closeBoth() {
    if (postgres != null) {
      postgres.close();
    }
    if (sqlite != null) {
      sqlite.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  /** Runs the same work on both stores; the results must be equal, and the books too. */
  private <T> T onBoth(Function<LedgerStore, T> work) {
    T onSqlite = work.apply(sqlite);
    T onPostgres = work.apply(postgres);
    assertEquals(onSqlite, onPostgres, "PostgreSQL gives what SQLite gives");
    for (BookId book : List.of(PASSBOOK_GROUP, REGISTER_GROUP)) {
      assertEquals(snapshot(sqlite, book), snapshot(postgres, book), "the books of " + book);
    }
    return onPostgres;
  }

  /** What a book holds: its entries, and for a group its loans and meetings. */
  private static List<String> snapshot(LedgerStore store, BookId book) {
    List<String> all = new ArrayList<>();
    if (store.journal().book(book).isEmpty()) {
      return all;
    }
    store.journal().entries(book).forEach(entry -> all.add(entry.toString()));
    if (store.registry().group(book).isPresent()) {
      store.engine().loans(book).forEach(loan -> {
        all.add(loan.toString());
        store.registry().loanEvents(book, loan.id()).forEach(event -> all.add(event.toString()));
      });
      store.registry().meetings(book).forEach(meeting -> all.add(meeting.toString()));
      store.registry().members(book).forEach(member -> all.add(member.toString()));
    }
    return all;
  }

  // ------------------------------------------------------------------ bank passbook

  /** A book with the standard chart, ₹50,000 cash and ₹10,000 in the bank on 31 March 2025. */
  /** The engine over a book that {@link #passbookBook} made (SHG01), with the group in a registry of its own. */
  private static org.shgledger.group.SavingsGroups engine(Journal journal, org.shgledger.group.UnitOfWork unit) {
    return org.shgledger.importing.passbook.Books.engine(journal, unit);
  }

  private static Void passbookBook(LedgerStore store) {
    Journal journal = store.journal();
    journal.createBook(new Book(PASSBOOK_GROUP, "Asha Mahila Samooh", INR));
    for (Account account : Chart.standardAccounts(PASSBOOK_GROUP, INR)) {
      journal.openAccount(account);
    }
    LocalDate day = LocalDate.of(2025, 3, 31);
    journal.record(JournalEntry.of(EntryId.of("opening-cash"), PASSBOOK_GROUP, day, "Opening cash",
        List.of(Posting.debit(Chart.CASH, inr("50000")), Posting.credit(Chart.SURPLUS, inr("50000")))));
    journal.record(JournalEntry.of(EntryId.of("opening"), PASSBOOK_GROUP, day, "Opening bank balance",
        List.of(Posting.debit(Chart.BANK, inr("10000")), Posting.credit(Chart.SURPLUS, inr("10000")))));
    return null;
  }

  private static PassbookImportReport passbook(LedgerStore store, String name, Supplier<InputStream> source,
      PassbookImporter.Options options) {
    return new PassbookImporter(engine(store.journal(), store.unitOfWork()))
        .importSource(PASSBOOK_GROUP, name, source, options);
  }

  private static Supplier<InputStream> resource(String name) {
    return () -> {
      InputStream in = PostgresImportTest.class.getResourceAsStream(RESOURCES + name);
      if (in == null) {
        throw new UncheckedIOException(new IOException("no test resource " + name));
      }
      return in;
    };
  }

  private static Supplier<InputStream> text(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(bytes);
  }

  @Test
  void everyBankSampleImportsAsOnSqliteAndTwiceEqualsOnce() {
    onBoth(PostgresImportTest::passbookBook);
    PassbookImportReport first = onBoth(store ->
        passbook(store, "kotak.csv", resource("passbook/kotak.csv"), PassbookImporter.Options.defaults()));
    assertEquals(5, first.recorded());
    assertEquals(inr("95094.30"), bank(postgres));
    // the same statement in the other layouts, with their own narrations and references, is the
    // same lines
    for (String other : List.of("generic.csv", "sbi.xls.txt", "hdfc.txt", "icici.csv")) {
      PassbookImportReport same = onBoth(store ->
          passbook(store, other, resource("passbook/" + other), PassbookImporter.Options.defaults()));
      assertEquals(0, same.recorded(), other);
      assertEquals(5, same.alreadyRecorded(), other);
    }
    PassbookImportReport again = onBoth(store ->
        passbook(store, "kotak.csv", resource("passbook/kotak.csv"), PassbookImporter.Options.defaults()));
    assertEquals(0, again.recorded());
    assertEquals(5, again.alreadyRecorded());
    assertEquals(inr("95094.30"), bank(postgres));
  }

  @Test
  void aBadPassbookWritesNothing() {
    onBoth(PostgresImportTest::passbookBook);
    String file = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "01/04/2025,CASH DEPOSIT,,500.00,10500.00\n"
        + "02/04/2025,GRANT RF,,100.00,10650.00\n";
    List<String> problems = onBoth(store -> assertThrows(ImportException.class, () ->
        passbook(store, "p.csv", text(file), PassbookImporter.Options.defaults())).problems().stream()
        .map(Object::toString).toList());
    assertTrue(problems.get(0).startsWith("p.csv:3:5: the balance 10,650.00 should be 10,600.00"), problems.toString());
    assertEquals(2, postgres.journal().entries(PASSBOOK_GROUP).size());

    // Well formed, but the third line banks more cash than the group holds: the journal refuses it
    // after two single-entry batches were written, and the transaction takes them back.
    String tooMuchCash = "Date,Narration,Withdrawal,Deposit,Balance\n"
        + "01/04/2025,GRANT RF,,500.00,10500.00\n"
        + "02/04/2025,SB INTEREST,,100.00,10600.00\n"
        + "03/04/2025,CASH DEPOSIT,,\"60,000.00\",\"70,600.00\"\n";
    String refused = onBoth(store -> assertThrows(ImportException.class, () -> passbook(store, "c.csv",
        text(tooMuchCash), PassbookImporter.Options.defaults().withBatchEntries(1))).getMessage());
    assertTrue(refused.startsWith("c.csv:4:0: the books refuse this line"), refused);
    assertEquals(2, postgres.journal().entries(PASSBOOK_GROUP).size());
    assertEquals(inr("10000"), bank(postgres));
  }

  /** The write runs in one PostgreSQL transaction: a failure in the third batch keeps nothing. */
  @Test
  void aFailureInTheThirdBatchKeepsNothing() {
    passbookBook(postgres);
    AtomicInteger batches = new AtomicInteger();
    Journal failing = (Journal) Proxy.newProxyInstance(Journal.class.getClassLoader(), new Class<?>[] {Journal.class},
        (proxy, method, args) -> {
          if (method.getName().equals("recordAll") && batches.incrementAndGet() == 3) {
            throw new IllegalStateException("the disk is full");
          }
          try {
            return method.invoke(postgres.journal(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    PassbookImporter.Options twoAtATime = PassbookImporter.Options.defaults().withBatchEntries(2);
    assertThrows(IllegalStateException.class, () -> new PassbookImporter(engine(failing, postgres.unitOfWork()))
        .importSource(PASSBOOK_GROUP, "generic.csv", resource("passbook/generic.csv"), twoAtATime));
    assertEquals(2, postgres.journal().entries(PASSBOOK_GROUP).size());
    assertEquals(inr("10000"), bank(postgres));

    assertEquals(5, passbook(postgres, "generic.csv", resource("passbook/generic.csv"), twoAtATime).recorded());
    assertEquals(inr("95094.30"), bank(postgres));
  }

  /**
   * A file read twice (one too large to hold, here made so by holding nothing, over a unit that
   * does not say it undoes failed work) that changes between the check and the write is not
   * imported, even in part.
   */
  @Test
  void aFileChangedBetweenThePassesKeepsNothing() {
    passbookBook(postgres);
    String header = "Date,Narration,Withdrawal,Deposit,Balance\n";
    String lines = "01/04/2025,GRANT,,100.00,10100.00\n02/04/2025,GRANT,,100.00,10200.00\n";
    String changed = lines + "03/04/2025,GRANT,,100.00,10300.00\n";
    // read as it was to tell its order and to check it, changed for the write
    AtomicInteger opened = new AtomicInteger();
    Supplier<InputStream> source = () -> new ByteArrayInputStream(
        (header + (opened.getAndIncrement() < 2 ? lines : changed)).getBytes(StandardCharsets.UTF_8));
    ImportException e = assertThrows(ImportException.class, () ->
        new PassbookImporter(engine(postgres.journal(),
            org.shgledger.importing.passbook.Books.twoPasses(postgres.unitOfWork())))
            .importSource(PASSBOOK_GROUP, "p.csv", source,
                PassbookImporter.Options.defaults().withBatchEntries(1).withHeldEntries(0)));
    assertTrue(e.getMessage().contains("the file changed"), e.getMessage());
    assertEquals(2, postgres.journal().entries(PASSBOOK_GROUP).size());
  }

  private static Money bank(LedgerStore store) {
    return store.journal().balance(PASSBOOK_GROUP, Chart.BANK, LocalDate.MAX).net();
  }

  // ------------------------------------------------------------------ registers

  private static Void registerGroup(LedgerStore store) {
    store.engine().createGroup(new Group(REGISTER_GROUP, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1),
        MeetingFrequency.MONTHLY, Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
        Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
    return null;
  }

  private Path file(String name) {
    try (InputStream in = PostgresImportTest.class.getResourceAsStream(RESOURCES + "register/" + name)) {
      return Files.write(directory.resolve(name), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The register commands' call: the engine, the group, the file, the limits, dry run or not. */
  private interface RegisterImport {
    ImportResult run(SavingsGroups groups, BookId code, Path file, ImportLimits limits, boolean dryRun);
  }

  private ImportResult register(RegisterImport kind, Path file, boolean dryRun) {
    return onBoth(store -> kind.run(store.engine(), REGISTER_GROUP, file, ImportLimits.DEFAULT, dryRun));
  }

  @Test
  void theRegistersImportAsOnSqliteAndTwiceEqualsOnce() {
    onBoth(PostgresImportTest::registerGroup);
    Path roster = file("roster.csv");
    Path meetings = file("meetings.csv");
    assertEquals(4, register(RosterImport::run, roster, false).recorded().size());
    ImportResult dry = register(MeetingImport::run, meetings, true);
    assertEquals(17, dry.recorded().size());
    assertEquals(0, postgres.journal().entries(REGISTER_GROUP).size());
    assertEquals(17, register(MeetingImport::run, meetings, false).recorded().size());

    LocalDate end = LocalDate.of(2024, 6, 30);
    assertEquals(inr("814"), postgres.journal().balance(REGISTER_GROUP, Chart.CASH, end).normalBalance());
    assertEquals(inr("100"), postgres.journal().balance(REGISTER_GROUP,
        Chart.memberAccount(Chart.MEMBER_LOANS, MemberId.of("M02")), end).normalBalance());
    assertEquals(3, postgres.registry().meetings(REGISTER_GROUP).size());

    ImportResult rosterAgain = register(RosterImport::run, roster, false);
    assertEquals(List.of(), rosterAgain.recorded());
    assertEquals(4, rosterAgain.alreadyRecorded());
    ImportResult meetingsAgain = register(MeetingImport::run, meetings, false);
    assertEquals(List.of(), meetingsAgain.recorded());
    assertEquals(17, meetingsAgain.alreadyRecorded());
  }

  @Test
  void openingBalancesImportAsOnSqliteAndTwiceEqualsOnce() {
    onBoth(PostgresImportTest::registerGroup);
    register(RosterImport::run, file("roster.csv"), false);
    Path opening = file("opening.csv");
    assertEquals(3, register(OpeningImport::run, opening, false).recorded().size());
    LocalDate asOf = LocalDate.of(2024, 4, 1);
    assertEquals(inr("2420"), postgres.journal().balance(REGISTER_GROUP, Chart.SURPLUS, asOf).normalBalance());
    assertEquals(inr("4000"), postgres.journal().balance(REGISTER_GROUP, Chart.MEMBER_LOANS, asOf).normalBalance());
    assertEquals(List.of(), register(OpeningImport::run, opening, false).recorded());
  }

  /**
   * Every row reads well; the books refuse the last. Everything the file recorded before it (rolls,
   * savings, a loan) is rolled back with the PostgreSQL transaction.
   */
  @Test
  void aRegisterTheBooksRefuseAtItsLastRowKeepsNothing() {
    onBoth(PostgresImportTest::registerGroup);
    register(RosterImport::run, file("roster.csv"), false);
    List<String> before = snapshot(postgres, REGISTER_GROUP);
    Path bad = write("bad-last.csv", """
        date,member,savings,loan_given,savings_withdrawn
        2024-04-06,M01,100,,
        2024-05-04,M01,100,150,
        2024-05-04,M04,100,,500
        """);
    String message = onBoth(store -> assertThrows(ImportException.class, () ->
        MeetingImport.run(store.engine(), REGISTER_GROUP, bad, ImportLimits.DEFAULT, false)).getMessage());
    assertTrue(message.startsWith(bad + ":4:5: the books refuse 2024-05-04 M04: withdrawal of INR 500.00"), message);
    assertEquals(before, snapshot(postgres, REGISTER_GROUP));

    Path malformed = write("malformed.csv", """
        date,member,savings
        2024-04-06,M01,100
        2024-04-31,M02,1.005
        """);
    List<String> problems = onBoth(store -> assertThrows(ImportException.class, () ->
        MeetingImport.run(store.engine(), REGISTER_GROUP, malformed, ImportLimits.DEFAULT, false)).problems()
        .stream().map(Object::toString).toList());
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(malformed + ":3:1: "), problems.toString());
    assertTrue(problems.get(1).startsWith(malformed + ":3:3: "), problems.toString());
    assertEquals(before, snapshot(postgres, REGISTER_GROUP));
  }

  private static Money inr(String amount) {
    return Money.of(INR, new BigDecimal(amount));
  }
}
