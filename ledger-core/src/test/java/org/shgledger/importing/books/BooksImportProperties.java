package org.shgledger.importing.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * A generated year of a group's meeting register and passbook ({@link GeneratedYear}), imported
 * combined, leaves the bank account at the passbook's last balance exactly and the cash box at
 * what the year left in it, never below zero on any day; importing it again records nothing; and
 * where the register and then the passbook can be imported one after the other, they give the
 * same books (which they must when no loan needed money from the bank).
 *
 * <p>On SQLite stores (in {@code /dev/shm} where there is one), one for the combined import and
 * one for the separate imports, a new group in each for each try.
 */
class BooksImportProperties {

  private static final PassbookRules RULES = PassbookRules.parse("year.rules", GeneratedYear.RULES);
  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static final AtomicInteger DREW = new AtomicInteger();
  private static final AtomicInteger SEPARATE_WORKED = new AtomicInteger();

  private static Path directory;
  private static LedgerStore combined;
  private static LedgerStore separate;

  @BeforeContainer
  static void openStores() throws IOException {
    Path shm = Path.of("/dev/shm");
    directory = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "shg-books-years")
        : Files.createTempDirectory("shg-books-years");
    combined = LedgerStore.openSqlite(directory.resolve("combined.db"));
    separate = LedgerStore.openSqlite(directory.resolve("separate.db"));
  }

  /** The years must both need the bank and not, and the separate imports must work for some. */
  @AfterContainer
  static void bothKindsOfYearWereGenerated() {
    assertTrue(DREW.get() > 5, "only " + DREW.get() + " years drew cash from the bank to lend");
    assertTrue(GROUPS.get() - DREW.get() > 5, "only " + (GROUPS.get() - DREW.get()) + " years did not");
    assertTrue(SEPARATE_WORKED.get() > 5, "the separate imports worked for only " + SEPARATE_WORKED.get());
  }

  @AfterContainer
  static void closeStores() throws IOException {
    combined.close();
    separate.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Provide
  Arbitrary<GeneratedYear> years() {
    return Arbitraries.randomValue(GeneratedYear::generate);
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void aYearImportedCombinedReconcilesToTheBankAndAgainRecordsNothing(@ForAll("years") GeneratedYear year)
      throws IOException {
    BookId code = BookId.of("Y" + GROUPS.incrementAndGet());
    Path meetings = Files.writeString(directory.resolve(code + "-meetings.csv"), year.meetings());
    Path passbook = Files.writeString(directory.resolve(code + "-passbook.csv"), year.passbook());
    BooksImport.Options options =
        BooksImport.Options.defaults().withPassbook(PassbookImporter.Options.defaults().withRules(RULES));
    YearBooks.create(combined.engine(), code);

    BooksImportResult result = BooksImport.run(combined.engine(), code, meetings, passbook, options);

    Money closing = Money.ofMajor(YearBooks.INR, year.closing());
    assertEquals(closing, result.passbook().closingBalance());
    assertEquals(closing, combined.journal().balance(code, Chart.BANK, LocalDate.MAX).net());
    assertTrue(result.agreesWithBank());
    assertEquals(Money.ofMajor(YearBooks.INR, year.cash()), combined.journal().balance(code, Chart.CASH,
        LocalDate.MAX).net());
    for (LocalDate day = LocalDate.of(2024, 4, 1); day.isBefore(LocalDate.of(2025, 4, 1)); day = day.plusDays(1)) {
      assertFalse(combined.journal().balance(code, Chart.CASH, day).net().isNegative(), "cash on " + day);
    }
    List<String> once = YearBooks.snapshot(combined, code);

    BooksImportResult again = BooksImport.run(combined.engine(), code, meetings, passbook, options);
    assertEquals(List.of(), again.recorded());
    assertEquals(result.meetings().recorded().size(), again.meetings().alreadyRecorded());
    assertEquals(result.passbook().recorded(), again.passbook().alreadyRecorded());
    assertEquals(once, YearBooks.snapshot(combined, code));

    Statistics.label("draws from the bank").collect(year.drawsFromBank());
    if (year.drawsFromBank()) {
      DREW.incrementAndGet();
    }
    YearBooks.create(separate.engine(), code);
    try {
      MeetingImport.run(separate.engine(), code, meetings, RegisterLimits.DEFAULT, false);
      new PassbookImporter(separate.engine())
          .importFile(code, passbook, PassbookImporter.Options.defaults().withRules(RULES));
    } catch (ImportException e) {
      Statistics.label("separate imports").collect("refused");
      assertTrue(year.drawsFromBank(), "the separate imports refused a year that never drew cash from the bank: "
          + e.getMessage());
      return;
    }
    Statistics.label("separate imports").collect("worked");
    SEPARATE_WORKED.incrementAndGet();
    assertEquals(once, YearBooks.snapshot(separate, code));
  }
}
