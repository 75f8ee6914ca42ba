package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountNumbers;
import org.shgledger.journal.JournalReader;
import org.shgledger.journal.JournalEntry;
import org.shgledger.journal.Posting;
import org.shgledger.journal.Side;
import org.shgledger.money.MoneyFormats;

/**
 * An entry as the recording commands print it: a line with its id (for {@code shg reverse}), date,
 * memo and amount, then one line per posting, debits marked {@code Dr} and credits {@code Cr}, with
 * Indian digit grouping.
 *
 * <pre>
 * recorded SHG01-2024-05-04-SAVE-M01 on 2024-05-04: M01 saves (compulsory), INR 100.00
 *   Dr  1000      Cash in hand                         100.00
 *   Cr  2000:M01  Members' compulsory savings — M01    100.00
 * </pre>
 */
final class EntryText {

  private EntryText() {}

  /**
   * The text for an entry just recorded, or found already recorded.
   *
   * @param journal where the account names are, not null
   * @param entry the entry, not null
   * @param repeat true if the entry was recorded before and nothing new was recorded
   * @return the lines, each ending in a newline, not null
   */
  static String of(JournalReader journal, JournalEntry entry, boolean repeat) {
    StringBuilder text = new StringBuilder();
    text.append(repeat ? "already recorded as " : "recorded ").append(entry.id())
        .append(" on ").append(entry.date()).append(": ").append(AccountNumbers.mask(entry.memo()))
        .append(", ").append(MoneyFormats.withCurrency(total(entry)))
        .append(repeat ? " (nothing new recorded)" : "").append('\n');
    List<String[]> rows = new ArrayList<>();
    for (Posting posting : entry.postings()) {
      String name = journal.account(entry.book(), posting.account()).map(Account::name).orElse("");
      rows.add(new String[] {posting.side() == Side.DEBIT ? "Dr" : "Cr", posting.account().value(), name,
          MoneyFormats.indian(posting.amount())});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      text.append("  ").append(row[0]).append("  ")
          .append(String.format("%-" + widths[1] + "s", row[1])).append("  ")
          .append(String.format("%-" + widths[2] + "s", row[2])).append("  ")
          .append(String.format("%" + widths[3] + "s", row[3])).append('\n');
    }
    return text.toString();
  }

  /** What the entry moves: the sum of its debits (equal to its credits). */
  static Money total(JournalEntry entry) {
    Money total = Money.zero(entry.postings().get(0).amount().getCurrencyUnit());
    for (Posting posting : entry.postings()) {
      if (posting.side() == Side.DEBIT) {
        total = total.plus(posting.amount());
      }
    }
    return total;
  }
}
