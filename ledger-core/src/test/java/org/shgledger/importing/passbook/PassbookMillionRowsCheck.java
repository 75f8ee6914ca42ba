package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shgledger.group.UnitOfWork;
import org.shgledger.journal.InMemoryJournal;

/**
 * A passbook of a million lines streams through the check pass with flat memory, listed oldest
 * first and newest first (which goes through a temporary file read from its end). Not in CI (it
 * takes tens of seconds): {@code mvn -o -B test -pl ledger-core -Dtest=PassbookMillionRowsCheck
 * -Dshg.passbook.million=true}.
 */
@EnabledIfSystemProperty(named = "shg.passbook.million", matches = "true")
class PassbookMillionRowsCheck {

  private static final int ROWS = 1_000_000;

  /** A line's movement: deposits but every third line. */
  private static long net(int row) {
    long amountMinor = 100 + row % 997;
    return row % 3 != 2 ? amountMinor : -amountMinor;
  }

  /** Writes the passbook line by line as it is read, so the test itself holds none of it. */
  static InputStream generated(boolean newestFirst) {
    long closing = 0;
    for (int row = 0; row < ROWS; row++) {
      closing += net(row);
    }
    long closingMinor = closing;
    return new InputStream() {
      private final DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      private byte[] current = "Date,Narration,Withdrawal,Deposit,Balance\n".getBytes(StandardCharsets.UTF_8);
      private int position;
      private int written;
      private long balanceMinor = newestFirst ? closingMinor : 0;

      @Override
      public int read() {
        if (position == current.length) {
          if (written == ROWS) {
            return -1;
          }
          int row = newestFirst ? ROWS - 1 - written : written;
          LocalDate date = LocalDate.of(2000, 1, 1).plusDays(row / 100);
          boolean deposit = net(row) > 0;
          long amountMinor = Math.abs(net(row));
          if (!newestFirst) {
            balanceMinor += net(row);
          }
          String amount = amountMinor / 100 + "." + String.format("%02d", amountMinor % 100);
          String balance = balanceMinor / 100 + "." + String.format("%02d", balanceMinor % 100);
          current = (date.format(format) + ",LINE " + row + " SB INTEREST,"
              + (deposit ? "," + amount : amount + ",") + "," + balance + "\n")
              .getBytes(StandardCharsets.UTF_8);
          if (newestFirst) {
            balanceMinor -= net(row);
          }
          position = 0;
          written++;
        }
        return current[position++] & 0xff;
      }
    };
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aMillionLinesAreCheckedInFlatMemory(boolean newestFirst) {
    PassbookImporter importer =
        new PassbookImporter(Books.engine(Books.prepare(new InMemoryJournal())));
    Runtime runtime = Runtime.getRuntime();
    long[] peakUsedBytes = {0};
    PassbookImporter.Progress progress = new PassbookImporter.Progress() {
      @Override
      public void checked(long lines) {
        if (lines % 100_000 == 0) {
          System.gc();
          peakUsedBytes[0] = Math.max(peakUsedBytes[0], runtime.totalMemory() - runtime.freeMemory());
        }
      }
    };
    long start = System.nanoTime();
    PassbookImportReport report =
        importer.importSource(Books.GROUP, "million.csv", () -> generated(newestFirst),
            PassbookImporter.Options.defaults().withDryRun(true).withProgress(progress));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.println("1M lines " + (newestFirst ? "newest" : "oldest") + " first checked in " + seconds + " s, peak heap after GC "
        + peakUsedBytes[0] / (1024 * 1024) + " MiB");
    assertEquals(ROWS, report.lines());
    assertEquals(newestFirst, report.newestFirst());
    assertEquals(LocalDate.of(2000, 1, 1), report.firstDate().orElseThrow());
    assertTrue(peakUsedBytes[0] < 96L * 1024 * 1024, "heap grew: " + peakUsedBytes[0]);
  }
}
