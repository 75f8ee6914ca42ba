package org.shgledger.importing.passbook;

import java.util.Objects;
import java.util.Optional;

/**
 * A statement checked by {@link PassbookImporter#checkStatement}, nothing recorded: what its
 * import would record, and where it must meet the book.
 *
 * @param report the counts and balances, as a dry run's ({@code recorded} counts the new lines),
 *     not null
 * @param firstDay where the statement meets the book, empty for a statement without lines; to be
 *     checked only if {@link PassbookImportReport#bookHadBankEntries()}, not null
 */
public record CheckedStatement(PassbookImportReport report, Optional<FirstDay> firstDay) {

  /**
   * Creates a checked statement.
   *
   * @param report the counts and balances, as a dry run's ({@code recorded} counts the new lines),
   *     not null
   * @param firstDay where the statement meets the book, empty for a statement without lines; to be
   *     checked only if {@link PassbookImportReport#bookHadBankEntries()}, not null
   * @throws NullPointerException if an argument is null
   */
  public CheckedStatement {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(firstDay, "firstDay");
  }
}
