package org.shgledger.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Report;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --pseudonymize [--pseudonym-secret FILE]}, the options of every member-level report an
 * NGO may hand to an auditor: each member's id and name become her stable pseudonym
 * (docs/privacy.md, {@link Pseudonymization}).
 */
final class PseudonymOptions {

  @Option(names = "--pseudonymize",
      description = "For an auditor: each member's id and name replaced by a stable pseudonym "
          + "(docs/privacy.md).")
  private boolean pseudonymize;

  @Option(names = "--pseudonym-secret", paramLabel = "FILE",
      description = "With --pseudonymize: key the pseudonyms with the secret in FILE (16 bytes or more) "
          + "instead of the database's own.")
  private Path secret;

  /**
   * Whether pseudonyms were asked for.
   *
   * @return true with {@code --pseudonymize}
   */
  boolean asked() {
    return pseudonymize;
  }

  /**
   * Refuses a secret without {@code --pseudonymize}, and names with it.
   *
   * @param spec the command's, for the usage error, not null
   * @param names whether the command was asked to print members' names
   * @throws ParameterException if the options contradict each other
   */
  void check(CommandSpec spec, boolean names) {
    if (secret != null && !pseudonymize) {
      throw new ParameterException(spec.commandLine(), "--pseudonym-secret goes with --pseudonymize");
    }
    if (pseudonymize && names) {
      throw new ParameterException(spec.commandLine(), "--names and --pseudonymize ask for opposite things");
    }
  }

  /**
   * The report as asked: itself, or pseudonymized with the group's members.
   *
   * @param store the open books, not null
   * @param group the group the report is of, not null
   * @param report the report, not null
   * @return the report to print, not null
   */
  Report apply(LedgerStore store, BookId group, Report report) {
    return pseudonymize ? Pseudonymization.apply(report, replacer(store, group)) : report;
  }

  /**
   * What replaces the group's members' ids and names in a text: nothing without {@code
   * --pseudonymize}.
   *
   * @param store the open books, not null
   * @param group the group, not null
   * @return the replacement, not null
   */
  UnaryOperator<String> replacer(LedgerStore store, BookId group) {
    return pseudonymize ? Pseudonymization.replacer(store, group, secret) : UnaryOperator.identity();
  }
}
