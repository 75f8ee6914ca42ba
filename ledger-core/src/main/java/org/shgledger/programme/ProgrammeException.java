package org.shgledger.programme;

import java.util.Objects;
import org.shgledger.LedgerException;

/** The programme registers refused a record; {@link #reason()} says why, the message says where. */
public final class ProgrammeException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Why the record was refused. */
  private final ProgrammeRejection reason;

  /**
   * Creates the exception.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   */
  public ProgrammeException(ProgrammeRejection reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the record was refused.
   *
   * @return the reason, not null
   */
  public ProgrammeRejection reason() {
    return reason;
  }
}
