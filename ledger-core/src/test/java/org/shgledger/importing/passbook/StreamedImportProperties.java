package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.store.LedgerStore;

/**
 * An import over a store's own unit of work records the lines while it checks the rest of the
 * file (and reads it on a second thread); one over a unit that does not say it undoes failed work
 * checks the whole file first and then records it. Both must end alike, whatever the file: the
 * same report, or the same problems in the same order with nothing written; and the same book,
 * row for row (every stored column but the recording instant, which the chain's hash covers: each
 * book's chain verifies, so the hashes differ by the clock alone), month-end balances included.
 *
 * <p>The passbooks are {@link PassbookProperties}'s, with cash deposits that the books refuse
 * when the cash box (empty at first) is short, in small batches so that a streamed import has recorded several
 * before it meets a problem; they are spoiled as there, listed either way, and imported into an
 * empty book or over an earlier import of their first lines.
 */
class StreamedImportProperties {

  private Path directory;
  private LedgerStore checkedFirst;
  private LedgerStore streamed;

  @BeforeTry
  void stores() throws IOException {
    Path shm = Path.of("/dev/shm");
    directory = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "shg-streamed-import")
        : Files.createTempDirectory("shg-streamed-import");
    checkedFirst = LedgerStore.openSqlite(directory.resolve("checked-first.db"));
    streamed = LedgerStore.openSqlite(directory.resolve("streamed.db"));
    for (LedgerStore store : List.of(checkedFirst, streamed)) {
      // no cash in the box: a cash deposit before a cash withdrawal brought some is refused
      Books.prepare(store.journal());
    }
  }

  @AfterTry
  void remove() throws IOException {
    checkedFirst.close();
    streamed.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Provide
  Arbitrary<List<PassbookProperties.Line>> passbooks() {
    return PassbookProperties.passbooks(List.of("SB INTEREST", "SMS CHARGES", "GRANT RF", "BY CASH", "CASH WDL"));
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
  void streamingEndsExactlyAsCheckingFirst(
      @ForAll("passbooks") List<PassbookProperties.Line> lines,
      @ForAll boolean spoil,
      @ForAll PassbookProperties.Corruption corruption,
      @ForAll("positions") int position,
      @ForAll boolean newestFirst,
      @ForAll @IntRange(min = 0, max = 10) int importedBefore,
      @ForAll @IntRange(min = 1, max = 4) int batch) {
    if (importedBefore > 0 && importedBefore < lines.size()) {
      // an earlier export: the file then overlaps the book, whose lines are looked up
      String earlier = PassbookProperties.csv(lines.subList(0, importedBefore));
      Outcome a = run(checkedFirst, true, earlier, batch);
      Outcome b = run(streamed, false, earlier, batch);
      assertEquals(a, b);
    }
    String text = PassbookProperties.csv(lines, newestFirst);
    byte[] file = spoil
        ? PassbookProperties.corrupt(text, corruption, position, new byte[] {(byte) 0xC3, 0x28})
        : text.getBytes(StandardCharsets.UTF_8);
    Outcome a = run(checkedFirst, true, file, batch);
    Outcome b = run(streamed, false, file, batch);
    assertEquals(a, b);
    assertEquals(rows(checkedFirst), rows(streamed));
    assertTrue(checkedFirst.journal().verify(GROUP).isOk());
    assertTrue(streamed.journal().verify(GROUP).isOk(), () -> streamed.journal().verify(GROUP).toString());
    Statistics.label("outcome").collect(b.refused() == null ? "imported"
        : b.refused().contains("the books refuse") ? "refused by the books" : "refused");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("imported").count(count -> count > 0);
      coverage.check("refused").count(count -> count > 0);
      coverage.check("refused by the books").count(count -> count > 0);
    });
  }

  /** The seeds' bank statements (three banks' layouts, years of lines), every line to Suspense. */
  @Example
  void theSeedsPassbooksGiveTheSameBooks() throws IOException {
    Path seeds = Path.of("..", "seeds");
    for (String folder : List.of("shg01-roshni", "shg02-pragati", "shg03-ujala")) {
      byte[] file = Files.readAllBytes(seeds.resolve(folder).resolve("passbook.csv"));
      PassbookRules none = PassbookRules.parse("rules", "");
      Outcome a = run(checkedFirst, true, file, 7, none);
      Outcome b = run(streamed, false, file, 7, none);
      assertEquals(a, b, folder);
      assertEquals(null, b.refused(), folder);
      assertEquals(rows(checkedFirst), rows(streamed), folder);
      assertTrue(streamed.journal().verify(GROUP).isOk(), folder);
      // the next statement starts where this one ended: a fresh book for each
      remove();
      stores();
    }
  }

  /** An import's report, or its problems, as text. */
  record Outcome(String report, String refused) {}

  /** The generated lines' rules; cash deposits take cash from the box, which may be short. */
  private static final PassbookRules RULES = PassbookRules.parse("rules",
      "^SB INTEREST -> 4200\n^SMS -> 5100\nGRANT -> 3000\n^BY CASH -> 1000\n^CASH WDL -> 1000\n");

  private static Outcome run(LedgerStore store, boolean checkFirst, String text, int batch) {
    return run(store, checkFirst, text.getBytes(StandardCharsets.UTF_8), batch, RULES);
  }

  private static Outcome run(LedgerStore store, boolean checkFirst, byte[] file, int batch) {
    return run(store, checkFirst, file, batch, RULES);
  }

  private static Outcome run(LedgerStore store, boolean checkFirst, byte[] file, int batch, PassbookRules rules) {
    PassbookImporter importer = new PassbookImporter(Books.engine(store.journal(),
        checkFirst ? Books.twoPasses(store.unitOfWork()) : store.unitOfWork()));
    ImportLimits limits = new ImportLimits(1_000_000, 10_000, 300, 2_000, 50);
    Supplier<InputStream> source = () -> new ByteArrayInputStream(file);
    try {
      return new Outcome(importer.importSource(GROUP, "f.csv", source,
          PassbookImporter.Options.defaults().withLimits(limits).withBatchEntries(batch).withRules(rules))
          .toString(), null);
    } catch (ImportException e) {
      return new Outcome(null, e.problems().toString() + " truncated " + e.truncated());
    }
  }

  /** Every stored row of the book but the recording instant and the hashes, in order. */
  private List<String> rows(LedgerStore store) {
    Path file = directory.resolve(store == checkedFirst ? "checked-first.db" : "streamed.db");
    String[] queries = {
      "SELECT book_id, entry_seq, entry_id, entry_date_epoch_day, memo, reverses_entry_id, source_reference,"
          + " entry_kind, member_id, loan_id, hash_version FROM journal_entry ORDER BY book_id, entry_seq",
      "SELECT * FROM posting ORDER BY book_id, entry_seq, line_no",
      "SELECT * FROM account_month_balance ORDER BY 1, 2, 3",
    };
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String query : queries) {
        try (ResultSet row = statement.executeQuery(query)) {
          int columns = row.getMetaData().getColumnCount();
          while (row.next()) {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              text.append(row.getString(i)).append('|');
            }
            rows.add(text.toString());
          }
        }
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
    return rows;
  }
}
