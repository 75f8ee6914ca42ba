package org.shgledger.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands, such as {@code shg member} or {@code shg bank}: run
 * without one, it shows its subcommands on standard error and exits as a usage error, since there
 * is nothing it could do by itself.
 */
abstract class CommandGroup implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public final Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
