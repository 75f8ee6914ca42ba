package org.shgledger.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.loan.Schedule;

/**
 * A member loan's repayment schedule (org.shgledger.loan): ₹25,000 at 2 % a month, flat and
 * declining-balance EMI, over 12 and 60 monthly instalments, terms checked and every instalment
 * rounded. Results: docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScheduleBenchmark {

  /** How the loan is repaid. */
  @Param({"FLAT", "EMI"})
  public RepaymentMethod method;

  /** Number of monthly instalments. */
  @Param({"12", "60"})
  public int instalments;

  /**
   * Makes the terms and their schedule.
   *
   * @return the schedule
   */
  @Benchmark
  public Schedule schedule() {
    return LoanTerms.of(Money.of(Books.INR, 25_000), InterestRate.perMonth(BigDecimal.valueOf(2)),
        method, instalments, Frequency.MONTHLY, LocalDate.of(2025, 4, 10)).schedule();
  }
}
