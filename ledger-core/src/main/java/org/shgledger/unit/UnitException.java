package org.shgledger.unit;

import java.util.Objects;
import org.shgledger.LedgerException;

/** A request about units was refused; {@link #reason()} says why, the message says where. */
public final class UnitException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  private final UnitRejection reason;

  /**
   * Creates the exception.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   */
  public UnitException(UnitRejection reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the request was refused.
   *
   * @return the reason, not null
   */
  public UnitRejection reason() {
    return reason;
  }
}
