package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code shg loan-schedule}: the issue's two worked examples in every format, defaults, errors. */
class LoanScheduleCommandTest {

  static final String[] FLAT_EXAMPLE = {
    "loan-schedule", "--principal", "1000", "--annual-rate", "12", "--instalments", "3",
    "--method", "flat", "--instalment-multiple", "1", "--start", "2025-04-01"
  };

  static final String[] EMI_EXAMPLE = {
    "loan-schedule", "--principal", "5000", "--monthly-rate", "1", "--instalments", "18",
    "--method", "emi", "--instalment-multiple", "1", "--rounding-mode", "half-even", "--start", "2025-04-01"
  };

  /** Runs shg with loan-schedule registered, whether or not Shg lists it already. */
  static Run loanSchedule(String... args) {
    return Run.shg(LoanScheduleCommandTest::register, args);
  }

  static void register(CommandLine commandLine) {
    if (!commandLine.getSubcommands().containsKey("loan-schedule")) {
      commandLine.addSubcommand("loan-schedule", new LoanScheduleCommand());
    }
  }

  static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void flatWorkedExampleAsCsv() {
    Run run = loanSchedule(with(FLAT_EXAMPLE, "--format", "csv"));

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(
        """
        n,due_date,principal,interest,payment,balance
        1,2025-05-01,333.00,10.00,343.00,667.00
        2,2025-06-01,333.00,10.00,343.00,334.00
        3,2025-07-01,334.00,10.00,344.00,0.00
        """,
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void emiWorkedExampleAsCsv() {
    Run run = loanSchedule(with(EMI_EXAMPLE, "--format", "csv"));

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(
        """
        n,due_date,principal,interest,payment,balance
        1,2025-05-01,255.00,50.00,305.00,4745.00
        2,2025-06-01,257.55,47.45,305.00,4487.45
        3,2025-07-01,260.13,44.87,305.00,4227.32
        4,2025-08-01,262.73,42.27,305.00,3964.59
        5,2025-09-01,265.35,39.65,305.00,3699.24
        6,2025-10-01,268.01,36.99,305.00,3431.23
        7,2025-11-01,270.69,34.31,305.00,3160.54
        8,2025-12-01,273.39,31.61,305.00,2887.15
        9,2026-01-01,276.13,28.87,305.00,2611.02
        10,2026-02-01,278.89,26.11,305.00,2332.13
        11,2026-03-01,281.68,23.32,305.00,2050.45
        12,2026-04-01,284.50,20.50,305.00,1765.95
        13,2026-05-01,287.34,17.66,305.00,1478.61
        14,2026-06-01,290.21,14.79,305.00,1188.40
        15,2026-07-01,293.12,11.88,305.00,895.28
        16,2026-08-01,296.05,8.95,305.00,599.23
        17,2026-09-01,299.01,5.99,305.00,300.22
        18,2026-10-01,300.22,3.00,303.22,0.00
        """,
        run.out());
  }

  @Test
  void textIsATableWithIndianGroupingAndTotals() {
    Run run = loanSchedule(FLAT_EXAMPLE);

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(
        """
        Loan of 1,000.00 INR at 12% a year, flat rate, 3 monthly instalments
        Disbursed 2025-04-01, first due 2025-05-01
        Instalments in multiples of 1.00 (half-even), interest to 0.01 (half-even) at the period rate

        n  due date    principal  interest   payment  balance
        -  ----------  ---------  --------  --------  -------
        1  2025-05-01     333.00     10.00    343.00   667.00
        2  2025-06-01     333.00     10.00    343.00   334.00
        3  2025-07-01     334.00     10.00    344.00     0.00
        -  ----------  ---------  --------  --------  -------
           Total        1,000.00     30.00  1,030.00
        """,
        run.out());
  }

  @Test
  void textTotalsOfTheEmiExample() {
    List<String> lines = loanSchedule(EMI_EXAMPLE).out().lines().toList();

    assertEquals("    Total        5,000.00    488.22  5,488.22", lines.get(lines.size() - 1));
    assertEquals("18  2026-10-01     300.22      3.00    303.22      0.00", lines.get(lines.size() - 3));
    assertTrue(lines.contains(" 1  2025-05-01     255.00     50.00    305.00  4,745.00"), String.join("\n", lines));
  }

  @Test
  void jsonHoldsTheTermsTheInstalmentsAndTheTotals() {
    Run run = loanSchedule(with(FLAT_EXAMPLE, "--format", "json"));

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(
        """
        {
          "schema" : "shg.loan-schedule/1",
          "report" : "loan-schedule",
          "title" : "Loan schedule",
          "facts" : {
            "currency" : "INR",
            "principal" : "1000.00",
            "rate_percent" : 12,
            "rate_per" : "year",
            "method" : "flat",
            "frequency" : "monthly",
            "start" : "2025-04-01",
            "first_due" : "2025-05-01",
            "grace_principal" : 0,
            "instalment_multiple" : "1.00",
            "rounding_mode" : "half-even",
            "interest_days" : "period"
          },
          "tables" : {
            "instalments" : {
              "columns" : [
                "n",
                "due_date",
                "principal",
                "interest",
                "payment",
                "balance"
              ],
              "rows" : [
                {
                  "n" : 1,
                  "due_date" : "2025-05-01",
                  "principal" : "333.00",
                  "interest" : "10.00",
                  "payment" : "343.00",
                  "balance" : "667.00"
                },
                {
                  "n" : 2,
                  "due_date" : "2025-06-01",
                  "principal" : "333.00",
                  "interest" : "10.00",
                  "payment" : "343.00",
                  "balance" : "334.00"
                },
                {
                  "n" : 3,
                  "due_date" : "2025-07-01",
                  "principal" : "334.00",
                  "interest" : "10.00",
                  "payment" : "344.00",
                  "balance" : "0.00"
                }
              ],
              "total" : {
                "principal" : "1000.00",
                "interest" : "30.00",
                "payment" : "1030.00"
              }
            }
          }
        }
        """,
        run.out());
  }

  @Test
  void firstDueWithoutStartCountsOnePeriodBack() {
    Run run = loanSchedule("loan-schedule", "--principal", "1000", "--monthly-rate", "1", "--instalments", "2",
        "--method", "equal-principal", "--frequency", "fortnightly", "--first-due", "2025-04-15",
        "--interest-days", "actual-365", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    // 12 % a year on actual days: 14 days on 1,000 = 4.60 (4.6027...), then 14 days on 500 = 2.30.
    assertEquals(
        """
        n,due_date,principal,interest,payment,balance
        1,2025-04-15,500.00,4.60,504.60,500.00
        2,2025-04-29,500.00,2.30,502.30,0.00
        """,
        run.out());
  }

  @Test
  void gracePeriodAndHalfUpRounding() {
    Run run = loanSchedule("loan-schedule", "--principal", "1000", "--monthly-rate", "1.25", "--instalments", "3",
        "--method", "flat", "--grace-principal", "1", "--rounding-mode", "half-up", "--start", "2025-01-31",
        "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(
        """
        n,due_date,principal,interest,payment,balance
        1,2025-02-28,0.00,12.50,12.50,1000.00
        2,2025-03-31,500.00,12.50,512.50,500.00
        3,2025-04-30,500.00,12.50,512.50,0.00
        """,
        run.out());
  }

  @Test
  void textNamesTheInterestOnlyInstalments() {
    String text = loanSchedule(
        "loan-schedule", "--principal", "12000", "--monthly-rate", "2", "--instalments", "6",
        "--method", "equal-principal", "--frequency", "fortnightly", "--grace-principal", "2",
        "--start", "2025-04-05", "--interest-days", "actual-365", "--instalment-multiple", "1").out();

    assertTrue(text.contains("The first 2 instalments pay interest only\n"), text);
    assertTrue(text.contains("on actual days / 365\n"), text);
    // 24 % a year on 12,000 for 14 days: 110.465... -> 110.47.
    assertTrue(text.contains("1  2025-04-19       0.00    110.47     110.47  12,000.00\n"), text);
    assertTrue(text.contains("   Total       12,000.00    497.11  12,497.11\n"), text);
    assertTrue(loanSchedule(with(FLAT_EXAMPLE, "--grace-principal", "1")).out()
        .contains("The first instalment pays interest only\n"));
  }

  @Test
  void helpDocumentsEveryDefault() {
    Run run = loanSchedule("loan-schedule", "--help");

    assertEquals(ExitCodes.OK, run.exitCode());
    String help = run.out().replaceAll("\\s+", " ");
    assertAll(
        () -> assertTrue(help.startsWith("Usage: shg loan-schedule "), help),
        () -> assertTrue(help.contains("How often instalments fall due. Default: monthly."), help),
        () -> assertTrue(help.contains("Default: 0.01."), help),
        () -> assertTrue(help.contains("Default: half-even."), help),
        () -> assertTrue(help.contains("Default: period."), help),
        () -> assertTrue(help.contains("Default: text."), help),
        () -> assertTrue(help.contains("Default: INR."), help),
        () -> assertTrue(help.contains("only. Default: 0."), help),
        () -> assertTrue(help.contains("(--annual-rate=R | --monthly-rate=R)"), help));
  }

  @Test
  void wrongCommandLinesExitWithTheUsageCode() {
    assertAll(
        () -> assertUsageError("mutually exclusive",
            "loan-schedule", "--principal", "1000", "--annual-rate", "12", "--monthly-rate", "1",
            "--instalments", "3", "--method", "flat"),
        () -> assertUsageError("--annual-rate=R | --monthly-rate=R",
            "loan-schedule", "--principal", "1000", "--instalments", "3", "--method", "flat"),
        () -> assertUsageError("'bullet' is not one of flat, emi, equal-principal",
            "loan-schedule", "--principal", "1000", "--annual-rate", "12", "--instalments", "3", "--method", "bullet"),
        () -> assertUsageError("'half-down' is not one of half-up, half-even",
            with(FLAT_EXAMPLE, "--rounding-mode", "half-down")),
        () -> assertUsageError("Invalid loan: the loan would be repaid by instalment 11 of 12",
            "loan-schedule", "--principal", "1000", "--monthly-rate", "1", "--instalments", "12",
            "--method", "emi", "--instalment-multiple", "100"),
        () -> assertUsageError("Invalid loan: --principal 1000.005 has more decimal places than INR allows",
            "loan-schedule", "--principal", "1000.005", "--monthly-rate", "1", "--instalments", "12", "--method", "emi"),
        () -> assertUsageError("Invalid loan: Unknown currency 'XYZ'", with(FLAT_EXAMPLE, "--currency", "XYZ")),
        () -> assertUsageError("Invalid loan: interest-only instalments", with(FLAT_EXAMPLE, "--grace-principal", "3")),
        () -> assertUsageError("Invalid loan: a loan has between 1 and 600 instalments",
            "loan-schedule", "--principal", "1000", "--monthly-rate", "1", "--instalments", "601", "--method", "emi"),
        () -> assertUsageError("'2025-02-30'", with(FLAT_EXAMPLE, "--first-due", "2025-02-30")));
  }

  private static void assertUsageError(String expected, String... args) {
    Run run = loanSchedule(args);
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertEquals("", run.out());
  }
}
