package org.shgledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes one long bank passbook for the end-to-end benchmark (bench/run), streaming, in the
 * {@code generic} layout ({@code Date,Narration,Withdrawal,Deposit,Balance}, {@code dd/MM/yyyy},
 * oldest first), and the rules that classify every line; deterministic for a seed.
 *
 * <p>The lines are what a busy group account sees: Revolving Fund and grant credits, bank
 * interest, charges and payments to suppliers, 40 a day from 1 January 2000, the balance never
 * below zero. None of them touches the cash box, so the import's cash limit never refuses one;
 * one line in fifty has a narration no rule knows and goes to Suspense (9999), as real files do.
 * Amounts are written without grouping so that hledger's CSV reader takes them as they are.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.shgledger.bench.BenchPassbook ROWS OUT.csv [SEED]}
 */
public final class BenchPassbook {

  /** Lines per day. */
  static final int LINES_PER_DAY = 40;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private BenchPassbook() {}

  /**
   * Writes the passbook.
   *
   * @param args the number of lines, the file, and optionally the seed (default 1)
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: BenchPassbook ROWS OUT.csv [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[0]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
    write(rows, Path.of(args[1]), seed);
  }

  /**
   * Writes {@code rows} lines to {@code out}.
   *
   * @param rows how many transaction lines
   * @param out the file
   * @param seed the seed of the amounts and narrations
   * @throws IOException if the file cannot be written
   */
  static void write(long rows, Path out, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate day = LocalDate.of(2000, 1, 1);
    long balancePaise = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("Date,Narration,Withdrawal,Deposit,Balance\n");
      for (long i = 0; i < rows; i++) {
        if (i > 0 && i % LINES_PER_DAY == 0) {
          day = day.plusDays(1);
        }
        int kind = random.nextInt(50);
        boolean deposit;
        String narration;
        long amount;
        if (kind == 0) {
          deposit = balancePaise > 1_000_000 ? random.nextBoolean() : true;
          narration = "UNKNOWN TRANSFER " + random.nextInt(1_000_000);
          amount = 100 * (1 + random.nextInt(5_000));
        } else if (kind < 20 || balancePaise < 2_000_000) {
          deposit = true;
          if (kind % 3 == 0) {
            narration = "CREDIT INTEREST";
            amount = 1 + random.nextInt(50_000);
          } else {
            narration = "NEFT REVOLVING FUND VO" + (1 + random.nextInt(200));
            amount = 100 * (100 + random.nextInt(20_000));
          }
        } else {
          deposit = false;
          if (kind < 35) {
            narration = "SMS CHGS " + (1 + random.nextInt(12)) + " INCL GST";
            amount = 100 + random.nextInt(2_000);
          } else {
            narration = "NEFT ASHA TRADERS INV" + random.nextInt(100_000);
            amount = 100 * (10 + random.nextInt(Math.max(1, (int) Math.min(15_000, balancePaise / 400))));
          }
        }
        if (!deposit && amount > balancePaise) {
          amount = balancePaise;
          if (amount == 0) {
            deposit = true;
            amount = 10_000;
          }
        }
        balancePaise += deposit ? amount : -amount;
        w.write(DATE.format(day));
        w.write(',');
        w.write(narration);
        w.write(',');
        w.write(deposit ? "" : rupees(amount));
        w.write(',');
        w.write(deposit ? rupees(amount) : "");
        w.write(',');
        w.write(rupees(balancePaise));
        w.write('\n');
      }
    }
  }

  private static String rupees(long paise) {
    long whole = paise / 100;
    long part = paise % 100;
    return whole + (part < 10 ? ".0" : ".") + part;
  }
}
