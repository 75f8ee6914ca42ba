package org.shgledger.journal;

import java.util.Objects;
import java.util.Optional;
import org.shgledger.LedgerException;

/**
 * The journal refused a request. The {@link #reason() reason} tells programs what went wrong; the
 * message tells people, naming the book, the entry or account, and the offending values.
 */
public final class JournalException extends LedgerException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  private final Rejection reason;
  private final transient AccountCode account;
  /** The refused entry's index in its batch, from 0; -1 if it was not in a batch. */
  private final int batchIndex;

  /**
   * Creates the exception.
   *
   * @param reason why the request was refused, not null
   * @param message what was wrong and where, for people, not null
   */
  public JournalException(Rejection reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates the exception naming the account at fault.
   *
   * @param reason why the request was refused, not null
   * @param message what was wrong and where, for people, not null
   * @param account the account whose rule was broken, may be null
   */
  public JournalException(Rejection reason, String message, AccountCode account) {
    this(reason, message, account, -1);
  }

  /**
   * Creates an exception for the entry at a position of a batch ({@link Journal#recordAll}).
   *
   * @param reason why the request was refused, not null
   * @param message what was wrong and where, for people, not null
   * @param account the account concerned, or null
   * @param batchIndex the refused entry's index in its batch, from 0; -1 if it was not in a batch
   */
  public JournalException(Rejection reason, String message, AccountCode account, int batchIndex) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.account = account;
    if (batchIndex < -1) {
      throw new IllegalArgumentException("batchIndex out of range: " + batchIndex);
    }
    this.batchIndex = batchIndex;
  }

  /**
   * Which entry of a batch was refused, so that an importer can name its line without reading the
   * message.
   *
   * @return the refused entry's index in the batch passed to {@link Journal#recordAll}, from 0; or
   *     empty if the request was not a batch
   */
  public java.util.OptionalInt batchIndex() {
    return batchIndex < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(batchIndex);
  }

  /**
   * The account whose rule was broken, where one account is to blame: set for {@link
   * Rejection#BALANCE_CONSTRAINT_VIOLATED}, so that callers can say "not enough cash" rather than
   * quote the rule.
   *
   * @return the account, or empty
   */
  public Optional<AccountCode> account() {
    return Optional.ofNullable(account);
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
