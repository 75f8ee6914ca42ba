package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg grade}: the scorecards of UnitBooks' groups over April 2024 – March 2025, worked by
 * hand under the default policy:
 *
 * <ul>
 *   <li>SHG01: 12 of 12 meetings; M03 missed October: attendance 47/48, savers 3/4; the loan repaid
 *       (lending 0, repayment 1); last entry 5 March, 26 days. 10 + 9.792 + 15 + 0 + 20 + 20 =
 *       74.8, B; 12 months active: ready, 4 × 4,770 = 19,080.
 *   <li>SHG02: 6 of 12 meetings, everyone there and saving; 400 of the loan outstanding against a
 *       corpus of 2,430 (0.2058 of the 0.8 target), 660 of 1,100 repaid (0.6); last entry 5
 *       September, 207 days (the year-end closing does not count). 5 + 10 + 20 + 4.116 + 12 + 0 =
 *       51.1, C; not ready.
 *   <li>SHG03 and US01: everything but lending: 80.0, A; ready, 4 × 4,870 = 19,480.
 * </ul>
 */
class GradeCommandTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    UnitBooks.record(db);
  }

  private static Run grade(String target, String... more) {
    List<String> args = new ArrayList<>(List.of("grade", target, "--from", "2024-04-01", "--to", "2025-03-31"));
    args.addAll(List.of(more));
    return UnitCommandTest.shg(db, args.toArray(String[]::new));
  }

  @Test
  void aUnitsGroupsInCsvIndicatorsScoresAndLinkage() {
    Run run = grade("FED", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(String.join("\r\n",
            "group,meetings_held,meetings_expected,attendance_percent,savers_percent,lending_percent,"
                + "repayment_percent,days_since_last_entry",
            "SHG01,12,12,97.92,75.00,0.00,100.00,26",
            "SHG02,6,12,100.00,100.00,16.46,60.00,207",
            "SHG03,12,12,100.00,100.00,0.00,100.00,26",
            "US01,12,12,100.00,100.00,0.00,100.00,26",
            "",
            "group,meetings,attendance,savings,lending,repayment,books,score,grade",
            "SHG01,1.0000,0.9792,0.7500,0.0000,1.0000,1.0000,74.8,B",
            "SHG02,0.5000,1.0000,1.0000,0.2058,0.6000,0.0000,51.1,C",
            "SHG03,1.0000,1.0000,1.0000,0.0000,1.0000,1.0000,80.0,A",
            "US01,1.0000,1.0000,1.0000,0.0000,1.0000,1.0000,80.0,A",
            "",
            "group,group_name,grade,months_active,eligible,currency,corpus,suggested_loan",
            "SHG01,Group SHG01,B,12,yes,INR,4770.00,19080.00",
            "SHG02,Group SHG02,C,0,no,INR,2430.00,0.00",
            "SHG03,Group SHG03,A,12,yes,INR,4870.00,19480.00",
            "US01,Group US01,A,12,yes,USD,4870.00,19480.00",
            ""),
        run.out());
  }

  @Test
  void oneGroupInText() {
    Run run = grade("SHG02");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Group grades\n============\nGroup:                        SHG02\n"), run.out());
    assertTrue(run.out().contains("Groups graded C:              1\n"), run.out());
    assertTrue(run.out().contains("SHG02  Group SHG02  C           0  no         INR       2,430.00            0.00\n"),
        run.out());
    for (String line : run.out().lines().toList()) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void jsonAndHtmlAndHindi() {
    Run json = grade("CL-S", "--format", "json");
    assertEquals(ExitCodes.OK, json.exitCode(), json.err());
    assertTrue(json.out().contains("\"report\" : \"grades\""), json.out());
    assertTrue(json.out().contains("\"grade_a\" : 2"), json.out());
    assertTrue(json.out().contains("\"eligible\" : \"yes\""), json.out());
    assertTrue(json.out().contains("\"suggested_loan\" : \"19480.00\""), json.out());

    Run html = grade("CL-S", "--format", "html");
    assertEquals(ExitCodes.OK, html.exitCode(), html.err());
    assertTrue(html.out().contains("<table"), html.out());

    Run hindi = grade("CL-S", "--lang", "hi");
    assertEquals(ExitCodes.OK, hindi.exitCode(), hindi.err());
    assertTrue(hindi.out().startsWith("समूहों की श्रेणी\n"), hindi.out());
    assertTrue(hindi.out().contains("हाँ"), hindi.out());
  }

  @Test
  void aPolicyFileChangesTheWeightsAndTheRule() throws IOException {
    Path policy = dir.resolve("policy.properties");
    Files.writeString(policy, "# lending does not count in this programme\nweight.lending = 0\nlinkage.multiple = 2\n");

    Run run = grade("CL-S", "--format", "csv", "--policy", policy.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("SHG03,1.0000,1.0000,1.0000,0.0000,1.0000,1.0000,100.0,A\r\n"), run.out());
    assertTrue(run.out().contains("SHG03,Group SHG03,A,12,yes,INR,4870.00,9740.00\r\n"), run.out());
  }

  @Test
  void aBadPolicyIsAUsageErrorAndAMissingOneAnInputError() throws IOException {
    Path policy = dir.resolve("bad.properties");
    Files.writeString(policy, "weight.meeting=10\n");

    Run bad = grade("FED", "--policy", policy.toString());
    assertEquals(ExitCodes.USAGE, bad.exitCode());
    assertTrue(bad.err().startsWith("shg: --policy " + policy + ": unknown grading policy key(s) weight.meeting"), bad.err());
    assertEquals(ExitCodes.IO_ERROR, grade("FED", "--policy", dir.resolve("missing.properties").toString()).exitCode());
  }

  @Test
  void neitherAUnitNorAGroupIsExit4() {
    Run run = grade("NOPE");

    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertEquals("shg: rejected (UNIT_NOT_FOUND): there is no unit or group NOPE in the books\n", run.err());
    assertEquals(ExitCodes.USAGE, grade("NO PE").exitCode());
    assertEquals(ExitCodes.USAGE, grade("FED", "--from", "2025-04-01").exitCode());
  }

  @Test
  void helpHasAnExample() {
    assertTrue(Run.shg("grade", "--help").out().contains("Example: shg grade"));
  }
}
