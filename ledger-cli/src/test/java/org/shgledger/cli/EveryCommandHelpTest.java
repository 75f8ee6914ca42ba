package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command a user can reach has {@code --help}, and its help shows an example to copy: the
 * issue's promise for the whole program, checked over the command tree so a new command cannot
 * forget it.
 */
class EveryCommandHelpTest {

  @Test
  void everyCommandHasHelpWithAnExample() {
    List<String> missing = new ArrayList<>();
    for (CommandLine command : commands(Shg.commandLine())) {
      String name = command.getCommandSpec().qualifiedName();
      if (name.equals("shg") || name.equals("shg help")) {
        continue; // the top command lists the commands; picocli's help command explains itself
      }
      Run run = Run.shg(append(name.substring("shg ".length()).split(" "), "--help"));
      assertEquals(ExitCodes.OK, run.exitCode(), name + " --help: " + run.err());
      if (!run.out().contains("Example")) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), "commands whose --help has no example: " + missing);
  }

  private static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    for (CommandLine sub : root.getSubcommands().values()) {
      if (!all.contains(sub)) {
        for (CommandLine each : commands(sub)) {
          if (!all.contains(each)) {
            all.add(each);
          }
        }
      }
    }
    return all;
  }

  private static String[] append(String[] words, String last) {
    String[] all = java.util.Arrays.copyOf(words, words.length + 1);
    all[words.length] = last;
    return all;
  }
}
