package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shgledger.group.UnitOfWork;
import org.shgledger.journal.InMemoryJournal;

/**
 * A passbook of a million lines streams through the check pass with flat memory. Not in CI (it
 * takes tens of seconds): {@code mvn -o -B test -pl ledger-core -Dtest=PassbookMillionRowsCheck
 * -Dshg.passbook.million=true}.
 */
@EnabledIfSystemProperty(named = "shg.passbook.million", matches = "true")
class PassbookMillionRowsCheck {

  private static final int ROWS = 1_000_000;

  /** Writes the passbook line by line as it is read, so the test itself holds none of it. */
  static InputStream generated() {
    return new InputStream() {
      private final DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
      private byte[] current = "Date,Narration,Withdrawal,Deposit,Balance\n".getBytes(StandardCharsets.UTF_8);
      private int position;
      private int row;
      private long balanceMinor;

      @Override
      public int read() {
        if (position == current.length) {
          if (row == ROWS) {
            return -1;
          }
          LocalDate date = LocalDate.of(2000, 1, 1).plusDays(row / 100);
          boolean deposit = row % 3 != 2;
          long amountMinor = 100 + row % 997;
          balanceMinor += deposit ? amountMinor : -amountMinor;
          String amount = amountMinor / 100 + "." + String.format("%02d", amountMinor % 100);
          String balance = balanceMinor / 100 + "." + String.format("%02d", balanceMinor % 100);
          current = (date.format(format) + ",LINE " + row + " SB INTEREST,"
              + (deposit ? "," + amount : amount + ",") + "," + balance + "\n")
              .getBytes(StandardCharsets.UTF_8);
          position = 0;
          row++;
        }
        return current[position++] & 0xff;
      }
    };
  }

  @Test
  void aMillionLinesAreCheckedInFlatMemory() {
    PassbookImporter importer =
        new PassbookImporter(Books.prepare(new InMemoryJournal()), UnitOfWork.immediate());
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
        importer.importSource(Books.GROUP, "million.csv", PassbookMillionRowsCheck::generated,
            PassbookImporter.Options.defaults().withDryRun(true).withProgress(progress));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.println("1M lines checked in " + seconds + " s, peak heap after GC "
        + peakUsedBytes[0] / (1024 * 1024) + " MiB");
    assertEquals(ROWS, report.lines());
    assertTrue(peakUsedBytes[0] < 96L * 1024 * 1024, "heap grew: " + peakUsedBytes[0]);
  }
}
