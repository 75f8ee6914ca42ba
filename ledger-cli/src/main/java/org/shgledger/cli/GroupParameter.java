package org.shgledger.cli;

import org.shgledger.cli.VerifyCommand.BookIdConverter;
import org.shgledger.journal.BookId;
import picocli.CommandLine.Parameters;

/**
 * GROUP, the group's code as a command's first parameter: mixed into every command on one
 * group's books ({@link BookCommand}, the group reports, {@code shg export}), so that it is
 * declared, converted and described once.
 */
final class GroupParameter {

  @Parameters(index = "0", paramLabel = "GROUP", converter = BookIdConverter.class,
      description = "The group's code, such as SHG01.")
  private BookId code;

  /**
   * The group's code as given.
   *
   * @return the code, not null once picocli has parsed the command line
   */
  BookId code() {
    return code;
  }
}
