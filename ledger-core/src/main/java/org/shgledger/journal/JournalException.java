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
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.account = account;
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
