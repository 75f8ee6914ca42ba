package org.shgledger.importing.passbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;

/**
 * What a passbook import found and recorded (or, for a dry run, would record).
 *
 * @param profile the profile used, not null
 * @param lines the transaction lines in the file
 * @param recorded the lines recorded now (for a dry run: that would be recorded)
 * @param alreadyRecorded the lines already in the book from an earlier import, skipped
 * @param suspense the recorded lines that went to Suspense (9999) for lack of a matching rule
 * @param leftToRegister the lines a rule left to the meeting register ({@code -> register}): not
 *     recorded by this import, as the register records them through the bank
 * @param firstDate the oldest line's date, empty for a file without lines, not null
 * @param lastDate the newest line's date, empty for a file without lines, not null
 * @param openingBalance the balance before the oldest line, not null
 * @param closingBalance the balance after the newest line, not null
 * @param bookHadBankEntries false if the book held no bank entries before: then the file's
 *     opening balance was not checked, and unless it is zero it is not in the books (record it as
 *     an opening balance so that the bank account matches the passbook)
 * @param newestFirst true if the file listed its lines newest first (they were imported oldest
 *     first all the same)
 * @param dryRun true if nothing was written
 * @param notes what the reading read one way where a reader might expect another (a negative
 *     deposit read as a withdrawal), each starting {@code file:line:column:}; at most {@value
 *     PassbookReader#MAX_NOTES}, not null
 * @param noteCount how many notes there were, those not listed included
 * @param warnings the bank-loan EMI lines that went wholly to the bank loan (2200) for lack of
 *     the loan's terms, each starting {@code file:line:}; at most {@value EmiSplit#MAX_WARNINGS},
 *     not null
 * @param warningCount how many such lines there were, those not listed included
 */
public record PassbookImportReport(
    String profile,
    long lines,
    long recorded,
    long alreadyRecorded,
    long suspense,
    long leftToRegister,
    Optional<LocalDate> firstDate,
    Optional<LocalDate> lastDate,
    Money openingBalance,
    Money closingBalance,
    boolean bookHadBankEntries,
    boolean newestFirst,
    boolean dryRun,
    List<String> notes,
    long noteCount,
    List<String> warnings,
    long warningCount) {

  /**
   * Creates a report.
   *
   * @param profile the profile used, not null
   * @param lines the transaction lines in the file
   * @param recorded the lines recorded now (for a dry run: that would be recorded)
   * @param alreadyRecorded the lines already in the book from an earlier import, skipped
   * @param suspense the recorded lines that went to Suspense (9999) for lack of a matching rule
   * @param leftToRegister the lines a rule left to the meeting register ({@code -> register}): not
   *     recorded by this import, as the register records them through the bank
   * @param firstDate the oldest line's date, empty for a file without lines, not null
   * @param lastDate the newest line's date, empty for a file without lines, not null
   * @param openingBalance the balance before the oldest line, not null
   * @param closingBalance the balance after the newest line, not null
   * @param bookHadBankEntries false if the book held no bank entries before: then the file's
   *     opening balance was not checked, and unless it is zero it is not in the books (record it as
   *     an opening balance so that the bank account matches the passbook)
   * @param newestFirst true if the file listed its lines newest first (they were imported oldest
   *     first all the same)
   * @param dryRun true if nothing was written
   * @param notes what the reading read one way where a reader might expect another, at most
   *     {@value PassbookReader#MAX_NOTES}, not null
   * @param noteCount how many notes there were, those not listed included
   * @param warnings the EMI lines left whole for lack of the bank loan's terms, not null
   * @param warningCount how many there were, those not listed included
   * @throws NullPointerException if an object argument is null
   */
  public PassbookImportReport {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(firstDate, "firstDate");
    Objects.requireNonNull(lastDate, "lastDate");
    Objects.requireNonNull(openingBalance, "openingBalance");
    Objects.requireNonNull(closingBalance, "closingBalance");
    notes = List.copyOf(notes);
    warnings = List.copyOf(warnings);
  }

  /**
   * Creates a report without notes.
   *
   * @param profile the profile used, not null
   * @param lines the transaction lines in the file
   * @param recorded the lines recorded now (for a dry run: that would be recorded)
   * @param alreadyRecorded the lines already in the book from an earlier import, skipped
   * @param suspense the recorded lines that went to Suspense (9999)
   * @param leftToRegister the lines a rule left to the meeting register
   * @param firstDate the oldest line's date, empty for a file without lines, not null
   * @param lastDate the newest line's date, empty for a file without lines, not null
   * @param openingBalance the balance before the oldest line, not null
   * @param closingBalance the balance after the newest line, not null
   * @param bookHadBankEntries false if the book held no bank entries before
   * @param newestFirst true if the file listed its lines newest first
   * @param dryRun true if nothing was written
   * @throws NullPointerException if an object argument is null
   */
  public PassbookImportReport(
      String profile, long lines, long recorded, long alreadyRecorded, long suspense, long leftToRegister,
      Optional<LocalDate> firstDate, Optional<LocalDate> lastDate, Money openingBalance,
      Money closingBalance, boolean bookHadBankEntries, boolean newestFirst, boolean dryRun) {
    this(profile, lines, recorded, alreadyRecorded, suspense, leftToRegister, firstDate, lastDate,
        openingBalance, closingBalance, bookHadBankEntries, newestFirst, dryRun, List.of(), 0, List.of(), 0);
  }
}
