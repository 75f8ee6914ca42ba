package org.shgledger.journal;

import java.util.Objects;
import org.shgledger.LedgerException;

/**
 * The journal refused a request. The {@link #reason() reason} tells programs what went wrong; the
 * message tells people, naming the book, the entry or account, and the offending values.
 */
public final class JournalException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  private final Rejection reason;

  /**
   * Creates the exception.
   *
   * @param reason why the request was refused, not null
   * @param message what was wrong and where, for people, not null
   */
  public JournalException(Rejection reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the request was refused.
   *
   * @return the reason, not null
   */
  public Rejection reason() {
    return reason;
  }
}
