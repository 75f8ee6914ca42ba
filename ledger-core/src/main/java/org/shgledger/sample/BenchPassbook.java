package org.shgledger.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.SplittableRandom;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A made-up group bank statement of any number of lines, for benchmarks: every line's balance
 * follows from the one before, and every line can be imported on its own into a new group
 * (created with {@link #groupFile}, imported with {@link #RULES_FILE}) without a meeting register:
 *
 * <ul>
 *   <li>money comes into the account from outside the books' cash box: the Revolving Fund grant
 *       ({@code 3000}), a bank loan's disbursal ({@code 2200}) and savings-bank interest ({@code
 *       4200});
 *   <li>money goes out only within the account's balance: cash drawn for the group ({@code 1000}),
 *       the bank loan's instalments within what is owed ({@code 2200}), SMS charges ({@code 5100});
 *   <li>cash is deposited back ({@code BY CASH}, {@code 1000}) only within the cash drawn and not
 *       yet deposited, so the cash box never goes below zero either.
 * </ul>
 *
 * <p>Nothing goes to Suspense. The lines are spread evenly over the years asked for, from {@link
 * #opened}, several a day when there are many. They are written one at a time: a statement of a
 * million lines needs no more memory than one of ten. The same seed gives the same bytes.
 */
public final class BenchPassbook {

  /** The code of the group the statement belongs to. */
  public static final String GROUP_CODE = "BENCH";

  /**
   * Grants and loans stop coming in while the bank and the cash box together hold ₹1 crore, so a
   * statement of millions of lines stays within the journal's amount limits (interest alone adds
   * a few crore over a million lines).
   */
  private static final long FUNDS_CAP_PAISE = 1_000_000_000L;

  /**
   * The day the account was opened, with a balance of zero, and the statement's first day, when
   * the statement fits before {@link SampleGroups#LAST_DAY}: see {@link #opened}.
   */
  public static final LocalDate OPENED = LocalDate.of(2020, 4, 1);

  /**
   * The day the account of a statement of so many years was opened: {@link #OPENED}, or as many
   * whole years earlier as it takes for the statement to end by {@link SampleGroups#LAST_DAY}.
   *
   * @param years over how many years the lines are spread, at least 1
   * @return the statement's first day, which is also its group's formation, not null
   */
  public static LocalDate opened(int years) {
    LocalDate opened = OPENED;
    while (opened.plusYears(years).minusDays(1).isAfter(SampleGroups.LAST_DAY)) {
      opened = opened.minusYears(1);
    }
    return opened;
  }

  /**
   * The arguments of {@code shg group create} for the statement's group, as {@code group.txt}.
   *
   * @param formed the group's formation: the statement's first day ({@link #opened}), not null
   * @return the file's text, not null
   */
  public static String groupFile(LocalDate formed) {
    return GROUP_FILE.replace("{formed}", formed.toString());
  }

  private static final String GROUP_FILE = """
      # A made-up group for benchmarks (shg generate --passbook-rows): the arguments of
      # shg group create, one a line, as in seeds/.
      BENCH
      --name Benchmark Sample Group
      --currency INR
      --formed {formed}
      --frequency monthly
      --monthly-savings 100
      --rounding whole
      --year-start 4
      --loan-monthly-rate 2
      --loan-method flat
      --loan-instalments 10
      """;

  /** The passbook rules that send every narration of the statement to its account. */
  public static final String RULES_FILE = """
      # Rules for the benchmark passbook (shg generate --passbook-rows), PATTERN -> ACCOUNT.
      ^BY CASH$               -> 1000
      ^CASH WITHDRAWAL        -> 1000
      ^CREDIT INTEREST$       -> 4200
      ^SMS CHGS               -> 5100
      REVOLVING FUND          -> 3000
      ^SHG LOAN               -> 2200
      """;

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final Money SMS_CHARGE = Money.ofMinor(INR, 1770);

  private BenchPassbook() {}

  /**
   * What a written statement holds.
   *
   * @param lines the number of lines
   * @param first the first line's date, not null
   * @param last the last line's date, not null
   * @param deposits the sum of the deposits, not null
   * @param withdrawals the sum of the withdrawals, not null
   * @param closingBalance the last line's balance, not null
   */
  public record Summary(long lines, LocalDate first, LocalDate last, Money deposits, Money withdrawals,
      Money closingBalance) {}

  /**
   * Writes {@code group.txt}, {@code rules.txt} and {@code passbook.csv} for the statement's group
   * into a folder, creating it.
   *
   * @param folder the folder, not null
   * @param lines how many lines the statement has, at least 1
   * @param seed the seed of the pseudo-random choices
   * @param years over how many years the lines are spread, at least 1
   * @param layout the bank's layout, not null
   * @return what the statement holds, not null
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Summary writeFolder(Path folder, long lines, long seed, int years, BankLayout layout) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("group.txt"), groupFile(opened(years)), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("rules.txt"), RULES_FILE, StandardCharsets.UTF_8);
      try (Writer out = new BufferedWriter(
          Files.newBufferedWriter(folder.resolve("passbook.csv"), StandardCharsets.UTF_8), 1 << 16)) {
        return write(out, lines, seed, years, layout);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark passbook in " + folder, e);
    }
  }

  /**
   * Writes the statement, line by line.
   *
   * @param out where to write, not null; not closed
   * @param lines how many lines, at least 1
   * @param seed the seed of the pseudo-random choices
   * @param years over how many years the lines are spread, at least 1
   * @param layout the bank's layout, not null
   * @return what the statement holds, not null
   * @throws IllegalArgumentException if lines or years is below 1
   * @throws UncheckedIOException if writing fails
   */
  public static Summary write(Writer out, long lines, long seed, int years, BankLayout layout) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(layout, "layout");
    if (lines < 1 || years < 1) {
      throw new IllegalArgumentException("a statement needs at least one line and one year");
    }
    LocalDate opened = opened(years);
    long days = opened.plusYears(years).toEpochDay() - opened.toEpochDay();
    SplittableRandom random = new SplittableRandom(seed);
    layout.writeHeader(out, "BENCHMARK SAMPLE GROUP", "00000000000000", opened);
    Money zero = Money.zero(INR);
    Money bank = zero;
    Money cash = zero;
    Money loan = zero;
    Money deposits = zero;
    Money withdrawals = zero;
    LocalDate date = opened;
    for (long i = 0; i < lines; i++) {
      // i * days fits a long for any statement that fits a disk
      date = opened.plusDays(i * days / lines);
      int pick = random.nextInt(100);
      String narration;
      String reference = "";
      Money in = zero;
      Money out2 = zero;
      if (pick < 30 && cash.getAmountMinorLong() >= 10_000) {
        narration = "BY CASH";
        in = hundreds(random, Math.min(cash.getAmountMinorLong(), Math.max(2_000_000, cash.getAmountMinorLong() / 2)));
        cash = cash.minus(in);
      } else if (pick < 60 && bank.getAmountMinorLong() >= 10_000) {
        narration = "CASH WITHDRAWAL SELF";
        reference = String.format("%06d", random.nextInt(1_000_000));
        // larger withdrawals from a larger balance, so that the balance stays within lakhs
        out2 = hundreds(random, Math.min(bank.getAmountMinorLong(), Math.max(2_000_000, bank.getAmountMinorLong() / 3)));
        cash = cash.plus(out2);
      } else if (pick < 70 && bank.isGreaterThan(SMS_CHARGE)) {
        narration = "SMS CHGS FOR QTR ENDED " + quarter(date);
        out2 = SMS_CHARGE;
      } else if (pick < 80 && loan.isPositive() && bank.getAmountMinorLong() >= 10_000) {
        narration = "SHG LOAN EMI RECOVERED";
        reference = "LN" + String.format("%08d", seed & 0xFFFFFFL);
        out2 = hundreds(random, Math.min(Math.min(loan.getAmountMinorLong(), bank.getAmountMinorLong()), 1_000_000));
        loan = loan.minus(out2);
      } else if (pick < 84 && bank.plus(cash).getAmountMinorLong() < FUNDS_CAP_PAISE) {
        narration = "NEFT CR REVOLVING FUND FROM VO";
        reference = "N" + String.format("%09d", random.nextInt(1_000_000_000));
        in = Money.ofMinor(INR, 500_000L * (3 + random.nextInt(8)));
      } else if (pick < 87 && loan.isZero() && bank.plus(cash).getAmountMinorLong() < FUNDS_CAP_PAISE) {
        narration = "SHG LOAN DISBURSAL";
        reference = "LN" + String.format("%08d", seed & 0xFFFFFFL);
        in = Money.ofMinor(INR, 5_000_000L * (1 + random.nextInt(4)));
        loan = loan.plus(in);
      } else {
        narration = "CREDIT INTEREST";
        in = Money.ofMinor(INR, 100 + random.nextInt(99_900));
      }
      bank = bank.plus(in).minus(out2);
      deposits = deposits.plus(in);
      withdrawals = withdrawals.plus(out2);
      layout.writeLine(out, i + 1, new BankLine(date, narration, reference, out2, in, bank));
    }
    return new Summary(lines, opened, date, deposits, withdrawals, bank);
  }

  /** A whole number of hundreds of rupees, at least one hundred and at most {@code maxPaise}. */
  private static Money hundreds(SplittableRandom random, long maxPaise) {
    long hundreds = maxPaise / 10_000;
    return Money.ofMinor(INR, 10_000L * (1 + random.nextLong(hundreds)));
  }

  /** The quarter before the date, as banks name it: {@code JUN24}. */
  private static String quarter(LocalDate date) {
    LocalDate end = date.withDayOfMonth(1).minusMonths((date.getMonthValue() - 1) % 3 + 1);
    return end.getMonth().name().substring(0, 3) + String.format("%02d", end.getYear() % 100);
  }
}
