package org.shgledger.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.books.BooksImport;
import org.shgledger.importing.books.BooksImportResult;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.testing.TestPostgres;

/**
 * The combined import of a register and a passbook on PostgreSQL gives what it gives on SQLite:
 * the same books, nothing more when repeated, and nothing kept when the books refuse its last
 * row. (Skipped where no server answers, unless {@code SHG_REQUIRE_POSTGRES=1}.)
 */
class PostgresBooksImportTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final BookId SHG = BookId.of("SHG01");

  /** The loan of 11 April is paid from the cash drawn on 10 April; the collections are banked. */
  private static final String MEETINGS = """
      date,member,savings,repaid_total,loan_given
      2024-04-06,M01,100,,
      2024-04-06,M02,100,,
      2024-04-11,M01,100,,3000
      2024-04-11,M02,100,,
      2024-05-11,M01,100,360,
      2024-05-11,M02,100,,
      """;
  private static final String PASSBOOK = """
      Date,Narration,Withdrawal,Deposit,Balance
      06/04/2024,BY CASH,,200.00,200.00
      08/04/2024,REVOLVING FUND,,"5,000.00","5,200.00"
      10/04/2024,TO CASH,"3,000.00",,"2,200.00"
      11/05/2024,BY CASH,,560.00,"2,760.00"
      """;

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
    for (LedgerStore store : List.of(sqlite, postgres)) {
      store.engine().createGroup(new Group(SHG, "Roshni Mahila Samooh", INR, LocalDate.of(2024, 4, 1),
          MeetingFrequency.MONTHLY, Money.ofMajor(INR, 100), RoundingPolicy.wholeUnits(RoundingMode.HALF_UP),
          Month.APRIL, LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
      for (String member : List.of("M01", "M02")) {
        store.engine().addMember(SHG, Member.joining(MemberId.of(member), "Member " + member,
            MemberCategory.ADULT_WOMAN, LocalDate.of(2024, 4, 1)));
      }
    }
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

  /** Runs the same work on both stores; the results and the books must be equal. */
  private <T> T onBoth(Function<LedgerStore, T> work) {
    T onSqlite = work.apply(sqlite);
    T onPostgres = work.apply(postgres);
    assertEquals(onSqlite, onPostgres, "PostgreSQL gives what SQLite gives");
    assertEquals(snapshot(sqlite), snapshot(postgres), "the books");
    return onPostgres;
  }

  private static List<String> snapshot(LedgerStore store) {
    List<String> all = new ArrayList<>();
    store.journal().entries(SHG).forEach(entry -> all.add(entry.toString()));
    store.registry().loans(SHG).forEach(loan -> {
      all.add(loan.toString());
      store.registry().loanEvents(SHG, loan.id()).forEach(event -> all.add(event.toString()));
    });
    store.registry().meetings(SHG).forEach(meeting -> all.add(meeting.toString()));
    return all;
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(directory.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aGroupThatDrawsFromTheBankToLendImportsAsOnSqliteAndTwiceEqualsOnce() {
    Path meetings = write("meetings.csv", MEETINGS);
    Path passbook = write("passbook.csv", PASSBOOK);
    BooksImportResult first = onBoth(store ->
        BooksImport.run(store.engine(), SHG, meetings, passbook, BooksImport.Options.defaults()));
    assertTrue(first.agreesWithBank());
    assertEquals(Money.of(INR, new BigDecimal("2760.00")),
        postgres.journal().balance(SHG, Chart.BANK, LocalDate.MAX).net());
    BooksImportResult again = onBoth(store ->
        BooksImport.run(store.engine(), SHG, meetings, passbook, BooksImport.Options.defaults()));
    assertEquals(List.of(), again.recorded());
  }

  @Test
  void aRegisterTheBooksRefuseAtItsLastRowKeepsNothingOfEitherFile() {
    Path meetings = write("meetings.csv", MEETINGS + "2024-06-08,M02,,,9000\n");
    Path passbook = write("passbook.csv", PASSBOOK);
    String message = onBoth(store -> assertThrows(ImportException.class, () ->
        BooksImport.run(store.engine(), SHG, meetings, passbook, BooksImport.Options.defaults())).getMessage());
    assertTrue(message.startsWith(meetings + ":8:5: the books refuse 2024-06-08 M02: loan"), message);
    assertEquals(List.of(), postgres.journal().entries(SHG));
  }
}
