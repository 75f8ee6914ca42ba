package org.shgledger.group;

import java.util.Objects;
import org.shgledger.LedgerException;

/** The engine refused an operation; {@link #reason()} says why, the message says where. */
public final class GroupException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Why the operation was refused. */
  private final GroupRejection reason;

  /**
   * Creates the exception.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   */
  public GroupException(GroupRejection reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   * @param cause the underlying failure, may be null
   */
  public GroupException(GroupRejection reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the operation was refused.
   *
   * @return the reason, not null
   */
  public GroupRejection reason() {
    return reason;
  }
}
