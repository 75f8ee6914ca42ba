package org.shgledger.group;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.Posting;

/**
 * Collects the postings of one entry from signed amounts: a positive amount is posted on the side
 * asked for, a negative one on the other side, and a zero one not at all. Engine operations whose
 * amounts come from balances (year end, exit, share-out) use it so that a loss or an empty
 * account needs no special case.
 */
final class EntryBuilder {

  private final List<Posting> postings = new ArrayList<>();

  EntryBuilder debit(AccountCode account, Money amount) {
    if (amount.isPositive()) {
      postings.add(Posting.debit(account, amount));
    } else if (amount.isNegative()) {
      postings.add(Posting.credit(account, amount.negated()));
    }
    return this;
  }

  EntryBuilder credit(AccountCode account, Money amount) {
    return debit(account, amount.negated());
  }

  List<Posting> postings() {
    return List.copyOf(postings);
  }

  boolean isEmpty() {
    return postings.isEmpty();
  }
}
