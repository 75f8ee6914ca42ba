package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code shg demo}. The expected numbers were worked out by hand from the story on {@link
 * DemoBook}:
 *
 * <pre>
 * cash      = 12 savings × ₹100 + fine ₹10 + repayment ₹220 − loan ₹1,000 − banked ₹200 = ₹230
 * bank      = ₹200
 * loans     = ₹1,000 − ₹200 principal repaid = ₹800, all M02's
 * savings   = 3 meetings × ₹100 = ₹300 a member, ₹1,200 in all
 * interest  = ₹20; fines = ₹10
 * debits    = 230 + 200 + 800 = ₹1,230 = credits = 1,200 + 20 + 10
 * </pre>
 */
class DemoCommandTest {

  private static final String EXPECTED =
      """
      Roshni Mahila Samooh (demo) [DEMO01]
      Trial balance as of 2025-06-30, amounts in INR

      code        account                         debit    credit
      ----------  ---------------------------  --------  --------
      1000        Cash in hand                   230.00
      1100        Bank — group SB account        200.00
      1200        Loans to members               800.00
        1200:M02    Loan to M02                  800.00
      2000        Members' compulsory savings            1,200.00
        2000:M01    Savings of M01                         300.00
        2000:M02    Savings of M02                         300.00
        2000:M03    Savings of M03                         300.00
        2000:M04    Savings of M04                         300.00
      4000        Interest on member loans                  20.00
      4100        Fines and penalties                       10.00
      ----------  ---------------------------  --------  --------
                  Total                        1,230.00  1,230.00

      Indented lines are member sub-ledgers, already counted in the account above them.
      Assets = Liabilities + Equity + Income − Expenses
      1,230.00 = 1,200.00 + 0.00 + 30.00 − 0.00 (holds)
      """;

  @Test
  void printsTheTrialBalanceOfTheDemoBook() {
    Run run = Run.shg("demo");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals(EXPECTED, run.out());
    assertEquals("", run.err());
  }

  @Test
  void totalsBalance() {
    String totals =
        Run.shg("demo").out().lines().filter(line -> line.contains("Total")).findFirst().orElseThrow();

    assertEquals(
        "Total 1,230.00 1,230.00", totals.strip().replaceAll(" +", " "), "debit and credit totals");
  }

  @Test
  void membersWithoutALoanHaveNoLoanLine() {
    String out = Run.shg("demo").out();

    assertTrue(out.contains("1200:M02"), out);
    assertTrue(!out.contains("1200:M01") && !out.contains("1200:M03") && !out.contains("1200:M04"), out);
  }

  @Test
  void verboseChangesNothingWhenAllGoesWell() {
    assertEquals(EXPECTED, Run.shg("--verbose", "demo").out());
    assertEquals(EXPECTED, Run.shg("demo", "--verbose").out());
  }
}
