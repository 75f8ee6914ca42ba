package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shg unit}: units made and moved, groups put in them, and the consolidated statement,
 * which adds up the groups' own reports and never names a member.
 */
class UnitCommandTest {

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void books() {
    db = dir.resolve("shg.db");
    UnitBooks.record(db);
  }

  /** Runs shg on a database: the arguments, then {@code --db}. */
  static Run shg(Path database, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(database.toString());
    return Run.shg(all.toArray(String[]::new));
  }

  private static Run statement(String... more) {
    List<String> args = new ArrayList<>(List.of("unit", "statement", "FED", "--from", "2024-04-01", "--to", "2025-03-31"));
    args.addAll(List.of(more));
    return shg(db, args.toArray(String[]::new));
  }

  /** A copy of the books, for a test that changes them. */
  private static Path copy(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.copy(db, copy);
    return copy;
  }

  @Test
  void csvHasAColumnPerGroupAndTheTotalOneSectionPerCurrency() {
    Run run = statement("--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(String.join("\r\n",
            "group,group_name,members,total_assets,members_savings,loans_outstanding,surplus",
            "SHG01,Group SHG01,4,4770.00,4700.00,0.00,70.00",
            "SHG02,Group SHG02,4,2430.00,2400.00,400.00,30.00",
            "SHG03,Group SHG03,4,4870.00,4800.00,0.00,70.00",
            "",
            "code,account,type,group_shg01,group_shg02,group_shg03,total",
            "1000,Cash in hand,asset,4770.00,2030.00,4870.00,11670.00",
            "1200,Loans to members,asset,0.00,400.00,0.00,400.00",
            "2000,Members' compulsory savings,liability,4700.00,2400.00,4800.00,11900.00",
            "3100,Accumulated surplus,equity,70.00,30.00,70.00,170.00",
            "\"\",\"Surplus of the year, not yet closed\",unclosed_surplus,0.00,0.00,0.00,0.00",
            "",
            "code,account,type,group_shg01,group_shg02,group_shg03,total",
            "4000,Interest on member loans,income,100.00,60.00,100.00,260.00",
            "5200,\"Meeting, stationery and bookkeeping costs\",expense,30.00,30.00,30.00,90.00",
            "",
            "group,group_name,members,total_assets,members_savings,loans_outstanding,surplus",
            "US01,Group US01,4,4870.00,4800.00,0.00,70.00",
            "",
            "code,account,type,group_us01,total",
            "1000,Cash in hand,asset,4870.00,4870.00",
            "2000,Members' compulsory savings,liability,4800.00,4800.00",
            "3100,Accumulated surplus,equity,70.00,70.00",
            "\"\",\"Surplus of the year, not yet closed\",unclosed_surplus,0.00,0.00",
            "",
            "code,account,type,group_us01,total",
            "4000,Interest on member loans,income,100.00,100.00",
            "5200,\"Meeting, stationery and bookkeeping costs\",expense,30.00,30.00",
            ""),
        run.out());
  }

  @Test
  void eachGroupsColumnIsItsOwnTrialBalanceAndTheTotalTheirSum() {
    Map<String, Map<String, BigDecimal>> columns = new HashMap<>();
    List<String> lines = statement("--format", "csv").out().lines().toList();
    List<String> header = List.of(lines.get(5).split(","));
    for (String line : lines.subList(6, 10)) {
      String[] cells = line.split(",");
      for (int i = 3; i < cells.length; i++) {
        columns.computeIfAbsent(header.get(i), k -> new HashMap<>()).put(cells[0], new BigDecimal(cells[i]));
      }
    }
    for (String group : List.of("SHG01", "SHG02", "SHG03")) {
      Run trial = shg(db, "trial-balance", group, "--as-of", "2025-03-31", "--format", "csv");
      for (String line : trial.out().lines().skip(1).toList()) {
        String[] cells = line.split(",");
        BigDecimal net = new BigDecimal(cells[cells.length - 2]).subtract(new BigDecimal(cells[cells.length - 1])).abs();
        assertEquals(net, columns.get("group_" + group.toLowerCase()).get(cells[0]), group + " " + cells[0]);
      }
    }
    for (String code : List.of("1000", "1200", "2000", "3100")) {
      BigDecimal sum = columns.get("group_shg01").get(code).add(columns.get("group_shg02").get(code))
          .add(columns.get("group_shg03").get(code));
      assertEquals(sum, columns.get("total").get(code), code);
    }
  }

  @Test
  void textShowsTheTotalsWithIndianGroupingAndTheChecks() {
    Run run = statement();

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Unit statement\n"), run.out());
    assertTrue(run.out().contains("Groups:    4\n"), run.out());
    assertTrue(run.out().contains("Members:   16\n"), run.out());
    assertTrue(run.out().contains("1000  Cash in hand                         11,670.00\n"), run.out());
    assertTrue(run.out().contains("Income 260.00 − expenditure 90.00 = surplus 170.00\n"), run.out());
    assertFalse(run.out().contains("group_shg01"));
    for (String line : run.out().lines().toList()) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void jsonHasTheGroupsColumnsAndTheCounts() {
    Run run = statement("--format", "json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"report\" : \"unit-statement\""), run.out());
    assertTrue(run.out().contains("\"members\" : 16"), run.out());
    assertTrue(run.out().contains("\"balance_sheet_usd\""), run.out());
    assertTrue(run.out().contains("\"group_shg02\" : \"2030.00\""), run.out());
  }

  @Test
  void hindiHeadings() {
    Run run = statement("--lang", "hi");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("इकाई विवरण\n"), run.out());
    assertTrue(run.out().contains("INR में समूह"), run.out());
  }

  @Test
  void noMembersNameInAnyFormatOrCommand() {
    List<Run> runs = new ArrayList<>();
    for (String format : List.of("text", "csv", "json", "html")) {
      runs.add(statement("--format", format));
      runs.add(shg(db, "grade", "FED", "--from", "2024-04-01", "--to", "2025-03-31", "--format", format));
    }
    runs.add(shg(db, "unit", "show", "FED", "--as-of", "2025-03-31"));
    runs.add(shg(db, "unit", "list"));
    assertFalse(UnitBooks.MEMBER_NAMES.isEmpty());
    for (Run run : runs) {
      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      for (String name : UnitBooks.MEMBER_NAMES) {
        assertFalse(run.out().contains(name), name);
      }
      assertFalse(run.out().contains("Kamla"), run.out());
    }
  }

  @Test
  void aClusterCoversItsOwnGroups() {
    Run run = shg(db, "unit", "statement", "CL-N", "--from", "2024-04-01", "--to", "2025-03-31", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("code,account,type,group_shg01,group_shg02,total\r\n"), run.out());
    assertFalse(run.out().contains("US01"));
  }

  @Test
  void unitsAreMadeListedShownAndMoved() throws IOException {
    Path books = copy("made.db");

    Run created = shg(books, "unit", "create", "V-RAMPUR", "--name", "Rampur village", "--parent", "CL-N");
    assertEquals(ExitCodes.OK, created.exitCode(), created.err());
    assertEquals("unit V-RAMPUR 'Rampur village' is in the books, under CL-N\n", created.out());
    assertEquals("unit V-RAMPUR 'Rampur village' is in the books, under CL-N\n",
        shg(books, "unit", "create", "V-RAMPUR", "--name", "Rampur village", "--parent", "CL-N").out(), "again: no change");
    Run added = shg(books, "unit", "add-group", "V-RAMPUR", "SHG02", "--move");
    assertEquals("SHG02 is in unit V-RAMPUR (moved from CL-N)\n", added.out(), added.err());

    Run list = shg(books, "unit", "list");
    assertEquals(String.join("\n",
        "unit      name               under  groups in it  groups in all",
        "--------  -----------------  -----  ------------  -------------",
        "CL-N      North cluster      FED               1              2",
        "CL-S      South cluster      FED               2              2",
        "FED       Mahila federation  -                 0              4",
        "V-RAMPUR  Rampur village     CL-N              1              1",
        ""), list.out());
    Run show = shg(books, "unit", "show", "CL-N", "--as-of", "2025-03-31");
    assertTrue(show.out().startsWith("CL-N  North cluster\n  place            FED > CL-N\n"
        + "  units under it   V-RAMPUR (Rampur village)\n  groups           1 in it, 2 with the units under it\n"), show.out());
    assertTrue(show.out().contains("SHG02  Group SHG02  V-RAMPUR  INR             4\n"), show.out());

    Run moved = shg(books, "unit", "move", "V-RAMPUR", "--parent", "CL-S");
    assertEquals("unit V-RAMPUR is under CL-S\n", moved.out(), moved.err());
    assertEquals("unit V-RAMPUR is at the top\n", shg(books, "unit", "move", "V-RAMPUR", "--top").out());
  }

  @Test
  void aCycleIsRefusedWithExit3AndChangesNothing() throws IOException {
    Path books = copy("cycle.db");

    Run cycle = shg(books, "unit", "move", "FED", "--parent", "CL-N");
    assertEquals(ExitCodes.REJECTED, cycle.exitCode());
    assertEquals("shg: rejected (CYCLE): unit FED cannot sit under CL-N, which is under it (FED > CL-N)\n", cycle.err());
    Run itself = shg(books, "unit", "create", "X", "--name", "x", "--parent", "X");
    assertEquals(ExitCodes.REJECTED, itself.exitCode(), itself.err());
    assertTrue(shg(books, "unit", "list").out().lines().anyMatch(l -> l.matches("FED +Mahila federation +- +0 +4")),
        "FED still at the top");
  }

  @Test
  void aGroupInAnotherUnitIsRefusedWithExit3AndNoGroupOfTheListIsPut() throws IOException {
    Path books = copy("another.db");
    shg(books, "unit", "create", "CL-E", "--name", "East cluster");

    Run run = shg(books, "unit", "add-group", "CL-E", "US01", "SHG01");

    assertEquals(ExitCodes.REJECTED, run.exitCode());
    assertTrue(run.err().startsWith("shg: rejected (GROUP_IN_ANOTHER_UNIT): group US01 is in unit CL-S already"), run.err());
    assertTrue(shg(books, "unit", "list").out().lines().anyMatch(l -> l.matches("CL-E +East cluster +- +0 +0")),
        "nothing put");
  }

  @Test
  void anUnknownUnitIsExit4() {
    Run statement = shg(db, "unit", "statement", "NOPE");
    assertEquals(ExitCodes.NOT_FOUND, statement.exitCode());
    assertEquals("shg: rejected (UNIT_NOT_FOUND): there is no unit NOPE in the books\n", statement.err());
    assertEquals(ExitCodes.NOT_FOUND, shg(db, "unit", "show", "NOPE").exitCode());
    assertEquals(ExitCodes.NOT_FOUND, shg(db, "unit", "add-group", "NOPE", "SHG01").exitCode());
    assertEquals(ExitCodes.NOT_FOUND, shg(db, "unit", "create", "X", "--name", "x", "--parent", "NOPE").exitCode());
    assertEquals(ExitCodes.NOT_FOUND, shg(db, "unit", "add-group", "FED", "NOGROUP").exitCode());
  }

  @Test
  void usageMistakesAreExit2() {
    assertEquals(ExitCodes.USAGE, shg(db, "unit", "create", "CL NORTH", "--name", "x").exitCode());
    assertEquals(ExitCodes.USAGE, shg(db, "unit", "statement", "FED", "--from", "2025-04-01", "--to", "2025-03-31").exitCode());
    assertEquals(ExitCodes.USAGE, shg(db, "unit", "move", "FED").exitCode());
    assertEquals(ExitCodes.USAGE, shg(db, "unit", "move", "FED", "--top", "--parent", "CL-N").exitCode());
    assertEquals(ExitCodes.USAGE, shg(db, "unit").exitCode());
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    for (String command : List.of("create", "add-group", "move", "list", "show", "statement")) {
      Run help = Run.shg("unit", command, "--help");
      assertEquals(ExitCodes.OK, help.exitCode());
      assertTrue(help.out().contains("Example: shg unit " + command), help.out());
    }
  }
}
