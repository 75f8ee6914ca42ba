package org.shgledger.importing.register;

import java.util.List;
import java.util.Objects;

/**
 * What an import of a register file recorded, or for a dry run would record.
 *
 * @param file the file's name as given, not null
 * @param rows the data rows read, not negative
 * @param recorded one line per operation recorded now (an entry, a member, a meeting's roll, a
 *     loan), in the order recorded, not null
 * @param alreadyRecorded how many of the file's operations the books held already (a file
 *     imported again records nothing), not negative
 * @param dryRun true if nothing was kept: {@code recorded} is what would have been recorded
 */
public record ImportResult(String file, int rows, List<String> recorded, int alreadyRecorded, boolean dryRun) {

  /**
   * Creates a result.
   *
   * @param file the file's name as given, not null
   * @param rows the data rows read, not negative
   * @param recorded one line per operation recorded now (an entry, a member, a meeting's roll, a
   *     loan), in the order recorded, not null
   * @param alreadyRecorded how many of the file's operations the books held already (a file
   *     imported again records nothing), not negative
   * @param dryRun true if nothing was kept: {@code recorded} is what would have been recorded
   * @throws NullPointerException if the file or list is null
   * @throws IllegalArgumentException if a count is negative
   */
  public ImportResult {
    Objects.requireNonNull(file, "file");
    recorded = List.copyOf(recorded);
    if (rows < 0 || alreadyRecorded < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
