package org.shgledger.group;

import java.util.Objects;
import org.shgledger.LedgerException;

/** The engine refused an operation; {@link #reason()} says why, the message says where. */
public final class GroupException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Why the operation was refused. */
  private final GroupRejection reason;
  /** The refused operation's index in its batch, from 0; -1 if it was not in a batch. */
  private final int batchIndex;

  /**
   * Creates the exception.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   */
  public GroupException(GroupRejection reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.batchIndex = -1;
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param reason why, not null
   * @param message what was wrong and where, for people, not null
   * @param cause the underlying failure, may be null
   */
  public GroupException(GroupRejection reason, String message, Throwable cause) {
    this(reason, message, cause, -1);
  }

  private GroupException(GroupRejection reason, String message, Throwable cause, int batchIndex) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.batchIndex = batchIndex;
  }

  /**
   * The same refusal, naming the position of the refused operation in a batch ({@link
   * SavingsGroups#recordAll}).
   *
   * @param index the operation's index in its batch, from 0
   * @return a new exception with this one's reason, message and cause, not null
   */
  public GroupException atBatchIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    return new GroupException(reason, getMessage(), getCause(), index);
  }

  /**
   * Which operation of a batch was refused, so that an importer can name its line.
   *
   * @return its index in the batch passed to {@link SavingsGroups#recordAll}, from 0; or empty if
   *     the request was not a batch
   */
  public java.util.OptionalInt batchIndex() {
    return batchIndex < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(batchIndex);
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
