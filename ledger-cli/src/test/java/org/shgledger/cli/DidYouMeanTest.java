package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A mistyped option or command is named with the nearest ones there are. */
class DidYouMeanTest {

  @Test
  void aMistypedOptionFollowedByItsValueSuggestsTheOption() {
    Run run = Run.shg("trial-balance", "SHG01", "--fromat", "csv");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(List.of("shg: unknown option '--fromat': did you mean '--format'?",
        "Try 'shg trial-balance --help' for more information."), List.of(run.errLines()));
    assertEquals("shg: unknown option '--fromat': did you mean '--format'?",
        Run.shg("trial-balance", "SHG01", "--fromat=csv").errLines()[0]);
  }

  @Test
  void aMistypedCommandSuggestsTheCommand() {
    Run run = Run.shg("trial-balanse", "SHG01");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(List.of("shg: unknown command 'trial-balanse': did you mean 'trial-balance'?",
        "Try 'shg --help' for more information."), List.of(run.errLines()));
    // the run's own command line builds every command when the name is none of theirs
    CommandLine own = Shg.commandLine("trial-balanse");
    StringWriter err = new StringWriter();
    own.setErr(new PrintWriter(err));
    assertEquals(ExitCodes.USAGE, own.execute("trial-balanse"));
    assertTrue(err.toString().startsWith("shg: unknown command 'trial-balanse': did you mean 'trial-balance'?"), err.toString());
  }

  @Test
  void aMistypedSubcommandIsNamedUnderItsCommand() {
    Run run = Run.shg("group", "lst");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: unknown command 'group lst': did you mean 'group list'?", run.errLines()[0]);
  }

  /** After an end-of-options "--" no command is read, so a right name there is not "mistyped". */
  @Test
  void aCommandAfterTheEndOfOptionsIsNotSuggestedToItself() {
    Run run = Run.shg("--", "trial-balance", "SHG01");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("shg: 'trial-balance' comes after '--', where no command is read: put the command before '--'",
        run.errLines()[0]);
    Run nested = Run.shg("group", "--", "list");
    assertEquals(ExitCodes.USAGE, nested.exitCode());
    assertEquals("shg: 'group list' comes after '--', where no command is read: put the command before '--'",
        nested.errLines()[0]);
  }

  @Test
  void nothingNearIsNoSuggestion() {
    assertEquals("shg: unknown option '--no-such-option'", Run.shg("demo", "--no-such-option").errLines()[0]);
    assertEquals("shg: unknown command 'no-such-command'", Run.shg("no-such-command").errLines()[0]);
  }

  @Test
  void theNearestAreTheFewestEditsAwayOrThoseTheWordBegins() {
    List<String> options = List.of("--format", "--output", "--lang", "--from", "--to");

    assertEquals(List.of("--format"), DidYouMean.nearest("--fromat", options), "two letters swapped");
    assertEquals(List.of("--output"), DidYouMean.nearest("--ouptut", options));
    assertEquals(List.of("--lang"), DidYouMean.nearest("--lamg", options), "one letter changed");
    assertEquals(List.of("--output"), DidYouMean.nearest("--outp", options), "the beginning of one");
    assertEquals(List.of("--from"), DidYouMean.nearest("--form", options), "two letters swapped, not a beginning");
    assertEquals(List.of(), DidYouMean.nearest("--colour", options), "nothing near");
    assertEquals(List.of(), DidYouMean.nearest("-x", options), "one letter tells nothing");
  }
}
