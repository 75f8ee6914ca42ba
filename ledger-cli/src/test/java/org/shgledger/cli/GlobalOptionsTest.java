package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options every command shares are taken before the command's name as well as after it, as
 * hledger and git users type them, with hledger's short forms: {@code -f FILE} the books, {@code
 * -o FILE} the output file, {@code -O FORMAT} the format.
 */
class GlobalOptionsTest {

  @TempDir Path dir;
  private TestBooks books;
  private String db;

  @BeforeEach
  void books() {
    books = TestBooks.withMembers(dir, "M01", "M02");
    books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-04-10");
    db = books.db().toString();
  }

  @Test
  void theBooksMayBeNamedBeforeTheCommandOrAfterIt() {
    Run after = Run.shg("trial-balance", "SHG01", "--db", db);
    assertEquals(ExitCodes.OK, after.exitCode(), after.err());
    assertTrue(after.out().contains("Trial balance"), after.out());

    for (String[] args : List.of(
        new String[] {"--db", db, "trial-balance", "SHG01"},
        new String[] {"--db=" + db, "trial-balance", "SHG01"},
        new String[] {"-f", db, "trial-balance", "SHG01"},
        new String[] {"-f" + db, "trial-balance", "SHG01"},
        new String[] {"-f=" + db, "trial-balance", "SHG01"},
        new String[] {"trial-balance", "SHG01", "-f", db})) {
      Run run = Run.shg(args);
      assertEquals(after, run, String.join(" ", args));
    }
  }

  @Test
  void formatLanguageAndOutputMayComeBeforeTheCommand() throws Exception {
    Run csv = Run.shg("trial-balance", "SHG01", "--db", db, "--format", "csv", "--lang", "hi");
    assertEquals(ExitCodes.OK, csv.exitCode(), csv.err());
    assertEquals(csv, Run.shg("-f", db, "-O", "csv", "--lang", "hi", "trial-balance", "SHG01"));
    assertEquals(csv, Run.shg("--format=csv", "--lang=hi", "trial-balance", "SHG01", "-f", db));

    Path file = dir.resolve("tb.csv");
    Run written = Run.shg("-f", db, "-o", file.toString(), "-O", "csv", "--lang", "hi", "trial-balance", "SHG01");
    assertEquals(ExitCodes.OK, written.exitCode(), written.err());
    assertEquals(csv.out(), Files.readString(file));
  }

  @Test
  void aListingAndAnExportTakeTheShortFormsToo() {
    Run listing = Run.shg("member", "list", "SHG01", "--as-of", "2024-05-01", "--db", db, "--format", "json");
    assertEquals(ExitCodes.OK, listing.exitCode(), listing.err());
    assertEquals(listing, Run.shg("-f", db, "-O", "json", "member", "list", "SHG01", "--as-of", "2024-05-01"));

    Run export = Run.shg("export", "SHG01", "--db", db, "--format", "hledger");
    assertEquals(ExitCodes.OK, export.exitCode(), export.err());
    assertEquals(export, Run.shg("-f", db, "-O", "hledger", "export", "SHG01"));
  }

  @Test
  void aRecordingCommandTakesTheMarginAndTheVerboseFlagBeforeIt() {
    Run far = Run.shg("--future-days", "0", "--verbose", "-f", db,
        "save", "SHG01", "M02", "--amount", "100", "--date", java.time.LocalDate.now().plusDays(1).toString());

    assertEquals(ExitCodes.REJECTED, far.exitCode(), far.err());
    assertTrue(far.err().startsWith("shg: rejected (DATE_TOO_FAR_AHEAD)"), far.err());
    assertTrue(far.err().contains("\tat org.shgledger"), "--verbose before the command still prints the trace");
  }

  @Test
  void aValueGivenBeforeTheCommandIsCheckedByTheCommandsOwnOption() {
    Run run = Run.shg("--future-days", "soon", "-f", db, "save", "SHG01", "M02", "--amount", "100", "--date", "2024-04-10");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: --future-days: 'soon' is not a whole number", run.errLines()[0]);
    assertEquals("Try 'shg save --help' for more information.", run.errLines()[1]);
  }

  @Test
  void anOptionTheCommandDoesNotTakeIsAUsageErrorNamingIt() {
    Run run = Run.shg("--db", db, "loan-schedule", "--principal", "1000", "--annual-rate", "12", "--instalments", "3",
        "--method", "flat");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: 'shg loan-schedule' takes no --db", run.errLines()[0]);
    assertEquals("", run.out());
  }

  @Test
  void anOptionBothBeforeAndAfterTheCommandIsGivenTwice() {
    Run run = Run.shg("-f", db, "trial-balance", "SHG01", "--db", dir.resolve("other.db").toString());

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: --db is given twice; give it once", run.errLines()[0]);
    assertEquals(run.errLines()[0], Run.shg("trial-balance", "SHG01", "--db", db, "-f", db).errLines()[0],
        "as given twice after the command");
  }

  @Test
  void helpAsksNothingOfTheOptionsBeforeIt() {
    Run run = Run.shg("--db", db, "loan-schedule", "--help");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Usage: shg loan-schedule"), run.out());
  }

  @Test
  void theDatabaseFileIsNotTakenForTheCommandsName() {
    // the command line of one run builds only the command it names (start-up time)
    for (String[] args : List.of(
        new String[] {"--db", "demo", "trial-balance", "SHG01"},
        new String[] {"-f", "demo", "trial-balance", "SHG01"},
        new String[] {"--verbose", "--lang", "hi", "-O", "csv", "-o", "x.csv", "trial-balance", "SHG01"})) {
      CommandLine commandLine = Shg.commandLine(args);
      assertEquals(Set.of("trial-balance"), commandLine.getSubcommands().keySet(), String.join(" ", args));
    }
  }

  @Test
  void theShortFormsMeanTheSameEverywhere() {
    List<String> wrong = new ArrayList<>();
    for (CommandSpec command : CommandTree.all()) {
      for (OptionSpec option : command.options()) {
        for (String name : option.names()) {
          String meant = switch (name) {
            case "-f" -> "--db";
            case "-o" -> "--output";
            case "-O" -> "--format";
            default -> option.longestName();
          };
          if (!option.longestName().equals(meant)) {
            wrong.add(command.qualifiedName() + " " + name + " is " + option.longestName());
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "-f is --db, -o is --output, -O is --format in every command");
  }

  @Test
  void everyCommandWithTheLongFormsHasTheShortOnes() {
    List<String> missing = new ArrayList<>();
    for (CommandSpec command : CommandTree.all()) {
      for (String[] pair : List.of(new String[] {"--db", "-f"}, new String[] {"--output", "-o"},
          new String[] {"--format", "-O"})) {
        OptionSpec option = command.findOption(pair[0]);
        if (option != null && !List.of(option.names()).contains(pair[1])) {
          missing.add(command.qualifiedName() + " " + pair[0] + " has no " + pair[1]);
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
