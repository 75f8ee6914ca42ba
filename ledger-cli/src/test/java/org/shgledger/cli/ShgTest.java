package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The top command: help, version, and what happens on a wrong command line. */
class ShgTest {

  @Test
  void helpListsTheCommandsAndTheGlobalOptions() {
    Run run = Run.shg("--help");

    assertAll(
        () -> assertEquals(ExitCodes.OK, run.exitCode()),
        () -> assertTrue(run.out().startsWith("Usage: shg "), run.out()),
        () -> assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith("demo ")), run.out()),
        () -> assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith("help ")), run.out()),
        () -> assertTrue(run.out().contains("--verbose"), run.out()),
        () -> assertTrue(run.out().contains("Exit codes"), run.out()),
        () -> assertTrue(run.out().contains("70   internal error"), run.out()),
        () -> assertEquals("", run.err()));
  }

  @Test
  void helpCommandDescribesASubcommand() {
    Run run = Run.shg("help", "demo");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertTrue(run.out().startsWith("Usage: shg demo "), run.out());
    assertTrue(run.out().contains("--verbose"), "the inherited option is listed: " + run.out());
  }

  @Test
  void versionIsTheProjectVersion() {
    String expected = System.getProperty("shg.expectedVersion");
    assertNotNull(expected, "the build passes shg.expectedVersion to the tests");

    Run run = Run.shg("--version");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("shg " + expected, run.out().strip());
    assertEquals("", run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = Run.shg("--no-such-option");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("shg: unknown option '--no-such-option'"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownOptionOfASubcommandIsAUsageError() {
    Run run = Run.shg("demo", "--no-such-option");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: unknown option '--no-such-option'", run.errLines()[0]);
    assertEquals("Try 'shg demo --help' for more information.", run.errLines()[run.errLines().length - 1]);
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = Run.shg("no-such-command");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("no-such-command"), run.err());
  }

  @Test
  void noCommandIsAUsageErrorThatShowsTheCommands() {
    Run run = Run.shg();

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("shg: a command is needed"), run.err());
    assertTrue(run.err().contains("demo"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    // start-up time: the model of every command is built only when a listing needs them all
    assertEquals(java.util.Set.of("statement"),
        Shg.commandLine("statement", "SHG01", "--to", "2025-03-31").getSubcommands().keySet());
    assertEquals(java.util.Set.of(), Shg.commandLine("--version").getSubcommands().keySet());
    assertEquals(Shg.commands().size(), Shg.commandLine("--help").getSubcommands().size());
    assertEquals(Shg.commands().size(), Shg.commandLine("help", "demo").getSubcommands().size());
    assertEquals(Shg.commands().size(), Shg.commandLine("completion").getSubcommands().size());
    assertEquals(Shg.commands().size(), Shg.commandLine("statment").getSubcommands().size(),
        "a misspelt command gets every command, for picocli's suggestions");
    assertEquals(Shg.commands().size(), Shg.commandLine().getSubcommands().size());
  }

  @Test
  void theTableOfNamesIsTheCommandsOwnNames() {
    // a run looks its command up by these names, without reading the annotations
    for (Shg.Named named : Shg.NAMED) {
      picocli.CommandLine.Command command = named.command().getAnnotation(picocli.CommandLine.Command.class);
      assertEquals(command.name(), named.name(), named.command().getName());
      assertEquals(0, command.aliases().length,
          named.command().getName() + " has an alias: the lookup of Shg.commandLine(String...) must know it");
    }
    assertEquals(Shg.NAMED.size(), new java.util.HashSet<>(Shg.commands()).size(), "each command once");
  }
}
