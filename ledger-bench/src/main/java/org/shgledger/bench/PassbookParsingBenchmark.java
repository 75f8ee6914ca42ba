package org.shgledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblems;
import org.shgledger.importing.passbook.PassbookLine;
import org.shgledger.importing.passbook.PassbookReader;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BenchPassbook;

/**
 * Reading a bank passbook (CSV, Commons CSV underneath) into checked lines with {@link
 * PassbookReader}: header found, dates and amounts parsed. The file is the benchmark passbook of
 * {@code shg generate --passbook-rows}, written once per trial. Results: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PassbookParsingBenchmark {

  /** Lines in the passbook. */
  @Param({"10000"})
  public int lines;

  /** The bank's layout. */
  @Param({"generic", "sbi"})
  public String layout;

  private Path file;

  /** Writes the passbook. */
  @Setup(Level.Trial)
  public void writeThePassbook() throws IOException {
    Path folder = Files.createTempDirectory("shg-bench");
    BenchPassbook.writeFolder(folder, lines, 7, 5, BankLayout.named(layout));
    file = folder.resolve("passbook.csv");
  }

  /**
   * Reads every line.
   *
   * @return the number of lines read
   */
  @Benchmark
  public int readAll() {
    int count = 0;
    try (PassbookReader reader = PassbookReader.open(CsvTable.open(file, ImportLimits.DEFAULT),
        Optional.empty(), Books.INR, new ImportProblems(100))) {
      for (Optional<PassbookLine> line = reader.next(); line.isPresent(); line = reader.next()) {
        count++;
      }
    }
    return count;
  }
}
