package org.shgledger;

/**
 * The base of every error that the ledger raises because a request broke a rule of the books, as
 * opposed to a bug or a failure of the machine.
 *
 * <p>Its message is written for the person who made the request: it says what was wrong and
 * where, in one line. Programs embedding the library catch this type to tell a user's mistake
 * from a fault.
 */
public class LedgerException extends RuntimeException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message for the user.
   *
   * @param message what was wrong and where, not null
   */
  public LedgerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message for the user and the failure that caused it.
   *
   * @param message what was wrong and where, not null
   * @param cause the underlying failure, may be null
   */
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
