package org.shgledger.cli;

import java.util.concurrent.Callable;
import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.journal.BookId;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every command on one group's books starts from: the database options and the group's code
 * as the first parameter. {@link BookCommand} (recording, registers) and {@link ReportCommand}
 * (reports) build on it, so that the options are declared once.
 */
abstract class GroupBooksCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DbOptions db;

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's code, such as SHG01.")
  BookId code;

  /** A wrong command line, found after parsing: exit 2 with this one-line reason. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
