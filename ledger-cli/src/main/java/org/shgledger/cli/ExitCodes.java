package org.shgledger.cli;

/**
 * The exit codes of {@code shg}, one per kind of outcome, so that scripts can tell a refused entry
 * from a missing file or a bug without reading the message. docs/cli.md lists the same table; keep
 * the two in step.
 *
 * <p>Codes 1 to 5 are this program's own; 2 is also picocli's code for invalid input, and 70 is
 * {@code EX_SOFTWARE} from BSD's {@code sysexits.h}.
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * A check ran and found a problem: {@code shg verify} found books whose hash chain, stored
   * content or balances do not match.
   */
  public static final int CHECK_FAILED = 1;

  /** The command line was wrong: an unknown option, a missing or malformed argument. */
  public static final int USAGE = 2;

  /** The ledger refused the request because it breaks one of its rules (an unbalanced entry...). */
  public static final int REJECTED = 3;

  /** The request names a book, account or entry that does not exist. */
  public static final int NOT_FOUND = 4;

  /** A file, stream or database could not be read or written, or the database was busy. */
  public static final int IO_ERROR = 5;

  /** Anything else: a bug in shg or in a library it uses. */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
