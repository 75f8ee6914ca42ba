package org.shgledger.group;

import java.util.Objects;
import org.shgledger.journal.AccountCode;

/**
 * How a share-out or a distribution of surplus treats what is not members' savings.
 *
 * <p>By NRLM's rules, and as groups that keep going after a share-out need, the Revolving Fund and
 * other grants (3000) are the group's permanent corpus: they stay in the group and are lent on,
 * unless the group is closing and its terms say otherwise ({@link #includeGrants}). A group that
 * keeps whole rupees pays every member whole rupees; what rounding leaves over stays in the group,
 * in {@link #remainderTo} (by default its accumulated surplus, 3100), never lost.
 *
 * @param includeGrants true to share out the grants too (a group closing for good), false to keep
 *     them as the group's corpus
 * @param remainderTo the account that keeps what rounding payouts to whole units leaves over: an
 *     equity or income account of the group's chart, not null
 */
public record ShareOutTerms(boolean includeGrants, AccountCode remainderTo) {

  /** Grants kept, the remainder to accumulated surplus. */
  public static final ShareOutTerms DEFAULT = new ShareOutTerms(false, Chart.SURPLUS);

  /**
   * Creates terms.
   *
   * @param includeGrants true to share out the grants too
   * @param remainderTo the account that keeps what rounding leaves over, not null
   * @throws NullPointerException if remainderTo is null
   */
  public ShareOutTerms {
    Objects.requireNonNull(remainderTo, "remainderTo");
  }

  /**
   * The same terms with grants shared out or kept.
   *
   * @param value true to share out the grants too
   * @return new terms, not null
   */
  public ShareOutTerms withIncludeGrants(boolean value) {
    return new ShareOutTerms(value, remainderTo);
  }

  /**
   * The same terms with another account for the remainder.
   *
   * @param value the account, not null
   * @return new terms, not null
   */
  public ShareOutTerms withRemainderTo(AccountCode value) {
    return new ShareOutTerms(includeGrants, value);
  }
}
