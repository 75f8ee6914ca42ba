package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command of {@code shg}, each once, for tests that check a rule of them all. */
final class CommandTree {

  private CommandTree() {}

  /** The top command and every command under it, parents before children. */
  static List<CommandSpec> all() {
    List<CommandSpec> all = new ArrayList<>();
    add(Shg.commandLine().getCommandSpec(), all);
    return all;
  }

  private static void add(CommandSpec command, List<CommandSpec> all) {
    all.add(command);
    for (CommandLine sub : command.subcommands().values()) {
      if (sub.getCommandSpec().parent() == command && !all.contains(sub.getCommandSpec())) {
        add(sub.getCommandSpec(), all); // an alias lists the same command again
      }
    }
  }
}
