package org.shgledger.importing.books;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.register.ImportResult;

/**
 * What a combined import of a meeting register and a passbook recorded, or for a dry run would
 * record.
 *
 * @param members the roster's part, when one was given, not null
 * @param meetings the meeting register's part: its rows, what it recorded now, what the books held
 *     already, not null
 * @param passbook the passbook's part, counted as recorded in the unit of work, not null
 * @param recorded one line per thing recorded now, from either file, in the order recorded, not
 *     null
 * @param bankAtEnd the book's bank balance (1100) at the end of the passbook's last date, after
 *     the import (for a dry run: as it would be); empty for a passbook without lines, not null
 * @param dryRun true if nothing was kept
 */
public record BooksImportResult(
    Optional<ImportResult> members,
    ImportResult meetings,
    PassbookImportReport passbook,
    List<String> recorded,
    Optional<Money> bankAtEnd,
    boolean dryRun) {

  /**
   * Creates a result.
   *
   * @param members the roster's part, when one was given, not null
   * @param meetings the meeting register's part: its rows, what it recorded now, what the books held
   *     already, not null
   * @param passbook the passbook's part, counted as recorded in the unit of work, not null
   * @param recorded one line per thing recorded now, from either file, in the order recorded, not
   *     null
   * @param bankAtEnd the book's bank balance (1100) at the end of the passbook's last date, after
   *     the import (for a dry run: as it would be); empty for a passbook without lines, not null
   * @param dryRun true if nothing was kept
   * @throws NullPointerException if an argument is null
   */
  public BooksImportResult {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(meetings, "meetings");
    Objects.requireNonNull(passbook, "passbook");
    recorded = List.copyOf(recorded);
    Objects.requireNonNull(bankAtEnd, "bankAtEnd");
  }

  /**
   * Whether the books reconcile to the bank: the book's bank account holds the passbook's closing
   * balance at the end of its last date. True for a passbook without lines.
   *
   * @return true if they agree
   */
  public boolean agreesWithBank() {
    return bankAtEnd.map(passbook.closingBalance()::equals).orElse(true);
  }
}
