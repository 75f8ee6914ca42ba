package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code shg completion}: a completion script that knows the commands. */
class CompletionCommandTest {

  @Test
  void printsABashCompletionScriptThatKnowsTheCommands() {
    Run run = Run.shg("completion");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("complete -F"), "a bash completion function is registered");
    assertTrue(run.out().contains("demo"), "subcommands are completed");
    assertTrue(run.out().contains("import"), "subcommands are completed");
    assertEquals("", run.err());
  }
}
