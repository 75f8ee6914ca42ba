package org.shgledger.importing;

/**
 * Limits on what an import reads, so that a wrong or hostile file fails with a clear message
 * instead of exhausting memory or disk.
 *
 * @param maxFileBytes the largest file, in bytes, at least 1
 * @param maxRows the most data rows (records after the header), at least 1
 * @param maxFieldChars the longest field, in characters, at least 1
 * @param maxLineChars the longest physical line, in characters, at least {@code maxFieldChars};
 *     it bounds the memory one record can take before its fields are checked
 * @param maxProblems the most problems reported before the import stops reading, at least 1
 */
public record ImportLimits(
    long maxFileBytes, long maxRows, int maxFieldChars, int maxLineChars, int maxProblems) {

  /**
   * The defaults: 512 MiB, 2 million rows (a busy group account's passbook for decades), fields of
   * 1,000 characters, lines of 8,000, and 100 problems.
   */
  public static final ImportLimits DEFAULT =
      new ImportLimits(512L * 1024 * 1024, 2_000_000L, 1_000, 8_000, 100);

  /**
   * Creates limits.
   *
   * @param maxFileBytes the largest file, in bytes, at least 1
   * @param maxRows the most data rows (records after the header), at least 1
   * @param maxFieldChars the longest field, in characters, at least 1
   * @param maxLineChars the longest physical line, in characters, at least {@code maxFieldChars};
   *     it bounds the memory one record can take before its fields are checked
   * @param maxProblems the most problems reported before the import stops reading, at least 1
   * @throws IllegalArgumentException if a limit is below 1 or lines are shorter than fields
   */
  public ImportLimits {
    if (maxFileBytes < 1 || maxRows < 1 || maxFieldChars < 1 || maxProblems < 1) {
      throw new IllegalArgumentException("every import limit must be at least 1");
    }
    if (maxLineChars < maxFieldChars) {
      throw new IllegalArgumentException("maxLineChars must be at least maxFieldChars");
    }
  }

  /**
   * These limits with another row limit.
   *
   * @param rows the most data rows, at least 1
   * @return the new limits, not null
   */
  public ImportLimits withMaxRows(long rows) {
    return new ImportLimits(maxFileBytes, rows, maxFieldChars, maxLineChars, maxProblems);
  }

  /**
   * These limits with another file-size limit.
   *
   * @param bytes the largest file in bytes, at least 1
   * @return the new limits, not null
   */
  public ImportLimits withMaxFileBytes(long bytes) {
    return new ImportLimits(bytes, maxRows, maxFieldChars, maxLineChars, maxProblems);
  }
}
